// The generated sheets: the ranking table (with highlighted shortlisted rows) and the printable
// shortlist, as plain value blocks written with one setValues each.
import { formatDate } from "../core/format";
import type { Translate } from "../core/i18n";
import type { Criterion, PanelMember, Quickwin, Review, Settings } from "../core/schemas";
import type { Locale, RankResult, RankRow } from "../core/types";
import { dateInZone } from "./cells";
import { SPECS } from "./layout";
import type { Parsed } from "./repo";
import { headerRow } from "./repo";

export const HIGHLIGHT = "#d9ead3";

type Key = Parameters<Translate>[0];

function flagWords(t: Translate, row: RankRow): string {
  return row.flags.map((f) => t(`flag.${f}` as Key)).join("; ");
}

function rankRange(row: RankRow): string {
  if (row.rankLow === null || row.rankHigh === null) return "";
  return row.rankLow === row.rankHigh ? String(row.rankLow) : `${row.rankLow}–${row.rankHigh}`;
}

/** Rounded for reading (the exact values are in computeRanking's result). */
const round = (v: number | null, digits: number) =>
  v === null || !Number.isFinite(v) ? "" : Math.round(v * 10 ** digits) / 10 ** digits;
const percent = (v: number | null) =>
  v === null || !Number.isFinite(v) ? "" : Math.round(v * 100);

/** Rp1.500.000 */
export function rupiah(value: number): string {
  const digits = String(Math.round(Math.abs(value))).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${value < 0 ? "-" : ""}Rp${digits}`;
}

function blank(width: number): unknown[] {
  return new Array(width).fill("");
}

/** The ranking block: header, one row per quickwin in the engine's order, blanks to `height`. */
export function rankingRows(
  t: Translate,
  result: RankResult,
  quickwins: Quickwin[],
  height: number,
): { values: unknown[][]; backgrounds: (string | null)[][] } {
  const width = SPECS.ranking.columns.length;
  const byId = new Map(quickwins.map((q) => [q.id, q]));
  const values: unknown[][] = [headerRow("ranking", t)];
  const backgrounds: (string | null)[][] = [new Array(width).fill(null)];
  for (const r of result.rows) {
    const q = byId.get(r.quickwinId);
    values.push([
      r.rank ?? "",
      r.quickwinId,
      q?.name ?? "",
      round(r.score, 1),
      q?.agency ?? "",
      q ? t(`dimension.${q.dimension}` as Key) : "",
      round(r.rawScore, 1),
      r.reviewCount,
      round(r.sd, 1),
      rankRange(r),
      percent(r.pShortlist),
      round(r.valueForMoney, 2),
      r.shortlisted ? t("word.yes") : "",
      flagWords(t, r),
    ]);
    backgrounds.push(new Array(width).fill(r.shortlisted ? HIGHLIGHT : null));
  }
  while (values.length < height) {
    values.push(blank(width));
    backgrounds.push(new Array(width).fill(null));
  }
  return { values, backgrounds };
}

/** "5 September 2019" in the given time zone. */
export function formatLongDate(date: Date, timeZone: string, locale: Locale): string {
  return formatDate(dateInZone(date, timeZone), locale);
}

interface WorldLike {
  quickwins: Parsed<Quickwin>;
  criteria: Parsed<Criterion>;
  panel: Parsed<PanelMember>;
  reviews: Parsed<Review>;
  settings: Settings;
}

/** The printable shortlist (title, date, method, table) and the CSV rows (header + table). */
export function shortlistBlock(
  t: Translate,
  result: RankResult,
  world: WorldLike,
  date: string,
  height: number,
): { values: unknown[][]; csv: unknown[][] } {
  const width = SPECS.shortlist.columns.length;
  const line = (text: string) => {
    const row = blank(width);
    row[0] = text;
    return row;
  };
  const header = headerRow("shortlist", t);
  const values: unknown[][] = [
    line(t("shortlist.title")),
    line(t("shortlist.date", { date })),
    line(
      t("shortlist.method", {
        criteria: world.criteria.items.length,
        minReviews: world.settings.minReviews,
        normalization: t(`normalization.${result.normalizationUsed}` as Key),
        resamples: world.settings.bootstrapResamples,
      }),
    ),
    blank(width),
    header,
  ];
  const csv: unknown[][] = [header];
  const byId = new Map(world.quickwins.items.map((q) => [q.id, q]));
  const rows = new Map(result.rows.map((r) => [r.quickwinId, r]));
  for (const id of result.shortlist) {
    const q = byId.get(id);
    const r = rows.get(id);
    if (!q || !r) continue;
    const row = [
      r.rank ?? "",
      q.id,
      q.name,
      q.agency,
      t(`dimension.${q.dimension}` as Key),
      q.stage ? t(`stage.${q.stage}` as Key) : "",
      q.startDate ?? "",
      q.endDate ?? "",
      q.budget,
      round(r.score, 2),
      rankRange(r),
      percent(r.pShortlist),
      round(r.valueForMoney, 2),
      flagWords(t, r),
      q.description,
      q.evidenceUrl ?? "",
    ];
    csv.push(row);
    // The printed page shows the budget as Rupiah text (no number format needed).
    const printed = row.slice();
    printed[8] = rupiah(q.budget);
    values.push(printed);
  }
  if (result.shortlist.length === 0) values.push(line(t("shortlist.empty")));
  while (values.length < height) values.push(blank(width));
  return { values, csv };
}
