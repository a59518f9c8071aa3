// Cell values as Sheets holds them, and what a number format says about them.
import { fromSerial } from "./tz";

/** A date-time value (Sheets keeps a serial number with a date format; we keep the instant). */
export class DateVal {
  constructor(readonly ms: number) {}
}

/** The date a serial number stands for, read in the zone. */
export function fromSerialValue(serial: number, tz: string): DateVal {
  return new DateVal(fromSerial(serial, tz));
}

/** What a cell can hold. Error values (#NAME? …) are strings, as getValues returns them. */
export type Val = number | string | boolean | DateVal;

/** The format a fresh cell reports (Range.getNumberFormat on a new sheet). */
export const DEFAULT_NUMBER_FORMAT = "0.###############";
export const PLAIN_TEXT = "@";
export const CELL_CHAR_LIMIT = 50_000;

// ---------- number formats ----------

export function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted) {
      cur += ch + (format[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** The format with quoted text, escapes and [..] blocks removed (to classify it). */
export function bare(format: string): string {
  return format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === PLAIN_TEXT) return false;
  const b = bare(splitSections(format)[0] ?? "");
  if (/general/i.test(b)) return false;
  if (/[eE][+-]/.test(b)) return false;
  return /[ydhms]/i.test(b) || /am\/pm|a\/p/i.test(b) || /\[h+\]|\[m+\]|\[s+\]/i.test(format);
}

/** A number format that makes a date cell read back as a number. */
export function isNumberFormat(format: string | undefined): boolean {
  if (!format || format === PLAIN_TEXT || format === DEFAULT_NUMBER_FORMAT) return false;
  if (/^general$/i.test(format.trim())) return false;
  return !isDateFormat(format);
}
