// The sheets of the spreadsheet-as-database (DESIGN §2): one spec per sheet, found by a stable
// key (the registry in document properties maps key → sheetId and name), with its columns in
// order. Column kinds decide the number format: every text column is plain text "@" so typed
// text stays verbatim; budgets are Rupiah.
import type { MessageKey } from "../core/i18n";

export const SHEET_KEYS = [
  "quickwins",
  "criteria",
  "panel",
  "reviews",
  "assignments",
  "settings",
  "ranking",
  "shortlist",
  "log",
] as const;
export type SheetKey = (typeof SHEET_KEYS)[number];

export type ColumnKind = "text" | "rupiah" | "int" | "number" | "score" | "percent";

export interface ColumnSpec {
  key: string;
  header: MessageKey;
  kind: ColumnKind;
}

export interface SheetSpec {
  key: SheetKey;
  name: MessageKey;
  columns: readonly ColumnSpec[];
  /** Generated or append-only: warning-only protection against hand edits. */
  protect: boolean;
  /**
   * How text is kept verbatim. "format": text columns carry the plain-text format "@" (set at
   * setup for people typing, and again in the same pass as every write). "quote": generated
   * and ledger sheets write text with Sheets' leading-apostrophe text prefix, which lets one
   * appendRow or setValues store it verbatim without a format call.
   */
  text: "format" | "quote";
}

const col = (key: string, kind: ColumnKind = "text"): ColumnSpec => ({
  key,
  header: `col.${key}` as MessageKey,
  kind,
});

export const SPECS: Record<SheetKey, SheetSpec> = {
  quickwins: {
    key: "quickwins",
    name: "sheet.quickwins",
    text: "format",
    protect: false,
    columns: [
      col("id"),
      col("name"),
      col("agency"),
      col("dimension"),
      col("description"),
      col("startDate"),
      col("endDate"),
      col("budget", "rupiah"),
      col("beneficiaries", "int"),
      col("stage"),
      col("evidenceUrl"),
      col("createdBy"),
      col("updatedAt"),
      col("source"),
    ],
  },
  criteria: {
    key: "criteria",
    name: "sheet.criteria",
    text: "format",
    protect: false,
    columns: [
      col("id"),
      col("name"),
      col("description"),
      col("weight", "number"),
      col("min", "int"),
      col("max", "int"),
      col("levels"),
    ],
  },
  panel: {
    key: "panel",
    name: "sheet.panel",
    text: "format",
    protect: false,
    columns: [col("email"), col("name"), col("agency"), col("role")],
  },
  reviews: {
    key: "reviews",
    name: "sheet.reviews",
    text: "quote",
    protect: true,
    columns: [
      col("submittedAt"),
      col("quickwinId"),
      col("reviewer"),
      col("scores"),
      col("comment"),
      col("declaredConflict"),
    ],
  },
  assignments: {
    key: "assignments",
    name: "sheet.assignments",
    text: "format",
    protect: false,
    columns: [col("quickwinId"), col("reviewer")],
  },
  settings: {
    key: "settings",
    name: "sheet.settings",
    text: "format",
    protect: false,
    columns: [col("key"), col("value", "number"), col("label")],
  },
  ranking: {
    key: "ranking",
    name: "sheet.ranking",
    text: "quote",
    protect: true,
    columns: [
      col("rank", "int"),
      col("quickwinId"),
      col("name"),
      col("score", "score"),
      col("agency"),
      col("dimension"),
      col("rawScore", "score"),
      col("reviews", "int"),
      col("sd", "score"),
      col("rankRange"),
      col("pShortlist", "percent"),
      col("valueForMoney", "number"),
      col("shortlisted"),
      col("flags"),
    ],
  },
  shortlist: {
    key: "shortlist",
    name: "sheet.shortlist",
    text: "quote",
    protect: true,
    columns: [
      col("rank", "int"),
      col("quickwinId"),
      col("name"),
      col("agency"),
      col("dimension"),
      col("stage"),
      col("startDate"),
      col("endDate"),
      col("budget", "rupiah"),
      col("score", "score"),
      col("rankRange"),
      col("pShortlist", "percent"),
      col("valueForMoney", "number"),
      col("flags"),
      col("description"),
      col("evidenceUrl"),
    ],
  },
  log: {
    key: "log",
    name: "sheet.log",
    text: "quote",
    protect: true,
    columns: [col("time"), col("user"), col("action"), col("details")],
  },
};

/** The shortlist's fixed layout: title, date, method, a blank row, then the table. */
export const SHORTLIST_HEADER_ROW = 5;
/** Rows the ranking chart shows (name and score columns, header included). */
export const CHART_ROWS = 21;

export const NUMBER_FORMATS: Record<ColumnKind, string> = {
  text: "@",
  rupiah: '"Rp"#,##0',
  int: "0",
  number: "0.##",
  score: "0.0",
  percent: "0%",
};

/** Column letters of a 1-based index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let s = "";
  let n = index;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A sheet name quoted for A1 notation: 'Tim Penilai'!A:D. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The index of a column of a sheet (0-based). */
export function colIndex(key: SheetKey, column: string): number {
  const i = SPECS[key].columns.findIndex((c) => c.key === column);
  if (i < 0) throw new Error(`no column ${column} in ${key}`);
  return i;
}

/** The number formats of one row of a sheet. */
export function rowFormats(key: SheetKey): string[] {
  return SPECS[key].columns.map((c) => NUMBER_FORMATS[c.kind]);
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
