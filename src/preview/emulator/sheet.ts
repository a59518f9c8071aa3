// Sheet: ranges, rows and columns, frozen rows, widths, visibility, protection, charts,
// conditional formats.
import { columnLetters, parseA1, splitSheet } from "./a1";
import { EmbeddedChartBuilderObj, EmbeddedChartObj } from "./chart";
import { ConditionalFormatRuleObj } from "./conditional-format";
import { integer, MAX_SHEET_NAME, type SpreadsheetState, typeName, uniqueEmails } from "./context";
import { Emulated } from "./core";
import { enumName } from "./enums";
import type { ChartData, SheetModel } from "./model";
import { ProtectionObj } from "./protection";
import { RangeObj } from "./range";
import type { SpreadsheetObj } from "./spreadsheet";
import { applyWrite, prepareWrite } from "./writes";

export class SheetObj extends Emulated {
  constructor(
    readonly _ctx: SpreadsheetState,
    readonly _ss: SpreadsheetObj,
    readonly _id: number,
  ) {
    super(_ctx.core, "Sheet");
  }
  /** The sheet in the workbook the current execution sees, if it still exists. */
  _find(): SheetModel | undefined {
    return this._ctx.wb.sheets.find((s) => s.id === this._id);
  }
  _alive(): SheetModel {
    const m = this._find();
    if (!m) throw this._ctx.core.error("The sheet has been deleted.");
    return m;
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
    if (other && other.id !== this._id) {
      throw core.error(`A sheet with the name "${n}" already exists. Please enter another name.`);
    }
    this._alive().name = n;
    this._ctx.touch();
    return this;
  }
  getSheetId(): number {
    return this._alive().id;
  }
  getIndex(): number {
    return this._ctx.wb.sheets.indexOf(this._alive()) + 1;
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
  getDataRange(): RangeObj {
    const m = this._alive();
    return this._range(1, 1, Math.max(1, m.lastRow()), Math.max(1, m.lastColumn()));
  }
  /** Values from (row, col); -1 rows or columns reach the last row or column with data. */
  getSheetValues(row: unknown, col: unknown, numRows: unknown, numCols: unknown): unknown[][] {
    const m = this._alive();
    const r = Number(row);
    const c = Number(col);
    const nr = numRows === -1 ? m.lastRow() - r + 1 : numRows;
    const nc = numCols === -1 ? m.lastColumn() - c + 1 : numCols;
    return this.getRange(r, c, nr, nc).getValues();
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
  hideColumns(start: number, count = 1): void {
    this._showColumns(start, count, false, "SpreadsheetApp.Sheet.hideColumns");
  }
  showColumns(start: number, count = 1): void {
    this._showColumns(start, count, true, "SpreadsheetApp.Sheet.showColumns");
  }
  _showColumns(start: number, count: number, shown: boolean, method: string): void {
    const m = this._alive();
    this._checkColArgs(start, count, method);
    if (start + count - 1 > m.maxColumns)
      throw this._ctx.core.error("Those columns are out of bounds.");
    for (let c = start; c < start + count; c++) {
      if (shown) m.hiddenColumns.delete(c);
      else m.hiddenColumns.add(c);
    }
    this._ctx.touch();
  }
  isColumnHiddenByUser(col: number): boolean {
    return this._alive().hiddenColumns.has(Number(col));
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
    return new ProtectionObj(this._ctx, p.id);
  }
  getProtections(type: unknown): ProtectionObj[] {
    const m = this._alive();
    const t = enumName(type);
    return this._ctx.wb.protections
      .filter((p) => p.sheetId === m.id && p.type === t)
      .map((p) => new ProtectionObj(this._ctx, p.id));
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
  /** Replaces all the sheet's conditional format rules (as Sheets does). */
  setConditionalFormatRules(rules: unknown): void {
    const m = this._alive();
    const list = Array.isArray(rules) ? rules.map((r) => this._ctx.core.unwrap(r)) : null;
    if (!list?.every((r) => r instanceof ConditionalFormatRuleObj)) {
      throw this._ctx.core.badParameters(
        typeName(rules),
        "SpreadsheetApp.Sheet.setConditionalFormatRules",
      );
    }
    m.conditionalFormats = (list as ConditionalFormatRuleObj[]).map((r) =>
      structuredClone(r._data),
    );
    this._ctx.touch();
  }
  getConditionalFormatRules(): ConditionalFormatRuleObj[] {
    return this._alive().conditionalFormats.map(
      (d) => new ConditionalFormatRuleObj(this._ctx, structuredClone(d)),
    );
  }
}
