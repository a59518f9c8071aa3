// Step 8 of DESIGN §4: the seeded bootstrap. Quickwins are addressed by their position in the
// ranking (0..K-1). Per resample: each quickwin's R′ is resampled with replacement (same count)
// with mulberry32 (state seeded from `seed`, quickwins drawn in rank order), the K resampled
// means are sorted, tie groups (chained within 1e-9) are re-ordered by the tie chain on the
// criterion means of *the resampled reviews* (replayed from the saved PRNG state, so picks are
// never stored), and the shortlist walk is repeated. Per position: nearest-rank 5th/95th
// percentile ranks and shortlist counts.
import { nearestRankIndex } from "../stats";
import { walkShortlist } from "./shortlist";
import { compareByTieChain, forEachTieGroup, type TieKeys } from "./tie-chain";

/** 2^-32 (a local copy: an imported binding is a getter call under some loaders). */
const SCALE = 2.3283064365386963e-10;

export interface BootstrapInput {
  rankedQ: number[];
  qStart: Int32Array;
  qCount: Int32Array;
  Rp: Float64Array;
  /** s − min per canonical review, criteria in rubric order. */
  crit: Float64Array;
  nCrit: number;
  tieOrder: number[];
  ranges: number[];
  budgetKey: Float64Array;
  agencyOf: Int32Array;
  agencies: number;
  resamples: number;
  seed: number;
  shortlistSize: number;
  maxPerAgency: number;
}

export interface Uncertainty {
  /** Per rank position: the 5th and 95th percentile ranks, and how often it was shortlisted. */
  low: Int32Array;
  high: Int32Array;
  shortlisted: Int32Array;
}

/** Per rank position: its R′ values (contiguous), and the first tie-break criterion beside them. */
interface Layout {
  K: number;
  off: Int32Array;
  vals: Float64Array;
  firstVals: Float64Array;
  agency: Int32Array;
}

function layoutOf(b: BootstrapInput, t: TieScratch): Layout {
  const K = b.rankedQ.length;
  const off = t.off;
  const vals = new Float64Array(off[K]!);
  const firstVals = new Float64Array(off[K]!);
  const agency = new Int32Array(K);
  for (let p = 0; p < K; p++) {
    const q = b.rankedQ[p]!;
    vals.set(b.Rp.subarray(b.qStart[q]!, b.qStart[q + 1]!), off[p]!);
    agency[p] = b.agencyOf[q]!;
    const n = t.count[p]!;
    for (let k = 0; k < n; k++) firstVals[off[p]! + k] = t.crit[(t.srcStart[p]! + k) * b.nCrit]!;
  }
  return { K, off, vals, firstVals, agency };
}

/** Where the resampled ranks go: a histogram per position when K ≤ B, else every rank kept. */
class RankTally {
  private readonly hist: Int32Array | null;
  private readonly store: Int32Array | null;
  constructor(
    private readonly K: number,
    private readonly B: number,
  ) {
    this.hist = K <= B ? new Int32Array(K * K) : null; // hist[p*K + rank-1]
    this.store = K <= B ? null : new Int32Array(K * B); // store[p*B + b]
  }
  add(ord: Int32Array, it: number): void {
    const { K, B } = this;
    if (this.hist) for (let i = 0; i < K; i++) this.hist[ord[i]! * K + i]!++;
    else for (let i = 0; i < K; i++) this.store![ord[i]! * B + it] = i + 1;
  }
  /** Nearest-rank 5th and 95th percentile rank of each position. */
  percentiles(): { low: Int32Array; high: Int32Array } {
    const { K, B } = this;
    const low = new Int32Array(K);
    const high = new Int32Array(K);
    const lowAt = nearestRankIndex(5, B);
    const highAt = nearestRankIndex(95, B);
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
        const ranks = this.store!.subarray(p * B, p * B + B);
        ranks.sort();
        low[p] = ranks[lowAt - 1]!;
        high[p] = ranks[highAt - 1]!;
      }
    }
    return { low, high };
  }
}

export function bootstrap(b: BootstrapInput): Uncertainty {
  const K = b.rankedQ.length;
  const B = b.resamples;
  const t = new TieScratch(b);
  const lay = layoutOf(b, t);
  const scores = new Float64Array(K);
  const neg = new Float64Array(K);
  const sorted = new Float64Array(K);
  const ord = new Int32Array(K);
  const cursor = new Int32Array(K);
  const tally = new RankTally(K, B);
  const shortlisted = new Int32Array(K);
  const held = new Int32Array(b.agencies + 1);
  const count = (p: number) => {
    shortlisted[p]!++;
  };
  const resolve = (from: number, to: number) => resolveResampledTie(ord, from, to, t);
  // Insertion-sort budget per resample before falling back to a full sort (see orderByScore).
  const sortBudget = 4 * K * Math.max(1, Math.ceil(Math.log2(K + 1)));
  let insertionWorks = true;
  let s = b.seed | 0;
  for (let it = 0; it < B; it++) {
    s = drawResample(lay.vals, lay.firstVals, lay.off, K, s, scores, t.firstSums, t.states);
    // After a fallback, try the insertion sort again only now and then (data that is not
    // nearly sorted stays so).
    const budget = insertionWorks || (it & 31) === 0 ? sortBudget : 0;
    insertionWorks = orderByScore(scores, neg, sorted, cursor, ord, K, budget);
    forEachTieGroup(ord, K, scores, resolve);
    tally.add(ord, it);
    walkShortlist(ord, K, lay.agency, b.shortlistSize, b.maxPerAgency, held, count);
  }
  return { ...tally.percentiles(), shortlisted };
}

/**
 * The draws of one quickwin in one resample: n indices in [0, n), uniform with replacement.
 * mulberry32 gives 32 bits per step; for n ≤ 65 536 each step yields two indices (low half
 * first, then high half; an odd n drops the last high half), index = ⌊h·n / 2^16⌋ — the
 * multiply-shift map, whose buckets differ by at most one of 65 536 values (≤ 0.08 % for 50
 * reviews, far below the Monte Carlo error). Larger n uses one step per index, ⌊u·n / 2^32⌋.
 * drawResample inlines exactly these steps; replayPicks repeats them from a saved state.
 */
export function replayPicks(state: number, n: number, into: Int32Array, at = 0): number {
  let s = state | 0;
  if (n <= 65536) {
    for (let k = 0; k < n; k += 2) {
      s = (s + 0x6d2b79f5) | 0;
      let x = Math.imul(s ^ (s >>> 15), 1 | s);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      x ^= x >>> 14;
      into[at + k] = ((x & 0xffff) * n) >>> 16;
      if (k + 1 < n) into[at + k + 1] = ((x >>> 16) * n) >>> 16;
    }
  } else {
    for (let k = 0; k < n; k++) {
      s = (s + 0x6d2b79f5) | 0;
      let x = Math.imul(s ^ (s >>> 15), 1 | s);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      into[at + k] = (((x ^ (x >>> 14)) >>> 0) * SCALE * n) | 0;
    }
  }
  return s;
}

/**
 * One resample: for each position p, the mean of the off[p+1]−off[p] values drawn with
 * replacement from vals[off[p]..off[p+1]) (draws as in replayPicks), and — from the same picks —
 * the sum of `first` values (the first tie-break criterion, same layout), so that most resampled
 * ties are settled without replaying any draw. Saves the PRNG state before each position's
 * draws in `states` (to replay the picks when a deeper tie-break is needed) and returns the
 * state after the last draw. A top-level function of typed arrays, so V8 keeps the loop tight.
 */
export function drawResample(
  vals: Float64Array,
  first: Float64Array,
  off: Int32Array,
  K: number,
  state: number,
  scores: Float64Array,
  firstSums: Float64Array,
  states: Int32Array,
): number {
  let s = state | 0;
  for (let p = 0; p < K; p++) {
    states[p] = s;
    const o = off[p]!;
    const n = off[p + 1]! - o;
    let sum = 0;
    let f = 0;
    if (n <= 65536) {
      const pairs = n >> 1;
      for (let k = 0; k < pairs; k++) {
        s = (s + 0x6d2b79f5) | 0;
        let x = Math.imul(s ^ (s >>> 15), 1 | s);
        x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
        x ^= x >>> 14;
        const i1 = o + (((x & 0xffff) * n) >>> 16);
        const i2 = o + (((x >>> 16) * n) >>> 16);
        sum += vals[i1]!;
        f += first[i1]!;
        sum += vals[i2]!;
        f += first[i2]!;
      }
      if (n & 1) {
        s = (s + 0x6d2b79f5) | 0;
        let x = Math.imul(s ^ (s >>> 15), 1 | s);
        x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
        x ^= x >>> 14;
        const i1 = o + (((x & 0xffff) * n) >>> 16);
        sum += vals[i1]!;
        f += first[i1]!;
      }
    } else {
      for (let k = 0; k < n; k++) {
        s = (s + 0x6d2b79f5) | 0;
        let x = Math.imul(s ^ (s >>> 15), 1 | s);
        x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
        const i1 = o + ((((x ^ (x >>> 14)) >>> 0) * SCALE * n) | 0);
        sum += vals[i1]!;
        f += first[i1]!;
      }
    }
    scores[p] = sum / n;
    firstSums[p] = f;
  }
  return s;
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

/**
 * The tie chain's keys over rank positions in one resample: criterion means of the resampled
 * reviews, computed lazily criterion by criterion as comparisons need them; a member's picks
 * are replayed from its saved PRNG state only when first needed, and never for a member whose
 * reviews agree on every criterion.
 */
class TieScratch implements TieKeys {
  readonly nCrit: number;
  /** Criterion values (s − min) per canonical review, criteria in tie-break order. */
  readonly crit: Float64Array;
  /** Criterion ranges (max − min), in tie-break order. */
  readonly ranges: Float64Array;
  readonly states: Int32Array;
  readonly count: Int32Array;
  readonly srcStart: Int32Array;
  /** Start of each position's block in `picks` (the same layout as the R′ values). */
  readonly off: Int32Array;
  readonly picks: Int32Array;
  /** 1 when all of a position's reviews agree on every criterion: resampling cannot change its
   * criterion means, which are then `fixed` (no replay needed). */
  readonly constant: Uint8Array;
  readonly fixed: Float64Array;
  readonly budget: Float64Array;
  readonly idRank: Int32Array;
  /** Position → index of its criterion means in `means` (group slot × nCrit). */
  readonly slot: Int32Array;
  /** Criterion means of the group's members, filled on demand (NaN: not yet). */
  readonly means: Float64Array;
  /** Position → 1 once its picks of this resample are in `picks`. */
  readonly replayed: Uint8Array;
  /** Per position, this resample's sum of the first tie-break criterion over its picks. */
  readonly firstSums: Float64Array;
  /** [p·nCrit + c] = 1 when criterion c equals the first criterion in every review of p. */
  readonly sameAsFirst: Uint8Array;

  constructor(b: BootstrapInput) {
    const K = b.rankedQ.length;
    const nCrit = b.nCrit;
    this.nCrit = nCrit;
    this.off = new Int32Array(K + 1);
    this.srcStart = new Int32Array(K);
    this.count = new Int32Array(K);
    this.budget = new Float64Array(K);
    for (let p = 0; p < K; p++) {
      const q = b.rankedQ[p]!;
      this.off[p + 1] = this.off[p]! + b.qCount[q]!;
      this.srcStart[p] = b.qStart[q]!;
      this.count[p] = b.qCount[q]!;
      this.budget[p] = b.budgetKey[q]!;
    }
    // Ids are in canonical (id) order: compare canonical quickwin indices.
    this.idRank = Int32Array.from(b.rankedQ);
    this.crit = new Float64Array(b.crit.length);
    const rows = b.crit.length / nCrit;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < nCrit; c++)
        this.crit[r * nCrit + c] = b.crit[r * nCrit + b.tieOrder[c]!]!;
    }
    this.ranges = Float64Array.from(b.tieOrder, (ci) => b.ranges[ci]!);
    this.states = new Int32Array(K);
    this.picks = new Int32Array(this.off[K]!);
    this.replayed = new Uint8Array(K);
    this.firstSums = new Float64Array(K);
    this.slot = new Int32Array(K);
    this.means = new Float64Array(K * nCrit);
    this.sameAsFirst = new Uint8Array(K * nCrit);
    this.constant = new Uint8Array(K);
    this.fixed = new Float64Array(K * nCrit);
    for (let p = 0; p < K; p++) this.noteConstants(p);
  }

  /** Which criterion columns of p equal the first one (a reviewer who gives one score to every
   * criterion: their resampled means follow from the first sum), and whether p's reviews agree
   * on every criterion (its criterion means are the same in any resample). */
  private noteConstants(p: number): void {
    const { nCrit, crit } = this;
    const from = this.srcStart[p]!;
    const n = this.count[p]!;
    for (let c = 1; c < nCrit; c++) {
      let same = 1;
      for (let k = 0; k < n; k++) {
        const row = (from + k) * nCrit;
        if (crit[row + c] !== crit[row]) {
          same = 0;
          break;
        }
      }
      this.sameAsFirst[p * nCrit + c] = same;
    }
    let same = true;
    for (let c = 0; c < nCrit && same; c++) {
      const v = crit[from * nCrit + c]!;
      for (let k = 1; k < n; k++) {
        if (crit[(from + k) * nCrit + c] !== v) {
          same = false;
          break;
        }
      }
      this.fixed[p * nCrit + c] = v / this.ranges[c]!;
    }
    this.constant[p] = same ? 1 : 0;
  }

  /** Makes room for the group member at group slot g (position p): known means filled in. */
  enter(p: number, g: number): void {
    const nCrit = this.nCrit;
    const at = g * nCrit;
    this.slot[p] = at;
    this.replayed[p] = 0;
    if (this.constant[p] === 1) {
      for (let c = 0; c < nCrit; c++) this.means[at + c] = this.fixed[p * nCrit + c]!;
      return;
    }
    const n = this.count[p]!;
    const f = this.firstSums[p]!;
    this.means[at] = f / (this.ranges[0]! * n);
    for (let c = 1; c < nCrit; c++) {
      this.means[at + c] =
        this.sameAsFirst[p * nCrit + c] === 1 ? f / (this.ranges[c]! * n) : Number.NaN;
    }
  }

  /** Mean normalized value of criterion c (tie order) over position p's resampled reviews. */
  criterionMean(p: number, c: number): number {
    const at = this.slot[p]! + c;
    const cached = this.means[at]!;
    if (!Number.isNaN(cached)) return cached;
    const n = this.count[p]!;
    const o = this.off[p]!;
    const picks = this.picks;
    if (this.replayed[p] === 0) {
      replayPicks(this.states[p]!, n, picks, o);
      this.replayed[p] = 1;
    }
    const crit = this.crit;
    const nCrit = this.nCrit;
    const src = this.srcStart[p]!;
    let sum = 0;
    for (let k = 0; k < n; k++) sum += crit[(src + picks[o + k]!) * nCrit + c]!;
    const m = sum / (this.ranges[c]! * n);
    this.means[at] = m;
    return m;
  }
}

/**
 * Re-orders ord[from..to) (one tie group of a resample) by the tie chain on the resampled
 * reviews. Insertion sort for small groups (the usual case), the built-in sort for large ones
 * (a flat panel where everything ties).
 */
function resolveResampledTie(ord: Int32Array, from: number, to: number, t: TieScratch): void {
  for (let g = from; g < to; g++) t.enter(ord[g]!, g - from);
  if (to - from <= 16) {
    for (let i = from + 1; i < to; i++) {
      const p = ord[i]!;
      let j = i - 1;
      while (j >= from && compareByTieChain(p, ord[j]!, t) < 0) {
        ord[j + 1] = ord[j]!;
        j--;
      }
      ord[j + 1] = p;
    }
    return;
  }
  const group = Array.from(ord.subarray(from, to));
  group.sort((a, b) => compareByTieChain(a, b, t));
  ord.set(group, from);
}
