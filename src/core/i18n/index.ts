// One typed dictionary per language. Indonesian is the source; English must have every key
// (a missing or extra key is a type error in en/*.ts). Messages use {name} placeholders.
// These are the server's and the engine's words; the sidebar's own (client.ts, plan-ui.ts,
// ledger-ui.ts, agencies-ui.ts) are bundled by src/client/i18n.ts only, so the server script,
// loaded for every call, does not build them (a sidebar key used here is a type error).
import type { Locale } from "../types";
import { agenciesEn } from "./en/agencies";
import { coreEn } from "./en/core";
import { ledgerEn } from "./en/ledger";
import { meetingEn } from "./en/meeting";
import { meetingViewEn } from "./en/meeting-view";
import { minutesEn } from "./en/minutes";
import { planningEn } from "./en/planning";
import { serverEn } from "./en/server";
import { format, hasKey, type Params } from "./format";
import { agenciesId } from "./id/agencies";
import { coreId } from "./id/core";
import { ledgerId } from "./id/ledger";
import { meetingId } from "./id/meeting";
import { meetingViewId } from "./id/meeting-view";
import { minutesId } from "./id/minutes";
import { planningId } from "./id/planning";
import { serverId } from "./id/server";

export { createTranslator, format, hasKey, type Params, resolveLocale } from "./format";

// Kept apart, not merged at load: the server script is loaded afresh for every call (in Apps
// Script as in the preview), and spreading both languages' ~700 keys into two objects was a
// sixth of that load. A translator looks a key up in the parts; the merged dictionaries are made
// on first use. A later part wins, as a spread would.
const parts = {
  id: [coreId, serverId, meetingId, meetingViewId, planningId, minutesId, ledgerId, agenciesId],
  en: [coreEn, serverEn, meetingEn, meetingViewEn, planningEn, minutesEn, ledgerEn, agenciesEn],
} as const;
type Part = (typeof parts.id)[number];
export type MessageKey = Part extends infer P ? (P extends unknown ? keyof P : never) : never;
export type Dictionary = Record<MessageKey, string>;

const merged: Partial<Record<Locale, Dictionary>> = {};

function dictionary(locale: Locale): Dictionary {
  const made = merged[locale] ?? (Object.assign({}, ...parts[locale]) as Dictionary);
  merged[locale] = made;
  return made;
}

/** Each language's whole dictionary (merged on first use). */
export const dictionaries: Readonly<Record<Locale, Dictionary>> = {
  get id() {
    return dictionary("id");
  },
  get en() {
    return dictionary("en");
  },
};

export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(locale: Locale): Translate {
  const lookup = [...parts[locale]].reverse() as readonly Readonly<Record<string, string>>[];
  return (key, params) => {
    for (const part of lookup) if (hasKey(part, key)) return format(part[key] as string, params);
    return format(key, params);
  };
}
