// Numbers and dates in words, as minutes (berita acara) write them: "Pada hari ini, Senin,
// tanggal tiga puluh bulan November tahun dua ribu dua puluh enam" / "On Monday, the thirtieth
// day of November in the year two thousand twenty-six".
import { formatDate, WEEKDAYS } from "./format";
import type { Locale } from "./types";

const ID_UNITS = [
  "nol",
  "satu",
  "dua",
  "tiga",
  "empat",
  "lima",
  "enam",
  "tujuh",
  "delapan",
  "sembilan",
  "sepuluh",
  "sebelas",
];

/** 0 ≤ n < 1 000 000, in Indonesian words ("seratus", "seribu", "dua ribu dua puluh enam"). */
export function numberWordsId(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000) return String(n);
  if (n < 12) return ID_UNITS[n] as string;
  if (n < 20) return `${ID_UNITS[n - 10]} belas`;
  const join = (head: string, rest: number) =>
    rest === 0 ? head : `${head} ${numberWordsId(rest)}`;
  if (n < 100) return join(`${ID_UNITS[Math.floor(n / 10)]} puluh`, n % 10);
  if (n < 200) return join("seratus", n - 100);
  if (n < 1000) return join(`${ID_UNITS[Math.floor(n / 100)]} ratus`, n % 100);
  if (n < 2000) return join("seribu", n - 1000);
  return join(`${numberWordsId(Math.floor(n / 1000))} ribu`, n % 1000);
}

const EN_UNITS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const EN_TENS = [
  "",
  "",
  "twenty",
  "thirty",
  "forty",
  "fifty",
  "sixty",
  "seventy",
  "eighty",
  "ninety",
];

/** 0 ≤ n < 1 000 000, in English words ("two thousand twenty-six"). */
export function numberWordsEn(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000) return String(n);
  if (n < 20) return EN_UNITS[n] as string;
  if (n < 100) {
    const tens = EN_TENS[Math.floor(n / 10)] as string;
    return n % 10 === 0 ? tens : `${tens}-${EN_UNITS[n % 10]}`;
  }
  const join = (head: string, rest: number) =>
    rest === 0 ? head : `${head} ${numberWordsEn(rest)}`;
  if (n < 1000) return join(`${EN_UNITS[Math.floor(n / 100)]} hundred`, n % 100);
  return join(`${numberWordsEn(Math.floor(n / 1000))} thousand`, n % 1000);
}

const EN_ORDINAL: Record<string, string> = {
  one: "first",
  two: "second",
  three: "third",
  five: "fifth",
  eight: "eighth",
  nine: "ninth",
  twelve: "twelfth",
};

/** 1 → "first", 22 → "twenty-second", 30 → "thirtieth". */
export function ordinalWordsEn(n: number): string {
  const words = numberWordsEn(n);
  const m = /^(.*?)([a-z]+)$/.exec(words);
  if (!m) return words;
  const [, head = "", last = ""] = m;
  const ord = EN_ORDINAL[last] ?? (last.endsWith("y") ? `${last.slice(0, -1)}ieth` : `${last}th`);
  return head + ord;
}

/** The weekday of a calendar date "YYYY-MM-DD" (no time zone: the date is already local). */
export function weekday(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return WEEKDAYS[locale][new Date(Date.UTC(y, m - 1, d)).getUTCDay()] as string;
}

/**
 * The date of a minutes' opening in words: id "Senin, tanggal tiga puluh bulan November tahun
 * dua ribu dua puluh enam (30 November 2026)"; en "Monday, the thirtieth day of November in
 * the year two thousand twenty-six (30 November 2026)".
 */
export function dateInWords(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const month = formatDate(iso, locale).split(" ")[1] ?? String(m);
  if (locale === "en") {
    return `${weekday(iso, "en")}, the ${ordinalWordsEn(d)} day of ${month} in the year ${numberWordsEn(y)} (${formatDate(iso, "en")})`;
  }
  return `${weekday(iso, "id")}, tanggal ${numberWordsId(d)} bulan ${month} tahun ${numberWordsId(y)} (${formatDate(iso, "id")})`;
}
