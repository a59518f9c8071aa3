// The sealed ledgers on the sheets (DESIGN §2, §5): the per-spreadsheet secret and the
// sequence counters (document properties, read with the registry in one call), sealed review
// rows, the verified reading of the reviews ledger that every ranking and the sidebar use, and
// the problems a ranking reports for rows that were tampered with or are missing.

import { UserError } from "../core/errors";
import { hex, sha256, utf8 } from "../core/hmac";
import type { Translate } from "../core/i18n";
import {
  type LedgerCheck,
  type LedgerKind,
  type SealedRow,
  type Sealer,
  sealer,
  sequenceNumber,
  verifyRows,
} from "../core/ledger";
import { type Criterion, ownValue, type Review } from "../core/schemas";
import type { RankProblem } from "../core/types";
import { cellBoolean, cellText, isDate } from "./cells";
import { maxDigits, nextQuickwinIds, serverIdNumber } from "./ids";
import { type SealedLine, type SheetKey, specOf } from "./layout";
import { type Parsed, parseReviews } from "./repo";
import type { Context } from "./runtime";
import { dataRows, type Table } from "./table";

export const SEAL_PROPERTY = "quickwin.seal";

/** The secret and the highest sequence number issued in each ledger. Never in a sheet. */
export interface SealState {
  v: 1;
  secret: string;
  reviews: number;
  log: number;
  /**
   * The highest server quickwin number taken (QW-<digits>): issued, or named by a sealed review.
   * Only sealed reviews count, so new ids beyond it and beyond the quickwins sheet's can never
   * inherit reviews, and id issuing needs no read of the ledger. Absent when unknown (a ledger
   * sealed from an older layout): then the ledger is read once and the number recorded.
   */
  quickwins?: string;
}

function parseSealState(raw: string | null): SealState | null {
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Partial<SealState>;
    if (!s || typeof s.secret !== "string" || s.secret.length < 32) return null;
    const count = (n: unknown) =>
      typeof n === "number" && Number.isSafeInteger(n) && n >= 0 ? n : 0;
    const quickwins =
      typeof s.quickwins === "string" && /^(0|[1-9]\d*)$/.test(s.quickwins) ? s.quickwins : null;
    return {
      v: 1,
      secret: s.secret,
      reviews: count(s.reviews),
      log: count(s.log),
      ...(quickwins !== null && { quickwins }),
    };
  } catch {
    return null;
  }
}

/** The seal state (null before setup sealed this spreadsheet): no service call of its own. */
export function sealState(ctx: Context): SealState | null {
  return parseSealState(ctx.property(SEAL_PROPERTY));
}

/**
 * A new secret: 256 bits hashed from the runtime's random generator (seeded by the system,
 * never observable from the spreadsheet) and the time. No service call: the first setup's
 * budget (150) has no room for one; Utilities.getUuid would give no more than 122 bits anyway.
 */
export function newSealState(_ctx: Context): SealState {
  let entropy = String(Date.now());
  for (let i = 0; i < 16; i++) entropy += `:${Math.random()}`;
  return { v: 1, secret: hex(sha256(utf8(entropy))), reviews: 0, log: 0 };
}

export function saveSealState(ctx: Context, state: SealState): void {
  ctx.setProperty(SEAL_PROPERTY, JSON.stringify(withTakenIds(ctx, state)));
}

const takenIds = new WeakMap<Context, string>();

/**
 * Records that this call takes quickwin `id` (one it issues, or a review's; an id that is not a
 * server id takes no number): the next write of the seal state — the one that reserves this
 * call's log row, or its review's number — carries it, so taking an id costs no write of its own.
 */
export function noteQuickwinTaken(ctx: Context, id: string): void {
  const digits = serverIdNumber(id);
  if (digits !== null) takenIds.set(ctx, maxDigits(takenIds.get(ctx) ?? "0", digits));
}

function withTakenIds(ctx: Context, state: SealState): SealState {
  const taken = takenIds.get(ctx);
  if (taken === undefined) return state;
  // Unknown before: known from now on only if this call read the ledger to issue its ids.
  const known = state.quickwins ?? (ledgerScanned.has(ctx) ? "0" : null);
  if (known === null) return state;
  return { ...state, quickwins: maxDigits(known, taken) };
}

/** Calls that issued ids after reading every id of the ledger: the number they take is complete. */
const ledgerScanned = new WeakSet<Context>();

/**
 * Issues `count` new quickwin ids (ids.ts) and notes the last as taken, for the seal state's
 * next write. The ledger is read only while the number taken is unknown.
 */
export function issueQuickwinIds(ctx: Context, quickwins: Table, count: number): string[] {
  const number = sealState(ctx)?.quickwins;
  let ids: string[];
  if (number === undefined) {
    ids = nextQuickwinIds(quickwins, { ledger: ctx.table("reviews") }, count);
    ledgerScanned.add(ctx);
  } else ids = nextQuickwinIds(quickwins, { number }, count);
  const last = ids[ids.length - 1];
  if (last !== undefined) noteQuickwinTaken(ctx, last);
  return ids;
}

const reservedLog = new WeakMap<Context, number>();
const sealers = new WeakMap<Context, { secret: string; seal: Sealer }>();

/** The sealing function of this spreadsheet's secret (its key hashed once per execution). */
export function sealerOf(ctx: Context, state: SealState): Sealer {
  const known = sealers.get(ctx);
  if (known && known.secret === state.secret) return known.seal;
  const seal = sealer(state.secret);
  sealers.set(ctx, { secret: state.secret, seal });
  return seal;
}

/**
 * Reserves the next sequence numbers — `reviews` review rows and, with them, this call's one
 * log row — in ONE property write made BEFORE the rows are appended: a failure in between
 * leaves a reported gap, never two rows with the same number.
 */
export function reserve(ctx: Context, reviews: number): { state: SealState; firstReview: number } {
  const state = sealState(ctx);
  if (!state) throw new UserError(ctx.t("err.ledgerUnsealed"));
  const next: SealState = { ...state, reviews: state.reviews + reviews, log: state.log + 1 };
  saveSealState(ctx, next);
  reservedLog.set(ctx, next.log);
  return { state: next, firstReview: state.reviews + 1 };
}

/** Records that this call's log row number was taken in a write made already (setup's commit). */
export function logNumberTaken(ctx: Context, seq: number): void {
  reservedLog.set(ctx, seq);
}

/**
 * Reserves this call's log row number in ONE property write with `others` (the agency index an
 * import brings up to date): the log row then needs no write of its own.
 */
export function reserveLogWith(ctx: Context, others: Record<string, string>): void {
  const state = sealState(ctx);
  if (!state) {
    ctx.setProperties(others);
    return;
  }
  const next: SealState = { ...state, log: state.log + 1 };
  ctx.setProperties({ ...others, [SEAL_PROPERTY]: JSON.stringify(withTakenIds(ctx, next)) });
  reservedLog.set(ctx, next.log);
}

/** The log row's number: reserved with this call's ledger rows, else reserved now. */
export function reserveLog(ctx: Context): { state: SealState; seq: number } | null {
  const reserved = reservedLog.get(ctx);
  const state = sealState(ctx);
  if (!state) return null;
  if (reserved !== undefined) {
    reservedLog.delete(ctx);
    return { state, seq: reserved };
  }
  const next: SealState = { ...state, log: state.log + 1 };
  saveSealState(ctx, next);
  return { state: next, seq: next.log };
}

// ---------- canonical cells ----------

/** A time cell in whole seconds: a Date, or typed ISO text; else null. */
export function timeSeconds(value: unknown): number | null {
  if (isDate(value)) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? Math.round(ms / 1000) : null;
  }
  if (typeof value === "string" && value.trim() !== "") {
    const ms = Date.parse(value.trim());
    return Number.isFinite(ms) ? Math.round(ms / 1000) : null;
  }
  return null;
}

/** Now, to the whole second (what a date cell keeps). */
export function nowToSecond(): Date {
  return new Date(Math.floor(Date.now() / 1000) * 1000);
}

const text = (v: unknown) => cellText(v, "UTC");

/** The sealed columns of a sheet: every column between the sequence number and the seal. */
function sealedColumns(key: SheetKey): string[] {
  return specOf(key)
    .columns.map((c) => c.key)
    .filter((k) => k !== "seq" && k !== "seal" && k !== "submittedAt" && k !== "time");
}

/** One canonical text per sealed column (a yes/no cell by its meaning, not its spelling). */
export function canonicalFields(key: SheetKey, cells: Record<string, unknown>): string[] {
  return sealedColumns(key).map((k) => {
    if (k === "declaredConflict") {
      const b = cellBoolean(cells[k]);
      return b === undefined ? `?${text(cells[k])}` : b ? "1" : "0";
    }
    return text(cells[k]);
  });
}

/** The rows of a sealed sheet as the verifier reads them (blank rows skipped). */
export function sealedRows(table: Table): SealedRow[] {
  const timeKey = table.key === "log" ? "time" : "submittedAt";
  const out: SealedRow[] = [];
  for (const { row, cells } of dataRows(table)) {
    out.push({
      row,
      seq: sequenceNumber(cells.seq),
      time: timeSeconds(cells[timeKey]),
      fields: canonicalFields(table.key, cells),
      seal: text(cells.seal).trim(),
    });
  }
  return out;
}

/** A sealed row by column key, from its cells (seq and seal added here). */
export function sealedRow(
  ctx: Context,
  state: SealState,
  key: SheetKey & LedgerKind,
  seq: number,
  cells: Record<string, unknown>,
): SealedLine {
  const time = timeSeconds(cells[key === "log" ? "time" : "submittedAt"]);
  const seal = sealerOf(ctx, state)(key, seq, time, canonicalFields(key, cells));
  return { ...cells, seq, seal };
}

// ---------- reviews ----------

/** "Dampak 4; Inovasi 3": the scores in words, in rubric order (then any other ids). */
export function scoresInWords(
  scores: Readonly<Record<string, number>>,
  criteria: Criterion[],
): string {
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const c of criteria) {
    const s = ownValue(scores, c.id);
    if (s === undefined) continue;
    parts.push(`${c.name} ${s}`);
    seen.add(c.id);
  }
  for (const [id, s] of Object.entries(scores)) if (!seen.has(id)) parts.push(`${id} ${s}`);
  return parts.join("; ");
}

/** The scores as stored: a JSON object in rubric order (a Map, so no id meets Object's keys). */
export function scoresJson(
  scores: Readonly<Record<string, number>>,
  criteria: Criterion[],
): string {
  const ordered = new Map<string, number>();
  for (const c of criteria) {
    const s = ownValue(scores, c.id);
    if (s !== undefined) ordered.set(c.id, s);
  }
  for (const [id, s] of Object.entries(scores)) if (!ordered.has(id)) ordered.set(id, s);
  return JSON.stringify(Object.fromEntries(ordered));
}

/** The cells of a review row (without seq and seal). */
export function reviewCells(
  review: Review,
  criteria: Criterion[],
  submittedAt: Date,
  t: Translate,
): Record<string, unknown> {
  return {
    submittedAt,
    quickwinId: review.quickwinId,
    reviewer: review.reviewer,
    scoresText: scoresInWords(review.scores, criteria),
    scores: scoresJson(review.scores, criteria),
    comment: review.comment ?? "",
    declaredConflict: t(review.declaredConflict === true ? "word.yes" : "word.no"),
  };
}

/** The verified reviews ledger: the reviews that count, in sequence order, and the report. */
export interface Ledger {
  reviews: Parsed<Review>;
  check: LedgerCheck;
  problems: RankProblem[];
}

/**
 * Reads and verifies the reviews ledger. Rows whose seal fails, copies and moved rows are
 * left out and reported with their row; missing numbers are reported as gaps. The latest
 * review of a pair is then the last one here (the highest sequence number).
 */
export function readLedger(ctx: Context, options: { lenient?: boolean } = {}): Ledger {
  const state = sealState(ctx);
  if (!state) {
    // Before setup sealed it, no row can be trusted: the sidebar shows none and says why.
    if (!options.lenient) throw new UserError(ctx.t("err.ledgerUnsealed"));
    const check = verifyRows("", "reviews", [], 0).check;
    const sheet = ctx.sheetName("reviews");
    return {
      reviews: {
        items: [],
        rows: [],
        problems: [{ sheet, row: 1, message: ctx.t("err.ledgerUnsealed") }],
      },
      check,
      problems: [],
    };
  }
  return ledgerOf(ctx, state, ctx.table("reviews"));
}

/** The verified ledger of rows already read (the ranking re-reads them under its lock). */
export function verifiedLedger(ctx: Context, table: Table): Ledger {
  const state = sealState(ctx);
  if (!state) throw new UserError(ctx.t("err.ledgerUnsealed"));
  return ledgerOf(ctx, state, table);
}

function ledgerOf(ctx: Context, state: SealState, table: Table): Ledger {
  const parsed = parseReviews(table, ctx.rowT, ctx.knownTimeZone());
  const { check, valid } = verifyRowsWith(state, "reviews", sealedRows(table));
  const order = new Map(valid.map((r, i) => [r.row, i]));
  const kept: { item: Review; row: number }[] = [];
  parsed.items.forEach((item, i) => {
    const row = parsed.rows[i]!;
    if (order.has(row)) kept.push({ item, row });
  });
  kept.sort((a, b) => order.get(a.row)! - order.get(b.row)!);
  const reviews: Parsed<Review> = {
    items: kept.map((k) => k.item),
    rows: kept.map((k) => k.row),
    problems: parsed.problems,
  };
  // The tab's name (a call when not known yet) only when there is something to report.
  const intact = check.tampered.length === 0 && check.gaps.length === 0;
  return { reviews, check, problems: intact ? [] : ledgerProblems(ctx.rowT, check, table.name) };
}

function verifyRowsWith(
  state: SealState,
  kind: LedgerKind,
  rows: SealedRow[],
): ReturnType<typeof verifyRows> {
  return verifyRows(state.secret, kind, rows, kind === "reviews" ? state.reviews : state.log);
}

/** Verifies the log (for verifyLedger): the same check over the audit rows. */
export function checkLog(ctx: Context): LedgerCheck {
  const state = sealState(ctx);
  if (!state) throw new UserError(ctx.t("err.ledgerUnsealed"));
  return verifyRowsWith(state, "log", sealedRows(ctx.table("log"))).check;
}

/** A ranking's problems for a ledger that is not intact, each in words, naming the row. */
export function ledgerProblems(t: Translate, check: LedgerCheck, sheet: string): RankProblem[] {
  const out: RankProblem[] = [];
  for (const x of check.tampered) {
    const key =
      x.reason === "copy"
        ? "ledger.copied"
        : x.reason === "order"
          ? "ledger.moved"
          : "ledger.tampered";
    out.push({
      code: "ledger-tampered",
      message: t(key, { row: x.row, sheet, seq: x.seq ?? t("ledger.unknownSeq") }),
      row: x.row,
    });
  }
  for (const [from, to] of check.gaps) {
    out.push({
      code: "ledger-gap",
      message: t(from === to ? "ledger.gapOne" : "ledger.gap", { from, to, sheet }),
    });
  }
  return out;
}

/** The line the ranking and shortlist sheets print, so a printout can be checked later. */
export function ledgerLine(t: Translate, check: LedgerCheck): string {
  return check.length === 0
    ? t("ledger.lineEmpty")
    : t("ledger.line", { length: check.length, seal: check.lastSeal || "—" });
}
