// The spreadsheet locale's rules for reading typed input and for display (en_US, id_ID).
// Number formats are locale-neutral patterns ("#,##0.00": "," groups, "." is the decimal
// point); the locale decides the symbols they are shown with, as in Sheets.

export interface LocaleRules {
  /** The decimal separator and the group separator of typed and shown numbers. */
  decimal: "." | ",";
  group: "," | ".";
  /** 5/9/2019: day first (id_ID, 5 September) or month first (en_US, 9 May). */
  dayFirst: boolean;
  /** The format a typed date gets, and the one a date without a date format shows with. */
  dateFormat: string;
  dateTimeFormat: string;
  months: readonly string[];
  days: readonly string[];
  /** Whether a "$" amount is typed currency. */
  dollar: boolean;
}

const ENGLISH_MONTHS = [
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
] as const;
export const ENGLISH_DAYS = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
] as const;
export const MONTH_NAMES: readonly string[] = ENGLISH_MONTHS;
export const DAY_NAMES: readonly string[] = ENGLISH_DAYS;

const EN_US: LocaleRules = {
  decimal: ".",
  group: ",",
  dayFirst: false,
  dateFormat: "M/d/yyyy",
  dateTimeFormat: "M/d/yyyy H:mm:ss",
  months: ENGLISH_MONTHS,
  days: ENGLISH_DAYS,
  dollar: true,
};

const ID_ID: LocaleRules = {
  decimal: ",",
  group: ".",
  dayFirst: true,
  dateFormat: "dd/mm/yyyy",
  dateTimeFormat: "dd/mm/yyyy HH:mm:ss",
  months: [
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
  days: ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
  dollar: false,
};

/** The rules of a spreadsheet locale: id_ID (and any "id…"), else en_US. */
export function localeRules(locale: string | undefined): LocaleRules {
  return /^(id|in)(?:[_-]|$)/i.test(locale ?? "") ? ID_ID : EN_US;
}

/** The month (0–11) a word names in the locale (full or three-letter; English always works). */
export function monthIndex(word: string, rules: LocaleRules): number {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return -1;
  for (const names of [rules.months, ENGLISH_MONTHS]) {
    const i = names.findIndex((m) => {
      const n = m.toLowerCase();
      return n === w || (w.length === 3 && n.startsWith(w)) || (w === "sept" && n === "september");
    });
    if (i >= 0) return i;
  }
  return -1;
}
