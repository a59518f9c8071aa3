// Each reviewer's range (DESIGN §4 step 3 `auto`): how much of the scale a reviewer uses — a
// narrow reviewer puts good and weak quickwins close together, a wide one far apart. Model:
//   R = μ + a_j·θ_q + b_j + e,  a_j > 0 the range (1: the panel's typical reviewer).
// Estimated by empirical Bayes: each reviewer's slope of their scores on the quality the OTHER
// reviews of the same quickwins show (leave-one-out, so a review's own noise is not in its
// regressor), with its standard error; the spread of true ranges from those slopes
// (DerSimonian–Laird, the classical moment estimator of between-unit variance); each slope
// shrunk toward 1 by how sure it is. Used only when the data show ranges differ beyond chance
// (a heterogeneity test at 10 %), by at least RANGE_MATERIAL.
import type { Counted } from "./counted";
import type { LeniencyPosterior, VarianceComponents } from "./random-effects";

/** Ranges are kept within this factor of the typical reviewer's, both ways. */
const RANGE_LIMIT = 4;
/**
 * Ranges whose estimated spread is below this share of the typical range are left alone: the
 * correction would move a score by less than that share of its distance from the mean, and a
 * large panel finds such small differences (scores clipped at the scale's ends) everywhere.
 */
const RANGE_MATERIAL = 0.05;

/** The 90th percentile of χ² with k degrees of freedom (Wilson–Hilferty, within 1 % for k ≥ 2). */
function chiSquareQuantile90(k: number): number {
  const c = 2 / (9 * k);
  return k * (1 - c + 1.2816 * Math.sqrt(c)) ** 3;
}

/** A range kept within RANGE_LIMIT of the typical one, both ways. */
export function clampRange(a: number): number {
  return Math.min(RANGE_LIMIT, Math.max(1 / RANGE_LIMIT, a));
}

export interface RangeEstimate {
  /** a_j per canonical reviewer (1 for reviewers without enough reviews). */
  range: Float64Array;
  /** Posterior sd of a_j per canonical reviewer (0 when not estimated). */
  rangeSe: Float64Array;
  /** Estimated sd of the true ranges around 1. */
  rangeSd: number;
  /** Reviewers whose range was estimated. */
  estimated: number;
}

/** The fit a range estimate starts from: variances, ranges so far, b′'s posterior mean. */
export interface RangeStart {
  v: VarianceComponents;
  mu: number;
  compactOf: Int32Array;
  range: Float64Array | null;
  post: LeniencyPosterior;
}

/**
 * x_i: the posterior mean of quickwin q's quality from its other reviews (given the current
 * ranges and leniencies), per canonical position; 0 (the prior mean) when it has none.
 */
function leaveOneOutQuality(counted: Counted, s: RangeStart): Float64Array {
  const { R, qStart, qCount, nQ, reviewerOf } = counted;
  const x = new Float64Array(R.length);
  const resid = new Float64Array(R.length);
  const wOf = new Float64Array(R.length);
  for (let q = 0; q < nQ; q++) {
    if (qCount[q]! === 0) continue;
    let lambda = 1 / s.v.tau2;
    let T = 0;
    for (let p = qStart[q]!; p < qStart[q + 1]!; p++) {
      const j = reviewerOf[p]!;
      const a = s.range ? s.range[j]! : 1;
      const c = s.compactOf[j]!;
      const bPrime = c >= 0 && s.post.mean.length > 0 ? s.post.mean[c]! : 0;
      wOf[p] = (a * a) / s.v.sigmaE2;
      resid[p] = (R[p]! - s.mu) / a - bPrime;
      lambda += wOf[p]!;
      T += wOf[p]! * resid[p]!;
    }
    for (let p = qStart[q]!; p < qStart[q + 1]!; p++) {
      x[p] = (T - wOf[p]! * resid[p]!) / (lambda - wOf[p]!);
    }
  }
  return x;
}

interface Slopes {
  slope: Float64Array;
  se2: Float64Array;
  ok: Uint8Array;
  count: number;
}

/** Per reviewer with ≥ minReviews reviews: slope of R on x (own intercept), and its se². */
function reviewerSlopes(counted: Counted, x: Float64Array, minReviews: number): Slopes {
  const { R, reviewerOf, rCount, nR } = counted;
  const n = new Float64Array(nR);
  const sx = new Float64Array(nR);
  const sy = new Float64Array(nR);
  for (let p = 0; p < R.length; p++) {
    const j = reviewerOf[p]!;
    n[j]!++;
    sx[j]! += x[p]!;
    sy[j]! += R[p]!;
  }
  const sxx = new Float64Array(nR);
  const sxy = new Float64Array(nR);
  const syy = new Float64Array(nR);
  for (let p = 0; p < R.length; p++) {
    const j = reviewerOf[p]!;
    const dx = x[p]! - sx[j]! / n[j]!;
    const dy = R[p]! - sy[j]! / n[j]!;
    sxx[j]! += dx * dx;
    sxy[j]! += dx * dy;
    syy[j]! += dy * dy;
  }
  const slope = new Float64Array(nR);
  const se2 = new Float64Array(nR);
  const ok = new Uint8Array(nR);
  let rss = 0;
  let df = 0;
  let count = 0;
  for (let j = 0; j < nR; j++) {
    if (rCount[j]! < Math.max(3, minReviews) || sxx[j]! <= 1e-9) continue;
    ok[j] = 1;
    count++;
    slope[j] = sxy[j]! / sxx[j]!;
    rss += Math.max(0, syy[j]! - slope[j]! * sxy[j]!);
    df += rCount[j]! - 2;
  }
  const s2 = df > 0 ? rss / df : 0; // pooled residual variance of the regressions
  for (let j = 0; j < nR; j++) if (ok[j]) se2[j] = s2 / sxx[j]!;
  return { slope, se2, ok, count };
}

/**
 * The ranges, or null when the data do not show them: fewer than three reviewers with enough
 * reviews, or slopes that differ no more than their standard errors explain.
 */
export function estimateRanges(
  counted: Counted,
  start: RangeStart,
  minReviews: number,
): RangeEstimate | null {
  const x = leaveOneOutQuality(counted, start);
  const { slope, se2, ok, count } = reviewerSlopes(counted, x, minReviews);
  if (count < 3) return null;
  const nR = counted.nR;
  // DerSimonian–Laird: precision-weighted centre m, heterogeneity Q, between-reviewer variance.
  let sw = 0;
  let sw2 = 0;
  let swa = 0;
  for (let j = 0; j < nR; j++) {
    if (!ok[j] || se2[j]! <= 0) continue;
    const w = 1 / se2[j]!;
    sw += w;
    sw2 += w * w;
    swa += w * slope[j]!;
  }
  if (sw <= 0) return null;
  const m = swa / sw;
  if (!(m > 0)) return null;
  let Q = 0;
  for (let j = 0; j < nR; j++) if (ok[j] && se2[j]! > 0) Q += (slope[j]! - m) ** 2 / se2[j]!;
  // Beyond chance: Cochran's Q above the 90th percentile of χ²_{k−1}, its law when every range
  // is the same (Wilson–Hilferty). DerSimonian–Laird alone is positive whenever Q > k − 1,
  // which equal ranges give about half the time.
  if (Q < chiSquareQuantile90(count - 1)) return null;
  const between = Math.max(0, (Q - (count - 1)) / (sw - sw2 / sw));
  if (Math.sqrt(between) / m < RANGE_MATERIAL) return null;
  const range = new Float64Array(nR).fill(1);
  const rangeSe = new Float64Array(nR);
  for (let j = 0; j < nR; j++) {
    if (!ok[j]) continue;
    const k = between / (between + se2[j]!);
    const a = (m + k * (slope[j]! - m)) / m;
    range[j] = clampRange(a);
    rangeSe[j] = Math.sqrt(k * se2[j]!) / m;
  }
  return { range, rangeSe, rangeSd: Math.sqrt(between) / m, estimated: count };
}
