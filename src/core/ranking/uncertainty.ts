// Step 8 of DESIGN §4: uncertainty from the random-effects model's posterior (random-effects.ts),
// so the doubt about every reviewer's leniency is in it — not only the spread of a quickwin's own
// reviews. One draw takes the reviewer effects b from their J-dimensional Gaussian posterior
// (J×J, small), then each ranked quickwin's quality θ_q | b from its own Gaussian (O(reviews) per
// draw); the draws are ranked (exact ties, which only data without any spread produce, by the
// tie chain) and the shortlist walk is repeated. Seeded; at least `minDraws` draws, more until
// the Monte Carlo standard error of every pShortlist is ≤ 0.01. Per position: nearest-rank
// 5th/95th percentile ranks and the share of draws that shortlisted it. docs/method.md has the
// reasoning, including the floor on each quickwin's doubt (NOISE_WIDENING).
import { nearestRankIndex } from "../stats";
import type { Counted } from "./counted";
import type { RandomEffectsFit } from "./fit";
import { RandomStream } from "./random";
import { leniencyPosterior, upperSolve, type VarianceComponents } from "./random-effects";
import { clampRange, type RangeEstimate } from "./range";
import { walkShortlist } from "./shortlist";
import { compareByTieChain, forEachTieGroup, TIE_EPSILON, type TieKeys } from "./tie-chain";

/** Monte Carlo standard error allowed on pShortlist: draws go on until every share meets it. */
export const PSHORTLIST_MC_ERROR = 0.01;
/**
 * The floor on each quickwin's doubt: the spread of its standing (own noise plus what the
 * reviewers' uncertain leniency and ranges add, relative to the others) is at least this many
 * times what its own reviews' noise alone gives. A calibrated posterior leaves about one wrong
 * call in eight outside the flag's band (so does the oracle that knows every leniency); §4a asks
 * the flag to catch nine in ten, and a panel would rather discuss one quickwin more than miss a
 * wrong call. 1.2 is where that catch and the rows flagged balance (docs/method.md, measured).
 */
export const NOISE_WIDENING = 1.2;
/** Draws of b used to measure what leniency adds to each quickwin's doubt. */
const PILOT_DRAWS = 64;
/** Work allowed for the draws of the ranges, in multiply-adds: some tens of milliseconds. */
const RANGE_WORK = 2e7;
/** Draws a pShortlist may need at most (p(1 − p)/B ≤ 0.01² at p = ½). */
const MOST_DRAWS = 2500;

/**
 * How many draws share one draw of the ranges. Each costs a posterior of b (Σ n_q² + J³/3
 * multiply-adds, plus the reviews): a small panel draws them afresh for every draw, so that
 * draws stay independent and the Monte Carlo error is what drawsNeeded assumes; a panel where
 * that is expensive has many reviews per reviewer, whose ranges the data pin down, so its
 * draws share fewer draws of them (the between-draw part of the error is then small).
 */
function rangeStride(counted: Counted, J: number, minDraws: number): number {
  let work = (J * J * J) / 3 + counted.R.length;
  for (let q = 0; q < counted.nQ; q++) work += counted.qCount[q]! ** 2;
  const affordable = Math.max(1, Math.floor(RANGE_WORK / work));
  return Math.max(1, Math.ceil(Math.max(minDraws, MOST_DRAWS) / affordable));
}

export interface DrawInput {
  /** Ranked quickwins (canonical indices), best first: draws address them by position. */
  rankedQ: number[];
  counted: Counted;
  fit: RandomEffectsFit;
  /** The tie chain over positions. */
  tieKeys: TieKeys;
  /** Per quickwin, its agency index, and how many agencies there are. */
  agencyOf: Int32Array;
  agencies: number;
  minDraws: number;
  seed: number;
  shortlistSize: number;
  maxPerAgency: number;
}

export interface Uncertainty {
  /** Per rank position: the 5th and 95th percentile ranks, and the share of draws in which it
   * was shortlisted. */
  low: Int32Array;
  high: Int32Array;
  pShortlist: Float64Array;
  draws: number;
}

/**
 * Per position: its count of reviews, and the reviewers a draw sums b over —
 * its own reviewers, or (when it has more than half of all) the others, whose sum is taken from
 * the total (`complement` 1): a complete design then costs O(1) per quickwin and draw.
 */
interface Layout {
  off: Int32Array;
  reviewers: Int32Array;
  complement: Uint8Array;
  counts: Int32Array;
}

function layoutOf(x: DrawInput): Layout {
  const { rankedQ, counted, fit } = x;
  const K = rankedQ.length;
  const J = fit.nActive;
  const { qStart, qCount, reviewerOf } = counted;
  const complement = Uint8Array.from(rankedQ, (q) => (2 * qCount[q]! > J ? 1 : 0));
  const off = new Int32Array(K + 1);
  for (let p = 0; p < K; p++) {
    const n = qCount[rankedQ[p]!]!;
    off[p + 1] = off[p]! + (complement[p] ? J - n : n);
  }
  const reviewers = new Int32Array(off[K]!);
  const counts = new Int32Array(K);
  const mine = new Uint8Array(J);
  for (let p = 0; p < K; p++) {
    const q = rankedQ[p]!;
    counts[p] = qCount[q]!;
    mine.fill(0);
    for (let i = qStart[q]!; i < qStart[q + 1]!; i++) mine[fit.compactOf[reviewerOf[i]!]!] = 1;
    let k = off[p]!;
    for (let a = 0; a < J; a++) if (mine[a] !== complement[p]) reviewers[k++] = a;
  }
  return { off, reviewers, complement, counts };
}

/** Σ b over position p's reviewers (total: Σ b over all reviewers). */
function reviewerSum(lay: Layout, p: number, b: Float64Array, total: number): number {
  let sum = 0;
  for (let k = lay.off[p]!; k < lay.off[p + 1]!; k++) sum += b[lay.reviewers[k]!]!;
  return lay.complement[p] ? total - sum : sum;
}

function totalOf(b: Float64Array): number {
  let t = 0;
  for (let a = 0; a < b.length; a++) t += b[a]!;
  return t;
}

/**
 * b′'s posterior, and per position θ | b′: θ* = base − scale·Σ_{its reviews} a_j²·b′*_j + sd·z.
 * `weight` holds a_j² per active reviewer (null: all ranges 1).
 */
interface Posterior {
  bMean: Float64Array;
  chol: Float64Array | null;
  weight: Float64Array | null;
  base: Float64Array;
  scale: Float64Array;
  sd: Float64Array;
}

function posteriorOf(x: DrawInput, v: VarianceComponents, range: Float64Array | null): Posterior {
  const { rankedQ, counted, fit } = x;
  const K = rankedQ.length;
  const post = leniencyPosterior(counted, fit, v, range);
  const st: Posterior = {
    bMean: post.mean,
    chol: post.chol,
    weight: null,
    base: new Float64Array(K),
    scale: new Float64Array(K),
    sd: new Float64Array(K),
  };
  if (range) {
    st.weight = new Float64Array(fit.nActive);
    for (let j = 0; j < counted.nR; j++) {
      const c = fit.compactOf[j]!;
      if (c >= 0) st.weight[c] = range[j]! * range[j]!;
    }
  }
  const { qStart, R, reviewerOf } = counted;
  for (let p = 0; p < K; p++) {
    const q = rankedQ[p]!;
    let lambda = 1 / v.tau2;
    let T = 0; // Σ a_j²·y_i = Σ a_j·(R − μ), over σ_e² below
    for (let i = qStart[q]!; i < qStart[q + 1]!; i++) {
      const a = range ? range[reviewerOf[i]!]! : 1;
      lambda += (a * a) / v.sigmaE2;
      T += a * (R[i]! - fit.mu);
    }
    st.scale[p] = 1 / (v.sigmaE2 * lambda);
    st.base[p] = T * st.scale[p]!;
    st.sd[p] = Math.sqrt(1 / lambda);
  }
  return st;
}

/** A draw of the reviewers' ranges from their posterior: a_j + se_j·z, within the limits. */
function drawRanges(ranges: RangeEstimate, rng: RandomStream): Float64Array {
  const range = Float64Array.from(ranges.range);
  for (let j = 0; j < range.length; j++) {
    const se = ranges.rangeSe[j]!;
    if (se > 0) range[j] = clampRange(range[j]! + se * rng.normal());
  }
  return range;
}

/** θ* per position for one draw. */
function drawQualities(
  st: Posterior,
  lay: Layout,
  rng: RandomStream,
  z: Float64Array,
  b: Float64Array,
  theta: Float64Array,
): void {
  const J = z.length;
  if (st.chol) {
    for (let a = 0; a < J; a++) z[a] = rng.normal();
    upperSolve(st.chol, z, J, b);
    for (let a = 0; a < J; a++) b[a]! += st.bMean[a]!;
    if (st.weight) for (let a = 0; a < J; a++) b[a]! *= st.weight[a]!;
  }
  const total = st.chol ? totalOf(b) : 0;
  for (let p = 0; p < theta.length; p++) {
    const sum = st.chol ? reviewerSum(lay, p, b, total) : 0;
    theta[p] = st.base[p]! - st.scale[p]! * sum + st.sd[p]! * rng.normal();
  }
}

/**
 * The floor's measure: what b adds to each quickwin's standing, relative to the mean of all (the
 * part common to every quickwin changes no order), measured on PILOT_DRAWS draws of b.
 */
function leniencyDoubt(st: Posterior, lay: Layout, rng: RandomStream, J: number): Float64Array {
  const K = st.sd.length;
  const extra = new Float64Array(K);
  if (!st.chol || K < 2) return extra;
  const z = new Float64Array(J);
  const b = new Float64Array(J);
  const u = new Float64Array(K);
  for (let d = 0; d < PILOT_DRAWS; d++) {
    for (let a = 0; a < J; a++) z[a] = rng.normal();
    upperSolve(st.chol, z, J, b);
    if (st.weight) for (let a = 0; a < J; a++) b[a]! *= st.weight[a]!;
    let mean = 0;
    const total = totalOf(b);
    for (let p = 0; p < K; p++) {
      u[p] = st.scale[p]! * reviewerSum(lay, p, b, total);
      mean += u[p]! / K;
    }
    for (let p = 0; p < K; p++) extra[p]! += (u[p]! - mean) ** 2 / PILOT_DRAWS;
  }
  return extra;
}

/** The reviews of the ranked quickwins and the fit's ranges, as rangeDoubt reads them. */
export interface RangeDoubtInput {
  rankedQ: readonly number[];
  counted: Pick<Counted, "R" | "qStart" | "reviewerOf">;
  mu: number;
  /** b′ per canonical reviewer, on the quality scale. */
  bMean: Float64Array;
  range: Float64Array;
  rangeSe: Float64Array;
  /** Per position, 1/(σ_e²·λ_q): a review of range a weighs share·a² in θ_q's posterior mean. */
  share: Float64Array;
}

/**
 * What the doubt about the reviewers' ranges adds to each quickwin's standing, to first order:
 * a review's value on the quality scale, y = (R − μ)/a_j − b′_j, moves by −y·δa_j/a_j when a_j
 * moves by δa_j, and weighs share·a_j² in the quickwin's posterior mean, so the variance is
 * Σ_{i∈q} (share·a_j²·y_i·se_j/a_j)². The range draws put this doubt in; the floor counts it as
 * doubt already there, as it does leniency's, so that it is not added twice.
 */
export function rangeDoubt(x: RangeDoubtInput): Float64Array {
  const { rankedQ, counted, mu, bMean, range, rangeSe, share } = x;
  const { R, qStart, reviewerOf } = counted;
  const out = new Float64Array(rankedQ.length);
  for (let p = 0; p < rankedQ.length; p++) {
    const q = rankedQ[p]!;
    let v = 0;
    for (let i = qStart[q]!; i < qStart[q + 1]!; i++) {
      const j = reviewerOf[i]!;
      const a = range[j]!;
      const y = (R[i]! - mu) / a - bMean[j]!;
      v += (share[p]! * a * y * rangeSe[j]!) ** 2;
    }
    out[p] = v;
  }
  return out;
}

/** The floor: noise sd raised so that noise and leniency's part are ≥ NOISE_WIDENING² × noise. */
function applyDoubtFloor(st: Posterior, extra: Float64Array): Posterior {
  for (let p = 0; p < st.sd.length; p++) {
    const v = st.sd[p]! ** 2;
    st.sd[p] = Math.sqrt(Math.max(v, NOISE_WIDENING ** 2 * v - extra[p]!));
  }
  return st;
}

/** The resampled ranks: a histogram per position when small, else every draw's ranks kept. */
class RankTally {
  private readonly hist: Int32Array | null;
  private store: Int32Array | null;
  private draws = 0;
  constructor(private readonly K: number) {
    this.hist = K <= 1500 ? new Int32Array(K * K) : null; // hist[p*K + rank-1]
    this.store = this.hist ? null : new Int32Array(K * 1024); // store[b*K + p]
  }
  add(ord: Int32Array): void {
    const K = this.K;
    if (this.hist) for (let i = 0; i < K; i++) this.hist[ord[i]! * K + i]!++;
    else {
      if ((this.draws + 1) * K > this.store!.length) {
        const bigger = new Int32Array(this.store!.length * 2);
        bigger.set(this.store!);
        this.store = bigger;
      }
      const at = this.draws * K;
      for (let i = 0; i < K; i++) this.store![at + ord[i]!] = i + 1;
    }
    this.draws++;
  }
  /** Nearest-rank 5th and 95th percentile rank of each position. */
  percentiles(): { low: Int32Array; high: Int32Array } {
    const { K, draws: B } = this;
    const low = new Int32Array(K);
    const high = new Int32Array(K);
    const lowAt = nearestRankIndex(5, B);
    const highAt = nearestRankIndex(95, B);
    const ranks = this.hist ? null : new Int32Array(B);
    for (let p = 0; p < K; p++) {
      if (this.hist) {
        let cum = 0;
        for (let r = 0; r < K; r++) {
          cum += this.hist[p * K + r]!;
          if (low[p] === 0 && cum >= lowAt) low[p] = r + 1;
          if (cum >= highAt) {
            high[p] = r + 1;
            break;
          }
        }
      } else {
        for (let b = 0; b < B; b++) ranks![b] = this.store![b * K + p]!;
        ranks!.sort();
        low[p] = ranks![lowAt - 1]!;
        high[p] = ranks![highAt - 1]!;
      }
    }
    return { low, high };
  }
}

/** How many draws every pShortlist needs for its Monte Carlo error (p(1−p)/B ≤ 0.01²). */
function drawsNeeded(shortlisted: Int32Array, B: number): number {
  let worst = 0;
  for (let p = 0; p < shortlisted.length; p++) {
    const share = shortlisted[p]! / B;
    const v = share * (1 - share);
    if (v > worst) worst = v;
  }
  return Math.ceil(worst / PSHORTLIST_MC_ERROR ** 2);
}

export function posteriorDraws(x: DrawInput): Uncertainty {
  const K = x.rankedQ.length;
  const lay = layoutOf(x);
  const rng = new RandomStream(x.seed);
  const J = x.fit.nActive;
  const z = new Float64Array(J);
  const b = new Float64Array(J);
  const theta = new Float64Array(K);
  const scratch = {
    neg: new Float64Array(K),
    sorted: new Float64Array(K),
    cursor: new Int32Array(K),
  };
  const ord = new Int32Array(K);
  const tally = new RankTally(K);
  const shortlisted = new Int32Array(K);
  const held = new Int32Array(x.agencies + 1);
  const agency = Int32Array.from(x.rankedQ, (q) => x.agencyOf[q]!);
  const count = (p: number) => {
    shortlisted[p]!++;
  };
  const resolve = (from: number, to: number) => {
    const group = Array.from(ord.subarray(from, to));
    group.sort((a, c) => compareByTieChain(a, c, x.tieKeys));
    ord.set(group, from);
  };
  // The point fit's posterior; with ranges, a fresh draw of the ranges (and its posterior)
  // every `stride` draws, so that their doubt is in pShortlist (docs/method.md).
  const ranges = x.fit.ranges;
  const point = posteriorOf(x, x.fit, ranges ? ranges.range : null);
  const extra = leniencyDoubt(point, lay, rng, J);
  if (ranges) {
    const { mu, bMean } = x.fit;
    const { range, rangeSe } = ranges;
    const fromRanges = rangeDoubt({ ...x, mu, bMean, range, rangeSe, share: point.scale });
    for (let p = 0; p < K; p++) extra[p]! += fromRanges[p]!;
  }
  let posterior = applyDoubtFloor(point, extra);
  const stride = ranges ? rangeStride(x.counted, J, x.minDraws) : 0;
  const sortBudget = 4 * K * Math.max(1, Math.ceil(Math.log2(K + 1)));
  let insertionWorks = true;
  const fullOrder = (B: number) => {
    const budget = insertionWorks || (B & 31) === 0 ? sortBudget : 0;
    insertionWorks = orderByScore(
      theta,
      scratch.neg,
      scratch.sorted,
      scratch.cursor,
      ord,
      K,
      budget,
    );
    forEachTieGroup(ord, K, theta, resolve);
  };
  // The ranks of the first minDraws draws give the rank ranges; draws beyond them, which only
  // bring pShortlist's Monte Carlo error down, order just the top of the ranking.
  const top = Math.min(K, 4 * x.shortlistSize + 16);
  const want = Math.min(x.shortlistSize, K);
  const picks: number[] = [];
  const pick = (p: number) => {
    picks.push(p);
  };
  let B = 0;
  let target = x.minDraws;
  while (B < target) {
    for (; B < target; B++) {
      if (stride > 0 && B > 0 && B % stride === 0) {
        posterior = applyDoubtFloor(posteriorOf(x, x.fit, drawRanges(ranges!, rng)), extra);
      }
      drawQualities(posterior, lay, rng, z, b, theta);
      if (B < x.minDraws) {
        fullOrder(B);
        tally.add(ord);
        walkShortlist(ord, K, agency, x.shortlistSize, x.maxPerAgency, held, count);
        continue;
      }
      picks.length = 0;
      const settled = orderTop(theta, ord, K, top, scratch.sorted);
      if (settled) walkShortlist(ord, top, agency, x.shortlistSize, x.maxPerAgency, held, pick);
      if (!settled || (picks.length < want && top < K)) {
        fullOrder(B);
        picks.length = 0;
        walkShortlist(ord, K, agency, x.shortlistSize, x.maxPerAgency, held, pick);
      }
      for (const p of picks) shortlisted[p]!++;
    }
    target = Math.max(B, drawsNeeded(shortlisted, B));
  }
  const pShortlist = Float64Array.from(shortlisted, (n) => n / B);
  return { ...tally.percentiles(), pShortlist, draws: B };
}

/**
 * ord[0..L) ← the L positions with the highest θ, highest first (ties by position), found by
 * selection in O(K) rather than a full sort. False when a tie (within 1e-9) reaches across the
 * cut, so that the caller orders everything with the tie chain instead.
 */
export function orderTop(
  theta: Float64Array,
  ord: Int32Array,
  K: number,
  L: number,
  work: Float64Array,
): boolean {
  for (let p = 0; p < K; p++) work[p] = -theta[p]!;
  const cut = -selectKth(work, K, L - 1); // the L-th highest θ
  let n = 0;
  for (let p = 0; p < K && n < L; p++) if (theta[p]! > cut) ord[n++] = p;
  for (let p = 0; p < K && n < L; p++) if (theta[p] === cut) ord[n++] = p;
  // Insertion sort of the (short) head: higher θ first, then position.
  for (let i = 1; i < L; i++) {
    const p = ord[i]!;
    const v = theta[p]!;
    let j = i - 1;
    while (j >= 0 && (theta[ord[j]!]! < v || (theta[ord[j]!]! === v && ord[j]! > p))) {
      ord[j + 1] = ord[j]!;
      j--;
    }
    ord[j + 1] = p;
  }
  for (let i = 1; i < L; i++)
    if (theta[ord[i - 1]!]! - theta[ord[i]!]! <= TIE_EPSILON) return false;
  if (L < K) {
    // The next highest outside the top must not tie with the last one inside: after the
    // selection, work[L..K) holds the K − L lowest θ (negated), so its minimum is that one.
    let next = work[L]!;
    for (let p = L + 1; p < K; p++) if (work[p]! < next) next = work[p]!;
    const last = theta[ord[L - 1]!]!;
    if (last + next <= TIE_EPSILON) return false;
  }
  return true;
}

/** The k-th smallest of a[0..n) (0-based), by quickselect; reorders a. */
function selectKth(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/**
 * ord ← positions 0..K-1 by score descending, exact ties by position ascending. Positions are
 * the full-sample ranking, so a resample is often nearly sorted already: insertion sort from
 * the identity costs K + (number of inversions). If the inversions pass `budget` (a flat panel
 * where everything swaps), fall back to a native numeric sort of the negated scores, then give
 * each position, in ascending order, the next free slot of its value (found by binary search;
 * `cursor` remembers the next free slot per value). Both give the same order. Returns whether
 * the insertion sort finished within its budget.
 */
export function orderByScore(
  scores: Float64Array,
  neg: Float64Array,
  sorted: Float64Array,
  cursor: Int32Array,
  ord: Int32Array,
  K: number,
  budget: number,
): boolean {
  let moves = 0;
  ord[0] = 0;
  for (let i = 1; i < K; i++) {
    const sp = scores[i]!;
    let j = i - 1;
    while (j >= 0) {
      const q = ord[j]!;
      if (scores[q]! >= sp) break; // q < i, so an exact tie keeps q first
      ord[j + 1] = q;
      j--;
    }
    ord[j + 1] = i;
    moves += i - 1 - j;
    if (moves > budget) {
      for (let p = 0; p < K; p++) neg[p] = -scores[p]!;
      sorted.set(neg);
      sorted.sort();
      cursor.fill(-1);
      for (let p = 0; p < K; p++) {
        const key = neg[p]!;
        let lo = 0;
        let hi = K;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (sorted[mid]! < key) lo = mid + 1;
          else hi = mid;
        }
        const slot = cursor[lo]! < 0 ? lo : cursor[lo]!;
        ord[slot] = p;
        cursor[lo] = slot + 1;
      }
      return false;
    }
  }
  return true;
}
