// One typed dictionary per language. Indonesian is the source; English must have every key
// (a missing or extra key is a type error in en/*.ts). Messages use {name} placeholders.
import type { Locale } from "../types";
import { clientEn } from "./en/client";
import { coreEn } from "./en/core";
import { serverEn } from "./en/server";
import { clientId } from "./id/client";
import { coreId } from "./id/core";
import { serverId } from "./id/server";

const id = { ...coreId, ...serverId, ...clientId };
export type MessageKey = keyof typeof id;
export type Dictionary = Record<MessageKey, string>;

export const dictionaries: Record<Locale, Dictionary> = {
  id,
  en: { ...coreEn, ...serverEn, ...clientEn },
};

/** Maps a Google locale (`id`, `in_ID`, `en_US`, `en-GB`, …) to one we speak; Indonesian first. */
export function resolveLocale(locale: string | null | undefined): Locale {
  const lang = (locale ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return lang === "en" ? "en" : "id";
}

export type Params = Record<string, string | number>;

/** Fills {name} placeholders; an unknown placeholder is left as it is. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(locale: Locale): Translate {
  const dict = dictionaries[locale];
  return (key, params) => format(dict[key], params);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(id, key);
}
