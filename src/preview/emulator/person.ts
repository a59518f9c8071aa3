// What a person does by hand in the spreadsheet (the preview's PUT, POST, PATCH and DELETE on
// /preview/sheets): typing into cells, adding, renaming and deleting tabs, inserting and
// deleting rows and columns — with Sheets' own rules and messages.
import { splitSheet } from "./a1";
import type { SpreadsheetState } from "./context";
import type { SheetModel } from "./model";
import type { SheetObj } from "./sheet";
import type { SpreadsheetObj } from "./spreadsheet";
import { TYPED_BY_PERSON, writeGrid } from "./writes";

export type SheetEditOp = "insertRows" | "deleteRows" | "insertColumns" | "deleteColumns";

/** A hand edit on a sheet that does not exist (the preview answers 404). */
export class SheetNotFoundError extends Error {
  constructor(readonly sheetName: string) {
    super(`No sheet named "${sheetName}".`);
    this.name = "SheetNotFoundError";
  }
}

export class PersonEdits {
  constructor(
    private readonly ctx: SpreadsheetState,
    private readonly ss: SpreadsheetObj,
  ) {}

  private model(name: string): SheetModel {
    const wb = this.ctx.wb;
    const m = wb.sheetByName(name) ?? wb.sheetByNameInsensitive(name);
    if (!m) throw new SheetNotFoundError(name);
    return m;
  }

  private sheet(name: string): SheetObj {
    return this.ss._sheet(this.model(name));
  }

  /** Writes as a person typing (Sheets' coercion; "@" cells keep text). */
  typeInto(sheetName: string, a1Range: string, values: unknown[][]): void {
    const m = this.model(sheetName);
    // A sheet prefix is allowed when it names this sheet.
    const split = typeof a1Range === "string" ? splitSheet(a1Range) : null;
    if (
      !split ||
      (split.sheet !== undefined && split.sheet.toLowerCase() !== m.name.toLowerCase())
    ) {
      throw this.ctx.core.error("Range not found");
    }
    const range = this.ss._sheet(m)._rangeA1(split.cells);
    range._grid(values, TYPED_BY_PERSON);
    writeGrid(this.ctx, m, range._row, range._col, values, TYPED_BY_PERSON);
  }

  addSheet(name: string): void {
    if (name.trim() === "") throw this.ctx.core.error("The sheet name cannot be empty.");
    this.ss.insertSheet(name);
  }

  renameSheet(name: string, newName: string): void {
    this.sheet(name).setName(newName);
  }

  deleteSheet(name: string): void {
    this.ss.deleteSheet(this.sheet(name));
  }

  /** Inserts or deletes `count` rows or columns at `at` (1-based; inserting at the end + 1
   * adds them after the last one, as the menu's "insert below" does). */
  editSheet(name: string, op: SheetEditOp, at: number, count: number): void {
    const sheet = this.sheet(name);
    const m = this.model(name);
    switch (op) {
      case "insertRows":
        if (at === m.maxRows + 1) sheet.insertRowsAfter(m.maxRows, count);
        else sheet.insertRowsBefore(at, count);
        return;
      case "deleteRows":
        sheet.deleteRows(at, count);
        return;
      case "insertColumns":
        if (at === m.maxColumns + 1) sheet.insertColumnsAfter(m.maxColumns, count);
        else sheet.insertColumnsBefore(at, count);
        return;
      case "deleteColumns":
        sheet.deleteColumns(at, count);
        return;
    }
  }
}
