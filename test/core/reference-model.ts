// A deliberately naive reference of DESIGN §4, written straight from the text and independently
// of src/core/ranking.ts: quadratic where that is simpler, no typed arrays, no shared helpers.
// It covers every deterministic rule (bootstrap is compared by its invariants instead).

export interface RefCriterion {
  id: string;
  weight: number;
  min: number;
  max: number;
}
export interface RefQuickwin {
  id: string;
  agency: string;
  budget: number;
  startDate?: string;
  endDate?: string;
}
export interface RefMember {
  email: string;
  agency?: string;
}
export interface RefReview {
  quickwinId: string;
  reviewer: string;
  scores: Record<string, number>;
  declaredConflict?: boolean;
}
export interface RefSettings {
  shortlistSize: number;
  maxPerAgency: number;
  minReviews: number;
  normalization: "none" | "zscore" | "bias";
  minReviewsForCalibration: number;
  disagreementThreshold: number;
}
export interface RefRow {
  quickwinId: string;
  rank: number | null;
  score: number | null;
  rawScore: number | null;
  reviewCount: number;
  sd: number | null;
  valueForMoney: number | null;
  shortlisted: boolean;
  flags: string[];
}
export interface RefResult {
  rows: RefRow[];
  shortlist: string[];
  agreement: number | null;
  problems: { code: string; quickwinId: string; reviewer: string }[];
}

const key = (s: string | undefined) => (s ?? "").trim().toLowerCase();
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sampleSd = (xs: number[]) => {
  if (xs.length < 2) return null;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
};

interface Counted {
  q: string;
  r: string; // normalized email
  R: number;
  scores: Record<string, number>;
}

export function referenceRank(
  criteria: RefCriterion[],
  quickwins: RefQuickwin[],
  panel: RefMember[],
  reviews: RefReview[],
  s: RefSettings,
): RefResult {
  const qById = new Map(quickwins.map((q) => [q.id, q]));
  const members = new Map(panel.map((m) => [key(m.email), m]));
  // 1. latest review per (quickwin, reviewer)
  const latest = new Map<string, RefReview>();
  for (const rv of reviews) latest.set(`${rv.quickwinId}\u0000${key(rv.reviewer)}`, rv);
  const problems: RefResult["problems"] = [];
  const counted: Counted[] = [];
  for (const rv of latest.values()) {
    const q = qById.get(rv.quickwinId);
    const m = members.get(key(rv.reviewer));
    let code: string | null = null;
    if (!q) code = "unknown-quickwin";
    else if (!m) code = "unknown-reviewer";
    else if (rv.declaredConflict || (key(m.agency) !== "" && key(m.agency) === key(q.agency)))
      code = "conflict-of-interest";
    else if (criteria.some((c) => !(c.id in rv.scores))) code = "incomplete-review";
    else if (
      criteria.some((c) => {
        const v = rv.scores[c.id]!;
        return !Number.isInteger(v) || v < c.min || v > c.max;
      })
    )
      code = "score-out-of-range";
    if (code) {
      problems.push({ code, quickwinId: rv.quickwinId, reviewer: rv.reviewer });
      continue;
    }
    // 2. R
    let num = 0;
    let den = 0;
    for (const c of criteria) {
      num += (c.weight * (rv.scores[c.id]! - c.min)) / (c.max - c.min);
      den += c.weight;
    }
    counted.push({
      q: rv.quickwinId,
      r: key(rv.reviewer),
      R: (100 * num) / den,
      scores: rv.scores,
    });
  }

  // 3. calibration
  let normalization = s.normalization;
  let Rp = counted.map((c) => c.R);
  if (normalization === "zscore") {
    const all = counted.map((c) => c.R);
    const mu = all.length ? mean(all) : 0;
    const sigma = sampleSd(all);
    Rp = counted.map((c) => {
      const own = counted.filter((d) => d.r === c.r).map((d) => d.R);
      const sj = sampleSd(own);
      if (sigma === null || own.length < s.minReviewsForCalibration || sj === null || sj <= 0)
        return c.R;
      return mu + (sigma * (c.R - mean(own))) / sj;
    });
  } else if (normalization === "bias") {
    // connectivity by flood fill over the bipartite graph
    const nodes = new Set<string>();
    for (const c of counted) {
      nodes.add(`q:${c.q}`);
      nodes.add(`r:${c.r}`);
    }
    const seen = new Set<string>();
    const first = nodes.values().next().value as string | undefined;
    if (first !== undefined) {
      const stack = [first];
      while (stack.length) {
        const n = stack.pop()!;
        if (seen.has(n)) continue;
        seen.add(n);
        for (const c of counted) {
          if (n === `q:${c.q}`) stack.push(`r:${c.r}`);
          if (n === `r:${c.r}`) stack.push(`q:${c.q}`);
        }
      }
    }
    if (seen.size < nodes.size) {
      normalization = "none";
      problems.push({ code: "graph-disconnected", quickwinId: "", reviewer: "" });
    } else {
      // alternating least squares to convergence, then centre b
      const theta = new Map<string, number>();
      const b = new Map<string, number>();
      for (const c of counted) {
        theta.set(c.q, 0);
        b.set(c.r, 0);
      }
      for (let it = 0; it < 20000; it++) {
        let change = 0;
        for (const q of theta.keys()) {
          const mine = counted.filter((c) => c.q === q);
          const v = mean(mine.map((c) => c.R - b.get(c.r)!));
          change = Math.max(change, Math.abs(v - theta.get(q)!));
          theta.set(q, v);
        }
        for (const r of b.keys()) {
          const mine = counted.filter((c) => c.r === r);
          const v = mean(mine.map((c) => c.R - theta.get(c.q)!));
          change = Math.max(change, Math.abs(v - b.get(r)!));
          b.set(r, v);
        }
        if (change < 1e-13) break;
      }
      const shift = b.size ? mean([...b.values()]) : 0;
      Rp = counted.map((c) => c.R - (b.get(c.r)! - shift));
    }
  }

  // 4–5. per quickwin
  const rows: RefRow[] = quickwins.map((q) => {
    const idx = counted.map((c, i) => (c.q === q.id ? i : -1)).filter((i) => i >= 0);
    const R = idx.map((i) => counted[i]!.R);
    const P = idx.map((i) => Rp[i]!);
    const flags: string[] = [];
    const score = P.length ? mean(P) : null;
    if (idx.length < s.minReviews) flags.push("too-few-reviews");
    if (q.budget === 0) flags.push("no-cost");
    if (R.length >= 2 && Math.max(...R) - Math.min(...R) > s.disagreementThreshold)
      flags.push("disagreement");
    if (
      q.startDate &&
      q.endDate &&
      (Date.parse(q.endDate) - Date.parse(q.startDate)) / 86_400_000 > 62
    )
      flags.push("long-duration");
    return {
      quickwinId: q.id,
      rank: null,
      score,
      rawScore: R.length ? mean(R) : null,
      reviewCount: idx.length,
      sd: sampleSd(P),
      valueForMoney: score === null || q.budget === 0 ? null : score / (q.budget / 1e6),
      shortlisted: false,
      flags,
    };
  });

  // 6. order
  const tieOrder = criteria
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.weight - a.c.weight || a.i - b.i)
    .map((x) => x.c);
  const critMean = (qid: string, c: RefCriterion) =>
    mean(
      counted.filter((x) => x.q === qid).map((x) => (x.scores[c.id]! - c.min) / (c.max - c.min)),
    );
  const ranked = rows.filter((r) => r.reviewCount >= s.minReviews);
  ranked.sort((a, b) => {
    if (Math.abs(a.score! - b.score!) > 1e-9) return b.score! - a.score!;
    for (const c of tieOrder) {
      const d = critMean(b.quickwinId, c) - critMean(a.quickwinId, c);
      if (d !== 0) return d;
    }
    const ba = qById.get(a.quickwinId)!.budget;
    const bb = qById.get(b.quickwinId)!.budget;
    if (ba !== bb) return ba - bb;
    if (a.reviewCount !== b.reviewCount) return b.reviewCount - a.reviewCount;
    return a.quickwinId < b.quickwinId ? -1 : a.quickwinId > b.quickwinId ? 1 : 0;
  });
  ranked.forEach((r, i) => {
    r.rank = i + 1;
    if (ranked.some((o) => o !== r && Math.abs(o.score! - r.score!) <= 1e-9))
      r.flags.push("tie-broken");
  });

  // 7. shortlist
  const shortlist: string[] = [];
  const held = new Map<string, number>();
  for (const r of ranked) {
    if (shortlist.length >= s.shortlistSize) break;
    const a = key(qById.get(r.quickwinId)!.agency);
    if (s.maxPerAgency > 0 && (held.get(a) ?? 0) >= s.maxPerAgency) continue;
    held.set(a, (held.get(a) ?? 0) + 1);
    shortlist.push(r.quickwinId);
    r.shortlisted = true;
  }

  // 11. Krippendorff's alpha (interval), by all pairs
  const units = quickwins
    .map((q) => counted.filter((c) => c.q === q.id).map((c) => c.R))
    .filter((u) => u.length >= 2);
  const values = units.flat();
  const n = values.length;
  let agreement: number | null = null;
  if (n >= 2) {
    let Do = 0;
    for (const u of units) {
      let sum = 0;
      for (let i = 0; i < u.length; i++)
        for (let j = 0; j < u.length; j++) if (i !== j) sum += (u[i]! - u[j]!) ** 2;
      Do += sum / (u.length - 1);
    }
    Do /= n;
    let De = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) if (i !== j) De += (values[i]! - values[j]!) ** 2;
    De /= n * (n - 1);
    agreement = De > 0 ? 1 - Do / De : null;
  }

  const others = rows
    .filter((r) => r.rank === null)
    .sort((a, b) => (a.quickwinId < b.quickwinId ? -1 : a.quickwinId > b.quickwinId ? 1 : 0));
  return { rows: [...ranked, ...others], shortlist, agreement, problems };
}
