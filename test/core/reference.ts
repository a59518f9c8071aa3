// An independent, deliberately naive reference of DESIGN §4 rules 1–7 and 9–13 (no uncertainty),
// written straight from the text with plain objects: string-keyed maps, a comparator sort,
// Gauss–Seidel for the bias fit, all-pairs Krippendorff's alpha. Property tests compare
// rankQuickwins against it on random panels.
import type { Criterion, PanelMember, Quickwin, Review, Settings } from "../../src/core/schemas";
import { DEFAULT_SETTINGS, isLongDuration } from "../../src/core/schemas";

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
  criterionMeans: Record<string, number | null>;
  minReview: number | null;
  maxReview: number | null;
}

export interface RefResult {
  rows: RefRow[];
  shortlist: string[];
  agreement: number | null;
  problems: { code: string; quickwinId?: string; reviewer?: string }[];
  normalizationUsed: string;
  /** Counted R′ per "quickwinId|email". */
  calibrated: Map<string, number>;
  /** The counted reviews: quickwin, normalized email, R, R′ and the raw scores. */
  counted: { q: string; j: string; R: number; Rp: number; s: Record<string, number> }[];
}

const key = (s: string) => s.trim().toLowerCase();
const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
function sampleSd(xs: number[]): number | null {
  if (xs.length < 2) return null;
  if (Math.max(...xs) - Math.min(...xs) <= 1e-9) return 0;
  const m = avg(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

/** Krippendorff's alpha (interval) by the definition: all ordered pairs within and across units. */
export function alphaPairs(units: number[][]): number | null {
  const pairable = units.filter((u) => u.length >= 2);
  const all = pairable.flat();
  const n = all.length;
  if (n < 2) return null;
  if (Math.max(...all) - Math.min(...all) <= 1e-9 * Math.max(1, Math.abs(Math.max(...all)))) {
    return null;
  }
  let dObs = 0;
  for (const u of pairable) {
    let s = 0;
    for (let i = 0; i < u.length; i++)
      for (let j = 0; j < u.length; j++) if (i !== j) s += (u[i]! - u[j]!) ** 2;
    dObs += s / (u.length - 1);
  }
  dObs /= n;
  let dExp = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (i !== j) dExp += (all[i]! - all[j]!) ** 2;
  dExp /= n * (n - 1);
  if (dExp === 0) return null;
  return 1 - dObs / dExp;
}

export function reference(input: {
  criteria: Criterion[];
  quickwins: Quickwin[];
  reviewers: PanelMember[];
  reviews: Review[];
  settings?: Partial<Settings>;
}): RefResult {
  const st = { ...DEFAULT_SETTINGS, ...input.settings };
  const crit = input.criteria;
  const W = crit.reduce((a, c) => a + c.weight, 0);
  const qById = new Map<string, Quickwin>();
  for (const q of input.quickwins) if (!qById.has(q.id)) qById.set(q.id, q);
  const panel = new Map<string, PanelMember>();
  for (const m of input.reviewers) if (!panel.has(key(m.email))) panel.set(key(m.email), m);

  // Rule 1: the latest review per pair, in ledger order of that latest review.
  const latestIndex = new Map<string, number>();
  for (let i = 0; i < input.reviews.length; i++) {
    const r = input.reviews[i]!;
    latestIndex.set(`${r.quickwinId}\u0000${key(r.reviewer)}`, i);
  }
  const problems: RefResult["problems"] = [];
  interface Counted {
    q: string;
    j: string;
    R: number;
    s: Record<string, number>;
  }
  const counted: Counted[] = [];
  input.reviews.forEach((r, i) => {
    const email = key(r.reviewer);
    if (latestIndex.get(`${r.quickwinId}\u0000${email}`) !== i) return;
    const q = qById.get(r.quickwinId);
    const m = panel.get(email);
    let code: string | null = null;
    if (!q) code = "unknown-quickwin";
    else if (!m) code = "unknown-reviewer";
    else if (
      r.declaredConflict === true ||
      (key(q.agency) !== "" && key(m.agency ?? "") !== "" && key(q.agency) === key(m.agency ?? ""))
    )
      code = "conflict-of-interest";
    else if (crit.some((c) => !Object.prototype.hasOwnProperty.call(r.scores, c.id)))
      code = "incomplete-review";
    else if (
      crit.some((c) => {
        const s = r.scores[c.id];
        return typeof s !== "number" || !Number.isInteger(s) || s < c.min || s > c.max;
      })
    )
      code = "score-out-of-range";
    if (code) {
      problems.push({ code, quickwinId: r.quickwinId, reviewer: email });
      return;
    }
    // Rule 2.
    let acc = 0;
    for (const c of crit) acc += (c.weight * (r.scores[c.id]! - c.min)) / (c.max - c.min);
    counted.push({ q: r.quickwinId, j: email, R: (100 * acc) / W, s: r.scores });
  });

  // Rule 3.
  let used: string = st.normalization;
  const Rp = new Map<Counted, number>(counted.map((c) => [c, c.R]));
  if (used === "zscore" && counted.length >= 2) {
    const all = counted.map((c) => c.R);
    const mu = avg(all);
    const sigma = sampleSd(all)!;
    for (const j of new Set(counted.map((c) => c.j))) {
      const mine = counted.filter((c) => c.j === j);
      const sj = sampleSd(mine.map((c) => c.R));
      if (mine.length < st.minReviewsForCalibration || sj === null || sj === 0 || sigma === 0)
        continue;
      const mj = avg(mine.map((c) => c.R));
      for (const c of mine) Rp.set(c, mu + (sigma * (c.R - mj)) / sj);
    }
  } else if (used === "bias" && counted.length > 0) {
    // Connectivity by flood fill.
    const adj = new Map<string, Set<string>>();
    const link = (a: string, b: string) => {
      if (!adj.has(a)) adj.set(a, new Set());
      adj.get(a)!.add(b);
    };
    for (const c of counted) {
      link(`q:${c.q}`, `r:${c.j}`);
      link(`r:${c.j}`, `q:${c.q}`);
    }
    const start = adj.keys().next().value as string;
    const seen = new Set([start]);
    const stack = [start];
    while (stack.length)
      for (const n of adj.get(stack.pop()!)!) {
        if (seen.has(n)) continue;
        seen.add(n);
        stack.push(n);
      }
    if (seen.size < adj.size) {
      used = "none";
      problems.push({ code: "graph-disconnected" });
    } else {
      // Gauss–Seidel on the normal equations.
      const theta = new Map<string, number>();
      const b = new Map<string, number>();
      for (const c of counted) {
        theta.set(c.q, 0);
        b.set(c.j, 0);
      }
      for (let it = 0; it < 200_000; it++) {
        let change = 0;
        for (const q of theta.keys()) {
          const mine = counted.filter((c) => c.q === q);
          const v = avg(mine.map((c) => c.R - b.get(c.j)!));
          change = Math.max(change, Math.abs(v - theta.get(q)!));
          theta.set(q, v);
        }
        for (const j of b.keys()) {
          const mine = counted.filter((c) => c.j === j);
          const v = avg(mine.map((c) => c.R - theta.get(c.q)!));
          change = Math.max(change, Math.abs(v - b.get(j)!));
          b.set(j, v);
        }
        const shift = avg([...b.values()]);
        for (const j of b.keys()) b.set(j, b.get(j)! - shift);
        for (const q of theta.keys()) theta.set(q, theta.get(q)! + shift);
        if (change < 1e-12) break;
      }
      for (const c of counted) Rp.set(c, c.R - b.get(c.j)!);
    }
  }
  const calibrated = new Map<string, number>();
  for (const c of counted) calibrated.set(`${c.q}|${c.j}`, Rp.get(c)!);

  // Rules 4, 5, 9, 10, 12.
  const ids = [...qById.keys()];
  const info = ids.map((id) => {
    const q = qById.get(id)!;
    const mine = counted.filter((c) => c.q === id);
    const rs = mine.map((c) => c.R);
    const rps = mine.map((c) => Rp.get(c)!);
    const score = mine.length ? avg(rps) : null;
    const flags: string[] = [];
    if (mine.length < Math.max(1, st.minReviews)) flags.push("too-few-reviews");
    if (q.budget === 0) flags.push("no-cost");
    if (isLongDuration(q)) flags.push("long-duration");
    const critMeans = [...crit.keys()]
      .sort((a, b) => crit[b]!.weight - crit[a]!.weight || a - b)
      .map((ci) => {
        const c = crit[ci]!;
        return avg(mine.map((m) => (m.s[c.id]! - c.min) / (c.max - c.min)));
      });
    return {
      id,
      q,
      n: mine.length,
      score,
      raw: mine.length ? avg(rs) : null,
      sd: sampleSd(rps),
      min: mine.length ? Math.min(...rs) : null,
      max: mine.length ? Math.max(...rs) : null,
      flags,
      critMeans,
      rawMeans: Object.fromEntries(
        crit.map((c) => [c.id, mine.length ? avg(mine.map((m) => m.s[c.id]!)) : null]),
      ),
      vfm: score !== null && q.budget > 0 ? score / (q.budget / 1e6) : null,
    };
  });
  // Rule 10: sd clearly above disagreementFactor × the pooled sd of quickwins with ≥ 2 reviews.
  const pooled = info.filter((x) => x.n >= 2);
  const df = pooled.reduce((a, x) => a + x.n - 1, 0);
  const P = df > 0 ? Math.sqrt(pooled.reduce((a, x) => a + (x.n - 1) * x.sd! ** 2, 0) / df) : 0;
  for (const x of info) {
    if (x.n >= 3 && P > 1e-9 && x.sd! - st.disagreementFactor * P > 1e-9) {
      x.flags.push("disagreement");
    }
  }
  // Rule 6: sort, chain ties, break them.
  const ranked = info.filter((x) => !x.flags.includes("too-few-reviews"));
  ranked.sort((a, b) => b.score! - a.score! || (a.id < b.id ? -1 : 1));
  const tied = new Set<string>();
  const out: typeof ranked = [];
  for (let i = 0; i < ranked.length; ) {
    let j = i;
    while (j + 1 < ranked.length && ranked[j]!.score! - ranked[j + 1]!.score! <= 1e-9) j++;
    const group = ranked.slice(i, j + 1);
    if (group.length > 1) {
      for (const g of group) tied.add(g.id);
      group.sort((a, b) => {
        for (let c = 0; c < a.critMeans.length; c++) {
          const d = b.critMeans[c]! - a.critMeans[c]!;
          if (Math.abs(d) > 1e-12) return d;
        }
        if (a.q.budget !== b.q.budget) return a.q.budget - b.q.budget;
        if (a.n !== b.n) return b.n - a.n;
        return a.id < b.id ? -1 : 1;
      });
    }
    out.push(...group);
    i = j + 1;
  }
  // Rule 7.
  const shortlist: string[] = [];
  const held = new Map<string, number>();
  for (const x of out) {
    if (shortlist.length >= st.shortlistSize) break;
    const a = key(x.q.agency);
    if (st.maxPerAgency > 0 && (held.get(a) ?? 0) >= st.maxPerAgency) continue;
    held.set(a, (held.get(a) ?? 0) + 1);
    shortlist.push(x.id);
  }
  const order = [
    "too-few-reviews",
    "tie-broken",
    "uncertain-shortlist",
    "no-cost",
    "disagreement",
    "long-duration",
  ];
  const toRow = (x: (typeof info)[number], rank: number | null): RefRow => ({
    quickwinId: x.id,
    rank,
    score: x.score,
    rawScore: x.raw,
    reviewCount: x.n,
    sd: x.sd,
    valueForMoney: x.vfm,
    shortlisted: shortlist.includes(x.id),
    flags: order.filter(
      (f) => x.flags.includes(f) || (f === "tie-broken" && tied.has(x.id) && rank !== null),
    ),
    criterionMeans: x.rawMeans,
    minReview: x.min,
    maxReview: x.max,
  });
  const rows = [
    ...out.map((x, i) => toRow(x, i + 1)),
    ...info
      .filter((x) => x.flags.includes("too-few-reviews"))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((x) => toRow(x, null)),
  ];
  // Rule 11.
  const agreement = alphaPairs(ids.map((id) => counted.filter((c) => c.q === id).map((c) => c.R)));
  return {
    rows,
    shortlist,
    agreement,
    problems,
    normalizationUsed: used,
    calibrated,
    counted: counted.map((c) => ({ ...c, Rp: Rp.get(c)! })),
  };
}
