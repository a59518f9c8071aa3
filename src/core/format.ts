// Pure formatting for the sidebar and the sheets, per docs/domain.md: Rupiah "Rp1.500.000",
// dates "5 September 2019" / "05/09/2019", WIB time "10.30". No Intl: the output must be the
// same everywhere (Intl's id-ID currency inserts a non-breaking space and varies by engine).
import type { Locale } from "./types";

/** Month names, January first. */
export const MONTHS: Record<Locale, readonly string[]> = {
  id: [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

/** Weekday names, Sunday first (as Date#getUTCDay counts). */
export const WEEKDAYS: Record<Locale, readonly string[]> = {
  id: ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};

/** Groups the digits of a non-negative integer string by thousands with `sep`. */
function group(digits: string, sep: string): string {
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += sep;
    out += digits.charAt(i);
  }
  return out;
}

/** Whole number with Indonesian thousands dots: 1500000 → "1.500.000". */
export function formatInteger(n: number, locale: Locale = "id"): string {
  const sign = n < 0 ? "-" : "";
  return sign + group(String(Math.abs(Math.round(n))), locale === "en" ? "," : ".");
}

/** Rupiah as Indonesians write it: 1500000 → "Rp1.500.000" (no space, no decimals). */
export function formatRupiah(n: number): string {
  if (!Number.isFinite(n)) return "";
  const sign = n < 0 ? "-" : "";
  return `${sign}Rp${group(String(Math.abs(Math.round(n))), ".")}`;
}

const SPACES = /[\s\u00a0\u202f\u2007]+/g;

/**
 * Reads an amount of Rupiah as people type it: "1.500.000", "1500000", "Rp 1.500.000",
 * "Rp1.500.000,-", "Rp. 1.500.000,00", "IDR 1,500,000". Returns a whole number, or null when
 * the text is empty or is not a whole amount (e.g. "1,5", "12.34", "abc").
 */
export function parseRupiah(text: string): number | null {
  let s = text.replace(SPACES, "");
  let negative = false;
  if (s.startsWith("-")) {
    negative = true;
    s = s.slice(1);
  }
  s = s.replace(/^(rp\.?|idr)/i, "");
  if (!negative && s.startsWith("-")) {
    negative = true;
    s = s.slice(1);
  }
  // Trailing ",-" or ",00" (or ".00" after comma grouping) mean "no cents".
  s = s.replace(/,-$/, "").replace(/\.-$/, "");
  let digits: string;
  if (/^\d+$/.test(s)) digits = s;
  else if (/^\d{1,3}(\.\d{3})+(,0{1,2})?$/.test(s))
    digits = s.replace(/,0+$/, "").replace(/\./g, "");
  else if (/^\d+,0{1,2}$/.test(s)) digits = s.replace(/,0+$/, "");
  else if (/^\d{1,3}(,\d{3})+(\.0{1,2})?$/.test(s))
    digits = s.replace(/\.0+$/, "").replace(/,/g, "");
  else return null;
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return null;
  return negative && value !== 0 ? -value : value;
}

/** A count typed with or without thousands separators ("12.500", "12500"); null if not one. */
export function parseCount(text: string): number | null {
  const s = text.replace(SPACES, "");
  if (/^rp/i.test(s)) return null;
  return parseRupiah(s);
}

function isoParts(iso: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * A date as people type it, day first whatever the browser's locale: "5/9/2019", "05-09-2019",
 * "5.9.2019", or ISO "2019-09-05". The ISO date, or null when it is not a real date.
 */
export function parseDateInput(text: string): string | null {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dmy = iso ? null : /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!iso && !dmy) return null;
  const [y, m, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : [Number(dmy?.[3]), Number(dmy?.[2]), Number(dmy?.[1])];
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return null;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** "2019-09-05" → "5 September 2019" (Indonesian months by default). Unknown text unchanged. */
export function formatDate(iso: string, locale: Locale = "id"): string {
  const p = isoParts(iso);
  if (!p || p[1] < 1 || p[1] > 12) return iso;
  return `${p[2]} ${MONTHS[locale][p[1] - 1]} ${p[0]}`;
}

/** "2019-09-05" → "05/09/2019". Unknown text unchanged. */
export function formatDateShort(iso: string): string {
  const p = isoParts(iso);
  if (!p) return iso;
  return `${pad(p[2])}/${pad(p[1])}/${p[0]}`;
}

const WIB_OFFSET_MS = 7 * 3_600_000;

/** The WIB (UTC+7, no daylight saving) wall clock of an instant, or null for a bad timestamp. */
function wib(timestamp: string | number): Date | null {
  const ms = typeof timestamp === "number" ? timestamp : Date.parse(timestamp);
  if (!Number.isFinite(ms)) return null;
  return new Date(ms + WIB_OFFSET_MS);
}

/** 24-hour WIB time of an instant: "10.30" (Indonesian), "10:30" (English). */
export function formatTimeWib(timestamp: string | number, locale: Locale = "id"): string {
  const d = wib(timestamp);
  if (!d) return "";
  return `${pad(d.getUTCHours())}${locale === "en" ? ":" : "."}${pad(d.getUTCMinutes())}`;
}

/** "5 September 2019, 10.30 WIB". */
export function formatDateTimeWib(timestamp: string | number, locale: Locale = "id"): string {
  const d = wib(timestamp);
  if (!d) return "";
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${formatDate(date, locale)}, ${formatTimeWib(timestamp, locale)} WIB`;
}

/** A decimal with a fixed number of digits: 78.45 → "78,5" (id) or "78.5" (en). */
export function formatDecimal(n: number, digits: number, locale: Locale = "id"): string {
  if (!Number.isFinite(n)) return "";
  const fixed = Math.abs(n).toFixed(digits);
  const [whole = "0", frac] = fixed.split(".");
  const sign = n < 0 && Number(fixed) !== 0 ? "-" : "";
  const sep = locale === "en" ? "," : ".";
  const dec = locale === "en" ? "." : ",";
  return sign + group(whole, sep) + (frac ? dec + frac : "");
}

/**
 * A score as it is shown everywhere (sidebar, sheets, CSV): one decimal, also for whole scores,
 * 73.125 → "73,1" (id) or "73.1" (en), 61 → "61,0". The sheets keep the full value in the cell
 * and show it with SCORE_NUMBER_FORMAT. Not finite (or null): "".
 */
export function formatScore(value: number | null, locale: Locale = "id"): string {
  return value === null ? "" : formatDecimal(value, 1, locale);
}

/** The sheets' number format for a score: one decimal, the cell keeping the full value. */
export const SCORE_NUMBER_FORMAT = "0.0";

/** A share 0..1 as a whole percentage: 0.923 → "92%". */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return "";
  return `${Math.round(share * 100)}%`;
}

/** The CSV file name for a day: "daftar-pendek-2019-09-05.csv", the day taken in WIB. */
export function csvFileName(now: number, locale: Locale = "id"): string {
  const d = new Date(now + WIB_OFFSET_MS);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${locale === "en" ? "shortlist" : "daftar-pendek"}-${day}.csv`;
}
