// The sidebar's dictionaries: the domain words of core and the sidebar's own text, in both
// languages — not the server's (sheet headers, server messages arrive already localized), so
// the sidebar stays small. Same typed sources as src/core/i18n; same {name} placeholders.

import { clientEn } from "../core/i18n/en/client";
import { coreEn } from "../core/i18n/en/core";
import { clientId } from "../core/i18n/id/client";
import { coreId } from "../core/i18n/id/core";
import type { Locale } from "../core/types";

const id = { ...coreId, ...clientId };
export type ClientKey = keyof typeof id;
export type Params = Record<string, string | number>;
export type T = (key: ClientKey, params?: Params) => string;

const dictionaries: Record<Locale, Record<ClientKey, string>> = {
  id,
  en: { ...coreEn, ...clientEn },
};

/** Maps a Google locale (`id`, `in_ID`, `en_US`, …) to one we speak; Indonesian first. */
export function resolveLocale(locale: string | null | undefined): Locale {
  const lang = (locale ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return lang === "en" ? "en" : "id";
}

/** Fills {name} placeholders; an unknown placeholder is left as it is. */
export function fill(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function translator(locale: Locale): T {
  const dict = dictionaries[locale];
  return (key, params) => fill(dict[key] ?? key, params);
}

export function isClientKey(key: string): key is ClientKey {
  return Object.prototype.hasOwnProperty.call(id, key);
}
