// A sheet as the preview shows it: values (dates as ISO strings), formulas, what each cell
// shows, and what retyping it takes (the formula bar), so Enter on an unchanged cell keeps it.
import { conditionalBackground } from "./conditional-format";
import { displayValue } from "./display";
import { localeRules } from "./locale";
import type { SheetModel, WorkbookModel } from "./model";
import { parseTyped } from "./typed";
import { DateVal, PLAIN_TEXT, type Val } from "./values";

export interface SheetSnapshot {
  name: string;
  /** The data range's values (dates as ISO 8601 strings); [] for an empty sheet. */
  values: unknown[][];
  /** Same shape; "" where a cell holds no formula. */
  formulas: string[][];
}

/** A sheet as the preview page's grid shows it. */
export interface SheetGrid extends SheetSnapshot {
  /** What Sheets shows in each cell (number formats applied, dates in the spreadsheet's zone). */
  display: string[][];
  /**
   * What to type to get each cell back as it is: its formula, a text that typing would turn
   * into something else with Sheets' `'` prefix, a date as shown. The formula bar shows this.
   */
  inputs: string[][];
  /** Each cell's background: a conditional format's that holds, else its own; null if none. */
  backgrounds: (string | null)[][];
}

/** What typing gives this value back in this cell. */
function inputFor(wb: WorkbookModel, v: Val | "", nf: string | undefined, shown: string): string {
  if (v instanceof DateVal) return shown;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(v).replace(".", localeRules(wb.locale).decimal);
  if (v === "") return "";
  // Text that typing would turn into a number, date, boolean or formula needs the ', and so
  // does text that starts with ' (the prefix is never part of the value).
  if (v.startsWith("'")) return `'${v}`;
  if (nf === PLAIN_TEXT) return v;
  const typed = parseTyped(v, { tz: wb.timeZone, locale: wb.locale, now: Date.now() });
  return typed.kind === "value" && typed.value === v ? v : `'${v}`;
}

export function readSheet(wb: WorkbookModel, m: SheetModel, withGrid: boolean): SheetGrid {
  const out: SheetGrid = {
    name: m.name,
    values: [],
    formulas: [],
    display: [],
    inputs: [],
    backgrounds: [],
  };
  const rows = m.lastRow();
  const cols = m.lastColumn();
  for (let r = 1; r <= rows; r++) {
    const line = {
      v: [] as unknown[],
      f: [] as string[],
      d: [] as string[],
      i: [] as string[],
      b: [] as (string | null)[],
    };
    for (let c = 1; c <= cols; c++) {
      const v = wb.read(m, r, c);
      const cell = m.cell(r, c);
      const f = cell?.f ?? "";
      line.v.push(v instanceof DateVal ? new Date(v.ms).toISOString() : v);
      line.f.push(f);
      if (!withGrid) continue;
      const shown = displayValue(v, cell?.nf, wb.timeZone, wb.locale);
      line.d.push(shown);
      line.i.push(f || inputFor(wb, v, cell?.nf, shown));
      const own = cell?.st?.background;
      line.b.push(conditionalBackground(wb, m, r, c) ?? (typeof own === "string" ? own : null));
    }
    out.values.push(line.v);
    out.formulas.push(line.f);
    if (withGrid) {
      out.display.push(line.d);
      out.inputs.push(line.i);
      out.backgrounds.push(line.b);
    }
  }
  return out;
}
