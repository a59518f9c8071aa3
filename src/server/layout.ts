// The sheets of the spreadsheet-as-database (DESIGN §2): one spec per sheet, found by a stable
// key (the registry in document properties maps key → sheet id), with its columns. A column is
// the whole truth about itself: its header, its number format, how a record is written into it
// and how its cell is read back — so adding a column is one edit here. Columns are found in a
// sheet by their header (see table.ts), never by position.
import * as z from "zod/mini";
import { type Agency, joinAliases, splitAliases } from "../core/agencies";
import { formatRupiah, SCORE_NUMBER_FORMAT } from "../core/format";
import { type MessageKey, type Translate, translator } from "../core/i18n";
import { lazy } from "../core/lazy";
import {
  type Criterion,
  DIMENSIONS,
  type PanelMember,
  type Quickwin,
  ROLES,
  STAGES,
} from "../core/schemas";
import type { RankRow } from "../core/types";
import { cellBoolean, cellDate, cellNumber, cellText, isDate } from "./cells";

export const SHEET_KEYS = [
  "quickwins",
  "criteria",
  "panel",
  "agencies",
  "reviews",
  "assignments",
  "settings",
  "ranking",
  "shortlist",
  "log",
  "decisions",
  "minutes",
] as const;
export type SheetKey = (typeof SHEET_KEYS)[number];

export type ColumnKind =
  | "text"
  | "date"
  | "rupiah"
  | "int"
  | "number"
  | "score"
  | "percent"
  | "datetime";

/** What reading a cell may need: the time zone of stray Date cells, words for messages. */
export interface ReadContext {
  tz: string;
  t: Translate;
}

export interface Column<W> {
  key: string;
  header: MessageKey;
  kind: ColumnKind;
  /** The cell written for a record. */
  write: (record: W) => unknown;
  /** The record field `key` read back from the cell (absent: the column is written only). */
  read?: (cell: unknown, ctx: ReadContext) => unknown;
  /**
   * A code written as the word for it in the sheet's language (the message prefix, e.g.
   * "stage": pilot → "Uji coba"); `read` takes the code or the word in either language back.
   */
  words?: string;
}

export interface SheetSpec<W> {
  key: SheetKey;
  name: MessageKey;
  columns: readonly Column<W>[];
  /** The 1-based row of the header (the printable shortlist has a title block above it). */
  headerRow: number;
  /** Generated or append-only: warning-only protection against hand edits. */
  protect: boolean;
  /**
   * How text is kept verbatim. "format": text columns carry the plain-text format "@" (set at
   * setup for people typing, and again in the same pass as every write). "quote": generated
   * and ledger sheets write text with Sheets' leading-apostrophe text prefix, which lets one
   * appendRow or setValues store it verbatim without a format call.
   */
  text: "format" | "quote";
  /** Generated pages: rewritten whole by the add-on, never read as data. */
  generated?: boolean;
  /** A last look at a record read from a row, after every column was read. */
  finish?: (input: Record<string, unknown>) => Record<string, unknown>;
}

/** Any spec, for code that handles every sheet alike (headers, formats, placement). */
// biome-ignore lint/suspicious/noExplicitAny: a column of any record type; writers are typed per spec below.
export type AnySpec = SheetSpec<any>;

function col<W>(
  key: string,
  kind: ColumnKind,
  write: (record: W) => unknown,
  read?: (cell: unknown, ctx: ReadContext) => unknown,
  words?: string,
): Column<W> {
  const column: Column<W> = { key, header: `col.${key}` as MessageKey, kind, write };
  if (read) column.read = read;
  if (words) column.words = words;
  return column;
}

/** The cell of a column for a record, a code in words when `t` (the sheet's language) is given. */
export function cellFor<W>(column: Column<W>, record: W, t?: Translate): unknown {
  const value = column.write(record);
  if (!t || !column.words || typeof value !== "string" || value === "") return value;
  return (t as (key: string) => string)(`${column.words}.${value}`);
}

// ---------- reading cells ----------

const text = (cell: unknown, { tz }: ReadContext) => cellText(cell, tz);
const trimmed = (cell: unknown, { tz }: ReadContext) => cellText(cell, tz).trim();
/** Optional text: undefined when empty. */
const optional = (cell: unknown, { tz }: ReadContext) => {
  const s = cellText(cell, tz).trim();
  return s === "" ? undefined : s;
};
const number = (cell: unknown) => cellNumber(cell);
const date = (cell: unknown, { tz }: ReadContext) => cellDate(cell, tz);

/** A key or any of its localized labels ("Uji coba", "Smart Governance", "Koordinator"). */
function enumOf(keys: readonly string[], prefixes: string[]) {
  return (cell: unknown, { tz }: ReadContext): string | undefined => {
    const s = cellText(cell, tz).trim();
    if (s === "") return undefined;
    const lower = s.toLowerCase();
    for (const k of keys) if (k === lower) return k;
    for (const locale of ["id", "en"] as const) {
      const t = translator(locale) as (key: string) => string;
      for (const k of keys) {
        for (const p of prefixes) {
          const label = t(`${p}.${k}`);
          if (typeof label === "string" && label.toLowerCase() === lower) return k;
        }
      }
    }
    return s;
  };
}

/** Level descriptors: a JSON array of strings, or one per line. */
export function parseLevels(value: unknown, tz: string): string[] | undefined {
  const s = cellText(value, tz);
  if (s.trim() === "") return undefined;
  if (s.trim().startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(s);
      if (Array.isArray(parsed) && parsed.every((x) => typeof x === "string")) return parsed;
    } catch {
      // not JSON: one per line
    }
  }
  return s.split(/\r?\n/).map((l) => l.trim());
}

export function formatLevels(levels: string[] | undefined): string {
  if (!levels || levels.length === 0) return "";
  return levels.some((l) => /[\r\n]/.test(l) || l.trim() !== l) || levels[0]?.startsWith("[")
    ? JSON.stringify(levels)
    : levels.join("\n");
}

const StoredScores = lazy(() => z.record(z.string(), z.number()));

/** The scores cell: a JSON object of numbers (undefined when it is not one). */
export function parseScores(value: unknown, tz: string): Record<string, number> | undefined {
  const s = cellText(value, tz).trim();
  if (s === "") return {};
  try {
    const result = StoredScores.safeParse(JSON.parse(s));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

// ---------- what each sheet holds ----------

/** A quickwin as its row holds it: the record and when it was last saved. */
export interface QuickwinLine {
  quickwin: Quickwin;
  updatedAt: string;
}

export interface SettingLine {
  key: string;
  value: unknown;
  label: string;
}

/** One line of a generated page: the engine's row, its quickwin, the sheet's words. */
export interface RankLine {
  row: RankRow;
  quickwin: Quickwin | undefined;
  t: Translate;
}

/**
 * A row of a sealed ledger (the reviews, the log) by column key, sequence number and seal
 * included: sealed as a whole (ledger.ts), so it is written cell by cell as sealed.
 */
export type SealedLine = Record<string, unknown>;

type Key = Parameters<Translate>[0];

function flagWords({ row, t }: RankLine): string {
  return row.flags.map((f) => t(`flag.${f}` as Key)).join("; ");
}

function rankRange({ row }: RankLine): string {
  if (row.rankLow === null || row.rankHigh === null) return "";
  return row.rankLow === row.rankHigh ? String(row.rankLow) : `${row.rankLow}–${row.rankHigh}`;
}

/** A score in full: the column's format shows it with one decimal (formatScore's rule). */
const full = (v: number | null) => (v === null || !Number.isFinite(v) ? "" : v);
/** Rounded for reading (the exact values are in computeRanking's result). */
const round = (v: number | null, digits: number) =>
  v === null || !Number.isFinite(v) ? "" : Math.round(v * 10 ** digits) / 10 ** digits;
const percent = (v: number | null) =>
  v === null || !Number.isFinite(v) ? "" : Math.round(v * 100);

const quickwinColumns: Column<QuickwinLine>[] = [
  col("id", "text", (l) => l.quickwin.id, trimmed),
  col("name", "text", (l) => l.quickwin.name, text),
  col("agency", "text", (l) => l.quickwin.agency, text),
  col(
    "dimension",
    "text",
    (l) => l.quickwin.dimension,
    enumOf(DIMENSIONS, ["dimension", "dimensionShort"]),
    "dimension",
  ),
  col("description", "text", (l) => l.quickwin.description, text),
  col("startDate", "date", (l) => l.quickwin.startDate ?? "", date),
  col("endDate", "date", (l) => l.quickwin.endDate ?? "", date),
  col("budget", "rupiah", (l) => l.quickwin.budget, number),
  col("beneficiaries", "int", (l) => l.quickwin.beneficiaries ?? "", number),
  col("stage", "text", (l) => l.quickwin.stage ?? "", enumOf(STAGES, ["stage"]), "stage"),
  col("evidenceUrl", "text", (l) => l.quickwin.evidenceUrl ?? "", optional),
  col(
    "createdBy",
    "text",
    (l) => l.quickwin.createdBy ?? "",
    (c, x) => (optional(c, x) as string | undefined)?.toLowerCase(),
  ),
  col("updatedAt", "text", (l) => l.updatedAt),
  col(
    "source",
    "text",
    (l) => l.quickwin.source ?? "",
    (cell, x) => (isDate(cell) ? (cell as Date).toISOString() : optional(cell, x)),
  ),
];

const criterionColumns: Column<Criterion>[] = [
  col("id", "text", (c) => c.id, trimmed),
  col("name", "text", (c) => c.name, text),
  col("description", "text", (c) => c.description ?? "", optional),
  col("weight", "number", (c) => c.weight, number),
  col("min", "int", (c) => c.min, number),
  col("max", "int", (c) => c.max, number),
  col(
    "levels",
    "text",
    (c) => formatLevels(c.levels),
    (cell, { tz }) => parseLevels(cell, tz),
  ),
];

const panelColumns: Column<PanelMember>[] = [
  col("email", "text", (m) => m.email, text),
  col("name", "text", (m) => m.name ?? "", optional),
  col("agency", "text", (m) => m.agency ?? "", optional),
  col("role", "text", (m) => m.role, enumOf(ROLES, ["role"]), "role"),
];

// The agency list (DESIGN §2): aliases in one cell, separated by ";" (the header says so).
const agencyColumns: Column<Agency>[] = [
  col("name", "text", (a) => a.name, trimmed),
  col("shortName", "text", (a) => a.shortName ?? "", optional),
  col(
    "aliases",
    "text",
    (a) => joinAliases(a.aliases),
    (c, { tz }) => splitAliases(cellText(c, tz)),
  ),
];

const cell =
  (key: string) =>
  (line: SealedLine): unknown =>
    line[key] ?? "";

// The sealed ledgers (DESIGN §2): a sequence number first, the seal last, covering the columns
// between; the scores also in words, so a person can read them; the time as a date cell.
const reviewColumns: Column<SealedLine>[] = [
  col("seq", "int", cell("seq")),
  col("submittedAt", "datetime", cell("submittedAt"), (c, x) =>
    isDate(c) ? (c as Date).toISOString() : optional(c, x),
  ),
  col("quickwinId", "text", cell("quickwinId"), trimmed),
  col("reviewer", "text", cell("reviewer"), (c, x) => trimmed(c, x).toLowerCase()),
  col("scoresText", "text", cell("scoresText")),
  col("scores", "text", cell("scores"), (c, { tz, t }) => {
    const scores = parseScores(c, tz);
    if (scores === undefined) throw new Error(t("row.invalidJson"));
    return scores;
  }),
  col("comment", "text", cell("comment"), text),
  col("declaredConflict", "text", cell("declaredConflict"), (c) => cellBoolean(c) ?? c),
  col("seal", "text", cell("seal")),
];

/** Who is asked to score what: a quickwin id and a reviewer's email. */
export interface AssignmentLine {
  quickwinId: string;
  reviewer: string;
}

const assignmentColumns: Column<AssignmentLine>[] = [
  col("quickwinId", "text", (p) => p.quickwinId, text),
  col("reviewer", "text", (p) => p.reviewer, text),
];

const settingColumns: Column<SettingLine>[] = [
  col("key", "text", (s) => s.key),
  col("value", "number", (s) => s.value),
  col("label", "text", (s) => s.label),
];

const rankingColumns: Column<RankLine>[] = [
  col("rank", "int", (l) => l.row.rank ?? ""),
  col("quickwinId", "text", (l) => l.row.quickwinId),
  col("name", "text", (l) => l.quickwin?.name ?? ""),
  col("score", "score", (l) => full(l.row.score)),
  col("agency", "text", (l) => l.quickwin?.agency ?? ""),
  col("dimension", "text", (l) =>
    l.quickwin ? l.t(`dimension.${l.quickwin.dimension}` as Key) : "",
  ),
  col("rawScore", "score", (l) => full(l.row.rawScore)),
  col("reviews", "int", (l) => l.row.reviewCount),
  col("sd", "score", (l) => full(l.row.sd)),
  col("rankRange", "text", rankRange),
  col("pShortlist", "percent", (l) => percent(l.row.pShortlist)),
  col("valueForMoney", "number", (l) => round(l.row.valueForMoney, 2)),
  col("shortlisted", "text", (l) => (l.row.shortlisted ? l.t("word.yes") : "")),
  col("flags", "text", flagWords),
  // The chart's two series, side by side: a row's score in the first when shortlisted, else in
  // the second, so the stacked bar chart shows one bar per quickwin in its series' colour.
  col("chartShortlisted", "score", (l) => (l.row.shortlisted ? full(l.row.score) : "")),
  col("chartOthers", "score", (l) => (l.row.shortlisted ? "" : full(l.row.score))),
];

const shortlistColumns: Column<RankLine>[] = [
  col("rank", "int", (l) => l.row.rank ?? ""),
  col("quickwinId", "text", (l) => l.row.quickwinId),
  col("name", "text", (l) => l.quickwin?.name ?? ""),
  col("agency", "text", (l) => l.quickwin?.agency ?? ""),
  col("dimension", "text", (l) =>
    l.quickwin ? l.t(`dimension.${l.quickwin.dimension}` as Key) : "",
  ),
  col("stage", "text", (l) => (l.quickwin?.stage ? l.t(`stage.${l.quickwin.stage}` as Key) : "")),
  col("startDate", "text", (l) => l.quickwin?.startDate ?? ""),
  col("endDate", "text", (l) => l.quickwin?.endDate ?? ""),
  col("budget", "rupiah", (l) => l.quickwin?.budget ?? ""),
  col("score", "score", (l) => full(l.row.score)),
  col("rankRange", "text", rankRange),
  col("pShortlist", "percent", (l) => percent(l.row.pShortlist)),
  col("valueForMoney", "number", (l) => round(l.row.valueForMoney, 2)),
  col("flags", "text", flagWords),
  col("description", "text", (l) => l.quickwin?.description ?? ""),
  col("evidenceUrl", "text", (l) => l.quickwin?.evidenceUrl ?? ""),
];

const logColumns: Column<SealedLine>[] = [
  col("seq", "int", cell("seq")),
  col("time", "datetime", cell("time")),
  col("user", "text", cell("user")),
  col("action", "text", cell("action")),
  col("details", "text", cell("details")),
  col("seal", "text", cell("seal")),
];

/** A decision as its row holds it (DESIGN §3 Decision): in the sheet's words, read back by key. */
export interface DecisionLine {
  at: string;
  quickwinId: string;
  name: string;
  decision: "selected" | "not-selected";
  computed: boolean;
  departs: boolean;
  reason: string;
  by: string;
  t: Translate;
}

const DECISION_WORDS = {
  selected: "decision.selected",
  "not-selected": "decision.notSelected",
} as const;

/** A decision cell: its key, or its word in either language. */
function decisionOf(cell: unknown, { tz }: ReadContext): string {
  const s = cellText(cell, tz).trim();
  const key = s.toLowerCase();
  for (const [d, word] of Object.entries(DECISION_WORDS)) {
    if (key === d) return d;
    for (const l of ["id", "en"] as const) if (translator(l)(word).toLowerCase() === key) return d;
  }
  return s;
}

/** A yes/no cell in words ("ya"/"tidak", "yes"/"no") or a boolean. */
function yesNo(cell: unknown, { tz }: ReadContext): boolean {
  const b = cellBoolean(cell);
  if (b !== undefined) return b;
  return ["ya", "yes"].includes(cellText(cell, tz).trim().toLowerCase());
}

const decisionColumns: Column<DecisionLine>[] = [
  col(
    "time",
    "text",
    (d) => d.at,
    (cell, x) => (isDate(cell) ? (cell as Date).toISOString() : trimmed(cell, x)),
  ),
  col("quickwinId", "text", (d) => d.quickwinId, trimmed),
  col("name", "text", (d) => d.name),
  col("decision", "text", (d) => d.t(DECISION_WORDS[d.decision]), decisionOf),
  col("computed", "text", (d) => d.t(d.computed ? "word.yes" : "word.no"), yesNo),
  col("departs", "text", (d) => d.t(d.departs ? "word.yes" : "word.no"), yesNo),
  col("reason", "text", (d) => d.reason, trimmed),
  col("user", "text", (d) => d.by, trimmed),
];

/** One line of the minutes' table: a quickwin of the computed shortlist or decided on. */
export interface MinutesLine {
  no: number;
  name: string;
  agency: string;
  score: string;
  rankRange: string;
  decision: string;
  reason: string;
}

const minutesColumns: Column<MinutesLine>[] = [
  col("no", "text", (l) => l.no),
  col("name", "text", (l) => l.name),
  col("agency", "text", (l) => l.agency),
  col("score", "text", (l) => l.score),
  col("rankRange", "text", (l) => l.rankRange),
  col("decision", "text", (l) => l.decision),
  col("reason", "text", (l) => l.reason),
];

/**
 * Column widths (px) of the minutes for an A4 portrait page (≈ 680 px inside the margins).
 * Sheets' default is 100: only the others cost a call at creation (consecutive equal ones share).
 */
export const MINUTES_WIDTHS = [100, 170, 100, 55, 55, 100, 100] as const;
export const DEFAULT_COLUMN_WIDTH = 100;

/**
 * Column widths (px) of the shortlist page for an A4 landscape page (≈ 980 px inside the
 * margins): its first 14 columns fill 970 px, the texts wrap within them (but column A, which
 * also holds the page's lines); the description and the evidence link, which no page width
 * holds, are hidden (the quickwins sheet and the CSV keep them). Four calls at creation.
 */
export const SHORTLIST_WIDTHS = [
  55, 55, 120, 100, 60, 60, 60, 60, 100, 50, 50, 50, 50, 100, 100, 100,
] as const;
/** The shortlist page's columns left off the printout (adjacent, in layout order). */
export const SHORTLIST_HIDDEN = ["description", "evidenceUrl"] as const;
/** Characters per printed line across the shortlist page (as the minutes' 105 over 680 px). */
export const SHORTLIST_LINE_CHARS = 149;
/** The minutes page's rows: made so, and all written by every export (a new sheet's 1 000). */
export const MINUTES_ROWS = 1_000;

/** A criterion's levels cell that does not match its range is dropped, not the criterion. */
function levelsInRange(input: Record<string, unknown>): Record<string, unknown> {
  const { min, max, levels } = input;
  if (
    Array.isArray(levels) &&
    (typeof min !== "number" || typeof max !== "number" || levels.length !== max - min + 1)
  ) {
    return { ...input, levels: undefined };
  }
  return input;
}

const sheet = <W>(
  key: SheetKey,
  columns: Column<W>[],
  options: Partial<SheetSpec<W>> & Pick<SheetSpec<W>, "text" | "protect">,
): SheetSpec<W> => ({ key, name: `sheet.${key}` as MessageKey, columns, headerRow: 1, ...options });

export const SPECS = {
  quickwins: sheet("quickwins", quickwinColumns, { text: "format", protect: false }),
  criteria: sheet("criteria", criterionColumns, {
    text: "format",
    protect: false,
    finish: levelsInRange,
  }),
  panel: sheet("panel", panelColumns, { text: "format", protect: false }),
  agencies: sheet("agencies", agencyColumns, { text: "format", protect: false }),
  reviews: sheet("reviews", reviewColumns, { text: "quote", protect: true }),
  assignments: sheet("assignments", assignmentColumns, { text: "format", protect: false }),
  settings: sheet("settings", settingColumns, { text: "format", protect: false }),
  ranking: sheet("ranking", rankingColumns, { text: "quote", protect: true, generated: true }),
  shortlist: sheet("shortlist", shortlistColumns, {
    text: "quote",
    protect: true,
    generated: true,
    headerRow: 5,
  }),
  log: sheet("log", logColumns, { text: "quote", protect: true }),
  // The panel's decisions: append-only, the latest row per quickwin counts.
  decisions: sheet("decisions", decisionColumns, { text: "quote", protect: true }),
  // The berita acara: a page rewritten whole by exportMinutes (title block above its table);
  // not protected, since the printout may be completed by hand before it is signed.
  minutes: sheet("minutes", minutesColumns, {
    text: "quote",
    protect: false,
    generated: true,
    headerRow: 8,
  }),
} satisfies Record<SheetKey, AnySpec>;

/** The spec of a key, for code that handles every sheet alike. */
export function specOf(key: SheetKey): AnySpec {
  return SPECS[key];
}

/** Rows the ranking chart shows (name and score columns, header included). */
export const CHART_ROWS = 21;

export const NUMBER_FORMATS: Record<ColumnKind, string> = {
  text: "@",
  // A calendar date, written as its ISO text (which Sheets reads as a date in any locale) and
  // shown with the month's name in the spreadsheet's language ("5 September 2019").
  date: "d mmmm yyyy",
  rupiah: '"Rp"#,##0',
  int: "0",
  number: "0.##",
  score: SCORE_NUMBER_FORMAT,
  percent: "0%",
  datetime: "yyyy-mm-dd hh:mm:ss",
};

/** The header cells of a sheet in the sheet's language, in layout order. */
export function headerRow(key: SheetKey, t: Translate): string[] {
  return specOf(key).columns.map((c) => t(c.header));
}

/** The index of a column in the layout's own order (0-based): for a sheet setup creates. */
export function layoutIndex(key: SheetKey, column: string): number {
  const i = specOf(key).columns.findIndex((c) => c.key === column);
  if (i < 0) throw new Error(`no column ${column} in ${key}`);
  return i;
}

/** The number formats of the layout's columns, in layout order. */
export function rowFormats(key: SheetKey): string[] {
  return specOf(key).columns.map((c) => NUMBER_FORMATS[c.kind]);
}

/**
 * Text for a plain-text ("@") cell: a leading ' is Sheets' text prefix even there and is
 * dropped from the value, so text that starts with one is written with one more.
 */
export function keepApostrophe(value: unknown): unknown {
  return typeof value === "string" && value.startsWith("'") ? `'${value}` : value;
}

/** Writes a text cell so Sheets keeps it verbatim in a "quote" sheet. */
export function quoted(value: unknown): unknown {
  return typeof value === "string" && value !== "" ? `'${value}` : value;
}

/** A printed page shows Rupiah columns as text ("Rp1.500.000"); the CSV keeps the number. */
export function printedCell(column: Column<unknown>, value: unknown): unknown {
  return column.kind === "rupiah" && typeof value === "number" ? formatRupiah(value) : value;
}
