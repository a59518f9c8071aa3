// setupSpreadsheet: creates the eight sheets (or repairs missing sheets and damaged header
// rows) and changes nothing else on a re-run. A new sheet is formatted once: localized,
// frozen, bold header; plain text "@" on text columns of the sheets people type into; Rupiah
// and number formats; warning-only dropdowns where they help; warning-only protection on the
// generated and ledger sheets; the ranking chart.

import { UserError } from "../core/errors";
import { type Translate, translator } from "../core/i18n";
import { defaultRubric } from "../core/rubric";
import { DEFAULT_SETTINGS, DIMENSIONS, ROLES, STAGES } from "../core/schemas";
import type { Locale } from "../core/types";
import { cellText } from "./cells";
import {
  CHART_ROWS,
  colIndex,
  NUMBER_FORMATS,
  SHEET_KEYS,
  SHORTLIST_HEADER_ROW,
  type SheetKey,
  SPECS,
} from "./layout";
import { criterionRow, headerRow, panelRow, parsePanel, settingsRows } from "./repo";
import type { Context, Registry, SheetData } from "./runtime";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The ranking sheet starts this tall so 1 000+ quickwins fit without growing it. */
export const RANKING_ROWS = 2_000;

/** How many rows get the column formats at setup (the tables people type into). */
const FORMATTED_ROWS: Partial<Record<SheetKey, number>> = {
  quickwins: 1_000,
  panel: 600,
  criteria: 100,
  settings: 50,
  assignments: 1_000,
};

function formatsFor(key: SheetKey, rows: number): string[][] {
  const row = SPECS[key].columns.map((c) => NUMBER_FORMATS[c.kind]);
  return Array.from({ length: rows }, () => row);
}

function headerOk(key: SheetKey, values: unknown[][], t: Translate): boolean {
  const row = key === "shortlist" ? values[SHORTLIST_HEADER_ROW - 1] : values[0];
  if (key === "shortlist") return true; // a generated page: rewritten by every export
  const expected = headerRow(key, t);
  return expected.every((h, i) => cellText(row?.[i], "UTC").trim() === h);
}

function seedRows(
  key: SheetKey,
  t: Translate,
  locale: "id" | "en",
  email: string,
  withPanel: boolean,
): unknown[][] {
  switch (key) {
    case "criteria":
      return defaultRubric(locale).map(criterionRow);
    case "settings":
      return settingsRows(DEFAULT_SETTINGS, t);
    case "panel":
      return withPanel
        ? [panelRow({ email, name: undefined, agency: undefined, role: "coordinator" })]
        : [];
    default:
      return [];
  }
}

function quote(values: unknown[][], key: SheetKey): unknown[][] {
  if (SPECS[key].text !== "quote") return values;
  return values.map((r) => r.map((v) => (typeof v === "string" && v !== "" ? `'${v}` : v)));
}

/** Formats a freshly inserted sheet and writes its header (and seed rows) in one block. */
function formatNewSheet(
  ctx: Context,
  key: SheetKey,
  sheet: Sheet,
  t: Translate,
  seed: unknown[][],
): void {
  const spec = SPECS[key];
  const width = spec.columns.length;
  const r = <T>(fn: () => T) => ctx.retry(fn);
  let rows = r(() => sheet.getMaxRows());
  if (key === "ranking" && rows < RANKING_ROWS) {
    r(() => sheet.insertRowsAfter(rows, RANKING_ROWS - rows));
    rows = RANKING_ROWS;
  }
  // A new sheet has 26 columns; every layout here is narrower.
  // Sheets people type into get plain text / Rupiah formats on their columns; generated and
  // ledger sheets write verbatim text with the text prefix and need no formats at all.
  if (spec.text === "format") {
    const formatted = Math.min(rows, FORMATTED_ROWS[key] ?? rows);
    r(() => sheet.getRange(1, 1, formatted, width).setNumberFormats(formatsFor(key, formatted)));
  }
  if (key === "shortlist") {
    r(() => sheet.getRange(1, 1).setFontSize(14).setFontWeight("bold"));
    r(() => sheet.getRange(SHORTLIST_HEADER_ROW, 1, 1, width).setFontWeight("bold"));
  } else {
    const block = quote([headerRow(key, t), ...seed], key);
    r(() => sheet.getRange(1, 1, block.length, width).setValues(block));
    r(() => sheet.getRange(1, 1, 1, width).setFontWeight("bold"));
    r(() => sheet.setFrozenRows(1));
  }
  const lists: [string, readonly string[]][] =
    key === "quickwins"
      ? [
          ["dimension", DIMENSIONS],
          ["stage", STAGES],
        ]
      : key === "panel"
        ? [["role", ROLES]]
        : [];
  for (const [column, values] of lists) {
    const rule = r(() => SpreadsheetApp.newDataValidation())
      .requireValueInList([...values], true)
      .setAllowInvalid(true)
      .build();
    r(() => sheet.getRange(2, colIndex(key, column) + 1, rows - 1, 1).setDataValidation(rule));
  }
  if (spec.protect) {
    r(() => sheet.protect().setWarningOnly(true));
  }
  if (key === "ranking") insertChart(ctx, sheet, t);
}

/** The ranking chart: a bar chart of the top quickwins' scores (names and scores columns). */
function insertChart(ctx: Context, sheet: Sheet, t: Translate): void {
  const name = colIndex("ranking", "name") + 1;
  const range = ctx.retry(() => sheet.getRange(1, name, CHART_ROWS, 2));
  const chart = ctx
    .retry(() => sheet.newChart())
    .asBarChart()
    .addRange(range)
    .setNumHeaders(1)
    .setOption("title", t("chart.title"))
    .setOption("legend", { position: "none" })
    .setPosition(2, SPECS.ranking.columns.length + 2, 0, 0)
    .build();
  ctx.retry(() => sheet.insertChart(chart));
}

/**
 * Without a registry (first run, or the document properties were lost), a panel sheet may
 * still exist under its Indonesian or English name: its members decide who may run setup,
 * and its language is the one the sheets were set up in, so they are adopted by name.
 */
function orphanPanel(ctx: Context): { data: SheetData; locale: Locale } | null {
  const ss = ctx.ss();
  for (const locale of ["id", "en"] as const) {
    const name = translator(locale)(SPECS.panel.name);
    const sheet = ctx.retry(() => ss.getSheetByName(name));
    if (!sheet) continue;
    const width = SPECS.panel.columns.length;
    const range = ctx.retry(() => sheet.getRange(1, 1, sheet.getMaxRows(), width));
    const values = ctx.retry(() => range.getValues()) as unknown[][];
    return { data: { key: "panel", name, values, lastRow: values.length, range }, locale };
  }
  return null;
}

export function runSetup(ctx: Context): void {
  const email = ctx.email();
  const ss = ctx.ss();
  const before = ctx.registry();
  const tz = ctx.timeZone();
  // Anyone may set up a spreadsheet without a panel; afterwards only a coordinator.
  const orphan = before ? null : orphanPanel(ctx);
  const panel = parsePanel(before ? ctx.read("panel") : (orphan?.data ?? null), ctx.t, tz);
  if (panel.items.length > 0) {
    const me = panel.items.find((m) => m.email === email);
    if (!me) throw new UserError(ctx.t("err.notPanel"));
    if (me.role !== "coordinator") throw new UserError(ctx.t("err.notCoordinator"));
  }
  const locale = before?.locale ?? orphan?.locale ?? ctx.locale();
  const t = translator(locale);
  const registry: Registry = {
    v: 1,
    locale,
    timeZone: tz,
    sheets: { ...(before?.sheets ?? {}) },
  };
  let changed = !before || before.timeZone !== tz;
  let panelSeeded = false;
  const created: SheetKey[] = [];
  const repaired: SheetKey[] = [];
  // Sheets inserted by this run: removed again if it fails before the registry is saved (the
  // commit point), so a retry starts clean instead of adopting half-formatted sheets.
  const inserted: Sheet[] = [];
  try {
    for (const key of SHEET_KEYS) {
      if (before) {
        const found = checkExisting(ctx, key, t);
        if (found) {
          if (found.repaired) repaired.push(key);
          if (found.name && registry.sheets[key]?.name !== found.name) {
            registry.sheets[key] = { id: registry.sheets[key]!.id, name: found.name };
            changed = true;
          }
          continue;
        }
      }
      const name = t(SPECS[key].name);
      // Insert first (one call); only if the name is taken, adopt the sheet of that name.
      const seedPanel = key === "panel" && panel.items.length === 0;
      let sheet: Sheet | null = null;
      try {
        sheet = ctx.retry(() => ss.insertSheet(name));
        inserted.push(sheet);
      } catch (error) {
        sheet = ctx.retry(() => ss.getSheetByName(name));
        if (!sheet) throw error;
        // A sheet of that name but not registered (a lost registry): adopt it, fix its header.
        const adopted = sheet;
        const width = SPECS[key].columns.length;
        const columns = ctx.retry(() => adopted.getMaxColumns());
        if (columns < width) ctx.retry(() => adopted.insertColumnsAfter(columns, width - columns));
        const values = ctx.retry(() => adopted.getRange(1, 1, 1, width).getValues());
        ctx.rememberSheet(key, adopted, name);
        if (!headerOk(key, values, t)) ctx.writeRows(key, 1, [headerRow(key, t)]);
        registry.sheets[key] = { id: ctx.retry(() => adopted.getSheetId()), name };
        repaired.push(key);
        changed = true;
        continue;
      }
      const fresh = sheet;
      formatNewSheet(ctx, key, fresh, t, seedRows(key, t, locale, email, seedPanel));
      ctx.rememberSheet(key, fresh, name);
      if (seedPanel) panelSeeded = true;
      registry.sheets[key] = { id: ctx.retry(() => fresh.getSheetId()), name };
      created.push(key);
      changed = true;
    }
    if (changed) ctx.saveRegistry(registry);
  } catch (error) {
    removeSheets(ctx, inserted);
    throw error;
  }
  const becameCoordinator = panel.items.length === 0;
  if (becameCoordinator && !panelSeeded) {
    // The panel sheet exists but holds no valid member: the caller becomes its coordinator.
    const data = ctx.read("panel");
    ctx.appendRows(
      "panel",
      [panelRow({ email, name: undefined, agency: undefined, role: "coordinator" })],
      data?.lastRow,
    );
  }
  // A re-run on an intact spreadsheet changes nothing, so it writes nothing, not even a log row.
  if (!changed && !becameCoordinator && repaired.length === 0) {
    ctx.wroteNothing();
    return;
  }
  if (becameCoordinator) ctx.invalidate("panel");
  ctx.log({
    locale,
    created,
    repaired,
    coordinator: becameCoordinator ? email : undefined,
  });
}

/**
 * Whether a re-run would change nothing (read-only, no lock): set up before, in the same time
 * zone, the caller a coordinator of a non-empty panel, and every sheet there with its header.
 * A permission refusal is thrown as setup itself would.
 */
export function isSetUpIntact(ctx: Context): boolean {
  const before = ctx.registry();
  if (!before || before.timeZone !== ctx.timeZone()) return false;
  const panel = parsePanel(ctx.read("panel"), ctx.t, ctx.knownTimeZone());
  if (panel.items.length === 0) return false;
  const me = panel.items.find((m) => m.email === ctx.email());
  if (!me) throw new UserError(ctx.t("err.notPanel"));
  if (me.role !== "coordinator") throw new UserError(ctx.t("err.notCoordinator"));
  const t = translator(before.locale);
  for (const key of SHEET_KEYS) {
    const found = checkExisting(ctx, key, t, true);
    if (!found || found.repaired || (found.name && before.sheets[key]?.name !== found.name))
      return false;
  }
  return true;
}

/** Best effort: a sheet that cannot be removed now is adopted by the next run. */
function removeSheets(ctx: Context, sheets: Sheet[]): void {
  const ss = ctx.ss();
  for (const sheet of sheets.reverse()) {
    try {
      ctx.retry(() => ss.deleteSheet(sheet));
    } catch {
      // keep removing the others
    }
  }
}

/**
 * On a re-run: whether the sheet of a key is still there, repairing what a person may have
 * broken (its header, the ranking's chart) with as few service calls as possible. The five
 * tables are read whole (the sidebar state that setup returns needs them anyway); the log
 * only by its header row; the generated pages by their id, since every ranking or export
 * rewrites them whole, header included.
 */
function checkExisting(
  ctx: Context,
  key: SheetKey,
  t: Translate,
  dry = false,
): { name?: string; repaired: boolean } | null {
  if (key === "ranking" || key === "shortlist") {
    const sheet = ctx.sheet(key);
    if (!sheet) return null;
    if (key === "ranking" && ctx.retry(() => sheet.getCharts()).length === 0) {
      if (!dry) insertChart(ctx, sheet, t);
      return { repaired: true };
    }
    return { repaired: false };
  }
  const data = key === "log" ? null : ctx.read(key);
  const found =
    key === "log" ? ctx.readHeader(key) : data && { name: data.name, header: data.values[0] ?? [] };
  if (!found) return null;
  const broken = !headerOk(key, [found.header], t);
  if (broken && !dry) {
    // A deleted column takes its header with it: give the sheet its width back first.
    ctx.restoreWidth(key);
    ctx.writeRows(key, 1, [headerRow(key, t)]);
  }
  return { name: found.name, repaired: broken };
}
