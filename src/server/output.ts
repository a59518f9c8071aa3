// The generated sheets: the ranking table (with highlighted shortlisted rows) and the printable
// shortlist, as plain value blocks written with one setValues each.
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

const num = (v: number | null) => (v === null || !Number.isFinite(v) ? "" : v);

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
      num(r.score),
      q?.agency ?? "",
      q ? t(`dimension.${q.dimension}` as Key) : "",
      num(r.rawScore),
      r.reviewCount,
      num(r.sd),
      rankRange(r),
      num(r.pShortlist),
      num(r.valueForMoney),
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

const MONTHS: Record<Locale, string[]> = {
  id: [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

/** "5 September 2019" in the given time zone. */
export function formatLongDate(date: Date, timeZone: string, locale: Locale): string {
  const iso = dateInZone(date, timeZone);
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[locale][(m ?? 1) - 1]} ${y}`;
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
      num(r.score),
      rankRange(r),
      num(r.pShortlist),
      num(r.valueForMoney),
      flagWords(t, r),
      q.description,
      q.evidenceUrl ?? "",
    ];
    values.push(row);
    csv.push(row);
  }
  if (result.shortlist.length === 0) values.push(line(t("shortlist.empty")));
  while (values.length < height) values.push(blank(width));
  return { values, csv };
}
