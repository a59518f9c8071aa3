// The in-memory workbook and its JSON form (WorkbookData, what the preview persists).
import { type A1Ref, a1Of } from "./a1";
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

export interface Cell {
  v?: Val;
  f?: string;
  nf?: string;
  st?: Style;
  dv?: ValidationData;
  note?: string;
}

export interface ChartData {
  id: number;
  type: string;
  ranges: string[];
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

export interface MetadataData {
  id: number;
  key: string;
  value: string | null;
  visibility: "DOCUMENT" | "PROJECT";
  location:
    | { type: "SPREADSHEET" }
    | { type: "SHEET"; sheetId: number }
    | { type: "ROW" | "COLUMN"; sheetId: number; start: number; end: number };
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
  v?: JsonVal;
  f?: string;
  nf?: string;
  st?: Style;
  dv?: ValidationData;
  note?: string;
}

export interface SheetData {
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
  merges: string[];
  charts: ChartData[];
  cells: CellData[];
}

export interface WorkbookData {
  format: "quickwin-emulator-workbook";
  version: 1;
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  owner: string;
  nextId: number;
  activeSheetId: number | null;
  sheets: SheetData[];
  metadata: MetadataData[];
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
  merges: string[] = [];
  charts: ChartData[] = [];
  deleted = false;

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
  }

  deleteColumns(start: number, count: number): void {
    for (const row of this.rows) row?.splice(start - 1, count);
    this.maxColumns -= count;
  }
}

export function hasContent(c: Cell): boolean {
  return c.v !== undefined || c.f !== undefined;
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  metadata: MetadataData[] = [];
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

  private evaluate(sheet: SheetModel, row: number, col: number, formula: string): Val | "" {
    const key = `${sheet.id}:${row}:${col}`;
    if (this.evaluating.has(key)) return "#REF!";
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
    } finally {
      this.evaluating.delete(key);
    }
  }

  toJSON(): WorkbookData {
    return {
      format: "quickwin-emulator-workbook",
      version: 1,
      id: this.id,
      name: this.name,
      timeZone: this.timeZone,
      locale: this.locale,
      owner: this.owner,
      nextId: this.nextId,
      activeSheetId: this.activeSheetId,
      sheets: this.sheets.map((s) => sheetToJSON(s)),
      metadata: structuredClone(this.metadata),
      protections: structuredClone(this.protections),
      properties: structuredClone(this.properties),
    };
  }

  static fromJSON(data: WorkbookData): WorkbookModel {
    const problem = checkWorkbookData(data);
    if (problem) throw new Error(`not a workbook: ${problem}`);
    const wb = new WorkbookModel(data.id, data.name, data.timeZone, data.locale, data.owner);
    wb.nextId = data.nextId;
    wb.activeSheetId = data.activeSheetId;
    wb.metadata = structuredClone(data.metadata);
    wb.protections = structuredClone(data.protections);
    wb.properties = structuredClone(data.properties);
    for (const sd of data.sheets) {
      const s = new SheetModel(sd.id, sd.name, sd.maxRows, sd.maxColumns);
      s.frozenRows = sd.frozenRows;
      s.frozenColumns = sd.frozenColumns;
      s.hidden = sd.hidden;
      s.tabColor = sd.tabColor;
      s.columnWidths = new Map(Object.entries(sd.columnWidths).map(([k, v]) => [Number(k), v]));
      s.rowHeights = new Map(Object.entries(sd.rowHeights ?? {}).map(([k, v]) => [Number(k), v]));
      s.merges = [...sd.merges];
      s.charts = structuredClone(sd.charts);
      for (const cd of sd.cells) {
        const cell = s.ensure(cd.r, cd.c);
        if (cd.v !== undefined) cell.v = fromJsonVal(cd.v);
        if (cd.f !== undefined) cell.f = cd.f;
        if (cd.nf !== undefined) cell.nf = cd.nf;
        if (cd.st !== undefined) cell.st = { ...cd.st };
        if (cd.dv !== undefined) cell.dv = structuredClone(cd.dv);
        if (cd.note !== undefined) cell.note = cd.note;
      }
      wb.sheets.push(s);
    }
    return wb;
  }
}

function toJsonVal(v: Val): JsonVal {
  return v instanceof DateVal ? { date: new Date(v.ms).toISOString() } : v;
}

function fromJsonVal(v: JsonVal): Val {
  if (typeof v === "object" && v !== null) return new DateVal(Date.parse(v.date));
  return v;
}

function sheetToJSON(s: SheetModel): SheetData {
  const cells: CellData[] = [];
  s.rows.forEach((row, ri) => {
    row?.forEach((cell, ci) => {
      if (!cell) return;
      const cd: CellData = { r: ri + 1, c: ci + 1 };
      if (cell.v !== undefined) cd.v = toJsonVal(cell.v);
      if (cell.f !== undefined) cd.f = cell.f;
      if (cell.nf !== undefined) cd.nf = cell.nf;
      if (cell.st !== undefined && Object.keys(cell.st).length) cd.st = { ...cell.st };
      if (cell.dv !== undefined) cd.dv = structuredClone(cell.dv);
      if (cell.note !== undefined) cd.note = cell.note;
      if (Object.keys(cd).length > 2) cells.push(cd);
    });
  });
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
    merges: [...s.merges],
    charts: structuredClone(s.charts),
    cells,
  };
}

/** A reason the value is not a WorkbookData, or null when it looks right. */
export function checkWorkbookData(data: unknown): string | null {
  if (!data || typeof data !== "object") return "not a JSON object";
  const d = data as Partial<WorkbookData>;
  if (d.format !== "quickwin-emulator-workbook")
    return 'missing "format": "quickwin-emulator-workbook"';
  if (d.version !== 1) return `unsupported version ${String(d.version)}`;
  for (const k of ["id", "name", "timeZone", "locale", "owner"] as const) {
    if (typeof d[k] !== "string") return `"${k}" must be a string`;
  }
  if (typeof d.nextId !== "number") return '"nextId" must be a number';
  if (!Array.isArray(d.sheets) || d.sheets.length === 0)
    return '"sheets" must be a non-empty array';
  for (const s of d.sheets) {
    if (!s || typeof s !== "object") return "a sheet is not an object";
    if (typeof s.name !== "string" || typeof s.id !== "number") return "a sheet lacks name or id";
    if (
      !Number.isInteger(s.maxRows) ||
      !Number.isInteger(s.maxColumns) ||
      s.maxRows < 1 ||
      s.maxColumns < 1
    )
      return `sheet "${s.name}" has bad dimensions`;
    if (!Array.isArray(s.cells)) return `sheet "${s.name}" lacks cells`;
    for (const c of s.cells) {
      if (
        !c ||
        !Number.isInteger(c.r) ||
        !Number.isInteger(c.c) ||
        c.r < 1 ||
        c.c < 1 ||
        c.r > s.maxRows ||
        c.c > s.maxColumns
      )
        return `sheet "${s.name}" has a cell outside its grid`;
    }
  }
  if (!Array.isArray(d.metadata) || !Array.isArray(d.protections))
    return "metadata or protections missing";
  const p = d.properties;
  if (
    !p ||
    typeof p !== "object" ||
    typeof p.document !== "object" ||
    typeof p.script !== "object" ||
    typeof p.user !== "object"
  )
    return '"properties" malformed';
  return null;
}

export function rangeA1(row: number, col: number, numRows: number, numCols: number): string {
  return a1Of(row, col, numRows, numCols);
}
