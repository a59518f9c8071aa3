// Java's SimpleDateFormat, as Utilities.formatDate applies it.

import { DAY_NAMES, MONTH_NAMES } from "./locale";
import { isKnownTimeZone, offsetAt, shortZoneName, zonedParts } from "./tz";

/** One pattern field: letter ch repeated n times. */
function javaField(ch: string, n: number, ms: number, zone: string): string {
  const p = zonedParts(ms, zone);
  const pad = (v: number) => String(v).padStart(n, "0");
  switch (ch) {
    case "y":
    case "Y":
      return n === 2 ? String(p.year % 100).padStart(2, "0") : pad(p.year);
    case "M":
    case "L":
      return n >= 4
        ? MONTH_NAMES[p.month - 1]!
        : n === 3
          ? MONTH_NAMES[p.month - 1]!.slice(0, 3)
          : pad(p.month);
    case "d":
      return pad(p.day);
    case "D": {
      const start = Date.UTC(p.year, 0, 1);
      return pad(Math.round((Date.UTC(p.year, p.month - 1, p.day) - start) / 86_400_000) + 1);
    }
    case "E":
      return n >= 4 ? DAY_NAMES[p.weekday]! : DAY_NAMES[p.weekday]!.slice(0, 3);
    case "a":
      return p.hour < 12 ? "AM" : "PM";
    case "H":
      return pad(p.hour);
    case "k":
      return pad(p.hour === 0 ? 24 : p.hour);
    case "K":
      return pad(p.hour % 12);
    case "h":
      return pad(p.hour % 12 === 0 ? 12 : p.hour % 12);
    case "m":
      return pad(p.minute);
    case "s":
      return pad(p.second);
    case "S":
      return String(p.millisecond).padStart(3, "0").padEnd(n, "0").slice(0, Math.max(n, 3));
    case "z":
      return JAVA_ZONE_NAMES[zone] ?? shortZoneName(ms, zone);
    case "Z":
    case "X": {
      const off = offsetAt(ms, zone) / 60_000;
      if (ch === "X" && off === 0) {
        return "Z";
      }
      const sign = off < 0 ? "-" : "+";
      const a = Math.abs(off);
      const hh = String(Math.floor(a / 60)).padStart(2, "0");
      const mm = String(a % 60).padStart(2, "0");
      return ch === "Z"
        ? `${sign}${hh}${mm}`
        : n === 1
          ? `${sign}${hh}`
          : n === 2
            ? `${sign}${hh}${mm}`
            : `${sign}${hh}:${mm}`;
    }
    case "u":
      return String(p.weekday === 0 ? 7 : p.weekday);
    default:
      throw new Error(`Illegal pattern character '${ch}'`);
  }
}

export function formatJavaDate(ms: number, tz: string, pattern: string): string {
  const zone = isKnownTimeZone(tz) ? tz : "GMT";
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new Error(`Illegal pattern: unterminated quote in ${pattern}`);
      out += pattern.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    out += javaField(ch, n, ms, zone);
  }
  return out;
}

/** Java's short names for the zones this project meets. */
const JAVA_ZONE_NAMES: Record<string, string> = {
  "Asia/Jakarta": "WIB",
  "Asia/Pontianak": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
  UTC: "UTC",
  GMT: "GMT",
  "Etc/UTC": "UTC",
};
