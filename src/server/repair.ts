// Setup's repair of a sheet that fails its header check. It never overwrites a data row: a
// missing header row is inserted above the data (or written into a blank row), and a lost
// column comes back — in place when its header cell was only blanked or typed over, else as a
// new column after the last one (its old cells went with the deleted column).
import type { Translate } from "../core/i18n";
import { isBlankRow } from "./cells";
import { layoutIndex, NUMBER_FORMATS, quoted, type SheetKey, SPECS, specOf } from "./layout";
import type { Context } from "./runtime";
import type { Sheet } from "./sheet-format";
import { FORMATTED_ROWS } from "./sheet-format";
import { isLayoutHeader, matchHeader, type SheetFault } from "./table";

/** Repairs a sheet; returns what it did, in one short line for the log. */
export function repairSheet(
  ctx: Context,
  key: SheetKey,
  sheet: Sheet,
  values: unknown[][],
  fault: SheetFault,
  t: Translate,
): string {
  if (fault.kind === "header") return insertHeader(ctx, key, sheet, values, t);
  return restoreColumns(ctx, key, sheet, values, t);
}

function cellValue(key: SheetKey, text: string): unknown {
  return SPECS[key].text === "quote" ? quoted(text) : text;
}

/** The header row is gone: written into its row if that row is blank, else inserted above it. */
function insertHeader(
  ctx: Context,
  key: SheetKey,
  sheet: Sheet,
  values: unknown[][],
  t: Translate,
): string {
  const spec = SPECS[key];
  const at = spec.headerRow;
  const current = values[at - 1];
  const blank = !current || isBlankRow(current);
  if (!blank) ctx.retry(() => sheet.insertRowsBefore(at, 1));
  const header = spec.columns.map((c) => cellValue(key, t(c.header)));
  ctx.retry(() => sheet.getRange(at, 1, 1, header.length).setValues([header]));
  return blank ? `${key}: header written in row ${at}` : `${key}: header inserted above row ${at}`;
}

/** Columns lost from a header that still names others. */
function restoreColumns(
  ctx: Context,
  key: SheetKey,
  sheet: Sheet,
  values: unknown[][],
  t: Translate,
): string {
  const spec = specOf(key);
  const at = spec.headerRow;
  const header = (values[at - 1] ?? []).slice();
  const { columns, missing } = matchHeader(key, header);
  const used = new Set(Object.values(columns));
  let width = 0;
  for (const row of values) width = Math.max(width, row.length);
  const placed: [index: number, column: string][] = [];
  let appended = 0;
  for (const column of missing) {
    const home = layoutIndex(key, column);
    const cell = header[home];
    const free = home < width && !used.has(home) && (cell === "" || !isLayoutHeader(key, cell));
    const index = free ? home : width + appended++;
    placed.push([index, column]);
    while (header.length <= index) header.push("");
    header[index] = t(spec.columns.find((c) => c.key === column)!.header);
    used.add(index);
  }
  if (appended > 0) {
    // Room after the last used column (what lies beyond it is blank).
    ctx.retry(() => sheet.insertColumnsAfter(Math.max(width, 1), appended));
  }
  const row = header.map((v) => (typeof v === "string" ? cellValue(key, v) : v));
  ctx.retry(() => sheet.getRange(at, 1, 1, row.length).setValues([row]));
  if (spec.text === "format") {
    // Restored columns take their format, so what people type there stays as typed.
    const rows = Math.min(FORMATTED_ROWS[key] ?? 100, ctx.retry(() => sheet.getMaxRows()) - at);
    for (const [index, column] of rows > 0 ? placed : []) {
      const kind = spec.columns.find((c) => c.key === column)!.kind;
      ctx.retry(() =>
        sheet.getRange(at + 1, index + 1, rows, 1).setNumberFormat(NUMBER_FORMATS[kind]),
      );
    }
  }
  return `${key}: columns restored (${missing.join(", ")})`;
}
