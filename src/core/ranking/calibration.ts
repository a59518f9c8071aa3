// Step 3 of DESIGN §4: calibrated review scores R′ (auto, none, zscore, bias).
import type { Translate } from "../i18n";
import type { NormalizationUsed, Settings } from "../schemas";
import { fitAdditive, mean, sampleSd, UnionFind, ZERO_SPREAD } from "../stats";
import type { CalibrationInfo, RankProblem } from "../types";
import type { Counted } from "./counted";
import type { RandomEffectsFit } from "./fit";

export interface Calibrated {
  /** R′ per canonical position. */
  Rp: Float64Array;
  /** Per canonical position, the review's weight in its quickwin's score (null: all equal). */
  weight: Float64Array | null;
  normalizationUsed: NormalizationUsed;
  calibration: CalibrationInfo;
  problems: RankProblem[];
}

/** Share of the typical reviewer's apparent leniency that is kept once shrunk (0–1). */
function keptShare(counted: Counted, fit: RandomEffectsFit): number {
  if (fit.sigmaB2 <= 0 || fit.nActive === 0) return 0;
  const perReviewer = counted.R.length / fit.nActive;
  return fit.sigmaB2 / (fit.sigmaB2 + fit.sigmaE2 / perReviewer);
}

/**
 * `auto`: leniency (and, when the data show them, ranges) as the model estimates them:
 * R′ = μ + (R − μ)/a_j − b′_j, each review weighted a_j² in its quickwin's score (a wide
 * reviewer's scores carry more of the quality difference); with a = 1, bias with shrinkage.
 */
function autoCalibrate(counted: Counted, fit: RandomEffectsFit): Calibrated {
  const enough = counted.R.length >= 2;
  const sds = {
    leniencySd: fit.separable ? Math.sqrt(fit.sigmaB2) : null,
    noiseSd: enough ? Math.sqrt(fit.sigmaE2) : null,
    rangeSd: fit.ranges ? fit.ranges.rangeSd : null,
  };
  if (!fit.separable || (fit.sigmaB2 <= 0 && !fit.ranges)) {
    const reason = fit.separable ? "no-leniency" : "cannot-separate";
    return {
      Rp: counted.R,
      weight: null,
      normalizationUsed: "none",
      calibration: { method: "none", reason, shrinkage: null, ...sds },
      problems: [],
    };
  }
  const { R, reviewerOf } = counted;
  const range = fit.ranges?.range ?? null;
  const Rp = new Float64Array(R.length);
  const weight = range ? new Float64Array(R.length) : null;
  for (let p = 0; p < R.length; p++) {
    const j = reviewerOf[p]!;
    const a = range ? range[j]! : 1;
    Rp[p] = fit.mu + (R[p]! - fit.mu) / a - fit.bMean[j]!;
    if (weight) weight[p] = a * a;
  }
  const kept = keptShare(counted, fit);
  if (range) {
    return {
      Rp,
      weight,
      normalizationUsed: "zscore",
      calibration: {
        method: "bias-range-shrunk",
        reason: "leniency-range",
        shrinkage: kept,
        ...sds,
      },
      problems: [],
    };
  }
  return {
    Rp,
    weight,
    normalizationUsed: kept >= 0.5 ? "bias" : "none",
    calibration: { method: "bias-shrunk", reason: "leniency", shrinkage: kept, ...sds },
    problems: [],
  };
}

/** Step 3. `fit` is the random-effects model (present for `auto`). */
export function calibrate(
  counted: Counted,
  settings: Settings,
  fit: RandomEffectsFit | null,
  t: Translate,
): Calibrated {
  const mode = settings.normalization;
  if (mode === "auto" && fit) return autoCalibrate(counted, fit);
  const chosen = (m: NormalizationUsed): CalibrationInfo => ({
    method: m,
    reason: "setting",
    shrinkage: null,
    leniencySd: null,
    noiseSd: null,
    rangeSd: null,
  });
  if (mode === "zscore") {
    const Rp = zscoreCalibrate(
      counted.R,
      counted.reviewerOf,
      counted.nR,
      settings.minReviewsForCalibration,
    );
    return { Rp, weight: null, normalizationUsed: mode, calibration: chosen(mode), problems: [] };
  }
  if (mode === "bias") {
    if (!reviewGraphConnected(counted)) {
      return {
        Rp: counted.R,
        weight: null,
        normalizationUsed: "none",
        calibration: { ...chosen("none"), reason: "graph-disconnected" },
        problems: [{ code: "graph-disconnected", message: t("problem.graph-disconnected") }],
      };
    }
    return {
      Rp: biasCalibrate(counted),
      weight: null,
      normalizationUsed: mode,
      calibration: chosen(mode),
      problems: [],
    };
  }
  return {
    Rp: counted.R,
    weight: null,
    normalizationUsed: "none",
    calibration: chosen("none"),
    problems: [],
  };
}

/** True when the quickwins and reviewers with a counted review form one connected graph. */
export function reviewGraphConnected(counted: Counted): boolean {
  const { nQ, nR, quickwinOf, reviewerOf, qCount, rCount } = counted;
  const uf = new UnionFind(nQ + nR);
  for (let p = 0; p < quickwinOf.length; p++) uf.union(quickwinOf[p]!, nQ + reviewerOf[p]!);
  let nodes = 0;
  for (let q = 0; q < nQ; q++) if (qCount[q]! > 0) nodes++;
  for (let r = 0; r < nR; r++) if (rCount[r]! > 0) nodes++;
  const isolated = nQ + nR - nodes; // singleton sets of nodes without a counted review
  return uf.components - isolated <= 1;
}

/** bias: least squares R = θ_q + b_j with Σ b_j = 0; R′ = R − b_j. */
function biasCalibrate(counted: Counted): Float64Array {
  const { R, quickwinOf, reviewerOf, nQ, nR } = counted;
  const { bias } = fitAdditive(quickwinOf, reviewerOf, R, nQ, nR);
  const Rp = new Float64Array(R.length);
  for (let p = 0; p < R.length; p++) Rp[p] = R[p]! - bias[reviewerOf[p]!]!;
  return Rp;
}

/** zscore: R′ = μ + σ(R − μ_j)/σ_j for reviewers with enough reviews and σ_j > 0. */
function zscoreCalibrate(
  R: Float64Array,
  reviewerOf: Int32Array,
  nR: number,
  minReviews: number,
): Float64Array {
  const n = R.length;
  const out = Float64Array.from(R);
  const sigma = sampleSd(R);
  if (sigma === null || sigma === 0) return out; // no spread to map onto: keep R
  const mu = mean(R);
  const cnt = new Int32Array(nR);
  const sum = new Float64Array(nR);
  const lo = new Float64Array(nR).fill(Number.POSITIVE_INFINITY);
  const hi = new Float64Array(nR).fill(Number.NEGATIVE_INFINITY);
  for (let p = 0; p < n; p++) {
    const r = reviewerOf[p]!;
    const v = R[p]!;
    cnt[r]!++;
    sum[r]! += v;
    if (v < lo[r]!) lo[r] = v;
    if (v > hi[r]!) hi[r] = v;
  }
  const muJ = new Float64Array(nR);
  const ss = new Float64Array(nR);
  for (let r = 0; r < nR; r++) if (cnt[r]! > 0) muJ[r] = sum[r]! / cnt[r]!;
  for (let p = 0; p < n; p++) {
    const r = reviewerOf[p]!;
    const d = R[p]! - muJ[r]!;
    ss[r]! += d * d;
  }
  for (let p = 0; p < n; p++) {
    const r = reviewerOf[p]!;
    const c = cnt[r]!;
    if (c < minReviews || c < 2 || hi[r]! - lo[r]! <= ZERO_SPREAD) continue;
    const sdJ = Math.sqrt(ss[r]! / (c - 1));
    out[p] = mu + (sigma * (R[p]! - muJ[r]!)) / sdJ;
  }
  return out;
}
