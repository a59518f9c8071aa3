// A sheet setup makes: inserted (or adopted by name when the registry was lost), formatted once
// — localized, frozen, bold header; plain text "@" on the text columns of the sheets people type
// into; Rupiah and number formats; warning-only dropdowns where they help; warning-only
// protection on the generated and ledger sheets; the ranking chart and its highlight rule.
import { SCORE_NUMBER_FORMAT } from "../core/format";
import type { Translate } from "../core/i18n";
import { DIMENSIONS, ROLES, STAGES } from "../core/schemas";
import {
  CHART_ROWS,
  DEFAULT_COLUMN_WIDTH,
  headerRow,
  layoutIndex,
  MINUTES_ROWS,
  MINUTES_WIDTHS,
  quoted,
  rowFormats,
  SHORTLIST_HIDDEN,
  SHORTLIST_WIDTHS,
  type SheetKey,
  SPECS,
} from "./layout";
import type { Context } from "./runtime";
import type { Table } from "./table";

export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The shortlisted rows' background on the ranking page (Sheets' light green 3). */
export const HIGHLIGHT = "#d9ead3";

/** The ranking sheet starts this tall so 1 000+ quickwins fit without growing it. */
export const RANKING_ROWS = 2_000;

/** Ranked rows whose score cells show one decimal from setup on (the values keep every digit). */
export const RANKING_FORMATTED_ROWS = 1_000;

/** The format Sheets gives a cell nobody formatted (Range.getNumberFormat reports it). */
export const AUTOMATIC_NUMBER_FORMAT = "0.###############";

/** The size of a sheet that insertSheet has just made. */
export const FRESH_SHEET_ROWS = 1_000;

/** How many rows get the column formats at setup (the tables people type into). */
export const FORMATTED_ROWS: Partial<Record<SheetKey, number>> = {
  quickwins: 1_000,
  panel: 600,
  agencies: 500,
  criteria: 100,
  settings: 50,
  assignments: 1_000,
};

/** Sheets of a few rows: no frozen header. */
const FEW_ROWS: ReadonlySet<SheetKey> = new Set(["criteria", "settings", "decisions"]);

/** Formats a freshly inserted sheet and writes its header (and seed rows) in one block. */
export function formatNewSheet(
  ctx: Context,
  key: SheetKey,
  sheet: Sheet,
  t: Translate,
  seed: unknown[][],
): void {
  const spec = SPECS[key];
  const width = spec.columns.length;
  const r = <T>(fn: () => T) => ctx.retry(fn);
  // insertSheet makes 1 000 rows and 26 columns: no call is needed to learn it.
  let rows = FRESH_SHEET_ROWS;
  if (key === "ranking" && rows < RANKING_ROWS) {
    r(() => sheet.insertRowsAfter(rows, RANKING_ROWS - rows));
    rows = RANKING_ROWS;
  }
  // A new sheet has 26 columns; every layout here is narrower. Sheets people type into get
  // their column formats; generated and ledger sheets write text with the text prefix.
  if (spec.text === "format") {
    const formatted = Math.min(rows, FORMATTED_ROWS[key] ?? rows);
    const formats = rowFormats(key);
    r(() =>
      sheet
        .getRange(1, 1, formatted, width)
        .setNumberFormats(Array.from({ length: formatted }, () => formats)),
    );
  }
  // Times in the ledgers are Date cells: Sheets gives them a date-time format as they are written.
  // The header (at the layout's header row: the shortlist has a title block above it).
  const block = [headerRow(key, t), ...seed].map((row) =>
    spec.text === "quote" ? row.map(quoted) : row,
  );
  const range = r(() => sheet.getRange(spec.headerRow, 1, block.length, width));
  r(() => range.setValues(block));
  // The header alone is bold, set on the block just written (no range of its own).
  const weights = block.map((_, i) =>
    new Array<"bold" | "normal">(width).fill(i === 0 ? "bold" : "normal"),
  );
  r(() => (block.length === 1 ? range.setFontWeight("bold") : range.setFontWeights(weights)));
  if (key === "shortlist") formatShortlist(ctx, sheet, rows, width);
  else if (key === "minutes") formatMinutes(ctx, sheet, rows, width);
  // Long tables keep their header in view; the few rows of the criteria, the settings and the
  // panel's decisions (one per quickwin decided on) need not.
  else if (!FEW_ROWS.has(key)) r(() => sheet.setFrozenRows(1));
  const lists: [string, readonly string[]][] =
    key === "quickwins"
      ? [
          ["dimension", DIMENSIONS.map((d) => t(`dimension.${d}`))],
          ["stage", STAGES.map((s) => t(`stage.${s}`))],
        ]
      : key === "panel"
        ? [["role", ROLES.map((r) => t(`role.${r}`))]]
        : [];
  for (const [column, values] of lists) {
    const rule = validationBuilder(ctx)
      .requireValueInList([...values], true)
      .setAllowInvalid(true)
      .build();
    r(() => sheet.getRange(2, layoutIndex(key, column) + 1, rows - 1, 1).setDataValidation(rule));
  }
  if (spec.protect) r(() => sheet.protect().setWarningOnly(true));
  if (key === "ranking") {
    formatScoreColumns(ctx, sheet, rows);
    insertChart(ctx, sheet, t);
    highlightShortlisted(ctx, sheet, t);
  }
}

/**
 * The ranking page shows scores with one decimal (DESIGN §4) while its cells keep the full
 * value: one format block from its first score column to its last, the columns in between
 * keeping Sheets' automatic format. Its text is written with the text prefix, as before.
 */
function formatScoreColumns(ctx: Context, sheet: Sheet, rows: number): void {
  const kinds = SPECS.ranking.columns.map((c) => c.kind);
  const first = kinds.indexOf("score");
  const line = scoreFormats("ranking", first, kinds.lastIndexOf("score") + 1);
  const count = Math.min(rows - 1, RANKING_FORMATTED_ROWS);
  ctx.retry(() =>
    sheet
      .getRange(2, first + 1, count, line.length)
      .setNumberFormats(Array.from({ length: count }, () => line)),
  );
}

/** The formats of a page's layout columns from..to (0-based, to excluded): one decimal for scores. */
function scoreFormats(key: SheetKey, from: number, to: number): string[] {
  return SPECS[key].columns
    .slice(from, to)
    .map((c) => (c.kind === "score" ? SCORE_NUMBER_FORMAT : AUTOMATIC_NUMBER_FORMAT));
}

type ValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
const builders = new WeakMap<Context, ValidationBuilder>();

/** One validation builder per execution: each rule sets its criteria anew and is built apart. */
function validationBuilder(ctx: Context): ValidationBuilder {
  let builder = builders.get(ctx);
  if (!builder) {
    builder = ctx.retry(() => SpreadsheetApp.newDataValidation());
    builders.set(ctx, builder);
  }
  return builder;
}

/** Runs of equal widths that differ from the default: [first column (1-based), count, width]. */
export function widthRuns(widths: readonly number[], fallback: number): [number, number, number][] {
  const runs: [number, number, number][] = [];
  widths.forEach((w, i) => {
    const last = runs[runs.length - 1];
    if (w === fallback) return;
    if (last && last[2] === w && last[0] + last[1] === i + 1) last[1]++;
    else runs.push([i + 1, 1, w]);
  });
  return runs;
}

/**
 * The berita acara's grid for A4 portrait: column A holds the page's lines and headings, which
 * run across the empty cells to their right; the table cells (B–G) wrap within their column.
 */
function formatMinutes(ctx: Context, sheet: Sheet, rows: number, width: number): void {
  // Exactly MINUTES_ROWS rows: every export writes them all, so nothing of a longer page stays.
  if (rows > MINUTES_ROWS) ctx.retry(() => sheet.deleteRows(MINUTES_ROWS + 1, rows - MINUTES_ROWS));
  if (rows < MINUTES_ROWS) ctx.retry(() => sheet.insertRowsAfter(rows, MINUTES_ROWS - rows));
  for (const [start, count, w] of widthRuns(MINUTES_WIDTHS, DEFAULT_COLUMN_WIDTH)) {
    ctx.retry(() => sheet.setColumnWidths(start, count, w));
  }
  ctx.retry(() => sheet.getRange(1, 2, MINUTES_ROWS, width - 1).setWrap(true));
}

/**
 * The shortlist page for A4 landscape (layout.ts SHORTLIST_WIDTHS): a larger title; the table's
 * columns sized, their texts wrapped from the header down (column A not: it also holds the
 * page's lines, which run across the empty cells to their right); the description and the
 * evidence link hidden from the printout. Made once here: an export writes values only.
 */
function formatShortlist(ctx: Context, sheet: Sheet, rows: number, width: number): void {
  const r = <T>(fn: () => T) => ctx.retry(fn);
  r(() => sheet.getRange(1, 1).setFontSize(14).setFontWeight("bold"));
  for (const [start, count, w] of widthRuns(SHORTLIST_WIDTHS, DEFAULT_COLUMN_WIDTH)) {
    r(() => sheet.setColumnWidths(start, count, w));
  }
  const hidden = layoutIndex("shortlist", SHORTLIST_HIDDEN[0]) + 1;
  r(() => sheet.hideColumns(hidden, SHORTLIST_HIDDEN.length));
  const header = SPECS.shortlist.headerRow;
  const table = r(() => sheet.getRange(header, 2, rows - header + 1, width - 1));
  r(() => table.setWrap(true));
  // Scores show one decimal (DESIGN §4); the page keeps the full value. Column A is left alone.
  const line = scoreFormats("shortlist", 1, width);
  const automatic = line.map(() => AUTOMATIC_NUMBER_FORMAT);
  r(() =>
    table.setNumberFormats(
      Array.from({ length: rows - header + 1 }, (_, i) => (i === 0 ? automatic : line)),
    ),
  );
}

/** The chart's colours: the computed shortlist in blue (as in the sidebar's chart), others grey. */
export const CHART_COLOURS = ["#1a73e8", "#9aa0a6"] as const;

/**
 * The ranking chart: a bar chart of the top quickwins in rank order, their names on the axis,
 * the score on a labelled 0–100 axis; stacked over the page's two chart columns (a row's score
 * is in exactly one of them), so the shortlist is coloured apart and the legend names both. At
 * the columns where the page has them (the layout's, on a new page): two ranges when a person
 * moved the chart columns apart, one when they are side by side.
 */
export function insertChart(ctx: Context, sheet: Sheet, t: Translate, page?: Table): void {
  const at = (column: string) =>
    (page ? page.columns[column]! : layoutIndex("ranking", column)) + 1;
  const names = ctx.retry(() => sheet.getRange(1, at("name"), CHART_ROWS, 1));
  const listed = at("chartShortlisted");
  const others = at("chartOthers");
  const series =
    others === listed + 1
      ? [ctx.retry(() => sheet.getRange(1, listed, CHART_ROWS, 2))]
      : [listed, others].map((c) => ctx.retry(() => sheet.getRange(1, c, CHART_ROWS, 1)));
  // The bar chart's own options first (addRange returns the general builder).
  let builder = ctx
    .retry(() => sheet.newChart())
    .asBarChart()
    .setStacked()
    .setColors([...CHART_COLOURS])
    .setRange(0, 100)
    .setXAxisTitle(t("chart.axis"))
    .addRange(names);
  for (const range of series) builder = builder.addRange(range);
  const chart = builder
    .setNumHeaders(1)
    .setOption("title", t("chart.title"))
    .setOption("legend", { position: "bottom" })
    .setPosition(2, SPECS.ranking.columns.length + 2, 0, 0)
    .build();
  ctx.retry(() => sheet.insertChart(chart));
}

/** The chart drawn anew at the page's columns as they are now (a repaired ranking page). */
export function redrawChart(ctx: Context, sheet: Sheet, t: Translate, page: Table): void {
  for (const chart of ctx.retry(() => sheet.getCharts())) ctx.retry(() => sheet.removeChart(chart));
  insertChart(ctx, sheet, t, page);
}

/** Text of a column's letters (1-based column), as A1 notation writes it. */
function columnLetter(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

/**
 * The ranking's shortlisted rows highlighted by a conditional-format rule on the page's own
 * "shortlisted" column (the sheet language's "yes"), set once by setup, so a ranking writes its
 * values only and no colours. The formula has no argument separator: it reads the same in
 * every spreadsheet locale. Replaces the sheet's rules (the page has no others).
 */
export function highlightShortlisted(ctx: Context, sheet: Sheet, t: Translate, page?: Table): void {
  const at = (column: string) =>
    (page ? page.columns[column]! : layoutIndex("ranking", column)) + 1;
  const width = Math.max(
    SPECS.ranking.columns.length,
    ...Object.values(page?.columns ?? {}).map((i) => i + 1),
  );
  const formula = `=$${columnLetter(at("shortlisted"))}2="${t("word.yes")}"`;
  // Open at the bottom: rows a long ranking adds below are covered too.
  const rows = ctx.retry(() => sheet.getRange(`A2:${columnLetter(width)}`));
  const rule = ctx
    .retry(() => SpreadsheetApp.newConditionalFormatRule())
    .whenFormulaSatisfied(formula)
    .setBackground(HIGHLIGHT)
    .setRanges([rows])
    .build();
  ctx.retry(() => sheet.setConditionalFormatRules([rule]));
}
