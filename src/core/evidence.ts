// What the panel looks at when it discusses a quickwin (DESIGN §4 step 13, §5 meeting): per
// criterion the mean raw score of the counted reviews and their lowest and highest, the spread
// of the review scores, and the reviewers' comments — labelled A, B, C… per quickwin, never by
// name. "Counted" is the engine's own verdict: the latest review of each (quickwin, reviewer)
// pair that the ranking did not exclude (an excluded review is one of its problems).
import { identityKey } from "./identity";
import { type Criterion, ownValue, type Review } from "./schemas";
import type { RankResult } from "./types";

export interface ReviewEvidence {
  /** "A", "B", … in the order the reviews reached the ledger. */
  label: string;
  /** The review score R (0–100, before calibration). */
  score: number;
  scores: Record<string, number>;
  comment: string;
}

export interface QuickwinEvidence {
  quickwinId: string;
  /** Mean raw score per criterion (null with no counted review). */
  criterionMeans: Record<string, number | null>;
  /** Lowest and highest raw score per criterion among the counted reviews. */
  criterionRange: Record<string, { min: number; max: number } | null>;
  reviews: ReviewEvidence[];
  /** The review scores' lowest, highest and sample sd (null below two reviews). */
  spread: { min: number; max: number; sd: number | null } | null;
}

/** Review score R = 100 · Σ w·(s − min)/(max − min) / Σ w (DESIGN §4 step 2). */
export function reviewScore(
  criteria: readonly Criterion[],
  scores: Record<string, number>,
): number {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const s = ownValue(scores, c.id) ?? c.min;
    sum += (c.weight * (s - c.min)) / (c.max - c.min);
    weights += c.weight;
  }
  return weights > 0 ? (100 * sum) / weights : 0;
}

/** "A" … "Z", then "AA", "AB", … */
export function reviewerLabel(index: number): string {
  let n = index;
  let out = "";
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

function sampleSd(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const ss = values.reduce((a, b) => a + (b - mean) ** 2, 0);
  return Math.sqrt(ss / (values.length - 1));
}

/** The evidence of every quickwin of the ranking, in the ranking's row order. */
export function buildEvidence(
  criteria: readonly Criterion[],
  reviews: readonly Review[],
  result: RankResult,
): QuickwinEvidence[] {
  const pair = (q: string, r: string) => `${identityKey(q)}\u0000${identityKey(r)}`;
  const excluded = new Set(
    result.problems
      .filter((p) => p.quickwinId !== undefined && p.reviewer !== undefined)
      .map((p) => pair(p.quickwinId as string, p.reviewer as string)),
  );
  // The latest review of each pair (ledger order: a later row replaces an earlier one and
  // moves to the end, so labels follow when each reviewer's current review arrived).
  const latest = new Map<string, Review>();
  for (const r of reviews) {
    const k = pair(r.quickwinId, r.reviewer);
    latest.delete(k);
    latest.set(k, r);
  }
  const byQuickwin = new Map<string, Review[]>();
  for (const [k, r] of latest) {
    if (excluded.has(k) || r.declaredConflict === true) continue;
    const q = identityKey(r.quickwinId);
    const list = byQuickwin.get(q) ?? [];
    list.push(r);
    byQuickwin.set(q, list);
  }
  return result.rows.map((row) => {
    const counted = (byQuickwin.get(identityKey(row.quickwinId)) ?? []).filter((r) =>
      criteria.every((c) => ownValue(r.scores, c.id) !== undefined),
    );
    // The engine's own means (DESIGN §4 step 13); the lowest–highest from the same reviews.
    const criterionMeans: Record<string, number | null> = { ...row.criterionMeans };
    const criterionRange: Record<string, { min: number; max: number } | null> = {};
    for (const c of criteria) {
      const values = counted.map((r) => ownValue(r.scores, c.id) as number);
      criterionRange[c.id] =
        values.length === 0 ? null : { min: Math.min(...values), max: Math.max(...values) };
    }
    const evidence = counted.map((r, i) => ({
      label: reviewerLabel(i),
      score: reviewScore(criteria, r.scores),
      scores: Object.fromEntries(criteria.map((c) => [c.id, ownValue(r.scores, c.id) as number])),
      comment: (r.comment ?? "").trim(),
    }));
    const scores = evidence.map((e) => e.score);
    return {
      quickwinId: row.quickwinId,
      criterionMeans,
      criterionRange,
      reviews: evidence,
      spread:
        scores.length === 0
          ? null
          : { min: Math.min(...scores), max: Math.max(...scores), sd: sampleSd(scores) },
    };
  });
}
