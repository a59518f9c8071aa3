// When scoring closes (DESIGN §3 scoringOpen, scoringClosesAt): whether it is open at an
// instant, and the closing time in words as people in the regency read it ("Senin, 7 Oktober
// 2019 pukul 10.00 WIB"). Pure: the caller gives the zone's offset at that instant.
import { MONTHS, WEEKDAYS } from "./format";
import type { Locale } from "./types";

/** Indonesia's three zones by name; elsewhere the offset ("UTC+1", "UTC−3.30"). */
export function zoneLabel(timeZone: string, offsetMinutes: number): string {
  if (/^Asia\/(Jakarta|Pontianak)$/.test(timeZone)) return "WIB";
  if (/^Asia\/(Makassar|Ujung_Pandang)$/.test(timeZone)) return "WITA";
  if (/^Asia\/Jayapura$/.test(timeZone)) return "WIT";
  const sign = offsetMinutes < 0 ? "−" : "+";
  const abs = Math.abs(offsetMinutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `.${String(m).padStart(2, "0")}` : ""}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant in words in a zone: "Senin, 7 Oktober 2019 pukul 10.00 WIB". "" when invalid. */
export function formatInstantWords(
  iso: string,
  offsetMinutes: number,
  zone: string,
  locale: Locale,
): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return "";
  const d = new Date(ms + offsetMinutes * 60_000);
  const day = `${WEEKDAYS[locale][d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[locale][d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  return locale === "en"
    ? `${day} at ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${zone}`
    : `${day} pukul ${pad(d.getUTCHours())}.${pad(d.getUTCMinutes())} ${zone}`;
}

export interface ScoringSettings {
  scoringOpen: boolean;
  scoringClosesAt: string;
}

/** Whether reviews are accepted at `now` (ms): open, and before the closing time if any. */
export function scoringIsOpen(s: ScoringSettings, now: number): boolean {
  if (!s.scoringOpen) return false;
  if (s.scoringClosesAt === "") return true;
  const at = Date.parse(s.scoringClosesAt);
  return !Number.isFinite(at) || now < at;
}

/** Time left in words, rounded down to the minute: "2 hari 3 jam", "45 menit", "< 1 menit". */
export function timeLeftWords(ms: number, locale: Locale): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  const words =
    locale === "en"
      ? { d: "d", h: "h", m: "min", lt: "< 1 min" }
      : { d: "hari", h: "jam", m: "menit", lt: "< 1 menit" };
  if (minutes < 1) return words.lt;
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return h > 0 ? `${d} ${words.d} ${h} ${words.h}` : `${d} ${words.d}`;
  if (h > 0) return m > 0 ? `${h} ${words.h} ${m} ${words.m}` : `${h} ${words.h}`;
  return `${m} ${words.m}`;
}
