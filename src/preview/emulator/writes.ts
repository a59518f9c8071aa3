// Writing cells: the coercion of setValues and of a person typing (Sheets' rules), all or
// nothing, and the grid-size checks with Sheets' messages.

import { isDate, type SpreadsheetState, typeName } from "./context";
import type { Core } from "./core";
import { localeRules } from "./locale";
import type { Cell, SheetModel } from "./model";
import { parseTyped } from "./typed";
import { CELL_CHAR_LIMIT, DateVal, DEFAULT_NUMBER_FORMAT, PLAIN_TEXT, type Val } from "./values";

/** One prepared cell write; preparing validates everything before anything is written. */
type Write =
  | { kind: "clear" }
  | { kind: "formula"; formula: string }
  | { kind: "value"; value: Val; format?: string };
/** The method name of a person's typing (the preview's PUT), as opposed to a script's write. */
export const TYPED_BY_PERSON = "typeInto";

export function prepareWrite(
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
    // A person's typing always honours "@"; a script's setValues does unless the emulator
    // plays a spreadsheet that ignores it (plainTextFormat: "ignored").
    const plain =
      cell?.nf === PLAIN_TEXT && (method === TYPED_BY_PERSON || ctx.plainTextFormat === "honoured");
    if (plain) {
      // The text prefix ' keeps text and is never part of the value, even in a "@" cell.
      const text = value.startsWith("'") ? value.slice(1) : value;
      return text === "" ? { kind: "clear" } : { kind: "value", value: text };
    }
    const wb = ctx.wb;
    const typed = parseTyped(value, { tz: wb.timeZone, locale: wb.locale, now: ctx.now() });
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
    return {
      kind: "value",
      value: new DateVal(ms),
      format: localeRules(ctx.wb.locale).dateTimeFormat,
    };
  }
  throw core.badParameters(typeName(value), method);
}

function isAutomatic(nf: string | undefined): boolean {
  return nf === undefined || nf === DEFAULT_NUMBER_FORMAT;
}

export function applyWrite(sheet: SheetModel, row: number, col: number, w: Write): void {
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
export function checkGrid(
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
