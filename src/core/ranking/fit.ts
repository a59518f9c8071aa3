// The panel's model, fitted (DESIGN §4 step 3 `auto`, and step 8 for every mode): variances by
// moments (random-effects.ts), leniency's posterior, and — when the data show them — each
// reviewer's range (range.ts), re-estimated once with the ranges in place. docs/method.md.
import type { Counted } from "./counted";
import {
  type Design,
  designOf,
  estimateVariances,
  leniencyPosterior,
  type VarianceEstimate,
  withinReviewers,
} from "./random-effects";
import { estimateRanges, type RangeEstimate } from "./range";

/** Rounds of range estimation: the second starts from leniencies fitted with the first ranges. */
const RANGE_ROUNDS = 2;

/** The point fit that `auto` calibrates with and the draws start from. */
export interface RandomEffectsFit extends VarianceEstimate, Design {
  /** Posterior mean of b′ = b/a per reviewer, on the quality scale (0 without reviews). */
  bMean: Float64Array;
  /** The reviewers' ranges, or null when the data do not show that they differ. */
  ranges: RangeEstimate | null;
}

function canonicalMeans(counted: Counted, d: Design, compact: Float64Array): Float64Array {
  const bMean = new Float64Array(counted.nR);
  for (let j = 0; j < counted.nR; j++) {
    if (d.compactOf[j]! >= 0) bMean[j] = compact[d.compactOf[j]!]!;
  }
  return bMean;
}

/**
 * The variances once ranges are known, by moments on R itself (dividing by a small range would
 * let the narrowest reviewers' magnified noise dominate):
 * - a reviewer's scores spread by a_j²τ² + σ_e² (their leniency is the same on every quickwin),
 *   so τ² = (Σ_j SS_j − (N − J)·σ_e²) / Σ_j (n_j − 1)·a_j²;
 * - the additive fit's residual holds the noise and the ranges' part, (a_j − 1)·θ_q, so
 *   σ_e² = its mean square − σ_a²·τ² (at least half of it);
 * - leniency σ_b² as the additive fit found it.
 * Two equations in τ² and σ_e², solved by a few substitutions from the additive estimates.
 */
function variancesWithRanges(
  counted: Counted,
  additive: VarianceEstimate,
  ranges: RangeEstimate,
): VarianceEstimate {
  const { rCount, nR } = counted;
  // df = Σ (n_j − 1) over the reviewers with reviews.
  const { ss, df } = withinReviewers(counted, counted.R);
  let spreadDf = 0;
  for (let j = 0; j < nR; j++) {
    if (rCount[j]! > 0) spreadDf += (rCount[j]! - 1) * ranges.range[j]! ** 2;
  }
  if (df <= 0 || spreadDf <= 0) return additive;
  const residualMs = additive.sigmaE2;
  let { tau2, sigmaE2 } = additive;
  for (let k = 0; k < 4; k++) {
    sigmaE2 = Math.max(residualMs / 2, residualMs - ranges.rangeSd ** 2 * tau2);
    tau2 = Math.max(additive.tau2 / 2, (ss - df * sigmaE2) / spreadDf);
  }
  return { ...additive, tau2, sigmaE2 };
}

/** The point fit: variances, b′'s posterior mean, and the ranges when the data support them. */
export function fitRandomEffects(counted: Counted, minReviews: number): RandomEffectsFit {
  const d = designOf(counted);
  const additive = estimateVariances(counted);
  let v = additive;
  let post = leniencyPosterior(counted, d, v);
  let ranges: RangeEstimate | null = null;
  if (v.separable) {
    for (let round = 0; round < RANGE_ROUNDS; round++) {
      const next = estimateRanges(
        counted,
        { v, mu: d.mu, compactOf: d.compactOf, range: ranges?.range ?? null, post },
        minReviews,
      );
      if (!next) break;
      ranges = next;
      v = variancesWithRanges(counted, additive, ranges);
      post = leniencyPosterior(counted, d, v, ranges.range);
    }
  }
  return { ...v, ...d, bMean: canonicalMeans(counted, d, post.mean), ranges };
}
