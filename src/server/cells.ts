// Cell conversions for hand-edited sheets: whatever a person typed (numbers as text in the
// Indonesian style, TRUE/ya/tidak, dates Sheets turned into Date objects) becomes the plain
// values the zod record schemas expect. Pure: no Apps Script service is called here.

/** True for a Date, also one created in another realm (the emulator, Apps Script). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

const SHAPES = {
  date: { year: "numeric", month: "2-digit", day: "2-digit" },
  minute: {
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/**
 * An "en-US" formatter of wall-clock parts in a zone, made once per zone and shape: making one
 * costs far more than using it, and date cells are read by the thousand. null for a zone that
 * Intl does not know.
 */
export function zoneFormatter(
  timeZone: string,
  shape: keyof typeof SHAPES,
): Intl.DateTimeFormat | null {
  const key = `${shape} ${timeZone}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", { timeZone, ...SHAPES[shape] });
    } catch {
      formatter = null;
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

/** YYYY-MM-DD of an instant in a time zone (Intl where it knows the zone, else UTC+7). */
export function dateInZone(date: Date, timeZone: string): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return "";
  const formatter = zoneFormatter(timeZone, "date");
  if (formatter) {
    const parts = formatter.formatToParts(new Date(ms));
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
    const y = get("year");
    const m = get("month");
    const d = get("day");
    if (y && m && d) return `${y.padStart(4, "0")}-${m}-${d}`;
  }
  // an unknown zone: WIB, the zone this add-on is made for
  const wib = new Date(ms + 7 * 3_600_000);
  return `${pad(wib.getUTCFullYear(), 4)}-${pad(wib.getUTCMonth() + 1)}-${pad(wib.getUTCDate())}`;
}

/** Sheets' date serial (days since 1899-12-30) to YYYY-MM-DD. */
function serialToIso(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A cell as text: "" for empty; numbers without exponent noise; Dates as YYYY-MM-DD. */
export function cellText(value: unknown, timeZone: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (isDate(value)) return dateInZone(value, timeZone);
  return String(value);
}

/** A date cell: a Date (converted in the spreadsheet's zone), a date serial, or typed text. */
export function cellDate(value: unknown, timeZone: string): string | undefined {
  if (isDate(value)) return dateInZone(value, timeZone);
  if (typeof value === "number" && Number.isFinite(value) && value > 0 && value < 2_958_466) {
    return serialToIso(value);
  }
  const s = cellText(value, timeZone).trim();
  if (s === "") return undefined;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s); // 05/09/2019, Indonesian order
  if (dmy) return `${dmy[3]}-${pad(Number(dmy[2]))}-${pad(Number(dmy[1]))}`;
  return s;
}

/**
 * A number cell. Accepts numbers and text such as "1.500.000", "Rp1.500.000", "1.500.000,50",
 * "1,5", "1,500,000" and "2.5". Returns undefined for empty, NaN for text that is no number.
 */
export function cellNumber(value: unknown): number | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value === "number") return value;
  if (typeof value === "boolean" || isDate(value)) return Number.NaN;
  let s = String(value)
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/^Rp\.?/i, "");
  if (s === "") return undefined;
  let sign = 1;
  if (s.startsWith("-")) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith("+")) s = s.slice(1);
  let digits: string | null = null;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) digits = s.replace(/\./g, "").replace(",", ".");
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) digits = s.replace(/,/g, "");
  else if (/^\d+,\d+$/.test(s)) digits = s.replace(",", ".");
  else if (/^(\d+(\.\d*)?|\.\d+)$/.test(s)) digits = s;
  if (digits === null) return Number.NaN;
  return sign * Number(digits);
}

const TRUE_WORDS = new Set(["true", "ya", "y", "yes", "1", "benar", "✓", "x"]);
const FALSE_WORDS = new Set(["false", "tidak", "t", "no", "n", "0", "salah", "-", ""]);

/** A yes/no cell: TRUE/FALSE, ya/tidak, yes/no, 1/0. undefined when it is neither. */
export function cellBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : undefined;
  if (value === null || value === undefined) return false;
  const s = String(value).trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return undefined;
}

/** True when every cell of a row is empty (or only spaces). */
export function isBlankRow(row: readonly unknown[]): boolean {
  for (const v of row) {
    if (v === null || v === undefined) continue;
    if (typeof v === "string" && v.trim() === "") continue;
    return false;
  }
  return true;
}

/** Index of the last non-blank row (0-based), or -1. */
export function lastNonBlank(rows: readonly (readonly unknown[])[]): number {
  for (let i = rows.length - 1; i >= 0; i--) if (!isBlankRow(rows[i]!)) return i;
  return -1;
}

/** Cuts text to Sheets' cell limit. */
export function clip(text: string, limit = 50_000): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
