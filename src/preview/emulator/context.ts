// What the spreadsheet objects share: the machinery, the workbook, and the small argument
// checks every class makes with Apps Script's own messages.
import type { Core } from "./core";
import type { WorkbookModel } from "./model";
import type { UiObj } from "./ui";

/** Shared state of the spreadsheet objects. */
export interface SpreadsheetState {
  core: Core;
  /** The workbook the current execution sees (its own pending writes included). */
  wb: WorkbookModel;
  ui: () => UiObj;
  /** Marks the workbook changed (the preview persists after changes). */
  touch(): void;
  now(): number;
  toasts: { message: string; title: string; timeout: number }[];
  /** Whether a script's setValues keeps text in "@" cells (a person's typing always does). */
  plainTextFormat: "honoured" | "ignored";
  /** SpreadsheetApp.flush(): commits the execution's pending writes (buffered mode). */
  flush(): void;
}

export const MAX_SHEET_NAME = 100;

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

/** A value's type as Apps Script names it in "The parameters (…) don't match" errors. */
export function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "number[]";
  if (isDate(v)) return "Date";
  if (typeof v === "object") return "Object";
  return typeof v === "string" ? "String" : typeof v === "number" ? "number" : typeof v;
}

export function integer(core: Core, v: unknown, method: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw core.badParameters(typeName(v), method);
  }
  return Math.trunc(v);
}

export function uniqueEmails(list: string[]): string[] {
  return [...new Set(list.filter((e) => e !== ""))];
}
