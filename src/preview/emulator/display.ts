// What a cell shows (Range.getDisplayValues): a value under its number format, with the
// spreadsheet locale's separators, month and day names.
import { type LocaleRules, localeRules } from "./locale";
import { toSerial, zonedParts } from "./tz";
import {
  bare,
  DateVal,
  DEFAULT_NUMBER_FORMAT,
  isDateFormat,
  PLAIN_TEXT,
  splitSections,
  type Val,
} from "./values";

function groupThousands(intDigits: string, group: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
}

/** Default ("automatic") display of a number: up to 15 significant digits, trimmed. */
export function autoNumber(n: number, rules: LocaleRules = localeRules("en_US")): string {
  return autoNumberText(n).replace(".", rules.decimal);
}

function autoNumberText(n: number): string {
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

function formatNumberPattern(n: number, pattern: string, rules: LocaleRules): string {
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
    return `${value < 0 ? "-" : ""}${prefix}${m!.replace(".", rules.decimal)}E${sign}${String(Math.abs(exp)).padStart(expMatch[2]!.length, "0")}${suffix}`;
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
  if (grouping) intDigits = groupThousands(intDigits, rules.group);
  const body =
    fracDigits || (digits.includes(".") && minFrac > 0)
      ? `${intDigits}${rules.decimal}${fracDigits}`
      : intDigits;
  const isZero = Number(fixed) === 0;
  return `${negative && !isZero ? "-" : ""}${prefix}${body || (maxFrac === 0 && minInt === 0 ? "" : "0")}${suffix}`;
}

interface DateToken {
  kind: string;
  len: number;
  text?: string;
}

/** A date pattern's tokens: y, m (month), min, d, h, s, frac, ampm, [h] [m] [s], literals. */
function dateTokens(pattern: string): DateToken[] {
  let i = 0;
  const tokens: DateToken[] = [];
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
  return tokens;
}

function formatDatePattern(ms: number, pattern: string, tz: string, rules: LocaleRules): string {
  const p = zonedParts(ms, tz);
  const hasAmPm = /am\/pm|a\/p/i.test(bare(pattern));
  const serial = toSerial(ms, tz);
  let out = "";
  for (const t of dateTokens(pattern)) {
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
                ? rules.months[p.month - 1]!.slice(0, 3)
                : t.len === 5
                  ? rules.months[p.month - 1]![0]
                  : rules.months[p.month - 1];
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
                ? rules.days[p.weekday]!.slice(0, 3)
                : rules.days[p.weekday];
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

/** The display text of a value under a number format in a locale (Range.getDisplayValues). */
export function displayValue(
  value: Val | "",
  format: string | undefined,
  tz: string,
  locale = "en_US",
): string {
  const rules = localeRules(locale);
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
      return formatNumber(toSerial(value.ms, tz), fmt, rules);
    const pattern = fmt && isDateFormat(fmt) ? fmt : rules.dateTimeFormat;
    return formatDatePattern(value.ms, pattern, tz, rules);
  }
  if (fmt && isDateFormat(fmt)) {
    return formatDatePattern(Math.round((value - 25569) * 86_400_000), fmt, "UTC", rules);
  }
  if (!fmt || fmt === DEFAULT_NUMBER_FORMAT) return autoNumber(value, rules);
  return formatNumber(value, fmt, rules);
}

function formatNumber(n: number, format: string, rules: LocaleRules): string {
  const sections = splitSections(format);
  let section = sections[0]!;
  let value = n;
  if (n < 0 && sections.length >= 2 && sections[1] !== "") {
    section = sections[1]!;
    value = -n;
  } else if (n === 0 && sections.length >= 3 && sections[2] !== "") {
    section = sections[2]!;
  }
  if (/general/i.test(section)) return autoNumber(value, rules);
  return formatNumberPattern(value, section, rules);
}
