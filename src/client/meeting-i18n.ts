// The meeting dialog's dictionaries: the sidebar's, and the meeting view's own words, which only
// the dialog bundles (the sidebar stays within its size budget without them).
import { meetingViewEn } from "../core/i18n/en/meeting-view";
import { createTranslator, type Params } from "../core/i18n/format";
import { meetingViewId } from "../core/i18n/id/meeting-view";
import type { Locale } from "../core/types";
import { type ClientKey, sidebarDictionaries } from "./i18n";

export type MeetingKey = ClientKey | keyof typeof meetingViewId;
/** A translator the sidebar's views accept too (they ask for fewer keys). */
export type MeetingT = (key: MeetingKey, params?: Params) => string;

const views: Record<Locale, Record<keyof typeof meetingViewId, string>> = {
  id: meetingViewId,
  en: meetingViewEn,
};

export function meetingTranslator(locale: Locale): MeetingT {
  return createTranslator<MeetingKey>({ ...sidebarDictionaries[locale], ...views[locale] });
}
