// The sidebar's dictionaries: the domain words of core and the sidebar's own text, in both
// languages — not the server's (sheet headers, server messages arrive already localized) nor
// the meeting view's (meeting-i18n.ts), so the sidebar stays small. Same typed sources and
// helpers as src/core/i18n.
import { agenciesUiEn } from "../core/i18n/en/agencies-ui";
import { clientEn } from "../core/i18n/en/client";
import { coreEn } from "../core/i18n/en/core";
import { ledgerUiEn } from "../core/i18n/en/ledger-ui";
import { meetingEn } from "../core/i18n/en/meeting";
import { planUiEn } from "../core/i18n/en/plan-ui";
import { createTranslator, hasKey, type Params } from "../core/i18n/format";
import { agenciesUiId } from "../core/i18n/id/agencies-ui";
import { clientId } from "../core/i18n/id/client";
import { coreId } from "../core/i18n/id/core";
import { ledgerUiId } from "../core/i18n/id/ledger-ui";
import { meetingId } from "../core/i18n/id/meeting";
import { planUiId } from "../core/i18n/id/plan-ui";
import type { Locale } from "../core/types";

export { resolveLocale } from "../core/i18n/format";

const id = { ...coreId, ...clientId, ...meetingId, ...planUiId, ...ledgerUiId, ...agenciesUiId };
export type ClientKey = keyof typeof id;
export type T = (key: ClientKey, params?: Params) => string;

export const sidebarDictionaries: Record<Locale, Record<ClientKey, string>> = {
  id,
  en: { ...coreEn, ...clientEn, ...meetingEn, ...planUiEn, ...ledgerUiEn, ...agenciesUiEn },
};

export function translator(locale: Locale): T {
  return createTranslator(sidebarDictionaries[locale]);
}

export function isClientKey(key: string): key is ClientKey {
  return hasKey(id, key);
}
