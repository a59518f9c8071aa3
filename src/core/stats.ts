// Small, exact statistics helpers for the engine (pure, no globals). Each one is written for
// speed on typed arrays and is checked against a naive reference in test/core/stats.test.ts.

/**
 * A spread at or below this (on the 0–100 scale of review scores) is treated as no spread at
 * all: values that are equal in exact arithmetic can differ in the last bits of a double, and a
 * standard deviation of 1e-15 must not be divided by (it would blow a reviewer's scores up).
 */
export const ZERO_SPREAD = 1e-9;

/** Arithmetic mean of values[from..to); NaN when empty. */
export function mean(values: ArrayLike<number>, from = 0, to = values.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i]!;
  return sum / (to - from);
}

/**
 * Sample standard deviation (n − 1) of values[from..to), computed in two passes.
 * null below two values; exactly 0 when the values are equal or spread by at most ZERO_SPREAD.
 */
export function sampleSd(values: ArrayLike<number>, from = 0, to = values.length): number | null {
  const n = to - from;
  if (n < 2) return null;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (let i = from; i < to; i++) {
    const v = values[i]!;
    sum += v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi - lo <= ZERO_SPREAD) return 0;
  const m = sum / n;
  let ss = 0;
  for (let i = from; i < to; i++) {
    const d = values[i]! - m;
    ss += d * d;
  }
  return Math.sqrt(ss / (n - 1));
}

/**
 * Krippendorff's alpha, interval metric, in linear time. `units` holds, per unit (quickwin),
 * the values its coders (reviewers) gave — at most one per coder. Only units with at least two
 * values are pairable. With n pairable values in total, SS_u the sum of squared deviations from
 * a unit's mean and SS the same around the pooled mean:
 *   D_o = (1/n) Σ_u Σ_{i≠j in u} (x_i − x_j)² / (m_u − 1) = (2/n) Σ_u m_u·SS_u / (m_u − 1)
 *   D_e = Σ_{i≠j pooled} (x_i − x_j)² / (n(n − 1))       = 2·SS / (n − 1)
 *   α = 1 − D_o / D_e.
 * (Σ_{i≠j} (x_i − x_j)² = 2(mΣx² − (Σx)²) = 2m·SS.) null when fewer than two pairable values or
 * when the pooled values have no variance.
 */
export function krippendorffAlphaInterval(units: ReadonlyArray<ArrayLike<number>>): number | null {
  let n = 0;
  let sum = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let within = 0; // Σ_u m_u·SS_u/(m_u − 1)
  for (const unit of units) {
    const m = unit.length;
    if (m < 2) continue;
    let uSum = 0;
    let uLo = Number.POSITIVE_INFINITY;
    let uHi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < m; i++) {
      const v = unit[i]!;
      uSum += v;
      if (v < uLo) uLo = v;
      if (v > uHi) uHi = v;
    }
    n += m;
    sum += uSum;
    if (uLo < lo) lo = uLo;
    if (uHi > hi) hi = uHi;
    // The same zero spread as sampleSd (absolute, as the README says): SS_u = 0.
    if (uHi - uLo <= ZERO_SPREAD) continue;
    const uMean = uSum / m;
    let ss = 0;
    for (let i = 0; i < m; i++) {
      const d = unit[i]! - uMean;
      ss += d * d;
    }
    within += (m * ss) / (m - 1);
  }
  if (n < 2) return null;
  if (hi - lo <= ZERO_SPREAD) return null;
  const pooledMean = sum / n;
  let ssTotal = 0;
  for (const unit of units) {
    const m = unit.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++) {
      const d = unit[i]! - pooledMean;
      ssTotal += d * d;
    }
  }
  const dObserved = (2 * within) / n;
  const dExpected = (2 * ssTotal) / (n - 1);
  if (!(dExpected > 0)) return null;
  return 1 - dObserved / dExpected;
}

/**
 * mulberry32: a fast 32-bit PRNG with a single 32-bit state. Returns a function giving the next
 * unsigned 32-bit integer. The engine inlines the same steps in its bootstrap loop.
 */
export function mulberry32(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Nearest-rank percentile position (1-based) of the p-th percentile of n sorted values. */
export function nearestRankIndex(percent: number, n: number): number {
  return Math.min(n, Math.max(1, Math.ceil((percent * n) / 100)));
}

/** Union–find over 0..n-1 with path halving and union by size. */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  /** Number of disjoint sets. */
  components: number;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
    this.components = n;
  }

  find(x: number): number {
    const p = this.parent;
    let r = x;
    while (p[r] !== r) {
      p[r] = p[p[r]!]!;
      r = p[r]!;
    }
    return r;
  }

  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.size[ra]! < this.size[rb]!) {
      const tmp = ra;
      ra = rb;
      rb = tmp;
    }
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
    this.components--;
  }
}

/**
 * Solves A·x = b (A n×n, row-major) by Gaussian elimination with partial pivoting, followed by
 * one step of iterative refinement. A and b are not modified. Singular pivots give 0 for that
 * unknown (the engine only calls this on non-singular systems).
 */
export function solveLinear(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const solveOnce = (rhs: Float64Array): Float64Array => {
    const m = Float64Array.from(a);
    const y = Float64Array.from(rhs);
    for (let col = 0; col < n; col++) {
      let piv = col;
      let best = Math.abs(m[col * n + col]!);
      for (let r = col + 1; r < n; r++) {
        const v = Math.abs(m[r * n + col]!);
        if (v > best) {
          best = v;
          piv = r;
        }
      }
      if (best === 0) continue;
      if (piv !== col) {
        for (let k = 0; k < n; k++) {
          const tmp = m[col * n + k]!;
          m[col * n + k] = m[piv * n + k]!;
          m[piv * n + k] = tmp;
        }
        const tmp = y[col]!;
        y[col] = y[piv]!;
        y[piv] = tmp;
      }
      const d = m[col * n + col]!;
      for (let r = col + 1; r < n; r++) {
        const f = m[r * n + col]! / d;
        if (f === 0) continue;
        for (let k = col; k < n; k++) m[r * n + k]! -= f * m[col * n + k]!;
        y[r]! -= f * y[col]!;
      }
    }
    const x = new Float64Array(n);
    for (let r = n - 1; r >= 0; r--) {
      const d = m[r * n + r]!;
      let s = y[r]!;
      for (let k = r + 1; k < n; k++) s -= m[r * n + k]! * x[k]!;
      x[r] = d === 0 ? 0 : s / d;
    }
    return x;
  };
  const x = solveOnce(b);
  const residual = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let s = b[r]!;
    for (let k = 0; k < n; k++) s -= a[r * n + k]! * x[k]!;
    residual[r] = s;
  }
  const dx = solveOnce(residual);
  for (let r = 0; r < n; r++) x[r]! += dx[r]!;
  return x;
}

/** Edges grouped by their node on one side (counting sort): node c owns edges[start[c]..start[c+1]). */
function groupEdges(
  nodeOf: ArrayLike<number>,
  counts: Int32Array,
  nodes: number,
  edgeCount: number,
): { start: Int32Array; edges: Int32Array } {
  const start = new Int32Array(nodes + 1);
  for (let c = 0; c < nodes; c++) start[c + 1] = start[c]! + counts[c]!;
  const fill = start.slice(0, nodes);
  const edges = new Int32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) edges[fill[nodeOf[e]!]!++] = e;
  return { start, edges };
}

/** The mean of `edgeValue(edge)` over each node's edges (0 for a node without edges). */
function groupMeans(
  start: Int32Array,
  edges: Int32Array,
  nodes: number,
  edgeValue: (edge: number) => number,
): Float64Array {
  const means = new Float64Array(nodes);
  for (let c = 0; c < nodes; c++) {
    const from = start[c]!;
    const to = start[c + 1]!;
    if (to === from) continue;
    let sum = 0;
    for (let i = from; i < to; i++) sum += edgeValue(edges[i]!);
    means[c] = sum / (to - from);
  }
  return means;
}

/**
 * Least-squares fit of the additive model y_e = θ_q(e) + b_r(e) over the edges of a bipartite
 * graph (quickwins × reviewers), with Σ b = 0 over the reviewers that have an edge. Requires the
 * graph of the edges to be connected (check with UnionFind first); then the fit is unique.
 *
 * Exact solve, not iteration: eliminating the larger side leaves a graph-Laplacian system on
 * the smaller side S (L·u = rhs, L 1 = 0); adding 1·1ᵀ makes it non-singular and forces Σu = 0.
 * The other side follows as a mean of residuals, and the sum-to-zero is moved onto b.
 * Cost: O(E + Σ_c n_c² + |S|³) with |S| = min(active quickwins, active reviewers).
 * Quickwins and reviewers without an edge get θ = b = 0.
 */
export function fitAdditive(
  qOf: ArrayLike<number>,
  rOf: ArrayLike<number>,
  y: ArrayLike<number>,
  nQ: number,
  nR: number,
): { theta: Float64Array; bias: Float64Array } {
  const edges = y.length;
  const theta = new Float64Array(nQ);
  const bias = new Float64Array(nR);
  if (edges === 0) return { theta, bias };
  const qCount = new Int32Array(nQ);
  const rCount = new Int32Array(nR);
  for (let e = 0; e < edges; e++) {
    qCount[qOf[e]!]!++;
    rCount[rOf[e]!]!++;
  }
  let activeQ = 0;
  let activeR = 0;
  for (let q = 0; q < nQ; q++) if (qCount[q]! > 0) activeQ++;
  for (let r = 0; r < nR; r++) if (rCount[r]! > 0) activeR++;
  // Solve on the smaller side S; C is the other side.
  const reviewersSide = activeR <= activeQ;
  const sOf = reviewersSide ? rOf : qOf;
  const cOf = reviewersSide ? qOf : rOf;
  const nS = reviewersSide ? nR : nQ;
  const nC = reviewersSide ? nQ : nR;
  const sCountAll = reviewersSide ? rCount : qCount;
  const cCount = reviewersSide ? qCount : rCount;
  const compact = new Int32Array(nS).fill(-1);
  let k = 0;
  for (let s = 0; s < nS; s++) if (sCountAll[s]! > 0) compact[s] = k++;
  const n = k;
  const { start: cStart, edges: byC } = groupEdges(cOf, cCount, nC, edges);
  const cMean = groupMeans(cStart, byC, nC, (e) => y[e]!);
  const lap = new Float64Array(n * n).fill(1); // L + 1·1ᵀ
  const rhs = new Float64Array(n);
  for (let e = 0; e < edges; e++) {
    const s = compact[sOf[e]!]!;
    lap[s * n + s]! += 1;
    rhs[s]! += y[e]! - cMean[cOf[e]!]!;
  }
  // Compact S index of each edge, in C-grouped order: the O(Σ n_c²) loop below stays tight.
  const sc = new Int32Array(edges);
  for (let i = 0; i < edges; i++) sc[i] = compact[sOf[byC[i]!]!]!;
  for (let c = 0; c < nC; c++) {
    const from = cStart[c]!;
    const to = cStart[c + 1]!;
    if (to === from) continue;
    const inv = 1 / (to - from);
    for (let i = from; i < to; i++) {
      const row = sc[i]! * n;
      for (let j = from; j < to; j++) lap[row + sc[j]!]! -= inv;
    }
  }
  const u = solveLinear(lap, rhs, n);
  // The C side: mean residual.
  const v = groupMeans(cStart, byC, nC, (e) => y[e]! - u[compact[sOf[e]!]!]!);
  for (let s = 0; s < nS; s++) {
    const idx = compact[s]!;
    if (idx < 0) continue;
    if (reviewersSide) bias[s] = u[idx]!;
    else theta[s] = u[idx]!;
  }
  for (let c = 0; c < nC; c++) {
    if (cCount[c] === 0) continue;
    if (reviewersSide) theta[c] = v[c]!;
    else bias[c] = v[c]!;
  }
  // Move the constant so that Σ b = 0 over active reviewers (exact already when S = reviewers,
  // up to rounding).
  let bSum = 0;
  for (let r = 0; r < nR; r++) if (rCount[r]! > 0) bSum += bias[r]!;
  const shift = bSum / activeR;
  for (let r = 0; r < nR; r++) if (rCount[r]! > 0) bias[r]! -= shift;
  for (let q = 0; q < nQ; q++) if (qCount[q]! > 0) theta[q]! += shift;
  return { theta, bias };
}
