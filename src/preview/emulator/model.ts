// The in-memory workbook and its JSON form (WorkbookData, what the preview persists).
import type { A1Ref } from "./a1";
import { evaluateFormula, type FormulaHost } from "./formula";
import { toSerial } from "./tz";
import { DateVal, fromSerialValue, isDateFormat, isNumberFormat, type Val } from "./values";

export type Style = Record<string, string | number | boolean | null>;

export interface ValidationData {
  type: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

/**
 * One cell. Its style and validation objects are never changed in place (a change puts a new
 * object in the cell), so copies of the workbook share them: setup formats whole columns, and a
 * buffered execution copies the workbook.
 */
export interface Cell {
  v?: Val;
  f?: string;
  nf?: string;
  st?: Readonly<Style>;
  dv?: Readonly<ValidationData>;
}

export interface ChartData {
  id: number;
  type: string;
  ranges: string[];
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

/** A custom-formula conditional format: its ranges (A1 on its sheet) and the background. */
export interface ConditionalFormatData {
  ranges: string[];
  formula: string;
  background: string | null;
}

export interface ProtectionData {
  id: number;
  type: "SHEET" | "RANGE";
  sheetId: number;
  range: { row: number; column: number; numRows: number; numColumns: number } | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
}

// ---------- JSON (persistence) ----------

export type JsonVal = number | string | boolean | { date: string };

export interface CellData {
  r: number;
  c: number;
  /**
   * How many cells down the column this entry stands for (absent: 1). Setup formats whole
   * columns, so most cells hold a format and nothing else: a run of alike cells (no value, no
   * formula) is saved once. A set-up workbook went from ~2 MB to ~50 KB.
   */
  n?: number;
  v?: JsonVal;
  f?: string;
  nf?: string;
  st?: Style;
  dv?: ValidationData;
}

export interface SheetJson {
  id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  tabColor: string | null;
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  /** Columns hidden by the user or a script (1-based); absent in older saved workbooks. */
  hiddenColumns?: number[];
  merges: string[];
  charts: ChartData[];
  /** Absent in workbooks saved before conditional formats were emulated. */
  conditionalFormats?: ConditionalFormatData[];
  cells: CellData[];
}

export interface WorkbookData {
  format: "quickwin-emulator-workbook";
  /** 2 saves runs of alike cells (`CellData.n`); files of version 1 are still read. */
  version: 1 | 2;
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  owner: string;
  nextId: number;
  activeSheetId: number | null;
  sheets: SheetJson[];
  protections: ProtectionData[];
  properties: {
    document: Record<string, string>;
    script: Record<string, string>;
    user: Record<string, Record<string, string>>;
  };
}

export class SheetModel {
  rows: (Cell | undefined)[][] = [];
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  hiddenColumns = new Set<number>();
  merges: string[] = [];
  charts: ChartData[] = [];
  conditionalFormats: ConditionalFormatData[] = [];

  constructor(
    readonly id: number,
    public name: string,
    public maxRows = 1000,
    public maxColumns = 26,
  ) {}

  cell(row: number, col: number): Cell | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  ensure(row: number, col: number): Cell {
    let r = this.rows[row - 1];
    if (!r) {
      r = [];
      this.rows[row - 1] = r;
    }
    let c = r[col - 1];
    if (!c) {
      c = {};
      r[col - 1] = c;
    }
    return c;
  }

  /** The last row holding a value or formula (0 when empty). */
  lastRow(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) {
      const row = this.rows[r];
      if (row?.some((c) => c !== undefined && hasContent(c))) return r + 1;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length - 1; c >= last; c--) {
        const cell = row[c];
        if (cell && hasContent(cell)) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  insertRows(before: number, count: number): void {
    const fill: (Cell[] | undefined)[] = new Array(count).fill(undefined);
    if (this.rows.length >= before - 1) this.rows.splice(before - 1, 0, ...(fill as Cell[][]));
    this.maxRows += count;
  }

  deleteRows(start: number, count: number): void {
    this.rows.splice(start - 1, count);
    this.maxRows -= count;
  }

  insertColumns(before: number, count: number): void {
    for (const row of this.rows) {
      if (row && row.length >= before - 1)
        row.splice(
          before - 1,
          0,
          ...(new Array<Cell | undefined>(count).fill(undefined) as Cell[]),
        );
    }
    this.maxColumns += count;
    this.moveColumnProperties((c) => (c >= before ? c + count : c));
  }

  deleteColumns(start: number, count: number): void {
    for (const row of this.rows) row?.splice(start - 1, count);
    this.maxColumns -= count;
    this.moveColumnProperties((c) => (c < start ? c : c >= start + count ? c - count : null));
  }

  /** Widths and hidden columns follow their columns when others are inserted or deleted. */
  private moveColumnProperties(to: (column: number) => number | null): void {
    const widths = new Map<number, number>();
    for (const [c, w] of this.columnWidths) {
      const n = to(c);
      if (n !== null) widths.set(n, w);
    }
    this.columnWidths = widths;
    const hidden = [...this.hiddenColumns].map(to).filter((c): c is number => c !== null);
    this.hiddenColumns = new Set(hidden);
  }
}

export function hasContent(c: Cell): boolean {
  return c.v !== undefined || c.f !== undefined;
}

/** How many formula cells may be read through one another before a cell shows #ERROR!. */
export const MAX_REFERENCE_CHAIN = 256;

export class WorkbookModel {
  sheets: SheetModel[] = [];
  protections: ProtectionData[] = [];
  activeSheetId: number | null = null;
  nextId = 1;
  properties: WorkbookData["properties"] = { document: {}, script: {}, user: {} };
  /** Evaluation stack of formula cells (circular references → #REF!). */
  private evaluating = new Set<string>();

  constructor(
    public id: string,
    public name: string,
    public timeZone: string,
    public locale: string,
    public owner: string,
  ) {}

  newId(): number {
    return this.nextId++;
  }

  /** A fresh sheet id like Sheets' (random-looking, stable per workbook). */
  newSheetId(): number {
    const n = this.newId();
    return (n * 1_103_515_245 + 12_345) % 2_000_000_000;
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  sheetByNameInsensitive(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** The value a cell reads as (formula evaluated; number format decides number vs date). */
  read(sheet: SheetModel, row: number, col: number): Val | "" {
    const cell = sheet.cell(row, col);
    if (!cell) return "";
    let v: Val | "";
    if (cell.f !== undefined) v = this.evaluate(sheet, row, col, cell.f);
    else v = cell.v ?? "";
    if (typeof v === "number" && isDateFormat(cell.nf)) return fromSerialValue(v, this.timeZone);
    if (v instanceof DateVal && isNumberFormat(cell.nf)) return toSerial(v.ms, this.timeZone);
    return v;
  }

  /** A conditional format's formula as it applies to one cell (see conditional-format.ts). */
  evaluateRule(sheet: SheetModel, row: number, col: number, formula: string): Val | "" {
    return this.evaluate(sheet, row, col, formula, "rule:");
  }

  private evaluate(
    sheet: SheetModel,
    row: number,
    col: number,
    formula: string,
    kind = "",
  ): Val | "" {
    const key = `${kind}${sheet.id}:${row}:${col}`;
    if (this.evaluating.has(key)) return "#REF!";
    // A chain of formulas each reading the next is followed this far, then shows #ERROR!.
    if (this.evaluating.size >= MAX_REFERENCE_CHAIN) return "#ERROR!";
    this.evaluating.add(key);
    try {
      const host: FormulaHost = {
        values: (ref: A1Ref) => {
          const target = ref.sheet === undefined ? sheet : this.sheetByNameInsensitive(ref.sheet);
          if (!target) return [["#REF!"]];
          const r1 = ref.row1 ?? 1;
          const c1 = ref.col1 ?? 1;
          const r2 = Math.min(ref.row2 ?? target.maxRows, target.maxRows);
          const c2 = Math.min(ref.col2 ?? target.maxColumns, target.maxColumns);
          if (r1 > target.maxRows || c1 > target.maxColumns) return [["#REF!"]];
          const out: (Val | "")[][] = [];
          for (let r = r1; r <= r2; r++) {
            const line: (Val | "")[] = [];
            for (let c = c1; c <= c2; c++) line.push(this.read(target, r, c));
            out.push(line);
          }
          return out;
        },
        toSerial: (ms) => toSerial(ms, this.timeZone),
      };
      return evaluateFormula(formula, host);
    } catch (error) {
      // Whatever a saved workbook holds, reading it never fails: the cell shows #ERROR!.
      if (error instanceof RangeError) return "#ERROR!";
      throw error;
    } finally {
      this.evaluating.delete(key);
    }
  }

  toJSON(): WorkbookData {
    // One copy per rule object: the cells of a column share theirs.
    const rules = new Map<Readonly<ValidationData>, ValidationData>();
    return {
      format: "quickwin-emulator-workbook",
      version: 2,
      id: this.id,
      name: this.name,
      timeZone: this.timeZone,
      locale: this.locale,
      owner: this.owner,
      nextId: this.nextId,
      activeSheetId: this.activeSheetId,
      sheets: this.sheets.map((s) => sheetToJSON(s, rules)),
      protections: structuredClone(this.protections),
      properties: structuredClone(this.properties),
    };
  }

  /**
   * A deep copy (an execution's view of the workbook in buffered mode), equal to what a
   * toJSON/fromJSON round trip gives but without building the JSON: buffered executions copy
   * the workbook often.
   */
  clone(): WorkbookModel {
    const wb = new WorkbookModel(this.id, this.name, this.timeZone, this.locale, this.owner);
    wb.nextId = this.nextId;
    wb.activeSheetId = this.activeSheetId;
    wb.protections = structuredClone(this.protections);
    wb.properties = structuredClone(this.properties);
    wb.sheets = this.sheets.map(cloneSheet);
    return wb;
  }

  static fromJSON(data: WorkbookData): WorkbookModel {
    const problem = checkWorkbookData(data, { deep: false });
    if (problem) throw new Error(`not a workbook: ${problem}`);
    const wb = new WorkbookModel(data.id, data.name, data.timeZone, data.locale, data.owner);
    wb.nextId = data.nextId;
    wb.activeSheetId = data.activeSheetId;
    wb.protections = structuredClone(data.protections);
    wb.properties = structuredClone(data.properties);
    // A whole column usually carries one rule: its cells share one copy (see Cell).
    const lastRule = new Map<number, { given: ValidationData; copy: ValidationData }>();
    const rule = (dv: ValidationData, column: number): ValidationData => {
      const last = lastRule.get(column);
      if (last && sameJson(last.given, dv)) return last.copy;
      const copy = structuredClone(dv);
      lastRule.set(column, { given: dv, copy });
      return copy;
    };
    for (const sd of data.sheets) {
      const s = new SheetModel(sd.id, sd.name, sd.maxRows, sd.maxColumns);
      s.frozenRows = sd.frozenRows;
      s.frozenColumns = sd.frozenColumns;
      s.hidden = sd.hidden;
      s.tabColor = sd.tabColor;
      s.columnWidths = new Map(Object.entries(sd.columnWidths).map(([k, v]) => [Number(k), v]));
      s.rowHeights = new Map(Object.entries(sd.rowHeights ?? {}).map(([k, v]) => [Number(k), v]));
      s.hiddenColumns = new Set(sd.hiddenColumns ?? []);
      s.merges = [...sd.merges];
      s.charts = structuredClone(sd.charts);
      s.conditionalFormats = structuredClone(sd.conditionalFormats ?? []);
      for (const cd of sd.cells) {
        // The cells of a run share their style and rule objects (never changed in place).
        const st = cd.st === undefined ? undefined : { ...cd.st };
        const dv = cd.dv === undefined ? undefined : rule(cd.dv, cd.c);
        const v = cd.v === undefined ? undefined : fromJsonVal(cd.v);
        for (let row = cd.r; row < cd.r + (cd.n ?? 1); row++) {
          const cell = s.ensure(row, cd.c);
          if (v !== undefined) cell.v = v;
          if (cd.f !== undefined) cell.f = cd.f;
          if (cd.nf !== undefined) cell.nf = cd.nf;
          if (st !== undefined) cell.st = st;
          if (dv !== undefined) cell.dv = dv;
        }
      }
      wb.sheets.push(s);
    }
    return wb;
  }
}

/** Whether two JSON values are equal, deeply. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => sameJson(x[k], y[k]));
}

function toJsonVal(v: Val): JsonVal {
  return v instanceof DateVal ? { date: new Date(v.ms).toISOString() } : v;
}

function fromJsonVal(v: JsonVal): Val {
  if (typeof v === "object" && v !== null) return new DateVal(Date.parse(v.date));
  return v;
}

/** A sheet copied cell by cell, keeping what sheetToJSON keeps (DateVal is immutable). */
function cloneSheet(s: SheetModel): SheetModel {
  const copy = new SheetModel(s.id, s.name, s.maxRows, s.maxColumns);
  copy.frozenRows = s.frozenRows;
  copy.frozenColumns = s.frozenColumns;
  copy.hidden = s.hidden;
  copy.tabColor = s.tabColor;
  copy.columnWidths = new Map(s.columnWidths);
  copy.rowHeights = new Map(s.rowHeights);
  copy.hiddenColumns = new Set(s.hiddenColumns);
  copy.merges = [...s.merges];
  copy.charts = structuredClone(s.charts);
  copy.conditionalFormats = structuredClone(s.conditionalFormats);
  s.rows.forEach((row, ri) => {
    row?.forEach((cell, ci) => {
      if (!cell) return;
      const hasStyle = cell.st !== undefined && Object.keys(cell.st).length > 0;
      const kept = cell.v !== undefined || cell.f !== undefined || cell.nf !== undefined;
      if (!kept && !hasStyle && cell.dv === undefined) return;
      const c = copy.ensure(ri + 1, ci + 1);
      if (cell.v !== undefined) c.v = cell.v;
      if (cell.f !== undefined) c.f = cell.f;
      if (cell.nf !== undefined) c.nf = cell.nf;
      // Shared, not copied: they are never changed in place (see Cell).
      if (hasStyle) c.st = cell.st;
      if (cell.dv !== undefined) c.dv = cell.dv;
    });
  });
  return copy;
}

/** The saved entry for the cell at row `r`, column `c` (a run covers the rows below its own). */
export function cellDataAt(sheet: SheetJson, r: number, c: number): CellData | undefined {
  return sheet.cells.find((x) => x.c === c && x.r <= r && r < x.r + (x.n ?? 1));
}

/** Same number format, style and rule (as saved: an empty style is none). */
function alike(a: Cell, b: Cell): boolean {
  return a.nf === b.nf && sameJson(a.st ?? {}, b.st ?? {}) && sameJson(a.dv, b.dv);
}

function sheetToJSON(
  s: SheetModel,
  rules: Map<Readonly<ValidationData>, ValidationData>,
): SheetJson {
  const cells: CellData[] = [];
  const columns = s.rows.reduce((most, row) => Math.max(most, row?.length ?? 0), 0);
  // Column by column, so that the alike cells below one another make one entry (`n`).
  for (let ci = 0; ci < columns; ci++) {
    let run: { data: CellData; last: Cell } | null = null;
    for (let ri = 0; ri < s.rows.length; ri++) {
      const cell = s.rows[ri]?.[ci];
      if (!cell) {
        run = null;
        continue;
      }
      if (run && !hasContent(cell) && alike(run.last, cell)) {
        run.data.n = (run.data.n ?? 1) + 1;
        continue;
      }
      const cd: CellData = { r: ri + 1, c: ci + 1 };
      if (cell.v !== undefined) cd.v = toJsonVal(cell.v);
      if (cell.f !== undefined) cd.f = cell.f;
      if (cell.nf !== undefined) cd.nf = cell.nf;
      if (cell.st !== undefined && Object.keys(cell.st).length) cd.st = { ...cell.st };
      if (cell.dv !== undefined) {
        const known = rules.get(cell.dv);
        const copy = known ?? (structuredClone(cell.dv) as ValidationData);
        if (!known) rules.set(cell.dv, copy);
        cd.dv = copy;
      }
      if (Object.keys(cd).length <= 2) {
        run = null;
        continue;
      }
      cells.push(cd);
      run = !hasContent(cell) ? { data: cd, last: cell } : null;
    }
  }
  return {
    id: s.id,
    name: s.name,
    maxRows: s.maxRows,
    maxColumns: s.maxColumns,
    frozenRows: s.frozenRows,
    frozenColumns: s.frozenColumns,
    hidden: s.hidden,
    tabColor: s.tabColor,
    columnWidths: Object.fromEntries(s.columnWidths),
    rowHeights: Object.fromEntries(s.rowHeights),
    hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b),
    merges: [...s.merges],
    charts: structuredClone(s.charts),
    conditionalFormats: structuredClone(s.conditionalFormats),
    cells,
  };
}

type Check = (value: unknown, path: string) => string | null;

const isObj = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === "object" && !Array.isArray(v);
const isInt = (v: unknown, min = 0): v is number => Number.isInteger(v) && (v as number) >= min;
const str: Check = (v, p) => (typeof v === "string" ? null : `${p} must be a string`);
const strOrNull: Check = (v, p) =>
  v === null || typeof v === "string" ? null : `${p} must be a string or null`;
const bool: Check = (v, p) => (typeof v === "boolean" ? null : `${p} must be true or false`);
const int =
  (min = 0): Check =>
  (v, p) =>
    isInt(v, min) ? null : `${p} must be an integer ≥ ${min}`;
const num: Check = (v, p) =>
  typeof v === "number" && Number.isFinite(v) ? null : `${p} must be a number`;
const arrayOf =
  (item: Check): Check =>
  (v, p) => {
    if (!Array.isArray(v)) return `${p} must be an array`;
    for (let i = 0; i < v.length; i++) {
      const e = item(v[i], `${p}[${i}]`);
      if (e) return e;
    }
    return null;
  };
const recordOf =
  (item: Check): Check =>
  (v, p) => {
    if (!isObj(v)) return `${p} must be an object`;
    for (const [k, x] of Object.entries(v)) {
      const e = item(x, `${p}.${k}`);
      if (e) return e;
    }
    return null;
  };
const object =
  (fields: Record<string, Check>, optional: string[] = []): Check =>
  (v, p) => {
    if (!isObj(v)) return `${p} must be an object`;
    for (const [k, check] of Object.entries(fields)) {
      if (v[k] === undefined && optional.includes(k)) continue;
      const e = check(v[k], `${p}.${k}`);
      if (e) return e;
    }
    return null;
  };
const oneOf =
  (...values: string[]): Check =>
  (v, p) =>
    typeof v === "string" && values.includes(v) ? null : `${p} must be one of ${values.join(", ")}`;
const cellValue: Check = (v, p) => {
  if (typeof v === "string" || typeof v === "boolean") return null;
  if (typeof v === "number") return Number.isFinite(v) ? null : `${p} must be a finite number`;
  if (isObj(v) && typeof v.date === "string" && !Number.isNaN(Date.parse(v.date))) return null;
  return `${p} must be a number, string, boolean or { "date": ISO string }`;
};
const primitive: Check = (v, p) =>
  v === null || ["string", "number", "boolean"].includes(typeof v)
    ? null
    : `${p} must be a plain value`;

const CELL = object(
  {
    r: int(1),
    c: int(1),
    n: int(1),
    v: cellValue,
    f: (v, p) =>
      typeof v === "string" && v.startsWith("=") ? null : `${p} must be a formula "=…"`,
    nf: str,
    st: recordOf(primitive),
    dv: object({ type: str, values: arrayOf(() => null), allowInvalid: bool, helpText: strOrNull }),
  },
  ["n", "v", "f", "nf", "st", "dv"],
);
/** A fast structural test of a cell; the detailed check runs only to explain a failure. */
function cellLooksRight(c: unknown): boolean {
  if (!isObj(c) || !isInt(c.r, 1) || !isInt(c.c, 1)) return false;
  if (c.n !== undefined && !isInt(c.n, 1)) return false;
  const v = c.v;
  if (
    v !== undefined &&
    typeof v !== "string" &&
    typeof v !== "boolean" &&
    !(typeof v === "number" && Number.isFinite(v))
  ) {
    return false;
  }
  if (v !== undefined && typeof v === "object") return false;
  if (c.f !== undefined && !(typeof c.f === "string" && c.f.startsWith("="))) return false;
  if (c.nf !== undefined && typeof c.nf !== "string") return false;
  return c.st === undefined && c.dv === undefined;
}
const CELLS: Check = (v, p) => {
  if (!Array.isArray(v)) return `${p} must be an array`;
  for (let i = 0; i < v.length; i++) {
    if (cellLooksRight(v[i])) continue;
    const e = CELL(v[i], `${p}[${i}]`);
    if (e) return e;
  }
  return null;
};
const CHART = object({
  id: int(0),
  type: str,
  ranges: arrayOf(str),
  position: object({ row: num, column: num, offsetX: num, offsetY: num }),
  options: (v, p) => (isObj(v) ? null : `${p} must be an object`),
});
const sheetCheck = (cells: Check) =>
  object(
    {
      id: int(0),
      name: (v, p) =>
        typeof v === "string" && v !== "" ? null : `${p} must be a non-empty string`,
      maxRows: int(1),
      maxColumns: int(1),
      frozenRows: int(0),
      frozenColumns: int(0),
      hidden: bool,
      tabColor: strOrNull,
      columnWidths: recordOf(num),
      rowHeights: recordOf(num),
      hiddenColumns: arrayOf(int(1)),
      merges: arrayOf(str),
      charts: arrayOf(CHART),
      conditionalFormats: arrayOf(
        object({ ranges: arrayOf(str), formula: str, background: strOrNull }),
      ),
      cells,
    },
    ["rowHeights", "hiddenColumns", "conditionalFormats"],
  );
const workbookCheck = (cells: Check) =>
  object({
    id: str,
    name: str,
    timeZone: str,
    locale: str,
    owner: str,
    nextId: int(0),
    activeSheetId: (v, p) => (v === null || isInt(v, 0) ? null : `${p} must be a sheet id or null`),
    sheets: arrayOf(sheetCheck(cells)),
    protections: arrayOf(
      object({
        id: int(0),
        type: oneOf("SHEET", "RANGE"),
        sheetId: int(0),
        range: (v, p) =>
          v === null
            ? null
            : object({ row: int(1), column: int(1), numRows: int(1), numColumns: int(1) })(v, p),
        description: str,
        warningOnly: bool,
        editors: arrayOf(str),
      }),
    ),
    properties: object({
      document: recordOf(str),
      script: recordOf(str),
      user: recordOf(recordOf(str)),
    }),
  });

const WORKBOOK_DEEP = workbookCheck(CELLS);
const WORKBOOK_SHALLOW = workbookCheck((v, p) =>
  Array.isArray(v) ? null : `${p} must be an array`,
);

/** Google Sheets' limit for a whole spreadsheet; a saved workbook covers no more. */
const MAX_SAVED_CELLS = 10_000_000;

/**
 * A reason the value is not a WorkbookData, or null when it is one. `deep: false` skips the
 * cell-by-cell checks (for data this process wrote itself; a file from disk gets them all).
 */
export function checkWorkbookData(data: unknown, options: { deep?: boolean } = {}): string | null {
  const deep = options.deep ?? true;
  if (!isObj(data)) return "not a JSON object";
  if (data.format !== "quickwin-emulator-workbook")
    return 'missing "format": "quickwin-emulator-workbook"';
  if (data.version !== 1 && data.version !== 2)
    return `unsupported version ${JSON.stringify(data.version)}`;
  const problem = (deep ? WORKBOOK_DEEP : WORKBOOK_SHALLOW)(data, "workbook");
  if (problem) return problem;
  const d = data as unknown as WorkbookData;
  if (d.sheets.length === 0)
    return "workbook.sheets is empty (a spreadsheet has at least one sheet)";
  const ids = new Set<number>();
  const names = new Set<string>();
  let covered = 0;
  for (const [i, s] of d.sheets.entries()) {
    if (ids.has(s.id)) return `workbook.sheets[${i}].id ${s.id} is not unique`;
    if (names.has(s.name.toLowerCase()))
      return `workbook.sheets[${i}].name "${s.name}" is not unique`;
    ids.add(s.id);
    names.add(s.name.toLowerCase());
    if (!deep) continue;
    // Each column's entries as row intervals: a run must not cover a cell another entry holds.
    const columns = new Map<number, [first: number, last: number, j: number][]>();
    for (const [j, c] of s.cells.entries()) {
      const n = c.n ?? 1;
      if (c.r + n - 1 > s.maxRows || c.c > s.maxColumns)
        return `workbook.sheets[${i}].cells[${j}] is outside the ${s.maxRows} × ${s.maxColumns} grid`;
      if (n > 1 && (c.v !== undefined || c.f !== undefined))
        return `workbook.sheets[${i}].cells[${j}] repeats a value or formula down ${n} rows`;
      // A few bytes of JSON must not become more cells than a spreadsheet may hold.
      covered += n;
      if (covered > MAX_SAVED_CELLS)
        return `workbook.sheets[${i}].cells[${j}] goes beyond the ${MAX_SAVED_CELLS} cells a spreadsheet may hold`;
      const list = columns.get(c.c) ?? [];
      list.push([c.r, c.r + n - 1, j]);
      columns.set(c.c, list);
    }
    for (const [column, list] of columns) {
      list.sort((a, b) => a[0] - b[0]);
      for (let k = 1; k < list.length; k++) {
        const [first, , j] = list[k]!;
        if (first <= list[k - 1]![1])
          return `workbook.sheets[${i}].cells[${j}] repeats cell ${first}:${column}`;
      }
    }
  }
  return null;
}
