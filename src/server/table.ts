// A sheet as a table: its columns found by their header text (in either language, compared by
// identity key), never by position. A column a person inserted or moved is tolerated — its
// cells are never written — and a sheet is trusted only when its header row holds every
// column of its layout. Pure: no Apps Script service is called here.

import { type Translate, translator } from "../core/i18n";
import { identityKey } from "../core/identity";
import { isBlankRow } from "./cells";
import { type AnySpec, type Column, cellFor, type SheetKey, specOf } from "./layout";

/** A sheet read and checked: where each layout column is, and every row read. */
export interface Table {
  key: SheetKey;
  /** The tab's name when read (a hint for messages; the sheet is found by id). */
  name: string;
  /** Every row read, from row 1 (values[0] is sheet row 1). */
  values: unknown[][];
  /** 1-based row of the header. */
  headerRow: number;
  /** Column key → 0-based sheet column. */
  columns: Record<string, number>;
  /** Columns read (the sheet's used width, at least the header's). */
  width: number;
  /** 1-based number of the last row with something in a layout column (≥ headerRow). */
  lastRow: number;
}

const headerKeys = new Map<SheetKey, string[][]>();

/** Per layout column, the identity keys of its header in every language. */
function expectedHeaders(key: SheetKey): string[][] {
  let keys = headerKeys.get(key);
  if (!keys) {
    keys = specOf(key).columns.map((c) => [
      ...new Set((["id", "en"] as const).map((l) => identityKey(translator(l)(c.header)))),
    ]);
    headerKeys.set(key, keys);
  }
  return keys;
}

export interface HeaderMatch {
  /** Column key → 0-based position, for every column found. */
  columns: Record<string, number>;
  /** The layout columns the row does not hold. */
  missing: string[];
}

/** Finds the layout's columns in a header row (the first cell that names each one). */
export function matchHeader(key: SheetKey, header: readonly unknown[]): HeaderMatch {
  const cells = header.map((v) => identityKey(typeof v === "string" ? v : String(v ?? "")));
  const columns: Record<string, number> = {};
  const missing: string[] = [];
  const expected = expectedHeaders(key);
  specOf(key).columns.forEach((c, i) => {
    const names = expected[i]!;
    const at = cells.findIndex((cell) => cell !== "" && names.includes(cell));
    if (at < 0) missing.push(c.key);
    else columns[c.key] = at;
  });
  return { columns, missing };
}

/** True when a header cell names some column of the layout. */
export function isLayoutHeader(key: SheetKey, cell: unknown): boolean {
  const k = identityKey(typeof cell === "string" ? cell : String(cell ?? ""));
  return k !== "" && expectedHeaders(key).some((names) => names.includes(k));
}

/** The layout cells of a row (what decides whether a row is blank). */
function layoutCells(table: Table, row: readonly unknown[]): unknown[] {
  return Object.values(table.columns).map((i) => row[i]);
}

/** True when a row has nothing in any layout column (notes in a person's own column aside). */
export function isBlankDataRow(table: Table, row: readonly unknown[]): boolean {
  return isBlankRow(layoutCells(table, row));
}

/** The 1-based number of the last row with something in a layout column (≥ headerRow). */
export function lastDataRow(
  values: readonly (readonly unknown[])[],
  headerRow: number,
  columns: Record<string, number>,
): number {
  const idx = Object.values(columns);
  for (let i = values.length - 1; i >= headerRow; i--) {
    const row = values[i]!;
    if (!isBlankRow(idx.map((c) => row[c]))) return i + 1;
  }
  return headerRow;
}

/** The non-blank data rows with their 1-based sheet row, each as column key → cell. */
export function* dataRows(
  table: Table,
): Generator<{ row: number; cells: Record<string, unknown> }> {
  const spec = specOf(table.key);
  for (let i = table.headerRow; i < table.values.length; i++) {
    const raw = table.values[i]!;
    if (isBlankDataRow(table, raw)) continue;
    const cells: Record<string, unknown> = {};
    for (const c of spec.columns) cells[c.key] = raw[table.columns[c.key]!];
    yield { row: i + 1, cells };
  }
}

/** One cell of a row read, by column key. */
export function cellOf(table: Table, row: readonly unknown[], column: string): unknown {
  const i = table.columns[column];
  return i === undefined ? undefined : row[i];
}

/**
 * A record as a sheet row: each layout column's value at that column's place in this sheet,
 * `undefined` in the columns that are not the layout's (they are never written).
 */
export function placeRow<W>(table: Table, spec: AnySpec, record: W, t?: Translate): unknown[] {
  const row: unknown[] = new Array(table.width).fill(undefined);
  for (const c of spec.columns as readonly Column<W>[]) {
    row[table.columns[c.key]!] = cellFor(c, record, t);
  }
  return row;
}

/** A row in the layout's own order (a sheet that setup is creating has exactly these). */
export function layoutRow<W>(spec: AnySpec, record: W, t?: Translate): unknown[] {
  return (spec.columns as readonly Column<W>[]).map((c) => cellFor(c, record, t));
}

/** The layout's columns of a sheet as runs of adjacent columns [first, last] (0-based). */
export function segments(table: Table): [number, number][] {
  const idx = [...new Set(Object.values(table.columns))].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const i of idx) {
    const last = out[out.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else out.push([i, i]);
  }
  return out;
}

/** The layout column at a sheet column (0-based), if any. */
export function columnAt(table: Table, index: number): Column<unknown> | undefined {
  const spec = specOf(table.key);
  return spec.columns.find((c) => table.columns[c.key] === index);
}

/** Why a sheet cannot be trusted: gone, no header row, or a header without some columns. */
export interface SheetFault {
  key: SheetKey;
  kind: "missing" | "header" | "columns";
  /** The layout columns its header row lacks. */
  missing: string[];
  /** The rows read (for setup's repair). */
  values?: unknown[][];
}

export function isFault(value: Table | SheetFault): value is SheetFault {
  return "kind" in value;
}

/**
 * A sheet's rows checked against its layout: a Table when its header row holds every column,
 * else the fault ("header" when the row names none of them: deleted, or another sheet's).
 */
export function examine(
  key: SheetKey,
  values: unknown[][],
  name: () => string,
): Table | SheetFault {
  const spec = specOf(key);
  const header = values[spec.headerRow - 1] ?? [];
  const match = matchHeader(key, header);
  if (match.missing.length === spec.columns.length) {
    return { key, kind: "header", missing: [], values };
  }
  if (match.missing.length > 0) return { key, kind: "columns", missing: match.missing, values };
  let width = 0;
  for (const row of values) width = Math.max(width, row.length);
  const table: Table = {
    key,
    get name() {
      return name();
    },
    values,
    headerRow: spec.headerRow,
    columns: match.columns,
    width,
    lastRow: lastDataRow(values, spec.headerRow, match.columns),
  };
  return table;
}
