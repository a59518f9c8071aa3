// Cell values as Sheets holds them, typed-input coercion (spreadsheet locale en_US), and
// display formatting by number format.
import { fromSerial, toSerial, zonedParts, zonedToEpoch } from "./tz";

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

export type Typed =
  | { kind: "empty" }
  | { kind: "formula"; formula: string }
  | { kind: "value"; value: Val; format?: string };

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
export const MONTH_NAMES = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1));
export const DAY_NAMES = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
];

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return -1;
  return MONTHS.findIndex((m) => m === w || (w.length === 3 && m.startsWith(w)) || w === "sept");
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

function parseDatePart(s: string, now: number, tz: string): DateParts | null {
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
  // en_US: month first.
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(s);
  if (m) return { y: twoDigitYear(m[3]!), m: Number(m[1]), d: Number(m[2]), format: "M/d/yyyy" };
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (m) return { y: zonedParts(now, tz).year, m: Number(m[1]), d: Number(m[2]), format: "M/d" };
  // "5 September 2019", "5 Sep 2019", "5-Sep-2019"
  m = /^(\d{1,2})[\s-]+([A-Za-z]+\.?)[\s,-]+(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const mo = monthIndex(m[2]!);
    if (mo >= 0)
      return { y: twoDigitYear(m[3]!), m: mo + 1, d: Number(m[1]), format: "d mmmm yyyy" };
  }
  // "September 5, 2019", "Sep 5 2019"
  m = /^([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const mo = monthIndex(m[1]!);
    if (mo >= 0)
      return { y: twoDigitYear(m[3]!), m: mo + 1, d: Number(m[2]), format: "mmmm d, yyyy" };
  }
  return null;
}

/** en_US number: sign, digits grouped by "," in threes, ".", exponent, %, "$". */
const NUMBER = /^([+-])?(\$)?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?(?:[eE]([+-]?\d+))?(%)?$/;

function parseNumber(s: string): { value: number; format?: string } | null {
  let t = s;
  let negative = false;
  // "$-5" / "-$5" / "($5)" are currency forms; keep the common ones.
  if (t.startsWith("-$")) {
    negative = true;
    t = `$${t.slice(2)}`;
  }
  const m = NUMBER.exec(t);
  if (!m) return null;
  const [, sign, dollar, intPart, frac, exp, percent] = m;
  if (intPart === undefined && frac === undefined) return null;
  if (dollar && (exp || percent)) return null;
  const digits = `${(intPart ?? "0").replace(/,/g, "")}${frac !== undefined ? `.${frac}` : ""}${exp !== undefined ? `e${exp}` : ""}`;
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
  else if (intPart?.includes(",")) format = decimals > 0 ? "#,##0.00" : "#,##0";
  const out: { value: number; format?: string } = { value };
  if (format) out.format = format;
  return out;
}

/**
 * Parses a string as a person typing it into a cell with the en_US locale: "=…" a formula,
 * "'…" text, numbers, percentages, dates, times, booleans; anything else stays text.
 */
export function parseTyped(input: string, tz: string, now = Date.now()): Typed {
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
  const num = parseNumber(s);
  if (num) {
    return num.format
      ? { kind: "value", value: num.value, format: num.format }
      : { kind: "value", value: num.value };
  }
  // Date, date + time, or time alone: all need a digit next to a separator or a month name.
  if (!/\d/.test(s) || s.length > 40) return { kind: "value", value: input };
  const dt = /^(.*?\d)(?:[\sT]+(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?))?$/i.exec(s);
  if (dt) {
    const date = parseDatePart(dt[1]!, now, tz);
    const time = dt[2] !== undefined ? parseTime(dt[2]) : { h: 0, mi: 0, s: 0 };
    if (date && time && validDate(date.y, date.m, date.d)) {
      const ms = zonedToEpoch(date.y, date.m, date.d, time.h, time.mi, time.s, 0, tz);
      const format =
        dt[2] !== undefined
          ? `${date.format === "yyyy-mm-dd" ? "yyyy-mm-dd" : "M/d/yyyy"} H:mm:ss`
          : date.format === "M/d"
            ? "M/d/yyyy"
            : date.format;
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

// ---------- number formats ----------

function splitSections(format: string): string[] {
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
function bare(format: string): string {
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

function groupThousands(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Default ("automatic") display of a number: up to 15 significant digits, trimmed. */
export function autoNumber(n: number): string {
  if (!Number.isFinite(n)) return "#NUM!";
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e15 || abs < 1e-10) {
    const [mant, exp] = n.toExponential(2).split("e");
    const e = Number(exp);
    return `${mant!.replace(/\.?0+$/, "")}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  return String(Number(n.toPrecision(15)));
}

function literalText(format: string, i: number): { text: string; next: number } | null {
  const ch = format[i]!;
  if (ch === '"') {
    const end = format.indexOf('"', i + 1);
    const stop = end < 0 ? format.length : end;
    return { text: format.slice(i + 1, stop), next: stop + 1 };
  }
  if (ch === "\\") return { text: format[i + 1] ?? "", next: i + 2 };
  if (ch === "[") {
    const end = format.indexOf("]", i);
    const inner = format.slice(i + 1, end < 0 ? format.length : end);
    const currency = /^\$([^-\]]*)/.exec(inner);
    return { text: currency ? currency[1]! : "", next: end < 0 ? format.length : end + 1 };
  }
  return null;
}

function formatNumberPattern(n: number, pattern: string): string {
  // Split into prefix literals, the digit pattern and suffix literals.
  let percent = 0;
  let prefix = "";
  let suffix = "";
  let digits = "";
  let seenDigits = false;
  let i = 0;
  while (i < pattern.length) {
    const lit = literalText(pattern, i);
    if (lit) {
      if (seenDigits) suffix += lit.text;
      else prefix += lit.text;
      i = lit.next;
      continue;
    }
    const ch = pattern[i]!;
    if (
      "0#?.,".includes(ch) ||
      ((ch === "E" || ch === "e") && seenDigits && /[+-]/.test(pattern[i + 1] ?? ""))
    ) {
      if (ch === "E" || ch === "e") {
        digits += pattern.slice(i, i + 2);
        i += 2;
        while (pattern[i] === "0") digits += pattern[i++];
        seenDigits = true;
        continue;
      }
      digits += ch;
      seenDigits = true;
    } else if (ch === "%") {
      percent++;
      if (seenDigits) suffix += "%";
      else prefix += "%";
    } else if (ch === "*" || ch === "_") {
      i++; // fill / padding: ignored
    } else if (seenDigits) suffix += ch;
    else prefix += ch;
    i++;
  }
  let value = n * 100 ** percent;
  const expMatch = /[eE]([+-])(0+)/.exec(digits);
  if (expMatch) {
    const mantissa = digits.slice(0, expMatch.index);
    const decimals = (mantissa.split(".")[1] ?? "").replace(/[^0#?]/g, "").length;
    const [m, e] = Math.abs(value).toExponential(decimals).split("e");
    const exp = Number(e);
    const sign = exp < 0 ? "-" : expMatch[1] === "+" ? "+" : "";
    return `${value < 0 ? "-" : ""}${prefix}${m}E${sign}${String(Math.abs(exp)).padStart(expMatch[2]!.length, "0")}${suffix}`;
  }
  // Trailing commas scale by 1000.
  while (digits.endsWith(",")) {
    digits = digits.slice(0, -1);
    value /= 1000;
  }
  const [intPat = "", fracPat = ""] = digits.split(".");
  const grouping = intPat.includes(",");
  const minFrac = (fracPat.match(/0/g) ?? []).length;
  const maxFrac = fracPat.replace(/[^0#?]/g, "").length;
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(maxFrac);
  let [intDigits = "0", fracDigits = ""] = fixed.split(".");
  while (fracDigits.length > minFrac && fracDigits.endsWith("0"))
    fracDigits = fracDigits.slice(0, -1);
  const minInt = (intPat.match(/0/g) ?? []).length;
  if (intDigits === "0" && minInt === 0) intDigits = "";
  intDigits = intDigits.padStart(minInt, "0");
  if (grouping) intDigits = groupThousands(intDigits);
  const body =
    fracDigits || (digits.includes(".") && minFrac > 0) ? `${intDigits}.${fracDigits}` : intDigits;
  const isZero = Number(fixed) === 0;
  return `${negative && !isZero ? "-" : ""}${prefix}${body || (maxFrac === 0 && minInt === 0 ? "" : "0")}${suffix}`;
}

function formatDatePattern(ms: number, pattern: string, tz: string): string {
  const p = zonedParts(ms, tz);
  const hasAmPm = /am\/pm|a\/p/i.test(bare(pattern));
  let out = "";
  let i = 0;
  const tokens: { kind: string; len: number; text?: string }[] = [];
  while (i < pattern.length) {
    const lit = literalText(pattern, i);
    if (lit) {
      const elapsed = /^\[(h+|m+|s+)\]/i.exec(pattern.slice(i));
      if (elapsed) {
        tokens.push({ kind: `[${elapsed[1]![0]!.toLowerCase()}]`, len: elapsed[1]!.length });
      } else tokens.push({ kind: "lit", len: 0, text: lit.text });
      i = lit.next;
      continue;
    }
    const rest = pattern.slice(i);
    const ampm = /^(am\/pm|a\/p)/i.exec(rest);
    if (ampm) {
      tokens.push({ kind: "ampm", len: ampm[1]!.length, text: ampm[1]! });
      i += ampm[1]!.length;
      continue;
    }
    const ch = pattern[i]!.toLowerCase();
    if ("ydhms".includes(ch)) {
      let len = 1;
      while (pattern[i + len]?.toLowerCase() === ch) len++;
      tokens.push({ kind: ch, len });
      i += len;
      continue;
    }
    if (
      ch === "." &&
      /^\.0+/.test(rest) &&
      tokens.length &&
      tokens[tokens.length - 1]!.kind === "s"
    ) {
      const m = /^\.(0+)/.exec(rest)!;
      tokens.push({ kind: "frac", len: m[1]!.length });
      i += m[0].length;
      continue;
    }
    tokens.push({ kind: "lit", len: 0, text: pattern[i]! });
    i++;
  }
  // "m" is minutes right after an hour or right before seconds.
  tokens.forEach((t, idx) => {
    if (t.kind !== "m") return;
    const prev = tokens
      .slice(0, idx)
      .reverse()
      .find((x) => x.kind !== "lit");
    const next = tokens.slice(idx + 1).find((x) => x.kind !== "lit");
    if (t.len <= 2 && (prev?.kind === "h" || next?.kind === "s")) t.kind = "min";
  });
  const serial = toSerial(ms, tz);
  for (const t of tokens) {
    switch (t.kind) {
      case "lit":
        out += t.text;
        break;
      case "y":
        out += t.len <= 2 ? String(p.year % 100).padStart(2, "0") : String(p.year);
        break;
      case "m":
        out +=
          t.len === 1
            ? String(p.month)
            : t.len === 2
              ? String(p.month).padStart(2, "0")
              : t.len === 3
                ? MONTH_NAMES[p.month - 1]!.slice(0, 3)
                : t.len === 5
                  ? MONTH_NAMES[p.month - 1]![0]
                  : MONTH_NAMES[p.month - 1];
        break;
      case "min":
        out += t.len === 1 ? String(p.minute) : String(p.minute).padStart(2, "0");
        break;
      case "d":
        out +=
          t.len === 1
            ? String(p.day)
            : t.len === 2
              ? String(p.day).padStart(2, "0")
              : t.len === 3
                ? DAY_NAMES[p.weekday]!.slice(0, 3)
                : DAY_NAMES[p.weekday];
        break;
      case "h": {
        const h = hasAmPm ? p.hour % 12 || 12 : p.hour;
        out += t.len === 1 ? String(h) : String(h).padStart(2, "0");
        break;
      }
      case "s":
        out += t.len === 1 ? String(p.second) : String(p.second).padStart(2, "0");
        break;
      case "frac":
        out += `.${String(p.millisecond).padStart(3, "0").slice(0, t.len).padEnd(t.len, "0")}`;
        break;
      case "ampm": {
        const pm = p.hour >= 12;
        const text = t.text ?? "AM/PM";
        if (/^a\/p$/i.test(text)) out += pm ? "p" : "a";
        else out += pm ? "PM" : "AM";
        break;
      }
      case "[h]":
        out += String(Math.floor(serial * 24)).padStart(t.len, "0");
        break;
      case "[m]":
        out += String(Math.floor(serial * 1440)).padStart(t.len, "0");
        break;
      case "[s]":
        out += String(Math.floor(serial * 86400)).padStart(t.len, "0");
        break;
    }
  }
  return out;
}

/** The display text of a value under a number format (Range.getDisplayValues). */
export function displayValue(value: Val | "", format: string | undefined, tz: string): string {
  if (value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") {
    const sections = format ? splitSections(format) : [];
    const textSection = sections.length === 4 ? sections[3]! : undefined;
    if (textSection?.includes("@"))
      return textSection.replace(/"([^"]*)"/g, "$1").replace("@", value);
    return value;
  }
  const fmt = !format || format === PLAIN_TEXT || /^general$/i.test(format) ? undefined : format;
  if (value instanceof DateVal) {
    if (fmt && !isDateFormat(fmt) && fmt !== DEFAULT_NUMBER_FORMAT)
      return formatNumber(toSerial(value.ms, tz), fmt);
    return formatDatePattern(value.ms, fmt && isDateFormat(fmt) ? fmt : "M/d/yyyy H:mm:ss", tz);
  }
  if (fmt && isDateFormat(fmt)) {
    return formatDatePattern(Math.round((value - 25569) * 86_400_000) - 0, fmt, "UTC");
  }
  if (!fmt || fmt === DEFAULT_NUMBER_FORMAT) return autoNumber(value);
  return formatNumber(value, fmt);
}

function formatNumber(n: number, format: string): string {
  const sections = splitSections(format);
  let section = sections[0]!;
  let value = n;
  if (n < 0 && sections.length >= 2 && sections[1] !== "") {
    section = sections[1]!;
    value = -n;
  } else if (n === 0 && sections.length >= 3 && sections[2] !== "") {
    section = sections[2]!;
  }
  if (/general/i.test(section)) return autoNumber(value);
  return formatNumberPattern(value, section);
}
