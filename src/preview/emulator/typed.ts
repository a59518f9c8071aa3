// Typed input: how Sheets reads a string a person types (or setValues writes) into a cell,
// by the spreadsheet's locale — a formula, a number, a date, a time, a boolean or text.
import { type LocaleRules, localeRules, monthIndex } from "./locale";
import { zonedParts, zonedToEpoch } from "./tz";
import { DateVal, type Val } from "./values";

export type Typed =
  | { kind: "empty" }
  | { kind: "formula"; formula: string }
  | { kind: "value"; value: Val; format?: string };

/** Where the input is typed: the spreadsheet's time zone and locale, and the time now. */
export interface TypedContext {
  tz: string;
  locale: string;
  now: number;
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < 0 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function twoDigitYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  // Sheets: 00–29 → 2000s, 30–99 → 1900s.
  return n < 30 ? 2000 + n : 1900 + n;
}

interface TimeParts {
  h: number;
  mi: number;
  s: number;
}

function parseTime(s: string): TimeParts | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i.exec(s.trim());
  if (!m) return null;
  let h = Number(m[1]);
  const mi = Number(m[2]);
  const sec = Number(m[3] ?? 0);
  if (m[4]) {
    if (h < 1 || h > 12) return null;
    const pm = m[4].toLowerCase().startsWith("p");
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || mi > 59 || sec > 59) return null;
  return { h, mi, s: sec };
}

interface DateParts {
  y: number;
  m: number;
  d: number;
  format: string;
}

function parseDatePart(s: string, at: TypedContext, rules: LocaleRules): DateParts | null {
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) {
    const sep = s[4];
    return {
      y: Number(m[1]),
      m: Number(m[2]),
      d: Number(m[3]),
      format: sep === "-" ? "yyyy-mm-dd" : `yyyy${sep}mm${sep}dd`,
    };
  }
  // Day and month in the locale's order: en_US month first, id_ID day first.
  const [mi, di] = rules.dayFirst ? [2, 1] : [1, 2];
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(s);
  if (m) {
    return { y: twoDigitYear(m[3]!), m: Number(m[mi]), d: Number(m[di]), format: rules.dateFormat };
  }
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (m) {
    const y = zonedParts(at.now, at.tz).year;
    return { y, m: Number(m[mi]), d: Number(m[di]), format: rules.dateFormat };
  }
  // "5 September 2019", "5 Sep 2019", "5-Sep-2019"
  m = /^(\d{1,2})[\s-]+([A-Za-z]+\.?)[\s,-]+(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const mo = monthIndex(m[2]!, rules);
    if (mo >= 0)
      return { y: twoDigitYear(m[3]!), m: mo + 1, d: Number(m[1]), format: "d mmmm yyyy" };
  }
  // "September 5, 2019", "Sep 5 2019"
  m = /^([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const mo = monthIndex(m[1]!, rules);
    if (mo >= 0)
      return { y: twoDigitYear(m[3]!), m: mo + 1, d: Number(m[2]), format: "mmmm d, yyyy" };
  }
  return null;
}

/** A number as the locale writes it: sign, digits grouped in threes, decimals, exponent, %, "$". */
function numberPattern(rules: LocaleRules): RegExp {
  const g = rules.group === "," ? "," : "\\.";
  const d = rules.decimal === "." ? "\\." : ",";
  const dollar = rules.dollar ? "(\\$)?" : "()";
  return new RegExp(
    `^([+-])?${dollar}(\\d{1,3}(?:${g}\\d{3})+|\\d+)?(?:${d}(\\d+))?(?:[eE]([+-]?\\d+))?(%)?$`,
  );
}

function parseNumber(s: string, rules: LocaleRules): { value: number; format?: string } | null {
  let t = s;
  let negative = false;
  // "$-5" / "-$5" / "($5)" are currency forms; keep the common ones.
  if (rules.dollar && t.startsWith("-$")) {
    negative = true;
    t = `$${t.slice(2)}`;
  }
  const m = numberPattern(rules).exec(t);
  if (!m) return null;
  const [, sign, dollar, intPart, frac, exp, percent] = m;
  if (intPart === undefined && frac === undefined) return null;
  if (dollar && (exp || percent)) return null;
  const grouped = intPart?.includes(rules.group) ?? false;
  const digits = `${(intPart ?? "0").split(rules.group).join("")}${frac !== undefined ? `.${frac}` : ""}${exp !== undefined ? `e${exp}` : ""}`;
  let value = Number(digits);
  if (!Number.isFinite(value)) return null;
  if (sign === "-" || negative) value = -value;
  if (percent) value = value / 100;
  if (Object.is(value, -0)) value = 0;
  let format: string | undefined;
  const decimals = frac?.length ?? 0;
  if (percent) format = decimals > 0 ? "0.00%" : "0%";
  else if (dollar) format = '"$"#,##0.00';
  else if (exp) format = "0.00E+00";
  else if (grouped) format = decimals > 0 ? "#,##0.00" : "#,##0";
  const out: { value: number; format?: string } = { value };
  if (format) out.format = format;
  return out;
}

/**
 * Parses a string as a person typing it into a cell of a spreadsheet with this locale: "=…" a
 * formula, "'…" text, numbers, percentages, dates, times, booleans; anything else stays text.
 */
export function parseTyped(input: string, at: TypedContext): Typed {
  const rules = localeRules(at.locale);
  const tz = at.tz;
  if (input === "") return { kind: "empty" };
  if (input.startsWith("'")) {
    const rest = input.slice(1);
    return rest === "" ? { kind: "empty" } : { kind: "value", value: rest };
  }
  if (input.startsWith("=") && input.length > 1) return { kind: "formula", formula: input };
  const s = input.trim();
  if (s === "") return { kind: "value", value: input };
  const upper = s.toUpperCase();
  if (upper === "TRUE") return { kind: "value", value: true };
  if (upper === "FALSE") return { kind: "value", value: false };
  const num = parseNumber(s, rules);
  if (num) {
    return num.format
      ? { kind: "value", value: num.value, format: num.format }
      : { kind: "value", value: num.value };
  }
  // Date, date + time, or time alone: all need a digit next to a separator or a month name.
  if (!/\d/.test(s) || s.length > 40) return { kind: "value", value: input };
  const dt = /^(.*?\d)(?:[\sT]+(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?))?$/i.exec(s);
  if (dt) {
    const date = parseDatePart(dt[1]!, at, rules);
    const time = dt[2] !== undefined ? parseTime(dt[2]) : { h: 0, mi: 0, s: 0 };
    if (date && time && validDate(date.y, date.m, date.d)) {
      const ms = zonedToEpoch(date.y, date.m, date.d, time.h, time.mi, time.s, 0, tz);
      const format =
        dt[2] === undefined
          ? date.format
          : date.format === "yyyy-mm-dd"
            ? "yyyy-mm-dd H:mm:ss"
            : rules.dateTimeFormat;
      return { kind: "value", value: new DateVal(ms), format };
    }
  }
  const time = parseTime(s);
  if (time) {
    const ms = zonedToEpoch(1899, 12, 30, time.h, time.mi, time.s, 0, tz);
    return { kind: "value", value: new DateVal(ms), format: "h:mm:ss am/pm" };
  }
  return { kind: "value", value: input };
}
