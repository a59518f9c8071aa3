// CSV for the shortlist download: RFC 4180 quoting, CRLF lines, in one of two styles the user
// picks beside the download (the default by the sidebar's language): `semicolon` (fields split
// by ; and decimal commas, as an Indonesian Excel or LibreOffice reads a CSV) or `comma` (fields
// split by , and decimal points, the English default). Built on the client from the rows the
// server returns, so changing the style needs no second export.
//
// Formula guard. Excel and LibreOffice evaluate a CSV field as a formula when it starts with
// = + - or (Excel, also in CSV) @; a leading tab or carriage return is stripped by some importers
// and exposes the character after it. What is safe without a guard:
// - numbers we wrote ourselves (rank, budget, score, chance, value for money) are written as
//   plain numbers: `-5` or `-0,5` is read as the number it is, never as a formula, so number
//   cells are never guarded;
// - text starting with any other character (names, agencies, ISO dates, rank ranges "1–3").
// What stays guarded: every TEXT cell starting with = + - @, tab or CR gets a leading
// apostrophe. That includes a name such as `@PatiBersih`: Excel reads a leading @ in a CSV
// field as a formula start (the implicit-intersection operator), so `@SUM(…)` in a name would
// run; the apostrophe it leaves visible in LibreOffice is the price of that (README).

import type { Locale } from "./types";

export const CSV_STYLES = ["semicolon", "comma"] as const;
export type CsvStyle = (typeof CSV_STYLES)[number];
/** A CSV cell as the server sends it (JSON-clean). */
export type CsvValue = string | number | boolean | null;

/** id → semicolon with decimal comma; en → comma with decimal point. */
export function defaultCsvStyle(locale: Locale): CsvStyle {
  return locale === "id" ? "semicolon" : "comma";
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown, style: CsvStyle = "comma"): string {
  const separator = style === "semicolon" ? ";" : ",";
  let s: string;
  if (value === null || value === undefined) s = "";
  else if (typeof value === "number") {
    s = Number.isFinite(value) ? String(value) : "";
    if (style === "semicolon") s = s.replace(".", ",");
  } else if (typeof value === "boolean") s = value ? "TRUE" : "FALSE";
  else {
    s = String(value);
    if (FORMULA_START.test(s)) s = `'${s}`;
  }
  const needsQuotes = s.includes(separator) || /["\r\n]/.test(s);
  return needsQuotes ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly unknown[])[], style: CsvStyle = "comma"): string {
  const separator = style === "semicolon" ? ";" : ",";
  return `${rows.map((row) => row.map((v) => csvCell(v, style)).join(separator)).join("\r\n")}\r\n`;
}
