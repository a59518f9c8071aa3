// Range: values, formulas, number formats, styles, validation, merges, sort.
import { a1Of } from "./a1";
import { integer, type SpreadsheetState, typeName } from "./context";
import { Emulated } from "./core";
import { DataValidationObj } from "./data-validation";
import { displayValue } from "./display";
import { enumName } from "./enums";
import type { Cell, SheetModel } from "./model";
import type { SheetObj } from "./sheet";
import { DateVal, DEFAULT_NUMBER_FORMAT, type Val } from "./values";
import { checkGrid, scriptValue, writeGrid } from "./writes";

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
    return this._each((r, c) =>
      displayValue(wb.read(m, r, c), m.cell(r, c)?.nf, wb.timeZone, wb.locale),
    );
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
    writeGrid(this._ctx, m, this._row, this._col, grid, "SpreadsheetApp.Range.setFormulas");
    return this;
  }
  setFormula(formula: string): RangeObj {
    const m = this._m();
    const f: unknown = formula;
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
    this._each((r, c) => setFormat(m, r, c, String(format)));
    this._ctx.touch();
    return this;
  }
  setNumberFormats(formats: string[][]): RangeObj {
    const m = this._m();
    const grid = this._grid(formats, "SpreadsheetApp.Range.setNumberFormats");
    grid.forEach((line, i) => {
      line.forEach((f, j) => {
        setFormat(m, this._row + i, this._col + j, String(f));
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
  setDataValidation(rule: DataValidationObj | null): RangeObj {
    const m = this._m();
    if (rule !== null && !(rule instanceof DataValidationObj)) {
      throw this._ctx.core.badParameters(typeName(rule), "SpreadsheetApp.Range.setDataValidation");
    }
    // One copy of the rule for the whole range: cells never change it in place.
    const data = rule ? structuredClone(rule._data) : null;
    this._each((r, c) => {
      const cell = m.ensure(r, c);
      if (data) cell.dv = data;
      else delete cell.dv;
    });
    this._ctx.touch();
    return this;
  }
  getDataValidation(): DataValidationObj | null {
    const dv = this._m().cell(this._row, this._col)?.dv;
    return dv ? new DataValidationObj(this._ctx, structuredClone(dv)) : null;
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
  getA1Notation(): string {
    return this._a1 ?? a1Of(this._row, this._col, this._numRows, this._numCols);
  }
  getRow(): number {
    return this._row;
  }
  getColumn(): number {
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
  getNumColumns(): number {
    return this._numCols;
  }
  getSheet(): SheetObj {
    return this._sheetObj;
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

/** A new style object each time: copies of the workbook share them (see Cell in model.ts). */
function setStyle(cell: Cell, key: string, value: unknown): void {
  if (value === null || value === undefined) {
    if (cell.st && key in cell.st) {
      const { [key]: _removed, ...rest } = cell.st;
      cell.st = rest;
    }
    return;
  }
  const v = enumName(value) ?? value;
  cell.st = {
    ...cell.st,
    [key]: typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : String(v),
  };
}

/**
 * A cell's number format. The automatic format is what a cell nobody formatted reports, so it
 * is stored as none: a cell that exists only to hold it would be no different from no cell.
 */
function setFormat(m: SheetModel, row: number, col: number, format: string): void {
  if (format === DEFAULT_NUMBER_FORMAT) {
    const cell = m.cell(row, col);
    if (cell) delete cell.nf;
    return;
  }
  m.ensure(row, col).nf = format;
}
