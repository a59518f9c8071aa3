// The rows of the result with their flags: steps 5 (too few reviews), 6 (tie broken), 8 (the
// uncertainty figures), 9 (value for money), 10 (disagreement), 12 (long duration) and 13
// (criterion means).
import { FLAGS, type Flag, type Settings } from "../schemas";
import type { RankRow } from "../types";
import type { Counted } from "./counted";
import type { Rubric } from "./input";
import type { QuickwinMeans } from "./means";
import type { Ranking } from "./order";
import { TIE_EPSILON } from "./tie-chain";
import type { Uncertainty } from "./uncertainty";

export interface RowInputs {
  counted: Counted;
  rubric: Rubric;
  means: QuickwinMeans;
  ranking: Ranking;
  shortlisted: Uint8Array;
  uncertainty: Uncertainty | null;
  settings: Settings;
}

/** Ranked rows in rank order, then the others by id. */
export function buildRows(x: RowInputs): RankRow[] {
  const pooled = pooledSd(x.counted, x.means);
  const rows = x.ranking.rankedQ.map((q) => rowOf(q, x, pooled));
  for (let q = 0; q < x.counted.nQ; q++) {
    if (x.ranking.rankOf[q] === 0) rows.push(rowOf(q, x, pooled));
  }
  return rows;
}

/**
 * Step 10's yardstick: the pooled sd P = √(Σ (n_q − 1)·sd_q² / Σ (n_q − 1)) of R′ over every
 * quickwin with at least two counted reviews; null without any.
 */
export function pooledSd(counted: Counted, means: QuickwinMeans): number | null {
  let ss = 0;
  let df = 0;
  for (let q = 0; q < counted.nQ; q++) {
    const n = counted.qCount[q]!;
    const sd = means.sd[q];
    if (n < 2 || sd === null || sd === undefined) continue;
    ss += (n - 1) * sd * sd;
    df += n - 1;
  }
  return df > 0 ? Math.sqrt(ss / df) : null;
}

/** Step 10: at least 3 reviews and sd clearly above disagreementFactor · P (by more than 1e-9,
 * so that equality up to rounding does not count). */
function disagrees(n: number, sd: number | null, pooled: number | null, factor: number): boolean {
  if (n < 3 || sd === null || pooled === null || pooled <= TIE_EPSILON) return false;
  return sd - factor * pooled > TIE_EPSILON;
}

/** Step 13: per criterion id, the mean raw score of the counted reviews (null with none). */
function criterionMeansOf(q: number, counted: Counted, rubric: Rubric) {
  const out: Record<string, number | null> = {};
  const { crits } = rubric;
  const nCrit = crits.length;
  const from = counted.qStart[q]!;
  const n = counted.qCount[q]!;
  for (let c = 0; c < nCrit; c++) {
    if (n === 0) {
      out[crits[c]!.id] = null;
      continue;
    }
    let sum = 0;
    for (let p = from; p < from + n; p++) sum += counted.crit[p * nCrit + c]!;
    out[crits[c]!.id] = crits[c]!.min + sum / n;
  }
  return out;
}

function rowOf(q: number, x: RowInputs, pooled: number | null): RankRow {
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
    pShortlist = x.uncertainty.pShortlist[pos]!;
    if (pShortlist >= 0.1 && pShortlist <= 0.9) flags.add("uncertain-shortlist");
  }
  let valueForMoney: number | null = null;
  if (info.budget === 0) flags.add("no-cost");
  else if (s !== null && info.budget !== null && info.budget > 0) {
    valueForMoney = s / (info.budget / 1e6);
  }
  if (disagrees(n, means.sd[q]!, pooled, settings.disagreementFactor)) flags.add("disagreement");
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
    criterionMeans: criterionMeansOf(q, counted, x.rubric),
    minReview: has ? means.minR[q]! : null,
    maxReview: has ? means.maxR[q]! : null,
  };
}
