// The closing time of scoring (DESIGN §5 setScoring): open, closed now, or closing at a
// date-time; reviews after it are refused with the time in words, in the spreadsheet's zone.
import * as z from "zod/mini";
import { formatInstantWords, scoringIsOpen, zoneLabel } from "../core/closing";
import { UserError } from "../core/errors";
import { lazy } from "../core/lazy";
import type { ScoringState } from "../core/planning";
import { isInstant, type Settings } from "../core/schemas";
import type { Locale } from "../core/types";
import { check, requireCoordinator } from "./api";
import { zoneFormatter } from "./cells";
import { SPECS } from "./layout";
import { parseSettings, settingLines } from "./repo";
import type { Context } from "./runtime";
import { placeRow } from "./table";

/** The zone's offset from UTC at an instant, in minutes (0 when the zone is unknown). */
export function zoneOffset(timeZone: string, ms: number): number {
  const formatter = zoneFormatter(timeZone, "minute");
  if (!formatter || !Number.isFinite(ms)) return 0;
  const parts = formatter.formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? "0");
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((wall - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/** "Senin, 7 Oktober 2019 pukul 10.00 WIB" in a zone. */
export function instantWords(iso: string, timeZone: string, locale: Locale): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return "";
  const offset = zoneOffset(timeZone, ms);
  return formatInstantWords(iso, offset, zoneLabel(timeZone, offset), locale);
}

/** A wall time typed in the spreadsheet's zone ("2019-10-07T10:00") as an ISO instant. */
export function wallTimeToInstant(text: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return isInstant(text.trim()) ? new Date(Date.parse(text.trim())).toISOString() : null;
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  if (!Number.isFinite(wall) || +m[2]! > 12 || +m[3]! > 31 || +m[4]! > 23 || +m[5]! > 59)
    return null;
  // The offset at the wall time, then once more at the instant found (zone changes).
  let ms = wall - zoneOffset(timeZone, wall) * 60_000;
  ms = wall - zoneOffset(timeZone, ms) * 60_000;
  return new Date(ms).toISOString();
}

export function scoringState(settings: Settings, timeZone: string, locale: Locale): ScoringState {
  return {
    open: scoringIsOpen(settings, Date.now()),
    scoringOpen: settings.scoringOpen,
    closesAt: settings.scoringClosesAt,
    closesAtText: settings.scoringClosesAt
      ? instantWords(settings.scoringClosesAt, timeZone, locale)
      : "",
    allowUnassigned: settings.allowUnassigned,
  };
}

/** Refuses a review once scoring has closed, saying when it closed. */
export function requireScoringOpen(ctx: Context, settings: Settings): void {
  if (scoringIsOpen(settings, Date.now())) return;
  const when = settings.scoringClosesAt
    ? instantWords(settings.scoringClosesAt, ctx.knownTimeZone(), ctx.locale())
    : "";
  throw new UserError(when ? ctx.t("err.scoringClosedAt", { when }) : ctx.t("err.scoringClosed"));
}

const SetScoringInput = lazy(() =>
  z.strictObject({
    open: z.boolean({ error: "v.boolean" }),
    closesAt: z.optional(z.string().check(z.maxLength(40, { error: "v.tooLong" }))),
  }),
);

export type SetScoringInput = z.input<typeof SetScoringInput>;

/**
 * setScoring({ open, closesAt? }): `open: false` closes now (the moment is kept, so a late
 * reviewer is told when); `open: true` reopens, with an optional closing time in the future
 * (an ISO instant, or a wall time in the spreadsheet's zone as the sidebar's picker gives).
 */
export function handleSetScoring(ctx: Context, input: unknown): ScoringState {
  const args = check(SetScoringInput, input, ctx, "field.scoring");
  ctx.email();
  return ctx.withLock(() => {
    requireCoordinator(ctx);
    const table = ctx.table("settings");
    const tz = ctx.timeZone();
    const current = parseSettings(table, ctx.rowT, tz).settings;
    const now = Date.now();
    let closesAt = "";
    if (!args.open) closesAt = new Date(now).toISOString();
    else if (args.closesAt && args.closesAt.trim() !== "") {
      const at = wallTimeToInstant(args.closesAt, tz);
      if (!at) throw new UserError(ctx.t("err.closesAtInvalid"));
      if (Date.parse(at) <= now)
        throw new UserError(
          ctx.t("err.closesAtPast", { when: instantWords(at, tz, ctx.locale()) }),
        );
      closesAt = at;
    }
    const next: Settings = { ...current, scoringOpen: args.open, scoringClosesAt: closesAt };
    const st = ctx.sheetT();
    ctx.replaceRows(
      table,
      settingLines(next, st).map((line) => placeRow(table, SPECS.settings, line)),
    );
    ctx.log({ scoringOpen: args.open, closesAt: closesAt || undefined });
    return scoringState(next, tz, ctx.locale());
  });
}
