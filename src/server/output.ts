// The generated sheets: the ranking table (with highlighted shortlisted rows) and the printable
// shortlist, built from their layouts (layout.ts) and placed at the page's own header columns.
import type { CsvValue } from "../core/csv";
import { formatDate, formatInteger } from "../core/format";
import type { Translate } from "../core/i18n";
import { calibrationWords } from "../core/ranking/words";
import type { Criterion, PanelMember, Quickwin, Review, Settings } from "../core/schemas";
import type { Locale, RankResult } from "../core/types";
import { weekday } from "../core/words";
import { dateInZone } from "./cells";
import {
  type Column,
  headerRow,
  printedCell,
  type RankLine,
  SHORTLIST_LINE_CHARS,
  SPECS,
} from "./layout";
import { breakLines } from "./minutes";
import type { Parsed } from "./repo";
import { layoutRow, placeRow, type Table } from "./table";

export const HIGHLIGHT = "#d9ead3";
const SCORE_AT = SPECS.shortlist.columns.findIndex((c) => c.key === "score");

/** The page's header row, at the columns where the page has it. */
function placedHeader(table: Table, t: Translate): unknown[] {
  const row: unknown[] = new Array(table.width).fill(undefined);
  const cells = headerRow(table.key, t);
  SPECS[table.key].columns.forEach((c, i) => {
    row[table.columns[c.key]!] = cells[i];
  });
  return row;
}

/**
 * The ranking page: header, then one row per quickwin in the engine's order. No colours: the
 * shortlisted rows are highlighted by the page's conditional-format rule (sheet-format.ts).
 */
export function rankingRows(
  table: Table,
  t: Translate,
  result: RankResult,
  quickwins: Quickwin[],
  ledgerText: string,
): unknown[][] {
  const byId = new Map(quickwins.map((q) => [q.id, q]));
  const values: unknown[][] = [placedHeader(table, t)];
  for (const row of result.rows) {
    const line: RankLine = { row, quickwin: byId.get(row.quickwinId), t };
    values.push(placeRow(table, SPECS.ranking, line));
  }
  // Below the table after a blank row: which calibration was applied and why (step 3).
  const note: unknown[] = new Array(table.width).fill(undefined);
  note[Math.min(...Object.values(table.columns))] = calibrationWords(result.calibration, t);
  values.push(new Array(table.width).fill(undefined), note);
  // Then the ledger the ranking was computed from (its length and last seal), so a printout
  // can be checked against the spreadsheet later.
  const footer: unknown[] = new Array(table.width).fill(undefined);
  footer[Math.min(...Object.values(table.columns))] = ledgerText;
  values.push(footer);
  return values;
}

/** A layout cell as a JSON-clean CSV value (a blank as null). */
function csvValue(v: unknown): CsvValue {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/** Indonesia's zones by their own names; elsewhere the runtime's short name ("GMT+2"). */
const ZONE_NAMES: Record<string, string> = {
  "Asia/Jakarta": "WIB",
  "Asia/Pontianak": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
};

/**
 * The instant as the export's title line prints it, in the spreadsheet's time zone: id "Senin,
 * 7 Oktober 2019 pukul 10.00 WIB", en "Monday, 7 October 2019 at 10:00 WIB" — two exports of the
 * same day are told apart by their time.
 */
export function formatLongDateTime(date: Date, timeZone: string, locale: Locale): string {
  const day = dateInZone(date, timeZone);
  if (day === "") return "";
  let hh = "";
  let mm = "";
  let zone = ZONE_NAMES[timeZone] ?? "";
  try {
    const parts = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    }).formatToParts(date);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
    hh = get("hour").padStart(2, "0");
    mm = get("minute").padStart(2, "0");
    if (!zone) zone = get("timeZoneName");
  } catch {
    return `${weekday(day, locale)}, ${formatDate(day, locale)}`;
  }
  const time = locale === "en" ? `at ${hh}:${mm}` : `pukul ${hh}.${mm}`;
  return `${weekday(day, locale)}, ${formatDate(day, locale)} ${time}${zone ? ` ${zone}` : ""}`;
}

interface WorldLike {
  quickwins: Parsed<Quickwin>;
  criteria: Parsed<Criterion>;
  panel: Parsed<PanelMember>;
  reviews: Parsed<Review>;
  settings: Settings;
}

/**
 * The printable shortlist (title, date, the method in one printed line, the ledger, the header
 * at the layout's header row, the table, then the calibration in lines across the page) and the
 * CSV rows (header + table, in layout order, budgets as numbers).
 */
export function shortlistBlock(
  table: Table,
  t: Translate,
  result: RankResult,
  world: WorldLike,
  date: string,
  ledgerText: string,
  locale: Locale = "id",
): { values: unknown[][]; csv: CsvValue[][] } {
  const spec = SPECS.shortlist;
  const first = Math.min(...Object.values(table.columns));
  const line = (text: string) => {
    const row: unknown[] = new Array(table.width).fill(undefined);
    row[first] = text;
    return row;
  };
  const values: unknown[][] = [
    line(t("shortlist.title")),
    line(t("shortlist.date", { date })),
    line(
      t("shortlist.method", {
        criteria: world.criteria.items.length,
        minReviews: world.settings.minReviews,
        resamples: formatInteger(world.settings.bootstrapResamples, locale),
      }),
    ),
    line(ledgerText),
  ];
  while (values.length < spec.headerRow - 1) values.push(line(""));
  values.push(placedHeader(table, t));
  const csv: CsvValue[][] = [headerRow("shortlist", t)];
  const byId = new Map(world.quickwins.items.map((q) => [q.id, q]));
  const rows = new Map(result.rows.map((r) => [r.quickwinId, r]));
  for (const id of result.shortlist) {
    const quickwin = byId.get(id);
    const row = rows.get(id);
    if (!quickwin || !row) continue;
    const rankLine: RankLine = { row, quickwin, t };
    // The CSV has the score as shown everywhere (one decimal) but as a number, so a spreadsheet
    // reads it as one in either style; the sheet keeps the full value.
    const csvRow: CsvValue[] = layoutRow(spec, rankLine).map(csvValue);
    csvRow[SCORE_AT] = row.score === null ? null : Math.round(row.score * 10) / 10;
    csv.push(csvRow);
    // The printed page shows Rupiah as text (no number format needed).
    const printed = placeRow(table, spec, rankLine);
    for (const c of spec.columns as readonly Column<unknown>[]) {
      const i = table.columns[c.key]!;
      printed[i] = printedCell(c, printed[i]);
    }
    values.push(printed);
  }
  if (result.shortlist.length === 0) values.push(line(t("shortlist.empty")));
  // The calibration in its own words (too long for the method's line): below the table, in
  // lines across the page, as the ranking page has it.
  values.push(line(""));
  for (const l of breakLines(calibrationWords(result.calibration, t), SHORTLIST_LINE_CHARS)) {
    values.push(line(l));
  }
  return { values, csv };
}
