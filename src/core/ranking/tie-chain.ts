// The tie-break chain of DESIGN §4 rule 6, one comparator for the ranking and for every draw of
// the uncertainty step: criterion means (normalized, descending weight order) higher first,
// then lower budget, then more reviews, then id ascending.

/** Scores closer than this are ties (DESIGN §4 rule 6). */
export const TIE_EPSILON = 1e-9;

/** What the chain compares, for items addressed by an index (a quickwin or a rank position). */
export interface TieKeys {
  readonly nCrit: number;
  /** Mean normalized score (s − min)/(max − min) of the item's reviews for the c-th criterion
   * in tie-break order. */
  criterionMean(item: number, c: number): number;
  /** Budget, +∞ when unusable. */
  readonly budget: ArrayLike<number>;
  readonly count: ArrayLike<number>;
  /** Order of the ids (code units): lower first. */
  readonly idRank: ArrayLike<number>;
}

/** Negative when item a goes before item b (never 0 for a ≠ b with distinct id ranks). */
export function compareByTieChain(a: number, b: number, k: TieKeys): number {
  for (let c = 0; c < k.nCrit; c++) {
    const x = k.criterionMean(a, c);
    const y = k.criterionMean(b, c);
    if (x !== y) return x > y ? -1 : 1;
  }
  const ba = k.budget[a]!;
  const bb = k.budget[b]!;
  if (ba !== bb) return ba < bb ? -1 : 1;
  const ca = k.count[a]!;
  const cb = k.count[b]!;
  if (ca !== cb) return ca > cb ? -1 : 1;
  return k.idRank[a]! - k.idRank[b]!;
}

/**
 * Calls `resolve(from, to)` for every tie group of `order` (already by score, descending): a
 * maximal run of consecutive scores each within TIE_EPSILON of the next. Ties chain: 1,
 * 1+0.8e-9, 1+1.6e-9 form one group even though the ends differ by more than 1e-9 — "within
 * 1e-9" is not transitive, and chaining is the only grouping that is. Every member of a group of
 * two or more ties with a neighbour.
 */
export function forEachTieGroup(
  order: ArrayLike<number>,
  length: number,
  score: ArrayLike<number>,
  resolve: (from: number, to: number) => void,
): void {
  for (let i = 0; i < length; ) {
    let j = i;
    while (j + 1 < length && score[order[j]!]! - score[order[j + 1]!]! <= TIE_EPSILON) j++;
    if (j > i) resolve(i, j + 1);
    i = j + 1;
  }
}
