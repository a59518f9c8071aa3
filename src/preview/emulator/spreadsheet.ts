// SpreadsheetApp, Spreadsheet, Sheet, Range, RangeList, Protection, developer metadata,
// data validation and embedded charts, over the in-memory WorkbookModel.
import { a1Of, columnLetters, parseA1, splitSheet } from "./a1";
import { type Core, Emulated } from "./core";
import {
  BorderStyle,
  ChartHiddenDimensionStrategy,
  ChartMergeStrategy,
  ChartType,
  DataValidationCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  Dimension,
  enumName,
  ProtectionType,
  SheetType,
  WrapStrategy,
} from "./enums";
import {
  type Cell,
  type ChartData,
  type MetadataData,
  type ProtectionData,
  type SheetModel,
  SheetModel as SheetModelClass,
  type Style,
  type ValidationData,
  type WorkbookModel,
} from "./model";
import type { UiObj } from "./services";
import {
  CELL_CHAR_LIMIT,
  DateVal,
  DEFAULT_NUMBER_FORMAT,
  displayValue,
  PLAIN_TEXT,
  parseTyped,
  type Val,
} from "./values";

/** Shared state of the spreadsheet objects. */
export interface SpreadsheetState {
  core: Core;
  wb: WorkbookModel;
  ui: () => UiObj;
  /** Marks the workbook changed (the preview persists after changes). */
  touch(): void;
  now(): number;
  toasts: { message: string; title: string; timeout: number }[];
}

const MAX_SHEET_NAME = 100;

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "number[]";
  if (isDate(v)) return "Date";
  if (typeof v === "object") return "Object";
  return typeof v === "string" ? "String" : typeof v === "number" ? "number" : typeof v;
}

function integer(core: Core, v: unknown, method: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw core.badParameters(typeName(v), method);
  }
  return Math.trunc(v);
}

/** One prepared cell write; preparing validates everything before anything is written. */
type Write =
  | { kind: "clear" }
  | { kind: "formula"; formula: string }
  | { kind: "value"; value: Val; format?: string };

function prepareWrite(
  ctx: SpreadsheetState,
  value: unknown,
  cell: Cell | undefined,
  method: string,
): Write {
  const core = ctx.core;
  if (value === null || value === undefined || value === "") return { kind: "clear" };
  if (typeof value === "string") {
    if (value.length > CELL_CHAR_LIMIT) {
      throw core.error(
        "Your input contains more than the maximum of 50000 characters in a single cell.",
      );
    }
    if (cell?.nf === PLAIN_TEXT) return { kind: "value", value };
    const typed = parseTyped(value, ctx.wb.timeZone, ctx.now());
    if (typed.kind === "empty") return { kind: "clear" };
    if (typed.kind === "formula") return { kind: "formula", formula: typed.formula };
    return typed.format
      ? { kind: "value", value: typed.value, format: typed.format }
      : { kind: "value", value: typed.value };
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "value", value: "#NUM!" };
    return { kind: "value", value: Object.is(value, -0) ? 0 : value };
  }
  if (typeof value === "boolean") return { kind: "value", value };
  if (isDate(value)) {
    const ms = Date.prototype.getTime.call(value);
    if (Number.isNaN(ms)) return { kind: "clear" };
    return { kind: "value", value: new DateVal(ms), format: "M/d/yyyy H:mm:ss" };
  }
  throw core.badParameters(typeName(value), method);
}

function isAutomatic(nf: string | undefined): boolean {
  return nf === undefined || nf === DEFAULT_NUMBER_FORMAT;
}

function applyWrite(sheet: SheetModel, row: number, col: number, w: Write): void {
  if (w.kind === "clear") {
    const cell = sheet.cell(row, col);
    if (cell) {
      delete cell.v;
      delete cell.f;
    }
    return;
  }
  const cell = sheet.ensure(row, col);
  if (w.kind === "formula") {
    cell.f = w.formula;
    delete cell.v;
    return;
  }
  cell.v = w.value;
  delete cell.f;
  if (w.format && isAutomatic(cell.nf)) cell.nf = w.format;
}

/** Validates a 2-D array against the range size with Sheets' messages. */
function checkGrid(
  core: Core,
  data: unknown,
  rows: number,
  cols: number,
  method: string,
): unknown[][] {
  if (!Array.isArray(data) || data.some((r) => !Array.isArray(r))) {
    throw core.badParameters(Array.isArray(data) ? "number[]" : typeName(data), method);
  }
  if (data.length !== rows) {
    throw core.error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${rows}.`,
    );
  }
  for (const r of data as unknown[][]) {
    if (r.length !== cols) {
      throw core.error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${cols}.`,
      );
    }
  }
  return data as unknown[][];
}

/** Writes a grid as a person typing / as setValues does (same coercion), all or nothing. */
export function writeGrid(
  ctx: SpreadsheetState,
  sheet: SheetModel,
  row: number,
  col: number,
  data: unknown[][],
  method: string,
): void {
  const prepared = data.map((line, i) =>
    line.map((v, j) => prepareWrite(ctx, v, sheet.cell(row + i, col + j), method)),
  );
  prepared.forEach((line, i) => {
    line.forEach((w, j) => {
      applyWrite(sheet, row + i, col + j, w);
    });
  });
  ctx.touch();
}

export function scriptValue(ctx: SpreadsheetState, v: Val | ""): unknown {
  return v instanceof DateVal ? ctx.core.date(v.ms) : v;
}

// ---------- SpreadsheetApp ----------

export class SpreadsheetAppObj extends Emulated {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly ProtectionType = ProtectionType;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;
  readonly WrapStrategy = WrapStrategy;
  readonly BorderStyle = BorderStyle;
  readonly Dimension = Dimension;
  readonly SheetType = SheetType;
  readonly _ss: SpreadsheetObj;

  constructor(readonly _ctx: SpreadsheetState) {
    super(_ctx.core, "SpreadsheetApp");
    this._ss = new SpreadsheetObj(_ctx);
  }
  getActive(): SpreadsheetObj {
    return this._ss;
  }
  getActiveSpreadsheet(): SpreadsheetObj {
    return this._ss;
  }
  getActiveSheet(): SheetObj {
    return this._ss.getActiveSheet();
  }
  setActiveSheet(sheet: SheetObj): SheetObj {
    return this._ss.setActiveSheet(sheet);
  }
  getActiveRange(): RangeObj {
    return this._ss.getActiveSheet().getRange(1, 1);
  }
  getUi(): UiObj {
    return this._ctx.ui();
  }
  flush(): void {}
  newDataValidation(): DataValidationBuilderObj {
    return new DataValidationBuilderObj(this._ctx);
  }
}

// ---------- Spreadsheet ----------

export class SpreadsheetObj extends Emulated {
  private readonly _sheetObjs = new Map<number, SheetObj>();

  constructor(readonly _ctx: SpreadsheetState) {
    super(_ctx.core, "Spreadsheet");
  }
  get _wb(): WorkbookModel {
    return this._ctx.wb;
  }
  _sheet(model: SheetModel): SheetObj {
    let s = this._sheetObjs.get(model.id);
    if (!s || s._model !== model) {
      s = new SheetObj(this._ctx, this, model);
      this._sheetObjs.set(model.id, s);
    }
    return s;
  }
  _active(): SheetModel {
    const wb = this._wb;
    return wb.sheets.find((s) => s.id === wb.activeSheetId) ?? wb.sheets[0]!;
  }

  getId(): string {
    return this._wb.id;
  }
  getName(): string {
    return this._wb.name;
  }
  rename(name: string): void {
    this._wb.name = String(name);
    this._ctx.touch();
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._wb.id}/edit`;
  }
  getOwner(): UserLike {
    return new UserObj(this._ctx.core, this._wb.owner);
  }
  getEditors(): UserLike[] {
    return [new UserObj(this._ctx.core, this._wb.owner)];
  }
  getSheets(): SheetObj[] {
    return this._wb.sheets.map((s) => this._sheet(s));
  }
  getNumSheets(): number {
    return this._wb.sheets.length;
  }
  getSheetByName(name: string): SheetObj | null {
    const m = this._wb.sheetByNameInsensitive(String(name));
    return m ? this._sheet(m) : null;
  }
  getSheetById(id: number): SheetObj | null {
    const m = this._wb.sheets.find((s) => s.id === Number(id));
    return m ? this._sheet(m) : null;
  }
  getActiveSheet(): SheetObj {
    return this._sheet(this._active());
  }
  setActiveSheet(sheet: SheetObj): SheetObj {
    const model = this._model(sheet);
    this._wb.activeSheetId = model.id;
    this._ctx.touch();
    return this._sheet(model);
  }
  _model(sheet: unknown): SheetModel {
    if (!(sheet instanceof SheetObj) || sheet._model.deleted) {
      throw this._ctx.core.badParameters(
        typeName(sheet),
        "SpreadsheetApp.Spreadsheet.setActiveSheet",
      );
    }
    return sheet._model;
  }
  insertSheet(a?: unknown, b?: unknown): SheetObj {
    const wb = this._wb;
    const core = this._ctx.core;
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === "number") index = a;
    else if (a !== undefined && a !== null) {
      name = String(a);
      if (typeof b === "number") index = b;
    }
    if (name === undefined || name === "") {
      let n = wb.sheets.length + 1;
      while (wb.sheetByNameInsensitive(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (name.length > MAX_SHEET_NAME) {
      throw core.error(`The sheet name cannot be longer than ${MAX_SHEET_NAME} characters.`);
    }
    if (wb.sheetByNameInsensitive(name)) {
      throw core.error(
        `A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    const model = new SheetModelClass(wb.newSheetId(), name);
    const at =
      index === undefined
        ? wb.sheets.length
        : Math.max(0, Math.min(Math.trunc(index), wb.sheets.length));
    if (index !== undefined && (index < 0 || index > wb.sheets.length)) {
      throw core.error(`Sheet index ${index} is out of range.`);
    }
    wb.sheets.splice(at, 0, model);
    wb.activeSheetId = model.id;
    this._ctx.touch();
    return this._sheet(model);
  }
  deleteSheet(sheet: SheetObj): void {
    const wb = this._wb;
    const model = this._model(sheet);
    if (wb.sheets.length === 1) {
      throw this._ctx.core.error("You can't remove all the sheets in a document.");
    }
    wb.sheets = wb.sheets.filter((s) => s !== model);
    model.deleted = true;
    wb.metadata = wb.metadata.filter(
      (m) => m.location.type === "SPREADSHEET" || m.location.sheetId !== model.id,
    );
    wb.protections = wb.protections.filter((p) => p.sheetId !== model.id);
    if (wb.activeSheetId === model.id) wb.activeSheetId = wb.sheets[0]!.id;
    this._ctx.touch();
  }
  getSpreadsheetTimeZone(): string {
    return this._wb.timeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    this._wb.timeZone = String(tz);
    this._ctx.touch();
  }
  getSpreadsheetLocale(): string {
    return this._wb.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this._wb.locale = String(locale);
    this._ctx.touch();
  }
  getRange(a1: string): RangeObj {
    const split = typeof a1 === "string" ? splitSheet(a1) : null;
    const core = this._ctx.core;
    if (!split) throw core.error("Range not found");
    let model: SheetModel | undefined;
    if (split.sheet !== undefined) model = this._wb.sheetByNameInsensitive(split.sheet);
    else model = this._active();
    if (!model) throw core.error("Range not found");
    return this._sheet(model)._rangeA1(split.cells);
  }
  getRangeList(a1s: string[]): RangeListObj {
    return this.getActiveSheet().getRangeList(a1s);
  }
  getDataRange(): RangeObj {
    return this.getActiveSheet().getDataRange();
  }
  getLastRow(): number {
    return this._active().lastRow();
  }
  getLastColumn(): number {
    return this._active().lastColumn();
  }
  toast(message: unknown, title?: unknown, timeout?: unknown): void {
    this._ctx.toasts.push({
      message: String(message ?? ""),
      title: title === undefined ? "" : String(title),
      timeout: typeof timeout === "number" ? timeout : 5,
    });
  }
  getDeveloperMetadata(): DeveloperMetadataObj[] {
    return this._wb.metadata
      .filter((m) => m.location.type === "SPREADSHEET")
      .map((m) => new DeveloperMetadataObj(this._ctx, this, m));
  }
  addDeveloperMetadata(key: string, a?: unknown, b?: unknown): SpreadsheetObj {
    addMetadata(this._ctx, { type: "SPREADSHEET" }, key, a, b);
    return this;
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinderObj {
    return new DeveloperMetadataFinderObj(this._ctx, this, null);
  }
  getProtections(type: unknown): ProtectionObj[] {
    const t = enumName(type);
    return this._wb.protections
      .filter((p) => p.type === t)
      .map((p) => new ProtectionObj(this._ctx, this, p));
  }
  getSheetByIdOrThrow(id: number): SheetObj {
    const s = this.getSheetById(id);
    if (!s) throw this._ctx.core.error("Sheet not found");
    return s;
  }
}

// ---------- Sheet ----------

export class SheetObj extends Emulated {
  constructor(
    readonly _ctx: SpreadsheetState,
    readonly _ss: SpreadsheetObj,
    readonly _model: SheetModel,
  ) {
    super(_ctx.core, "Sheet");
  }
  _alive(): SheetModel {
    if (this._model.deleted) throw this._ctx.core.error("The sheet has been deleted.");
    return this._model;
  }
  _range(row: number, col: number, numRows: number, numCols: number): RangeObj {
    return new RangeObj(this._ctx, this, row, col, numRows, numCols);
  }
  /** A1 without a sheet prefix, bounds-checked. */
  _rangeA1(cells: string): RangeObj {
    const core = this._ctx.core;
    const m = this._alive();
    const ref = parseA1(cells);
    if (!ref || ref.sheet !== undefined) throw core.error("Range not found");
    const row1 = ref.row1 ?? 1;
    const col1 = ref.col1 ?? 1;
    const row2 = ref.row2 ?? m.maxRows;
    const col2 = ref.col2 ?? m.maxColumns;
    if (row2 > m.maxRows || col2 > m.maxColumns || row1 > m.maxRows || col1 > m.maxColumns) {
      throw core.error("The coordinates of the range are outside the dimensions of the sheet.");
    }
    const range = this._range(row1, col1, row2 - row1 + 1, col2 - col1 + 1);
    // Open-ended notations read back as written ("B:B", "2:3", "A2:C"), as in Sheets.
    if (ref.row2 === undefined || ref.row1 === undefined || ref.col1 === undefined) {
      const L1 = columnLetters(col1);
      const L2 = columnLetters(col2);
      if (ref.col1 === undefined) range._a1 = `${row1}:${row2}`;
      else if (ref.row1 === undefined) range._a1 = `${L1}:${L2}`;
      else range._a1 = `${L1}${row1}:${L2}`;
    }
    return range;
  }

  getName(): string {
    return this._alive().name;
  }
  setName(name: string): SheetObj {
    const core = this._ctx.core;
    const n = String(name);
    const other = this._ctx.wb.sheetByNameInsensitive(n);
    if (n === "") throw core.error("The sheet name cannot be empty.");
    if (n.length > MAX_SHEET_NAME)
      throw core.error(`The sheet name cannot be longer than ${MAX_SHEET_NAME} characters.`);
    if (other && other !== this._model) {
      throw core.error(`A sheet with the name "${n}" already exists. Please enter another name.`);
    }
    this._alive().name = n;
    this._ctx.touch();
    return this;
  }
  getSheetId(): number {
    return this._alive().id;
  }
  getSheetName(): string {
    return this.getName();
  }
  getIndex(): number {
    return this._ctx.wb.sheets.indexOf(this._alive()) + 1;
  }
  getParent(): SpreadsheetObj {
    return this._ss;
  }
  getType(): unknown {
    return SheetType.GRID;
  }
  getRange(a: unknown, b?: unknown, c?: unknown, d?: unknown): RangeObj {
    const core = this._ctx.core;
    const m = this._alive();
    if (typeof a === "string" && b === undefined) {
      const split = splitSheet(a);
      if (!split) throw core.error("Range not found");
      if (split.sheet !== undefined) {
        const other = this._ctx.wb.sheetByNameInsensitive(split.sheet);
        if (!other) throw core.error("Range not found");
        return this._ss._sheet(other)._rangeA1(split.cells);
      }
      return this._rangeA1(split.cells);
    }
    const method = "SpreadsheetApp.Sheet.getRange";
    const row = integer(core, a, method);
    const col = integer(core, b, method);
    const numRows = c === undefined ? 1 : integer(core, c, method);
    const numCols = d === undefined ? 1 : integer(core, d, method);
    if (row < 1) throw core.error("The starting row of the range is too small.");
    if (col < 1) throw core.error("The starting column of the range is too small.");
    if (numRows < 1) throw core.error("The number of rows in the range must be at least 1.");
    if (numCols < 1) throw core.error("The number of columns in the range must be at least 1.");
    if (row + numRows - 1 > m.maxRows || col + numCols - 1 > m.maxColumns) {
      throw core.error("The coordinates of the range are outside the dimensions of the sheet.");
    }
    return this._range(row, col, numRows, numCols);
  }
  getRangeList(a1s: string[]): RangeListObj {
    if (!Array.isArray(a1s)) {
      throw this._ctx.core.badParameters(typeName(a1s), "SpreadsheetApp.Sheet.getRangeList");
    }
    return new RangeListObj(
      this._ctx,
      a1s.map((a) => this.getRange(String(a))),
    );
  }
  getDataRange(): RangeObj {
    const m = this._alive();
    return this._range(1, 1, Math.max(1, m.lastRow()), Math.max(1, m.lastColumn()));
  }
  getSheetValues(row: number, col: number, numRows: number, numCols: number): unknown[][] {
    const m = this._alive();
    const nr = numRows === -1 ? m.lastRow() - row + 1 : numRows;
    const nc = numCols === -1 ? m.lastColumn() - col + 1 : numCols;
    return this.getRange(row, col, nr, nc).getValues();
  }
  getLastRow(): number {
    return this._alive().lastRow();
  }
  getLastColumn(): number {
    return this._alive().lastColumn();
  }
  getMaxRows(): number {
    return this._alive().maxRows;
  }
  getMaxColumns(): number {
    return this._alive().maxColumns;
  }
  appendRow(values: unknown[]): SheetObj {
    const core = this._ctx.core;
    const m = this._alive();
    if (!Array.isArray(values)) {
      throw core.badParameters(typeName(values), "SpreadsheetApp.Sheet.appendRow");
    }
    if (values.length === 0) return this;
    const row = m.lastRow() + 1;
    // Validate every value first: appendRow is atomic (all or nothing).
    const prepared = values.map((v, j) =>
      prepareWrite(this._ctx, v, m.cell(row, j + 1), "SpreadsheetApp.Sheet.appendRow"),
    );
    if (row > m.maxRows) m.maxRows = row;
    if (values.length > m.maxColumns) m.maxColumns = values.length;
    prepared.forEach((w, j) => {
      applyWrite(m, row, j + 1, w);
    });
    this._ctx.touch();
    return this;
  }
  _checkRowArgs(start: number, count: number, method: string): void {
    const core = this._ctx.core;
    integer(core, start, method);
    integer(core, count, method);
    if (start < 1 || count < 1) throw core.error("Those rows are out of bounds.");
  }
  insertRows(before: number, count = 1): SheetObj {
    this._checkRowArgs(before, count, "SpreadsheetApp.Sheet.insertRows");
    const m = this._alive();
    if (before > m.maxRows) throw this._ctx.core.error("Those rows are out of bounds.");
    m.insertRows(before, count);
    this._ctx.touch();
    return this;
  }
  insertRowsBefore(before: number, count: number): SheetObj {
    return this.insertRows(before, count);
  }
  insertRowBefore(before: number): SheetObj {
    return this.insertRows(before, 1);
  }
  insertRowsAfter(after: number, count: number): SheetObj {
    this._checkRowArgs(after, count, "SpreadsheetApp.Sheet.insertRowsAfter");
    const m = this._alive();
    if (after > m.maxRows) throw this._ctx.core.error("Those rows are out of bounds.");
    m.insertRows(after + 1, count);
    this._ctx.touch();
    return this;
  }
  insertRowAfter(after: number): SheetObj {
    return this.insertRowsAfter(after, 1);
  }
  deleteRows(start: number, count: number): void {
    this._checkRowArgs(start, count, "SpreadsheetApp.Sheet.deleteRows");
    const m = this._alive();
    if (start + count - 1 > m.maxRows) throw this._ctx.core.error("Those rows are out of bounds.");
    if (count >= m.maxRows)
      throw this._ctx.core.error("You can't delete all the rows on the sheet.");
    m.deleteRows(start, count);
    this._ctx.touch();
  }
  deleteRow(row: number): SheetObj {
    this.deleteRows(row, 1);
    return this;
  }
  _checkColArgs(start: number, count: number, method: string): void {
    const core = this._ctx.core;
    integer(core, start, method);
    integer(core, count, method);
    if (start < 1 || count < 1) throw core.error("Those columns are out of bounds.");
  }
  insertColumns(before: number, count = 1): SheetObj {
    this._checkColArgs(before, count, "SpreadsheetApp.Sheet.insertColumns");
    const m = this._alive();
    if (before > m.maxColumns) throw this._ctx.core.error("Those columns are out of bounds.");
    m.insertColumns(before, count);
    this._ctx.touch();
    return this;
  }
  insertColumnsBefore(before: number, count: number): SheetObj {
    return this.insertColumns(before, count);
  }
  insertColumnBefore(before: number): SheetObj {
    return this.insertColumns(before, 1);
  }
  insertColumnsAfter(after: number, count: number): SheetObj {
    this._checkColArgs(after, count, "SpreadsheetApp.Sheet.insertColumnsAfter");
    const m = this._alive();
    if (after > m.maxColumns) throw this._ctx.core.error("Those columns are out of bounds.");
    m.insertColumns(after + 1, count);
    this._ctx.touch();
    return this;
  }
  insertColumnAfter(after: number): SheetObj {
    return this.insertColumnsAfter(after, 1);
  }
  deleteColumns(start: number, count: number): void {
    this._checkColArgs(start, count, "SpreadsheetApp.Sheet.deleteColumns");
    const m = this._alive();
    if (start + count - 1 > m.maxColumns)
      throw this._ctx.core.error("Those columns are out of bounds.");
    if (count >= m.maxColumns)
      throw this._ctx.core.error("You can't delete all the columns on the sheet.");
    m.deleteColumns(start, count);
    this._ctx.touch();
  }
  deleteColumn(col: number): SheetObj {
    this.deleteColumns(col, 1);
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): SheetObj {
    const m = this._alive();
    this._range(1, 1, m.maxRows, m.maxColumns).clear(options);
    return this;
  }
  clearContents(): SheetObj {
    return this.clear({ contentsOnly: true });
  }
  clearFormats(): SheetObj {
    return this.clear({ formatOnly: true });
  }
  clearNotes(): SheetObj {
    const m = this._alive();
    for (const row of m.rows) for (const cell of row ?? []) if (cell) delete cell.note;
    this._ctx.touch();
    return this;
  }
  setFrozenRows(n: number): void {
    const m = this._alive();
    const v = integer(this._ctx.core, n, "SpreadsheetApp.Sheet.setFrozenRows");
    if (v < 0 || v >= m.maxRows) throw this._ctx.core.error("Those rows are out of bounds.");
    m.frozenRows = v;
    this._ctx.touch();
  }
  getFrozenRows(): number {
    return this._alive().frozenRows;
  }
  setFrozenColumns(n: number): void {
    const m = this._alive();
    const v = integer(this._ctx.core, n, "SpreadsheetApp.Sheet.setFrozenColumns");
    if (v < 0 || v >= m.maxColumns) throw this._ctx.core.error("Those columns are out of bounds.");
    m.frozenColumns = v;
    this._ctx.touch();
  }
  getFrozenColumns(): number {
    return this._alive().frozenColumns;
  }
  setColumnWidth(col: number, width: number): SheetObj {
    return this.setColumnWidths(col, 1, width);
  }
  setColumnWidths(start: number, count: number, width: number): SheetObj {
    const m = this._alive();
    this._checkColArgs(start, count, "SpreadsheetApp.Sheet.setColumnWidths");
    if (start + count - 1 > m.maxColumns)
      throw this._ctx.core.error("Those columns are out of bounds.");
    for (let c = start; c < start + count; c++) m.columnWidths.set(c, Number(width));
    this._ctx.touch();
    return this;
  }
  getColumnWidth(col: number): number {
    return this._alive().columnWidths.get(Number(col)) ?? 100;
  }
  autoResizeColumn(col: number): SheetObj {
    return this.autoResizeColumns(col, 1);
  }
  autoResizeColumns(start: number, count: number): SheetObj {
    const m = this._alive();
    this._checkColArgs(start, count, "SpreadsheetApp.Sheet.autoResizeColumns");
    if (start + count - 1 > m.maxColumns)
      throw this._ctx.core.error("Those columns are out of bounds.");
    // Rough: 7 px per character of the longest display text, within Sheets' usual bounds.
    const tz = this._ctx.wb.timeZone;
    for (let c = start; c < start + count; c++) {
      let longest = 0;
      for (let r = 1; r <= m.rows.length; r++) {
        const cell = m.cell(r, c);
        if (!cell) continue;
        const text = displayValue(this._ctx.wb.read(m, r, c), cell.nf, tz);
        longest = Math.max(longest, ...text.split("\n").map((l) => l.length));
      }
      m.columnWidths.set(c, Math.max(21, Math.min(1000, longest * 7 + 10)));
    }
    this._ctx.touch();
    return this;
  }
  setRowHeight(row: number, height: number): SheetObj {
    return this.setRowHeights(row, 1, height);
  }
  setRowHeights(start: number, count: number, height: number): SheetObj {
    const m = this._alive();
    this._checkRowArgs(start, count, "SpreadsheetApp.Sheet.setRowHeights");
    for (let r = start; r < start + count; r++) m.rowHeights.set(r, Number(height));
    this._ctx.touch();
    return this;
  }
  hideSheet(): SheetObj {
    const wb = this._ctx.wb;
    const m = this._alive();
    if (wb.sheets.filter((s) => !s.hidden && s !== m).length === 0) {
      throw this._ctx.core.error("You can't hide all the sheets in a document.");
    }
    m.hidden = true;
    this._ctx.touch();
    return this;
  }
  showSheet(): SheetObj {
    this._alive().hidden = false;
    this._ctx.touch();
    return this;
  }
  isSheetHidden(): boolean {
    return this._alive().hidden;
  }
  setTabColor(color: string | null): SheetObj {
    this._alive().tabColor = color === null ? null : String(color);
    this._ctx.touch();
    return this;
  }
  getTabColor(): string | null {
    return this._alive().tabColor;
  }
  activate(): SheetObj {
    this._ctx.wb.activeSheetId = this._alive().id;
    this._ctx.touch();
    return this;
  }
  protect(): ProtectionObj {
    const m = this._alive();
    const wb = this._ctx.wb;
    let p = wb.protections.find((x) => x.type === "SHEET" && x.sheetId === m.id);
    if (!p) {
      p = {
        id: wb.newId(),
        type: "SHEET",
        sheetId: m.id,
        range: null,
        description: "",
        warningOnly: false,
        editors: uniqueEmails([wb.owner, this._ctx.core.current.email]),
      };
      wb.protections.push(p);
      this._ctx.touch();
    }
    return new ProtectionObj(this._ctx, this._ss, p);
  }
  getProtections(type: unknown): ProtectionObj[] {
    const m = this._alive();
    const t = enumName(type);
    return this._ctx.wb.protections
      .filter((p) => p.sheetId === m.id && p.type === t)
      .map((p) => new ProtectionObj(this._ctx, this._ss, p));
  }
  addDeveloperMetadata(key: string, a?: unknown, b?: unknown): SheetObj {
    addMetadata(this._ctx, { type: "SHEET", sheetId: this._alive().id }, key, a, b);
    return this;
  }
  getDeveloperMetadata(): DeveloperMetadataObj[] {
    const id = this._alive().id;
    return this._ctx.wb.metadata
      .filter((m) => m.location.type === "SHEET" && m.location.sheetId === id)
      .map((m) => new DeveloperMetadataObj(this._ctx, this._ss, m));
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinderObj {
    return new DeveloperMetadataFinderObj(this._ctx, this._ss, this._alive().id);
  }
  newChart(): EmbeddedChartBuilderObj {
    return new EmbeddedChartBuilderObj(this._ctx, this, null);
  }
  insertChart(chart: EmbeddedChartObj): void {
    const m = this._alive();
    if (!(chart instanceof EmbeddedChartObj)) {
      throw this._ctx.core.badParameters(typeName(chart), "SpreadsheetApp.Sheet.insertChart");
    }
    const data: ChartData = { ...structuredClone(chart._data), id: this._ctx.wb.newId() };
    m.charts.push(data);
    chart._data = data;
    this._ctx.touch();
  }
  updateChart(chart: EmbeddedChartObj): void {
    const m = this._alive();
    const i = m.charts.findIndex((c) => c.id === chart._data.id);
    if (i < 0) throw this._ctx.core.error("The chart is not on this sheet.");
    m.charts[i] = structuredClone(chart._data);
    this._ctx.touch();
  }
  getCharts(): EmbeddedChartObj[] {
    return this._alive().charts.map(
      (c) => new EmbeddedChartObj(this._ctx, this, structuredClone(c)),
    );
  }
  removeChart(chart: EmbeddedChartObj): void {
    const m = this._alive();
    const before = m.charts.length;
    m.charts = m.charts.filter((c) => c.id !== chart._data.id);
    if (m.charts.length === before) throw this._ctx.core.error("The chart is not on this sheet.");
    this._ctx.touch();
  }
}

function uniqueEmails(list: string[]): string[] {
  return [...new Set(list.filter((e) => e !== ""))];
}

// ---------- Range ----------

const STYLES: { key: string; name: string; def: string | number | boolean }[] = [
  { key: "background", name: "Background", def: "#ffffff" },
  { key: "fontWeight", name: "FontWeight", def: "normal" },
  { key: "fontColor", name: "FontColor", def: "#000000" },
  { key: "fontStyle", name: "FontStyle", def: "normal" },
  { key: "fontSize", name: "FontSize", def: 10 },
  { key: "fontFamily", name: "FontFamily", def: "Arial" },
  { key: "fontLine", name: "FontLine", def: "none" },
  { key: "horizontalAlignment", name: "HorizontalAlignment", def: "general" },
  { key: "verticalAlignment", name: "VerticalAlignment", def: "bottom" },
  { key: "wrap", name: "Wrap", def: false },
];

export class RangeObj extends Emulated {
  /** The notation it was made from, when open-ended ("B:B"). */
  _a1: string | undefined;
  constructor(
    readonly _ctx: SpreadsheetState,
    readonly _sheetObj: SheetObj,
    readonly _row: number,
    readonly _col: number,
    readonly _numRows: number,
    readonly _numCols: number,
  ) {
    super(_ctx.core, "Range");
  }

  /** The sheet model, checking the range still fits (rows may have been deleted). */
  _m(): SheetModel {
    const m = this._sheetObj._alive();
    if (this._row + this._numRows - 1 > m.maxRows || this._col + this._numCols - 1 > m.maxColumns) {
      throw this._ctx.core.error(
        "The coordinates of the range are outside the dimensions of the sheet.",
      );
    }
    return m;
  }
  _each<T>(fn: (row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this._numRows; i++) {
      const line: T[] = [];
      for (let j = 0; j < this._numCols; j++) line.push(fn(this._row + i, this._col + j));
      out.push(line);
    }
    return out;
  }
  _grid(data: unknown, method: string): unknown[][] {
    return checkGrid(this._ctx.core, data, this._numRows, this._numCols, method);
  }

  getValues(): unknown[][] {
    const m = this._m();
    const wb = this._ctx.wb;
    const out: unknown[][] = new Array(this._numRows);
    for (let i = 0; i < this._numRows; i++) {
      const r = this._row + i;
      const line = m.rows[r - 1];
      const values: unknown[] = new Array(this._numCols);
      for (let j = 0; j < this._numCols; j++) {
        const cell = line?.[this._col - 1 + j];
        if (cell === undefined) values[j] = "";
        else if (cell.f === undefined && cell.nf === undefined && typeof cell.v !== "object") {
          // Fast path: a plain number, string or boolean with the automatic format.
          values[j] = cell.v ?? "";
        } else values[j] = scriptValue(this._ctx, wb.read(m, r, this._col + j));
      }
      out[i] = values;
    }
    return out;
  }
  getValue(): unknown {
    const m = this._m();
    return scriptValue(this._ctx, this._ctx.wb.read(m, this._row, this._col));
  }
  setValues(values: unknown[][]): RangeObj {
    const m = this._m();
    const grid = this._grid(values, "SpreadsheetApp.Range.setValues");
    writeGrid(this._ctx, m, this._row, this._col, grid, "SpreadsheetApp.Range.setValues");
    return this;
  }
  setValue(value: unknown): RangeObj {
    const m = this._m();
    const grid = this._each(() => value);
    writeGrid(this._ctx, m, this._row, this._col, grid, "SpreadsheetApp.Range.setValue");
    return this;
  }
  getDisplayValues(): string[][] {
    const m = this._m();
    const wb = this._ctx.wb;
    return this._each((r, c) => displayValue(wb.read(m, r, c), m.cell(r, c)?.nf, wb.timeZone));
  }
  getDisplayValue(): string {
    return this.getDisplayValues()[0]![0]!;
  }
  getFormulas(): string[][] {
    const m = this._m();
    return this._each((r, c) => m.cell(r, c)?.f ?? "");
  }
  getFormula(): string {
    return this._m().cell(this._row, this._col)?.f ?? "";
  }
  setFormulas(formulas: string[][]): RangeObj {
    const m = this._m();
    const grid = this._grid(formulas, "SpreadsheetApp.Range.setFormulas");
    writeGrid(
      this._ctx,
      m,
      this._row,
      this._col,
      grid.map((r) => r.map(asFormula)),
      "SpreadsheetApp.Range.setFormulas",
    );
    return this;
  }
  setFormula(formula: string): RangeObj {
    const m = this._m();
    const f = asFormula(formula);
    writeGrid(
      this._ctx,
      m,
      this._row,
      this._col,
      this._each(() => f),
      "SpreadsheetApp.Range.setFormula",
    );
    return this;
  }
  getNumberFormats(): string[][] {
    const m = this._m();
    return this._each((r, c) => m.cell(r, c)?.nf ?? DEFAULT_NUMBER_FORMAT);
  }
  getNumberFormat(): string {
    return this._m().cell(this._row, this._col)?.nf ?? DEFAULT_NUMBER_FORMAT;
  }
  setNumberFormat(format: string): RangeObj {
    const m = this._m();
    this._each((r, c) => {
      m.ensure(r, c).nf = String(format);
    });
    this._ctx.touch();
    return this;
  }
  setNumberFormats(formats: string[][]): RangeObj {
    const m = this._m();
    const grid = this._grid(formats, "SpreadsheetApp.Range.setNumberFormats");
    grid.forEach((line, i) => {
      line.forEach((f, j) => {
        m.ensure(this._row + i, this._col + j).nf = String(f);
      });
    });
    this._ctx.touch();
    return this;
  }
  _setStyle(key: string, value: unknown): RangeObj {
    const m = this._m();
    this._each((r, c) => setStyle(m.ensure(r, c), key, value));
    this._ctx.touch();
    return this;
  }
  _setStyles(key: string, values: unknown, method: string): RangeObj {
    const m = this._m();
    const grid = this._grid(values, method);
    grid.forEach((line, i) => {
      line.forEach((v, j) => {
        setStyle(m.ensure(this._row + i, this._col + j), key, v);
      });
    });
    this._ctx.touch();
    return this;
  }
  _getStyles(key: string, def: unknown): unknown[][] {
    const m = this._m();
    return this._each((r, c) => m.cell(r, c)?.st?.[key] ?? def);
  }
  setWrapStrategy(strategy: unknown): RangeObj {
    const name = enumName(strategy) ?? "OVERFLOW";
    this._setStyle("wrapStrategy", name);
    return this._setStyle("wrap", name === "WRAP");
  }
  setBorder(...args: unknown[]): RangeObj {
    return this._setStyle("border", JSON.stringify(args.map((a) => enumName(a) ?? a ?? null)));
  }
  setNote(note: string | null): RangeObj {
    const m = this._m();
    this._each((r, c) => {
      const cell = m.ensure(r, c);
      if (note === null || note === "") delete cell.note;
      else cell.note = String(note);
    });
    this._ctx.touch();
    return this;
  }
  setNotes(notes: unknown[][]): RangeObj {
    const m = this._m();
    const grid = this._grid(notes, "SpreadsheetApp.Range.setNotes");
    grid.forEach((line, i) => {
      line.forEach((n, j) => {
        const cell = m.ensure(this._row + i, this._col + j);
        if (n === null || n === "" || n === undefined) delete cell.note;
        else cell.note = String(n);
      });
    });
    this._ctx.touch();
    return this;
  }
  getNote(): string {
    return this._m().cell(this._row, this._col)?.note ?? "";
  }
  getNotes(): string[][] {
    const m = this._m();
    return this._each((r, c) => m.cell(r, c)?.note ?? "");
  }
  clearNote(): RangeObj {
    return this.setNote(null);
  }
  setDataValidation(rule: DataValidationObj | null): RangeObj {
    const m = this._m();
    if (rule !== null && !(rule instanceof DataValidationObj)) {
      throw this._ctx.core.badParameters(typeName(rule), "SpreadsheetApp.Range.setDataValidation");
    }
    this._each((r, c) => {
      const cell = m.ensure(r, c);
      if (rule) cell.dv = structuredClone(rule._data);
      else delete cell.dv;
    });
    this._ctx.touch();
    return this;
  }
  setDataValidations(rules: unknown[][]): RangeObj {
    const m = this._m();
    const grid = this._grid(rules, "SpreadsheetApp.Range.setDataValidations");
    const core = this._ctx.core;
    const unwrapped = grid.map((line) =>
      line.map((x) => {
        const rule = core.unwrap(x);
        if (rule !== null && !(rule instanceof DataValidationObj)) {
          throw core.badParameters("Object[][]", "SpreadsheetApp.Range.setDataValidations");
        }
        return rule;
      }),
    );
    unwrapped.forEach((line, i) => {
      line.forEach((rule, j) => {
        const cell = m.ensure(this._row + i, this._col + j);
        if (rule) cell.dv = structuredClone(rule._data);
        else delete cell.dv;
      });
    });
    this._ctx.touch();
    return this;
  }
  getDataValidation(): DataValidationObj | null {
    const dv = this._m().cell(this._row, this._col)?.dv;
    return dv ? new DataValidationObj(this._ctx, structuredClone(dv)) : null;
  }
  getDataValidations(): (DataValidationObj | null)[][] {
    const m = this._m();
    return this._each((r, c) => {
      const dv = m.cell(r, c)?.dv;
      return dv ? new DataValidationObj(this._ctx, structuredClone(dv)) : null;
    });
  }
  clearDataValidations(): RangeObj {
    return this.setDataValidation(null);
  }
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): RangeObj {
    const m = this._m();
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    const contents = !any || o.contentsOnly;
    const formats = !any || o.formatOnly;
    const rowEnd = Math.min(this._row + this._numRows - 1, m.rows.length);
    for (let r = this._row; r <= rowEnd; r++) {
      const line = m.rows[r - 1];
      if (!line) continue;
      const colEnd = Math.min(this._col + this._numCols - 1, line.length);
      for (let c = this._col; c <= colEnd; c++) {
        const cell = line[c - 1];
        if (!cell) continue;
        if (contents) {
          delete cell.v;
          delete cell.f;
        }
        if (formats) {
          delete cell.nf;
          delete cell.st;
        }
        if (o.validationsOnly) delete cell.dv;
        if (o.commentsOnly) delete cell.note;
      }
    }
    if (formats) {
      const a1 = this.getA1Notation();
      m.merges = m.merges.filter((x) => x !== a1);
    }
    this._ctx.touch();
    return this;
  }
  clearContent(): RangeObj {
    return this.clear({ contentsOnly: true });
  }
  clearFormat(): RangeObj {
    return this.clear({ formatOnly: true });
  }
  isBlank(): boolean {
    const m = this._m();
    return this._each((r, c) => {
      const cell = m.cell(r, c);
      return !cell || (cell.v === undefined && cell.f === undefined);
    }).every((line) => line.every(Boolean));
  }
  getA1Notation(): string {
    return this._a1 ?? a1Of(this._row, this._col, this._numRows, this._numCols);
  }
  getRow(): number {
    return this._row;
  }
  getRowIndex(): number {
    return this._row;
  }
  getColumn(): number {
    return this._col;
  }
  getColumnIndex(): number {
    return this._col;
  }
  getLastRow(): number {
    return this._row + this._numRows - 1;
  }
  getLastColumn(): number {
    return this._col + this._numCols - 1;
  }
  getNumRows(): number {
    return this._numRows;
  }
  getHeight(): number {
    return this._numRows;
  }
  getNumColumns(): number {
    return this._numCols;
  }
  getWidth(): number {
    return this._numCols;
  }
  getSheet(): SheetObj {
    return this._sheetObj;
  }
  getGridId(): number {
    return this._sheetObj._alive().id;
  }
  getCell(row: number, col: number): RangeObj {
    const core = this._ctx.core;
    const r = integer(core, row, "SpreadsheetApp.Range.getCell");
    const c = integer(core, col, "SpreadsheetApp.Range.getCell");
    if (r < 1 || c < 1 || r > this._numRows || c > this._numCols) {
      throw core.error("The coordinates of the range are outside the dimensions of the sheet.");
    }
    return new RangeObj(this._ctx, this._sheetObj, this._row + r - 1, this._col + c - 1, 1, 1);
  }
  offset(rowOffset: number, colOffset: number, numRows?: number, numCols?: number): RangeObj {
    return this._sheetObj.getRange(
      this._row + Math.trunc(rowOffset),
      this._col + Math.trunc(colOffset),
      numRows ?? this._numRows,
      numCols ?? this._numCols,
    );
  }
  /** Merging keeps only the upper-left value of each merged block, as in Sheets. */
  _mergeBlock(m: SheetModel, row: number, col: number, numRows: number, numCols: number): void {
    const a1 = a1Of(row, col, numRows, numCols);
    if (!m.merges.includes(a1)) m.merges.push(a1);
    for (let r = row; r < row + numRows; r++) {
      for (let c = col; c < col + numCols; c++) {
        if (r === row && c === col) continue;
        const cell = m.cell(r, c);
        if (cell) {
          delete cell.v;
          delete cell.f;
        }
      }
    }
  }
  merge(): RangeObj {
    const m = this._m();
    this._mergeBlock(m, this._row, this._col, this._numRows, this._numCols);
    this._ctx.touch();
    return this;
  }
  mergeAcross(): RangeObj {
    const m = this._m();
    for (let i = 0; i < this._numRows; i++) {
      this._mergeBlock(m, this._row + i, this._col, 1, this._numCols);
    }
    this._ctx.touch();
    return this;
  }
  breakApart(): RangeObj {
    const m = this._m();
    const a1 = this.getA1Notation();
    m.merges = m.merges.filter((x) => x !== a1);
    this._ctx.touch();
    return this;
  }
  activate(): RangeObj {
    this._sheetObj.activate();
    return this;
  }
  protect(): ProtectionObj {
    const m = this._m();
    const wb = this._ctx.wb;
    const p: ProtectionData = {
      id: wb.newId(),
      type: "RANGE",
      sheetId: m.id,
      range: {
        row: this._row,
        column: this._col,
        numRows: this._numRows,
        numColumns: this._numCols,
      },
      description: "",
      warningOnly: false,
      editors: uniqueEmails([wb.owner, this._ctx.core.current.email]),
    };
    wb.protections.push(p);
    this._ctx.touch();
    return new ProtectionObj(this._ctx, this._sheetObj._ss, p);
  }
  _location(): MetadataData["location"] {
    const m = this._m();
    if (this._col === 1 && this._numCols === m.maxColumns) {
      return { type: "ROW", sheetId: m.id, start: this._row, end: this._row + this._numRows - 1 };
    }
    if (this._row === 1 && this._numRows === m.maxRows) {
      return {
        type: "COLUMN",
        sheetId: m.id,
        start: this._col,
        end: this._col + this._numCols - 1,
      };
    }
    throw this._ctx.core.error(
      "Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.",
    );
  }
  addDeveloperMetadata(key: string, a?: unknown, b?: unknown): RangeObj {
    addMetadata(this._ctx, this._location(), key, a, b);
    return this;
  }
  getDeveloperMetadata(): DeveloperMetadataObj[] {
    const loc = this._location();
    return this._ctx.wb.metadata
      .filter((md) => JSON.stringify(md.location) === JSON.stringify(loc))
      .map((md) => new DeveloperMetadataObj(this._ctx, this._sheetObj._ss, md));
  }
  sort(spec: unknown): RangeObj {
    const m = this._m();
    const core = this._ctx.core;
    const specs = (Array.isArray(spec) ? spec : [spec]).map((s) => {
      if (typeof s === "number") return { column: s, ascending: true };
      if (s && typeof s === "object" && typeof (s as { column?: unknown }).column === "number") {
        const o = s as { column: number; ascending?: boolean };
        return { column: o.column, ascending: o.ascending !== false };
      }
      throw core.error("not emulated: Range.sort with this sort specification");
    });
    for (const s of specs) {
      if (s.column < this._col || s.column > this._col + this._numCols - 1) {
        throw core.error("The column index is out of the range.");
      }
    }
    const rows: (Cell | undefined)[][] = [];
    for (let i = 0; i < this._numRows; i++) {
      const line = m.rows[this._row + i - 1] ?? [];
      rows.push(line.slice(this._col - 1, this._col - 1 + this._numCols));
    }
    const wb = this._ctx.wb;
    const keyed = rows.map((cells, i) => ({
      cells,
      keys: specs.map((s) => wb.read(m, this._row + i, s.column)),
    }));
    const rank = (v: Val | "") =>
      v === ""
        ? 4
        : typeof v === "number" || v instanceof DateVal
          ? 0
          : typeof v === "string"
            ? 1
            : 2;
    keyed.sort((a, b) => {
      for (let k = 0; k < specs.length; k++) {
        const x = a.keys[k]!;
        const y = b.keys[k]!;
        let c = rank(x) - rank(y);
        if (c === 0 && x !== "" && y !== "") {
          const xv = x instanceof DateVal ? x.ms : x;
          const yv = y instanceof DateVal ? y.ms : y;
          c = typeof xv === "string" ? xv.localeCompare(String(yv)) : Number(xv) - Number(yv);
          if (!specs[k]!.ascending) c = -c;
        }
        if (c !== 0) return c;
      }
      return 0;
    });
    keyed.forEach((k, i) => {
      const r = this._row + i;
      if (!m.rows[r - 1]) m.rows[r - 1] = [];
      for (let j = 0; j < this._numCols; j++) {
        const cell = k.cells[j];
        m.rows[r - 1]![this._col - 1 + j] = cell as Cell;
      }
    });
    this._ctx.touch();
    return this;
  }
}

for (const s of STYLES) {
  const proto = RangeObj.prototype as unknown as Record<string, unknown>;
  proto[`set${s.name}`] = function (this: RangeObj, v: unknown) {
    return this._setStyle(s.key, v);
  };
  proto[`set${s.name}s`] = function (this: RangeObj, v: unknown) {
    return this._setStyles(s.key, v, `SpreadsheetApp.Range.set${s.name}s`);
  };
  proto[`get${s.name}`] = function (this: RangeObj) {
    return this._getStyles(s.key, s.def)[0]![0];
  };
  proto[`get${s.name}s`] = function (this: RangeObj) {
    return this._getStyles(s.key, s.def);
  };
}

function setStyle(cell: Cell, key: string, value: unknown): void {
  if (value === null || value === undefined) {
    if (cell.st) delete cell.st[key];
    return;
  }
  const v = enumName(value) ?? value;
  const st: Style = cell.st ?? {};
  st[key] =
    typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : String(v);
  cell.st = st;
}

function asFormula(f: unknown): unknown {
  if (typeof f !== "string") return f;
  return f;
}

// ---------- RangeList ----------

export class RangeListObj extends Emulated {
  constructor(
    readonly _ctx: SpreadsheetState,
    readonly _ranges: RangeObj[],
  ) {
    super(_ctx.core, "RangeList");
  }
  getRanges(): RangeObj[] {
    return [...this._ranges];
  }
  _all(fn: (r: RangeObj) => void): RangeListObj {
    for (const r of this._ranges) fn(r);
    return this;
  }
  setValue(v: unknown): RangeListObj {
    return this._all((r) => r.setValue(v));
  }
  setFormula(f: string): RangeListObj {
    return this._all((r) => r.setFormula(f));
  }
  setNumberFormat(f: string): RangeListObj {
    return this._all((r) => r.setNumberFormat(f));
  }
  setBackground(c: string | null): RangeListObj {
    return this._all((r) => r._setStyle("background", c));
  }
  setFontWeight(w: string | null): RangeListObj {
    return this._all((r) => r._setStyle("fontWeight", w));
  }
  setFontColor(c: string | null): RangeListObj {
    return this._all((r) => r._setStyle("fontColor", c));
  }
  setHorizontalAlignment(a: string | null): RangeListObj {
    return this._all((r) => r._setStyle("horizontalAlignment", a));
  }
  setWrap(w: boolean): RangeListObj {
    return this._all((r) => r._setStyle("wrap", w));
  }
  setDataValidation(rule: DataValidationObj | null): RangeListObj {
    return this._all((r) => r.setDataValidation(rule));
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): RangeListObj {
    return this._all((r) => r.clear(options));
  }
  clearContent(): RangeListObj {
    return this._all((r) => r.clearContent());
  }
  clearFormat(): RangeListObj {
    return this._all((r) => r.clearFormat());
  }
  activate(): RangeListObj {
    return this;
  }
}

// ---------- Protection ----------

export class ProtectionObj extends Emulated {
  constructor(
    readonly _ctx: SpreadsheetState,
    readonly _ss: SpreadsheetObj,
    readonly _data: ProtectionData,
  ) {
    super(_ctx.core, "Protection");
  }
  _live(): ProtectionData {
    if (!this._ctx.wb.protections.includes(this._data)) {
      throw this._ctx.core.error("The protection has been removed.");
    }
    return this._data;
  }
  setWarningOnly(warningOnly: boolean): ProtectionObj {
    this._live().warningOnly = Boolean(warningOnly);
    this._ctx.touch();
    return this;
  }
  isWarningOnly(): boolean {
    return this._live().warningOnly;
  }
  setDescription(description: string): ProtectionObj {
    this._live().description = String(description);
    this._ctx.touch();
    return this;
  }
  getDescription(): string {
    return this._live().description;
  }
  getProtectionType(): unknown {
    return ProtectionType[this._live().type];
  }
  getRange(): RangeObj {
    const p = this._live();
    const sheet = this._ss.getSheetByIdOrThrow(p.sheetId);
    if (!p.range) {
      const m = sheet._alive();
      return sheet._range(1, 1, m.maxRows, m.maxColumns);
    }
    return sheet._range(p.range.row, p.range.column, p.range.numRows, p.range.numColumns);
  }
  getEditors(): UserLike[] {
    return this._live().editors.map((e) => new UserObj(this._ctx.core, e));
  }
  addEditor(email: unknown): ProtectionObj {
    return this.addEditors([email]);
  }
  addEditors(emails: unknown[]): ProtectionObj {
    const p = this._live();
    p.editors = uniqueEmails([...p.editors, ...emails.map((e) => emailOf(this._ctx.core, e))]);
    this._ctx.touch();
    return this;
  }
  removeEditor(email: unknown): ProtectionObj {
    return this.removeEditors([email]);
  }
  removeEditors(emails: unknown[]): ProtectionObj {
    const p = this._live();
    const drop = new Set(emails.map((e) => emailOf(this._ctx.core, e).toLowerCase()));
    // The owner always keeps edit rights.
    p.editors = p.editors.filter((e) => !drop.has(e.toLowerCase()) || e === this._ctx.wb.owner);
    this._ctx.touch();
    return this;
  }
  canEdit(): boolean {
    const p = this._live();
    const me = this._ctx.core.current.email.toLowerCase();
    return p.warningOnly || p.editors.some((e) => e.toLowerCase() === me);
  }
  setDomainEdit(_editable: boolean): ProtectionObj {
    return this;
  }
  canDomainEdit(): boolean {
    return false;
  }
  remove(): void {
    const wb = this._ctx.wb;
    wb.protections = wb.protections.filter((p) => p !== this._live());
    this._ctx.touch();
  }
}

function emailOf(core: Core, e: unknown): string {
  const u = core.unwrap(e);
  if (u instanceof UserObj) return u._email;
  return String(e);
}

export interface UserLike {
  getEmail(): string;
}

export class UserObj extends Emulated implements UserLike {
  constructor(
    core: Core,
    readonly _email: string,
  ) {
    super(core, "User", false);
  }
  getEmail(): string {
    return this._email;
  }
  getUsername(): string {
    return this._email.split("@")[0] ?? "";
  }
  getUserLoginId(): string {
    return this._email;
  }
}

// ---------- Developer metadata ----------

function addMetadata(
  ctx: SpreadsheetState,
  location: MetadataData["location"],
  key: unknown,
  a?: unknown,
  b?: unknown,
): MetadataData {
  const core = ctx.core;
  if (typeof key !== "string" || key === "") {
    throw core.badParameters(typeName(key), "addDeveloperMetadata");
  }
  let value: string | null = null;
  let visibility: "DOCUMENT" | "PROJECT" = "DOCUMENT";
  const vis = (x: unknown) => {
    const n = enumName(x);
    return typeof x === "object" && (n === "DOCUMENT" || n === "PROJECT") ? n : null;
  };
  if (vis(a)) visibility = vis(a)!;
  else if (a !== undefined && a !== null) {
    value = String(a);
    if (vis(b)) visibility = vis(b)!;
  }
  const md: MetadataData = { id: ctx.wb.newId(), key, value, visibility, location };
  ctx.wb.metadata.push(md);
  ctx.touch();
  return md;
}

export class DeveloperMetadataObj extends Emulated {
  constructor(
    readonly _ctx: SpreadsheetState,
    readonly _ss: SpreadsheetObj,
    readonly _data: MetadataData,
  ) {
    super(_ctx.core, "DeveloperMetadata");
  }
  _live(): MetadataData {
    if (!this._ctx.wb.metadata.includes(this._data)) {
      throw this._ctx.core.error("The developer metadata has been removed.");
    }
    return this._data;
  }
  getId(): number {
    return this._live().id;
  }
  getKey(): string {
    return this._live().key;
  }
  getValue(): string | null {
    return this._live().value;
  }
  getVisibility(): unknown {
    return DeveloperMetadataVisibility[this._live().visibility];
  }
  setKey(key: string): DeveloperMetadataObj {
    this._live().key = String(key);
    this._ctx.touch();
    return this;
  }
  setValue(value: string | null): DeveloperMetadataObj {
    this._live().value = value === null ? null : String(value);
    this._ctx.touch();
    return this;
  }
  setVisibility(v: unknown): DeveloperMetadataObj {
    const n = enumName(v);
    if (n === "DOCUMENT" || n === "PROJECT") this._live().visibility = n;
    this._ctx.touch();
    return this;
  }
  getLocation(): DeveloperMetadataLocationObj {
    return new DeveloperMetadataLocationObj(this._ctx, this._ss, this._live().location);
  }
  remove(): void {
    const wb = this._ctx.wb;
    wb.metadata = wb.metadata.filter((m) => m !== this._live());
    this._ctx.touch();
  }
}

export class DeveloperMetadataLocationObj extends Emulated {
  constructor(
    readonly _ctx: SpreadsheetState,
    readonly _ss: SpreadsheetObj,
    readonly _loc: MetadataData["location"],
  ) {
    super(_ctx.core, "DeveloperMetadataLocation");
  }
  getLocationType(): unknown {
    return DeveloperMetadataLocationType[this._loc.type];
  }
  getSpreadsheet(): SpreadsheetObj | null {
    return this._loc.type === "SPREADSHEET" ? this._ss : null;
  }
  getSheet(): SheetObj | null {
    return this._loc.type === "SHEET" ? this._ss.getSheetById(this._loc.sheetId) : null;
  }
  _line(type: "ROW" | "COLUMN"): RangeObj | null {
    const loc = this._loc;
    if (loc.type !== type) return null;
    const sheet = this._ss.getSheetByIdOrThrow(loc.sheetId);
    const m = sheet._alive();
    return type === "ROW"
      ? sheet._range(loc.start, 1, loc.end - loc.start + 1, m.maxColumns)
      : sheet._range(1, loc.start, m.maxRows, loc.end - loc.start + 1);
  }
  getRow(): RangeObj | null {
    return this._line("ROW");
  }
  getColumn(): RangeObj | null {
    return this._line("COLUMN");
  }
}

export class DeveloperMetadataFinderObj extends Emulated {
  private readonly _filters: ((m: MetadataData) => boolean)[] = [];
  constructor(
    readonly _ctx: SpreadsheetState,
    readonly _ss: SpreadsheetObj,
    readonly _sheetId: number | null,
  ) {
    super(_ctx.core, "DeveloperMetadataFinder");
  }
  withKey(key: string): DeveloperMetadataFinderObj {
    const k = String(key);
    this._filters.push((m) => m.key === k);
    return this;
  }
  withValue(value: string): DeveloperMetadataFinderObj {
    const v = String(value);
    this._filters.push((m) => m.value === v);
    return this;
  }
  withId(id: number): DeveloperMetadataFinderObj {
    const n = Number(id);
    this._filters.push((m) => m.id === n);
    return this;
  }
  withLocationType(type: unknown): DeveloperMetadataFinderObj {
    const t = enumName(type);
    this._filters.push((m) => m.location.type === t);
    return this;
  }
  withVisibility(v: unknown): DeveloperMetadataFinderObj {
    const n = enumName(v);
    this._filters.push((m) => m.visibility === n);
    return this;
  }
  find(): DeveloperMetadataObj[] {
    return this._ctx.wb.metadata
      .filter(
        (m) =>
          this._sheetId === null ||
          (m.location.type !== "SPREADSHEET" && m.location.sheetId === this._sheetId),
      )
      .filter((m) => this._filters.every((f) => f(m)))
      .map((m) => new DeveloperMetadataObj(this._ctx, this._ss, m));
  }
}

// ---------- Data validation ----------

export class DataValidationBuilderObj extends Emulated {
  readonly _data: ValidationData;
  constructor(
    readonly _ctx: SpreadsheetState,
    data?: ValidationData,
  ) {
    super(_ctx.core, "DataValidationBuilder", false);
    this._data = data ?? { type: "", values: [], allowInvalid: true, helpText: null };
  }
  _set(type: string, values: unknown[]): DataValidationBuilderObj {
    this._data.type = type;
    this._data.values = values.map((v) => {
      const r = this._ctx.core.unwrap(v);
      if (r instanceof RangeObj) return { range: r.getA1Notation(), sheet: r._sheetObj.getName() };
      if (Object.prototype.toString.call(v) === "[object Date]")
        return { date: new Date(Date.prototype.getTime.call(v)).toISOString() };
      return v;
    });
    return this;
  }
  requireValueInList(values: unknown[], showDropdown = true): DataValidationBuilderObj {
    if (!Array.isArray(values)) {
      throw this._ctx.core.badParameters(
        typeName(values),
        "SpreadsheetApp.DataValidationBuilder.requireValueInList",
      );
    }
    return this._set("VALUE_IN_LIST", [values.map(String), showDropdown]);
  }
  requireValueInRange(range: unknown, showDropdown = true): DataValidationBuilderObj {
    return this._set("VALUE_IN_RANGE", [range, showDropdown]);
  }
  requireNumberBetween(a: number, b: number): DataValidationBuilderObj {
    return this._set("NUMBER_BETWEEN", [Number(a), Number(b)]);
  }
  requireNumberNotBetween(a: number, b: number): DataValidationBuilderObj {
    return this._set("NUMBER_NOT_BETWEEN", [Number(a), Number(b)]);
  }
  requireNumberEqualTo(n: number): DataValidationBuilderObj {
    return this._set("NUMBER_EQUAL_TO", [Number(n)]);
  }
  requireNumberGreaterThan(n: number): DataValidationBuilderObj {
    return this._set("NUMBER_GREATER_THAN", [Number(n)]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): DataValidationBuilderObj {
    return this._set("NUMBER_GREATER_THAN_OR_EQUAL_TO", [Number(n)]);
  }
  requireNumberLessThan(n: number): DataValidationBuilderObj {
    return this._set("NUMBER_LESS_THAN", [Number(n)]);
  }
  requireNumberLessThanOrEqualTo(n: number): DataValidationBuilderObj {
    return this._set("NUMBER_LESS_THAN_OR_EQUAL_TO", [Number(n)]);
  }
  requireDate(): DataValidationBuilderObj {
    return this._set("DATE_IS_VALID_DATE", []);
  }
  requireDateAfter(d: unknown): DataValidationBuilderObj {
    return this._set("DATE_AFTER", [d]);
  }
  requireDateBefore(d: unknown): DataValidationBuilderObj {
    return this._set("DATE_BEFORE", [d]);
  }
  requireDateBetween(a: unknown, b: unknown): DataValidationBuilderObj {
    return this._set("DATE_BETWEEN", [a, b]);
  }
  requireDateOnOrAfter(d: unknown): DataValidationBuilderObj {
    return this._set("DATE_ON_OR_AFTER", [d]);
  }
  requireDateOnOrBefore(d: unknown): DataValidationBuilderObj {
    return this._set("DATE_ON_OR_BEFORE", [d]);
  }
  requireCheckbox(...values: unknown[]): DataValidationBuilderObj {
    return this._set("CHECKBOX", values);
  }
  requireTextIsEmail(): DataValidationBuilderObj {
    return this._set("TEXT_IS_VALID_EMAIL", []);
  }
  requireTextIsUrl(): DataValidationBuilderObj {
    return this._set("TEXT_IS_VALID_URL", []);
  }
  requireTextContains(text: string): DataValidationBuilderObj {
    return this._set("TEXT_CONTAINS", [String(text)]);
  }
  requireTextDoesNotContain(text: string): DataValidationBuilderObj {
    return this._set("TEXT_DOES_NOT_CONTAIN", [String(text)]);
  }
  requireTextEqualTo(text: string): DataValidationBuilderObj {
    return this._set("TEXT_EQUAL_TO", [String(text)]);
  }
  requireFormulaSatisfied(formula: string): DataValidationBuilderObj {
    return this._set("CUSTOM_FORMULA", [String(formula)]);
  }
  setAllowInvalid(allow: boolean): DataValidationBuilderObj {
    this._data.allowInvalid = Boolean(allow);
    return this;
  }
  setHelpText(text: string): DataValidationBuilderObj {
    this._data.helpText = String(text);
    return this;
  }
  getCriteriaType(): unknown {
    return criteriaEnum(this._data.type);
  }
  getCriteriaValues(): unknown[] {
    return structuredClone(this._data.values);
  }
  getHelpText(): string | null {
    return this._data.helpText;
  }
  getAllowInvalid(): boolean {
    return this._data.allowInvalid;
  }
  build(): DataValidationObj {
    if (this._data.type === "") {
      throw this._ctx.core.error("You must specify a criteria type for the data validation rule.");
    }
    return new DataValidationObj(this._ctx, structuredClone(this._data));
  }
}

function criteriaEnum(type: string): unknown {
  return (DataValidationCriteria as Record<string, unknown>)[type] ?? null;
}

export class DataValidationObj extends Emulated {
  constructor(
    readonly _ctx: SpreadsheetState,
    readonly _data: ValidationData,
  ) {
    super(_ctx.core, "DataValidation", false);
  }
  getCriteriaType(): unknown {
    return criteriaEnum(this._data.type);
  }
  getCriteriaValues(): unknown[] {
    return structuredClone(this._data.values);
  }
  getHelpText(): string | null {
    return this._data.helpText;
  }
  getAllowInvalid(): boolean {
    return this._data.allowInvalid;
  }
  copy(): DataValidationBuilderObj {
    return new DataValidationBuilderObj(this._ctx, structuredClone(this._data));
  }
}

// ---------- Embedded charts ----------

export class EmbeddedChartBuilderObj extends Emulated {
  readonly _data: ChartData;
  constructor(
    readonly _ctx: SpreadsheetState,
    readonly _sheet: SheetObj,
    data: ChartData | null,
  ) {
    super(_ctx.core, "EmbeddedChartBuilder", false);
    this._data = data ?? {
      id: 0,
      type: "",
      ranges: [],
      position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
      options: {},
    };
  }
  addRange(range: unknown): EmbeddedChartBuilderObj {
    const r = this._ctx.core.unwrap(range);
    if (!(r instanceof RangeObj)) {
      throw this._ctx.core.badParameters(typeName(range), "EmbeddedChartBuilder.addRange");
    }
    this._data.ranges.push(`${r._sheetObj.getName()}!${r.getA1Notation()}`);
    return this;
  }
  removeRange(range: unknown): EmbeddedChartBuilderObj {
    const r = this._ctx.core.unwrap(range);
    if (r instanceof RangeObj) {
      const a1 = `${r._sheetObj.getName()}!${r.getA1Notation()}`;
      this._data.ranges = this._data.ranges.filter((x) => x !== a1);
    }
    return this;
  }
  clearRanges(): EmbeddedChartBuilderObj {
    this._data.ranges = [];
    return this;
  }
  setChartType(type: unknown): EmbeddedChartBuilderObj {
    this._data.type = enumName(type) ?? String(type);
    return this;
  }
  setPosition(
    row: number,
    column: number,
    offsetX: number,
    offsetY: number,
  ): EmbeddedChartBuilderObj {
    this._data.position = {
      row: Number(row),
      column: Number(column),
      offsetX: Number(offsetX) || 0,
      offsetY: Number(offsetY) || 0,
    };
    return this;
  }
  setOption(key: string, value: unknown): EmbeddedChartBuilderObj {
    this._data.options[String(key)] = JSON.parse(JSON.stringify(value ?? null));
    return this;
  }
  setTitle(title: string): EmbeddedChartBuilderObj {
    return this.setOption("title", title);
  }
  setNumHeaders(n: number): EmbeddedChartBuilderObj {
    return this.setOption("numHeaders", n);
  }
  setTransposeRowsAndColumns(t: boolean): EmbeddedChartBuilderObj {
    return this.setOption("transposeRowsAndColumns", t);
  }
  setHiddenDimensionStrategy(s: unknown): EmbeddedChartBuilderObj {
    return this.setOption("hiddenDimensionStrategy", enumName(s));
  }
  setMergeStrategy(s: unknown): EmbeddedChartBuilderObj {
    return this.setOption("mergeStrategy", enumName(s));
  }
  setLegendPosition(p: unknown): EmbeddedChartBuilderObj {
    return this.setOption("legend.position", enumName(p));
  }
  setXAxisTitle(t: string): EmbeddedChartBuilderObj {
    return this.setOption("hAxis.title", t);
  }
  setYAxisTitle(t: string): EmbeddedChartBuilderObj {
    return this.setOption("vAxis.title", t);
  }
  setColors(colors: string[]): EmbeddedChartBuilderObj {
    return this.setOption("colors", colors);
  }
  setStacked(): EmbeddedChartBuilderObj {
    return this.setOption("isStacked", true);
  }
  asBarChart(): EmbeddedChartBuilderObj {
    return this.setChartType("BAR");
  }
  asColumnChart(): EmbeddedChartBuilderObj {
    return this.setChartType("COLUMN");
  }
  asLineChart(): EmbeddedChartBuilderObj {
    return this.setChartType("LINE");
  }
  asPieChart(): EmbeddedChartBuilderObj {
    return this.setChartType("PIE");
  }
  asScatterChart(): EmbeddedChartBuilderObj {
    return this.setChartType("SCATTER");
  }
  asAreaChart(): EmbeddedChartBuilderObj {
    return this.setChartType("AREA");
  }
  asTableChart(): EmbeddedChartBuilderObj {
    return this.setChartType("TABLE");
  }
  getChartType(): unknown {
    return (ChartType as Record<string, unknown>)[this._data.type] ?? null;
  }
  getRanges(): RangeObj[] {
    return this._data.ranges.map((a1) => this._sheet._ss.getRange(a1));
  }
  build(): EmbeddedChartObj {
    if (this._data.type === "") {
      throw this._ctx.core.error("The chart type must be set before building the chart.");
    }
    return new EmbeddedChartObj(this._ctx, this._sheet, structuredClone(this._data));
  }
}

export class EmbeddedChartObj extends Emulated {
  constructor(
    readonly _ctx: SpreadsheetState,
    readonly _sheet: SheetObj,
    public _data: ChartData,
  ) {
    super(_ctx.core, "EmbeddedChart", false);
  }
  getChartId(): number | null {
    return this._data.id || null;
  }
  getId(): string {
    return `u${this._data.id}`;
  }
  getRanges(): RangeObj[] {
    return this._data.ranges.map((a1) => this._sheet._ss.getRange(a1));
  }
  getOptions(): { get(key: string): unknown } {
    const options = this._data.options;
    return { get: (key: string) => options[key] ?? null };
  }
  getType(): string {
    return this._data.type;
  }
  getContainerInfo(): Record<string, () => number> {
    const p = this._data.position;
    return {
      getAnchorRow: () => p.row,
      getAnchorColumn: () => p.column,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }
  modify(): EmbeddedChartBuilderObj {
    return new EmbeddedChartBuilderObj(this._ctx, this._sheet, structuredClone(this._data));
  }
}

export const ChartsEnums = {
  ChartType,
  ChartHiddenDimensionStrategy,
  ChartMergeStrategy,
};

export { STYLES };
