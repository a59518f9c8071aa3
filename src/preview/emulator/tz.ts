// Time zones for the emulator: IANA names through Intl, plus Java-style fixed offsets
// ("GMT+7", "GMT+07:00", "UTC") that Apps Script's Utilities.formatDate also accepts.
// Unknown zones fall back to GMT, like java.util.TimeZone.getTimeZone.

export interface ZonedParts {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

const FIXED = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i;
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function fixedOffsetMinutes(tz: string): number | null {
  const m = FIXED.exec(tz.trim());
  if (!m) return null;
  if (!m[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === "-" ? -minutes : minutes;
}

function formatter(tz: string): Intl.DateTimeFormat | null {
  let f = formatters.get(tz);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone: tz,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      f = null;
    }
    formatters.set(tz, f);
  }
  return f;
}

/** True when the zone is known (IANA or a fixed GMT offset). */
export function isKnownTimeZone(tz: string): boolean {
  return fixedOffsetMinutes(tz) !== null || formatter(tz) !== null;
}

/** The zone's offset from UTC at the instant `ms`, in milliseconds. */
export function offsetAt(ms: number, tz: string): number {
  const fixed = fixedOffsetMinutes(tz);
  if (fixed !== null) return fixed * 60_000;
  const f = formatter(tz);
  if (!f) return 0;
  const get: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) {
    if (p.type !== "literal") get[p.type] = Number(p.value);
  }
  let year = get.year ?? 1970;
  // Intl writes years before 1 CE as positive era years; the emulator never needs them.
  if (year <= 0) year = 1;
  const asUtc = Date.UTC(
    year,
    (get.month ?? 1) - 1,
    get.day ?? 1,
    get.hour ?? 0,
    get.minute ?? 0,
    get.second ?? 0,
  );
  const floored = ms - (((ms % 1000) + 1000) % 1000);
  return asUtc - floored;
}

/** Wall-clock parts of the instant `ms` in the zone. */
export function zonedParts(ms: number, tz: string): ZonedParts {
  const local = new Date(ms + offsetAt(ms, tz));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    millisecond: local.getUTCMilliseconds(),
    weekday: local.getUTCDay(),
  };
}

/** The instant whose wall-clock time in the zone is the given one. */
export function zonedToEpoch(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
  tz = "UTC",
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  // Two passes settle the offset around daylight-saving transitions.
  let guess = wall - offsetAt(wall, tz);
  guess = wall - offsetAt(guess, tz);
  return guess;
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** Sheets' serial number (days since 1899-12-30, local wall time) of an instant. */
export function toSerial(ms: number, tz: string): number {
  const wall = ms + offsetAt(ms, tz);
  return (wall - SERIAL_EPOCH) / DAY;
}

/** The instant of a Sheets serial number read in the zone. */
export function fromSerial(serial: number, tz: string): number {
  const wall = Math.round(SERIAL_EPOCH + serial * DAY);
  const d = new Date(wall);
  return zonedToEpoch(
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
    tz,
  );
}

/** A short zone name for "z" patterns: "GMT+07:00" style (Intl has no Java names). */
export function shortZoneName(ms: number, tz: string): string {
  const off = offsetAt(ms, tz) / 60_000;
  if (off === 0) return "GMT";
  const sign = off < 0 ? "-" : "+";
  const a = Math.abs(off);
  return `GMT${sign}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
}
