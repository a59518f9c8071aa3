// Spreadsheet: its sheets, its locale and time zone, A1 ranges across sheets, toasts.
import { splitSheet } from "./a1";
import { MAX_SHEET_NAME, type SpreadsheetState, typeName } from "./context";
import { Emulated } from "./core";
import { SheetModel, type WorkbookModel } from "./model";
import type { RangeObj } from "./range";
import { SheetObj } from "./sheet";

export class SpreadsheetObj extends Emulated {
  private readonly _sheetObjs = new Map<number, SheetObj>();

  constructor(readonly _ctx: SpreadsheetState) {
    super(_ctx.core, "Spreadsheet");
  }
  get _wb(): WorkbookModel {
    return this._ctx.wb;
  }
  /** The script's object for a sheet: one per sheet id, valid in every execution's view. */
  _sheet(model: SheetModel): SheetObj {
    let s = this._sheetObjs.get(model.id);
    if (!s) {
      s = new SheetObj(this._ctx, this, model.id);
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
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._wb.id}/edit`;
  }
  getSheets(): SheetObj[] {
    return this._wb.sheets.map((s) => this._sheet(s));
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
    if (index !== undefined && (index < 0 || index > wb.sheets.length)) {
      throw core.error(`Sheet index ${index} is out of range.`);
    }
    const model = new SheetModel(wb.newSheetId(), name);
    wb.sheets.splice(index === undefined ? wb.sheets.length : Math.trunc(index), 0, model);
    wb.activeSheetId = model.id;
    this._ctx.touch();
    return this._sheet(model);
  }
  deleteSheet(sheet: unknown): void {
    const wb = this._wb;
    const model = sheet instanceof SheetObj ? sheet._find() : undefined;
    if (!model) {
      throw this._ctx.core.badParameters(typeName(sheet), "SpreadsheetApp.Spreadsheet.deleteSheet");
    }
    if (wb.sheets.length === 1) {
      throw this._ctx.core.error("You can't remove all the sheets in a document.");
    }
    wb.sheets = wb.sheets.filter((s) => s !== model);
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
  toast(message: unknown, title?: unknown, timeout?: unknown): void {
    this._ctx.toasts.push({
      message: String(message ?? ""),
      title: title === undefined ? "" : String(title),
      timeout: typeof timeout === "number" ? timeout : 5,
    });
  }
}
