// The panel's random-effects model (DESIGN §4 step 3 `auto`, and step 8 for every mode):
//   R = μ + θ_q + b_j + e,  θ_q ~ N(0, τ²) quality,  b_j ~ N(0, σ_b²) leniency,  e ~ N(0, σ_e²).
// The three variances are estimated from the data by moments (the classical ANOVA estimators of
// an unbalanced two-way design), then b has a Gaussian posterior over the J active reviewers
// (J×J, small) and, given b, each θ_q an independent Gaussian one. See docs/method.md.
import { fitAdditive, UnionFind } from "../stats";
import type { Counted } from "./counted";

/** Smallest variance used (R points²): keeps the algebra finite when the data have no spread. */
const VARIANCE_FLOOR = 1e-9;

export interface VarianceComponents {
  /** Quality τ², leniency σ_b², noise σ_e² (R points²). */
  tau2: number;
  sigmaB2: number;
  sigmaE2: number;
}

export interface VarianceEstimate extends VarianceComponents {
  /** Whether leniency could be told apart from noise (a reviewer scored several quickwins that
   * others scored too); if not, σ_b² is 0 and the noise holds both. */
  separable: boolean;
}

/** The model's design: the grand mean and the reviewers with a counted review. */
export interface Design {
  mu: number;
  /** Reviewer → compact index among reviewers with a counted review (−1: none). */
  compactOf: Int32Array;
  nActive: number;
}

/** The posterior of the reviewer effects over the active reviewers (compact indices). */
export interface LeniencyPosterior {
  mean: Float64Array;
  /** Lower Cholesky factor L of the posterior precision (row-major), L·Lᵀ = P; null when
   * σ_b² = 0 (b is exactly 0). */
  chol: Float64Array | null;
}

/** Counted reviews whose quickwins and reviewers are active, by connected component. */
function components(counted: Counted): { comp: Int32Array; count: number } {
  const { nQ, nR, quickwinOf, reviewerOf } = counted;
  const uf = new UnionFind(nQ + nR);
  for (let p = 0; p < quickwinOf.length; p++) uf.union(quickwinOf[p]!, nQ + reviewerOf[p]!);
  const label = new Map<number, number>();
  const comp = new Int32Array(quickwinOf.length);
  for (let p = 0; p < quickwinOf.length; p++) {
    const root = uf.find(quickwinOf[p]!);
    let c = label.get(root);
    if (c === undefined) {
      c = label.size;
      label.set(root, c);
    }
    comp[p] = c;
  }
  return { comp, count: label.size };
}

/** Residual sum of squares of the fixed additive fit R = θ_q + b_j, component by component. */
function additiveSse(counted: Counted, R: Float64Array, comp: Int32Array, nComp: number): number {
  const { quickwinOf, reviewerOf, nQ, nR } = counted;
  const members: number[][] = Array.from({ length: nComp }, () => []);
  for (let p = 0; p < R.length; p++) members[comp[p]!]!.push(p);
  let sse = 0;
  for (const idx of members) {
    const q = Int32Array.from(idx, (p) => quickwinOf[p]!);
    const r = Int32Array.from(idx, (p) => reviewerOf[p]!);
    const y = Float64Array.from(idx, (p) => R[p]!);
    const { theta, bias } = fitAdditive(q, r, y, nQ, nR);
    for (let k = 0; k < idx.length; k++) {
      const d = y[k]! - theta[q[k]!]! - bias[r[k]!]!;
      sse += d * d;
    }
  }
  return sse;
}

/**
 * Moment estimates of τ², σ_b², σ_e²: σ_e² from the residuals of the additive fit; σ_e² + σ_b²
 * from the spread within quickwins (each review of a quickwin is by another reviewer); τ² from
 * the spread of the quickwin means less what noise and leniency put there.
 */
export function estimateVariances(counted: Counted, R: Float64Array = counted.R): VarianceEstimate {
  const { qStart, qCount, rCount, nQ } = counted;
  const N = R.length;
  let Qa = 0;
  let Ja = 0;
  for (let q = 0; q < nQ; q++) if (qCount[q]! > 0) Qa++;
  for (let j = 0; j < counted.nR; j++) if (rCount[j]! > 0) Ja++;
  const qMean = new Float64Array(nQ);
  let ssWithin = 0;
  for (let q = 0; q < nQ; q++) {
    const n = qCount[q]!;
    if (n === 0) continue;
    let s = 0;
    for (let p = qStart[q]!; p < qStart[q + 1]!; p++) s += R[p]!;
    const m = s / n;
    qMean[q] = m;
    for (let p = qStart[q]!; p < qStart[q + 1]!; p++) ssWithin += (R[p]! - m) ** 2;
  }
  const dfWithin = N - Qa;
  const { comp, count } = components(counted);
  const dfResidual = N - Qa - Ja + count;
  const separable = dfResidual > 0 && Ja > 1;
  let noiseMs: number;
  let leniency = 0; // σ_b², untruncated
  if (dfWithin <= 0) {
    // One review per quickwin: noise and leniency cannot be seen apart from quality.
    noiseMs = sampleVariance(R) ?? 0;
  } else if (!separable) {
    noiseMs = ssWithin / dfWithin;
  } else {
    noiseMs = additiveSse(counted, R, comp, count) / dfResidual;
    leniency = ssWithin / dfWithin - noiseMs;
  }
  const sigmaE2 = Math.max(VARIANCE_FLOOR, noiseMs);
  const sigmaB2 = Math.max(0, leniency);
  const within = withinReviewers(counted, R);
  let quality: number;
  if (separable && within.df > 0) {
    // A reviewer's leniency is the same on every quickwin they score, so the spread of their
    // scores is quality plus noise: τ² = that − σ_e², free of leniency (the spread of the
    // quickwin means, below, holds each quickwin's mix of lenient and strict reviewers).
    quality = within.ss / within.df - noiseMs;
  } else {
    const spread = qualitySpread(counted, qMean, Qa);
    quality = spread.ms - sigmaE2 * spread.invN - sigmaB2 * spread.mixK;
  }
  return { tau2: Math.max(VARIANCE_FLOOR, quality), sigmaB2, sigmaE2, separable };
}

/** Σ over reviewers of Σ (R − the reviewer's mean)², and its degrees of freedom N − J. */
export function withinReviewers(counted: Counted, R: Float64Array): { ss: number; df: number } {
  const { reviewerOf, rCount, nR } = counted;
  const sum = new Float64Array(nR);
  for (let p = 0; p < R.length; p++) sum[reviewerOf[p]!]! += R[p]!;
  let ss = 0;
  for (let p = 0; p < R.length; p++) {
    const j = reviewerOf[p]!;
    ss += (R[p]! - sum[j]! / rCount[j]!) ** 2;
  }
  let active = 0;
  for (let j = 0; j < nR; j++) if (rCount[j]! > 0) active++;
  return { ss, df: R.length - active };
}

function sampleVariance(x: ArrayLike<number>): number | null {
  const n = x.length;
  if (n < 2) return null;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i]!;
  const m = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i]! - m) ** 2;
  return ss / (n - 1);
}

/**
 * The spread of the quickwin means: its sample variance (ms), mean(1/n_q) (what noise puts
 * there) and k, what leniency puts there given each quickwin's mix of reviewers:
 * (Σ_q ‖a_q‖² − Q‖ā‖²)/(Q − 1), a_q the reviewer shares of quickwin q (1/n_q each), ā their mean.
 */
function qualitySpread(
  counted: Counted,
  qMean: Float64Array,
  Qa: number,
): { ms: number; invN: number; mixK: number } {
  if (Qa < 2) return { ms: 0, invN: 0, mixK: 0 };
  const { qStart, qCount, nQ, reviewerOf } = counted;
  const means: number[] = [];
  let invN = 0;
  const share = new Float64Array(counted.nR);
  for (let q = 0; q < nQ; q++) {
    const n = qCount[q]!;
    if (n === 0) continue;
    means.push(qMean[q]!);
    invN += 1 / n;
    for (let p = qStart[q]!; p < qStart[q + 1]!; p++) share[reviewerOf[p]!]! += 1 / n / Qa;
  }
  let shareSq = 0;
  for (let j = 0; j < share.length; j++) shareSq += share[j]! * share[j]!;
  return {
    ms: sampleVariance(means) ?? 0,
    invN: invN / Qa,
    mixK: (invN - Qa * shareSq) / (Qa - 1),
  };
}

export function designOf(counted: Counted): Design {
  const { R, rCount, nR } = counted;
  let mu = 0;
  for (let p = 0; p < R.length; p++) mu += R[p]!;
  mu = R.length > 0 ? mu / R.length : 0;
  const compactOf = new Int32Array(nR).fill(-1);
  let J = 0;
  for (let j = 0; j < nR; j++) if (rCount[j]! > 0) compactOf[j] = J++;
  return { mu, compactOf, nActive: J };
}

/**
 * The posterior of the reviewer effects given the variances and each reviewer's range a_j
 * (all 1 without ranges). On the quality scale y = (R − μ)/a_j = θ_q + b′_j + e/a_j, with
 * b′_j = b_j/a_j ~ N(0, σ_b²/a_j²) and review weight w_j = a_j²/σ_e²; θ integrated out:
 *   P = diag(a_j²/σ_b² + n_j·w_j) − Σ_q w_q w_qᵀ/λ_q,  λ_q = 1/τ² + Σ_{i∈q} w_i,
 *   h_j = Σ_{i∈j} w_j·y_i − Σ_{q∋j} w_j·T_q/λ_q,  T_q = Σ_{i∈q} w_i·y_i,
 * and b′ ~ N(P⁻¹h, P⁻¹) (w_q: the weights of q's reviewers). With a = 1 this is the additive
 * model's posterior of b.
 */
export function leniencyPosterior(
  counted: Counted,
  d: Design,
  v: VarianceComponents,
  range: Float64Array | null = null,
): LeniencyPosterior {
  const J = d.nActive;
  const mean = new Float64Array(J);
  if (v.sigmaB2 <= 0 || J === 0) return { mean, chol: null };
  const { R, qStart, qCount, rCount, nQ, nR, reviewerOf } = counted;
  const { tau2, sigmaB2, sigmaE2 } = v;
  const { mu, compactOf } = d;
  const P = new Float64Array(J * J);
  const h = new Float64Array(J);
  const a = new Float64Array(J).fill(1);
  const w = new Float64Array(J); // a_j²/σ_e², compact
  for (let j = 0; j < nR; j++) {
    const c = compactOf[j]!;
    if (c < 0) continue;
    if (range) a[c] = range[j]!;
    w[c] = (a[c]! * a[c]!) / sigmaE2;
    P[c * J + c] = (a[c]! * a[c]!) / sigmaB2 + rCount[j]! * w[c]!;
  }
  const members = new Int32Array(R.length);
  for (let q = 0; q < nQ; q++) {
    const n = qCount[q]!;
    if (n === 0) continue;
    let lambda = 1 / tau2;
    let T = 0;
    for (let p = qStart[q]!, k = 0; p < qStart[q + 1]!; p++, k++) {
      const c = compactOf[reviewerOf[p]!]!;
      members[k] = c;
      const wy = (w[c]! * (R[p]! - mu)) / a[c]!;
      lambda += w[c]!;
      T += wy;
      h[c]! += wy;
    }
    for (let k = 0; k < n; k++) {
      const ck = members[k]!;
      const row = ck * J;
      const wk = w[ck]! / lambda;
      h[ck]! -= wk * T;
      for (let l = 0; l < n; l++) P[row + members[l]!]! -= wk * w[members[l]!]!;
    }
  }
  const chol = cholesky(P, J);
  mean.set(cholSolve(chol, h, J));
  return { mean, chol };
}

/** Lower Cholesky factor of a symmetric positive definite matrix (row-major). */
export function cholesky(A: Float64Array, n: number): Float64Array {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * n + j]!;
      for (let k = 0; k < j; k++) s -= L[i * n + k]! * L[j * n + k]!;
      if (i === j) L[i * n + i] = Math.sqrt(Math.max(s, Number.MIN_VALUE));
      else L[i * n + j] = s / L[j * n + j]!;
    }
  }
  return L;
}

/** x with L·Lᵀ·x = b. */
export function cholSolve(L: Float64Array, b: Float64Array, n: number): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * n + k]! * y[k]!;
    y[i] = s / L[i * n + i]!;
  }
  return upperSolve(L, y, n, new Float64Array(n));
}

/** x with Lᵀ·x = y (into `out`). Drawing z ~ N(0, I) and solving gives x ~ N(0, P⁻¹). */
export function upperSolve(
  L: Float64Array,
  y: ArrayLike<number>,
  n: number,
  out: Float64Array,
): Float64Array {
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k * n + i]! * out[k]!;
    out[i] = s / L[i * n + i]!;
  }
  return out;
}
