// Step 4 of DESIGN §4: per quickwin, score (mean R′), rawScore (mean R), sd of R′, and the
// lowest and highest counted R.
import { sampleSd } from "../stats";
import type { Counted } from "./counted";

export interface QuickwinMeans {
  score: Float64Array;
  rawScore: Float64Array;
  sd: (number | null)[];
  minR: Float64Array;
  maxR: Float64Array;
}

/** `weight` (per canonical position, null: equal) weighs each R′ in its quickwin's score. */
export function quickwinMeans(
  counted: Counted,
  Rp: Float64Array,
  weight: Float64Array | null = null,
): QuickwinMeans {
  const { nQ, qStart, R } = counted;
  const m: QuickwinMeans = {
    score: new Float64Array(nQ),
    rawScore: new Float64Array(nQ),
    sd: new Array(nQ).fill(null),
    minR: new Float64Array(nQ),
    maxR: new Float64Array(nQ),
  };
  for (let q = 0; q < nQ; q++) {
    const from = qStart[q]!;
    const to = qStart[q + 1]!;
    const n = to - from;
    if (n === 0) continue;
    let s = 0;
    let sw = 0;
    let sr = 0;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let p = from; p < to; p++) {
      const w = weight ? weight[p]! : 1;
      s += w * Rp[p]!;
      sw += w;
      const r = R[p]!;
      sr += r;
      if (r < lo) lo = r;
      if (r > hi) hi = r;
    }
    m.score[q] = s / sw;
    m.rawScore[q] = sr / n;
    m.minR[q] = lo;
    m.maxR[q] = hi;
    m.sd[q] = sampleSd(Rp, from, to);
  }
  return m;
}
