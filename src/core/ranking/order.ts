// Steps 5 and 6 of DESIGN §4: which quickwins are ranked, their order by score, ties broken by
// the tie chain.
import type { Settings } from "../schemas";
import type { Counted } from "./counted";
import type { Rubric } from "./input";
import type { QuickwinMeans } from "./means";
import { compareByTieChain, forEachTieGroup, type TieKeys } from "./tie-chain";

export interface Ranking {
  /** Ranked quickwins (canonical indices), best first. */
  rankedQ: number[];
  /** Per quickwin: its rank, 0 when unranked. */
  rankOf: Int32Array;
  /** Per quickwin: 1 when its score tied another's. */
  tieBroken: Uint8Array;
  /** Per quickwin, the tie chain's budget key (+∞ when unusable). */
  budgetKey: Float64Array;
}

export function orderQuickwins(
  counted: Counted,
  means: QuickwinMeans,
  rubric: Rubric,
  settings: Settings,
): Ranking {
  const { nQ, qCount } = counted;
  const score = means.score;
  const minRank = Math.max(1, settings.minReviews);
  const rankedQ: number[] = [];
  for (let q = 0; q < nQ; q++) if (qCount[q]! >= minRank) rankedQ.push(q);
  rankedQ.sort((a, b) => score[b]! - score[a]! || a - b);
  const budgetKey = Float64Array.from(counted.qInfo, (q) => q.budgetKey);
  const keys = tieKeysOf(counted, rubric, budgetKey);
  const tieBroken = new Uint8Array(nQ);
  forEachTieGroup(rankedQ, rankedQ.length, score, (from, to) => {
    const group = rankedQ.slice(from, to);
    for (const q of group) tieBroken[q] = 1;
    group.sort((a, b) => compareByTieChain(a, b, keys));
    for (let k = 0; k < group.length; k++) rankedQ[from + k] = group[k]!;
  });
  const rankOf = new Int32Array(nQ);
  rankedQ.forEach((q, i) => {
    rankOf[q] = i + 1;
  });
  return { rankedQ, rankOf, tieBroken, budgetKey };
}

/**
 * The tie chain's keys over items that stand for quickwins (`quickwinOf[item]`; by default the
 * quickwins themselves), criterion means computed when first asked for.
 */
export function tieKeysOf(
  counted: Counted,
  rubric: Rubric,
  budgetKey: Float64Array,
  quickwinOf?: ArrayLike<number>,
): TieKeys {
  const { qStart, crit } = counted;
  const nCrit = rubric.crits.length;
  const qOf = (item: number) => (quickwinOf ? quickwinOf[item]! : item);
  const cache = new Map<number, Float64Array>();
  const meansOf = (q: number): Float64Array => {
    let m = cache.get(q);
    if (m) return m;
    m = new Float64Array(nCrit);
    const from = qStart[q]!;
    const n = qStart[q + 1]! - from;
    for (let c = 0; c < nCrit; c++) {
      const ci = rubric.tieOrder[c]!;
      let sum = 0;
      for (let p = from; p < from + n; p++) sum += crit[p * nCrit + ci]!;
      m[c] = sum / (rubric.crits[ci]!.range * n);
    }
    cache.set(q, m);
    return m;
  };
  const items = quickwinOf ? quickwinOf.length : counted.nQ;
  return {
    nCrit,
    criterionMean: (item, c) => meansOf(qOf(item))[c]!,
    budget: Float64Array.from({ length: items }, (_, i) => budgetKey[qOf(i)]!),
    count: Int32Array.from({ length: items }, (_, i) => counted.qCount[qOf(i)]!),
    // Canonical indices are in id order.
    idRank: Int32Array.from({ length: items }, (_, i) => qOf(i)),
  };
}
