// Dictionary-free i18n helpers, shared by the server and the sidebar (which bundles only the
// dictionaries it needs).
import type { Locale } from "../types";

export type Params = Record<string, string | number>;

/** Maps a Google locale (`id`, `in_ID`, `en_US`, `en-GB`, …) to one we speak; Indonesian first. */
export function resolveLocale(locale: string | null | undefined): Locale {
  const lang = (locale ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return lang === "en" ? "en" : "id";
}

/**
 * Fills {name} placeholders; an unknown placeholder is left as it is. `{n|one|other}` picks a
 * word by the count `n` — "one" for 1, "other" otherwise — for English nouns ("1 review", "2
 * reviews"); Indonesian has no plural and never needs it.
 */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  const has = (name: string) => Object.prototype.hasOwnProperty.call(params, name);
  return template
    .replace(
      /\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g,
      (whole, name: string, one: string, other: string) =>
        has(name) ? (Number(params[name]) === 1 ? one : other) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => (has(name) ? String(params[name]) : whole));
}

/** A translate function over one dictionary. */
export function createTranslator<K extends string>(
  dict: Record<K, string>,
): (key: K, params?: Params) => string {
  return (key, params) => format(dict[key] ?? key, params);
}

export function hasKey<K extends string>(dict: Record<K, string>, key: string): key is K {
  return Object.prototype.hasOwnProperty.call(dict, key);
}
