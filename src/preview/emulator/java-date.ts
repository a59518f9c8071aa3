// Java's SimpleDateFormat, as Utilities.formatDate applies it.

import { DAY_NAMES, MONTH_NAMES } from "./locale";
import { isKnownTimeZone, offsetAt, shortZoneName, zonedParts } from "./tz";

export function formatJavaDate(ms: number, tz: string, pattern: string): string {
  const zone = isKnownTimeZone(tz) ? tz : "GMT";
  const p = zonedParts(ms, zone);
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
    const pad = (v: number) => String(v).padStart(n, "0");
    switch (ch) {
      case "y":
      case "Y":
        out += n === 2 ? String(p.year % 100).padStart(2, "0") : pad(p.year);
        break;
      case "M":
      case "L":
        out +=
          n >= 4
            ? MONTH_NAMES[p.month - 1]!
            : n === 3
              ? MONTH_NAMES[p.month - 1]!.slice(0, 3)
              : pad(p.month);
        break;
      case "d":
        out += pad(p.day);
        break;
      case "D": {
        const start = Date.UTC(p.year, 0, 1);
        out += pad(Math.round((Date.UTC(p.year, p.month - 1, p.day) - start) / 86_400_000) + 1);
        break;
      }
      case "E":
        out += n >= 4 ? DAY_NAMES[p.weekday]! : DAY_NAMES[p.weekday]!.slice(0, 3);
        break;
      case "a":
        out += p.hour < 12 ? "AM" : "PM";
        break;
      case "H":
        out += pad(p.hour);
        break;
      case "k":
        out += pad(p.hour === 0 ? 24 : p.hour);
        break;
      case "K":
        out += pad(p.hour % 12);
        break;
      case "h":
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12);
        break;
      case "m":
        out += pad(p.minute);
        break;
      case "s":
        out += pad(p.second);
        break;
      case "S":
        out += String(p.millisecond).padStart(3, "0").padEnd(n, "0").slice(0, Math.max(n, 3));
        break;
      case "z":
        out += JAVA_ZONE_NAMES[zone] ?? shortZoneName(ms, zone);
        break;
      case "Z":
      case "X": {
        const off = offsetAt(ms, zone) / 60_000;
        if (ch === "X" && off === 0) {
          out += "Z";
          break;
        }
        const sign = off < 0 ? "-" : "+";
        const a = Math.abs(off);
        const hh = String(Math.floor(a / 60)).padStart(2, "0");
        const mm = String(a % 60).padStart(2, "0");
        out +=
          ch === "Z"
            ? `${sign}${hh}${mm}`
            : n === 1
              ? `${sign}${hh}`
              : n === 2
                ? `${sign}${hh}${mm}`
                : `${sign}${hh}:${mm}`;
        break;
      }
      case "u":
        out += String(p.weekday === 0 ? 7 : p.weekday);
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
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
