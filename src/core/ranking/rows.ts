// The rows of the result with their flags: steps 5 (too few reviews), 6 (tie broken), 8 (the
// uncertainty figures), 9 (value for money), 10 (disagreement) and 12 (long duration).
import { FLAGS, type Flag, type Settings } from "../schemas";
import type { RankRow } from "../types";
import type { Counted } from "./counted";
import type { QuickwinMeans } from "./means";
import type { Ranking } from "./order";
import { TIE_EPSILON } from "./tie-chain";
import type { Uncertainty } from "./uncertainty";

export interface RowInputs {
  counted: Counted;
  means: QuickwinMeans;
  ranking: Ranking;
  shortlisted: Uint8Array;
  uncertainty: Uncertainty | null;
  settings: Settings;
}

/** Ranked rows in rank order, then the others by id. */
export function buildRows(x: RowInputs): RankRow[] {
  const rows = x.ranking.rankedQ.map((q) => rowOf(q, x));
  for (let q = 0; q < x.counted.nQ; q++) if (x.ranking.rankOf[q] === 0) rows.push(rowOf(q, x));
  return rows;
}

function rowOf(q: number, x: RowInputs): RankRow {
  const { counted, means, ranking, settings } = x;
  const n = counted.qCount[q]!;
  const info = counted.qInfo[q]!;
  const has = n > 0;
  const s = has ? means.score[q]! : null;
  const flags = new Set<Flag>();
  const rank = ranking.rankOf[q]!;
  if (rank === 0) flags.add("too-few-reviews");
  if (ranking.tieBroken[q]) flags.add("tie-broken");
  let rankLow: number | null = null;
  let rankHigh: number | null = null;
  let pShortlist: number | null = null;
  if (rank > 0 && x.uncertainty) {
    const pos = rank - 1;
    rankLow = Math.min(x.uncertainty.low[pos]!, rank);
    rankHigh = Math.max(x.uncertainty.high[pos]!, rank);
    pShortlist = x.uncertainty.shortlisted[pos]! / settings.bootstrapResamples;
    if (pShortlist >= 0.1 && pShortlist <= 0.9) flags.add("uncertain-shortlist");
  }
  let valueForMoney: number | null = null;
  if (info.budget === 0) flags.add("no-cost");
  else if (s !== null && info.budget !== null && info.budget > 0) {
    valueForMoney = s / (info.budget / 1e6);
  }
  // Strictly above the threshold, in exact arithmetic: a spread equal to the threshold up to
  // rounding (R is a sum of fractions) does not count.
  if (n >= 2 && means.maxR[q]! - means.minR[q]! - settings.disagreementThreshold > TIE_EPSILON) {
    flags.add("disagreement");
  }
  if (info.longDuration) flags.add("long-duration");
  return {
    quickwinId: info.id,
    rank: rank > 0 ? rank : null,
    score: s,
    rawScore: has ? means.rawScore[q]! : null,
    reviewCount: n,
    sd: means.sd[q]!,
    rankLow,
    rankHigh,
    pShortlist,
    valueForMoney,
    shortlisted: x.shortlisted[q] === 1,
    flags: FLAGS.filter((f) => flags.has(f)),
    minReview: has ? means.minR[q]! : null,
    maxReview: has ? means.maxR[q]! : null,
  };
}
