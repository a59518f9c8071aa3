// One typed dictionary per language. Indonesian is the source; English must have every key
// (a missing or extra key is a type error in en/*.ts). Messages use {name} placeholders.
import type { Locale } from "../types";
import { agenciesEn } from "./en/agencies";
import { agenciesUiEn } from "./en/agencies-ui";
import { clientEn } from "./en/client";
import { coreEn } from "./en/core";
import { ledgerEn } from "./en/ledger";
import { meetingEn } from "./en/meeting";
import { meetingViewEn } from "./en/meeting-view";
import { minutesEn } from "./en/minutes";
import { planningEn } from "./en/planning";
import { serverEn } from "./en/server";
import { createTranslator, type Params } from "./format";
import { agenciesId } from "./id/agencies";
import { agenciesUiId } from "./id/agencies-ui";
import { clientId } from "./id/client";
import { coreId } from "./id/core";
import { ledgerId } from "./id/ledger";
import { meetingId } from "./id/meeting";
import { meetingViewId } from "./id/meeting-view";
import { minutesId } from "./id/minutes";
import { planningId } from "./id/planning";
import { serverId } from "./id/server";

export { createTranslator, format, hasKey, type Params, resolveLocale } from "./format";

const id = {
  ...coreId,
  ...serverId,
  ...clientId,
  ...meetingId,
  ...meetingViewId,
  ...planningId,
  ...minutesId,
  ...ledgerId,
  ...agenciesId,
  ...agenciesUiId,
};
export type MessageKey = keyof typeof id;
export type Dictionary = Record<MessageKey, string>;

export const dictionaries: Record<Locale, Dictionary> = {
  id,
  en: {
    ...coreEn,
    ...serverEn,
    ...clientEn,
    ...meetingEn,
    ...meetingViewEn,
    ...planningEn,
    ...minutesEn,
    ...ledgerEn,
    ...agenciesEn,
    ...agenciesUiEn,
  },
};

export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(locale: Locale): Translate {
  return createTranslator(dictionaries[locale]);
}
