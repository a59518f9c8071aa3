// Synthetic panels whose true quality is known (DESIGN §4a). Each quickwin has a true quality θ
// on the 1–5 scale; each reviewer a leniency (added) and a range (multiplies the distance from
// the middle: a narrow or wide user of the scale); each criterion score is the rounded, clipped
// sum plus noise. The oracle knows every reviewer's leniency and range and the noise: its
// posterior of θ is the best any method could do with these reviews (the information limit).
import { rankQuickwins } from "../../src/core/index";
import type { Criterion, PanelMember, Quickwin, Review } from "../../src/core/schemas";
import { mulberry32 } from "../../src/core/stats";

export interface Scenario {
  name: string;
  /** Quickwins, reviewers, reviews per quickwin, shortlist size. */
  Q: number;
  J: number;
  perQuickwin: number;
  N: number;
  /** Noise sd of one criterion score, sd of leniency, sd of log range (scale points). */
  noise: number;
  biasSd: number;
  scaleSd: number;
  weights: number[];
  /** Criterion scale max (min 1). */
  max?: number;
}

const W4 = [30, 30, 25, 15];
const shared = (kind: "full" | "partial", b: number): Scenario => ({
  name: `${kind} 16x8${kind === "partial" ? "/4" : ""} bias ${b}`,
  Q: 16,
  J: 8,
  perQuickwin: kind === "full" ? 8 : 4,
  N: 4,
  noise: 0.7,
  biasSd: b,
  scaleSd: 0,
  weights: W4,
});

/** The six shapes of the shared simulation: complete and 4-of-8 designs, leniency sd 0–1. */
export const SHARED_SCENARIOS: Scenario[] = [
  shared("full", 0),
  shared("full", 0.5),
  shared("full", 1),
  shared("partial", 0),
  shared("partial", 0.5),
  shared("partial", 1),
];

function extra(
  name: string,
  Q: number,
  J: number,
  perQuickwin: number,
  N: number,
  noise: number,
  biasSd: number,
  scaleSd: number,
): Scenario {
  return { name, Q, J, perQuickwin, N, noise, biasSd, scaleSd, weights: W4 };
}

/** Other panels: other sizes, sparser designs, more noise, narrow and wide scale users. */
export const EXTRA_SCENARIOS: Scenario[] = [
  extra("partial 16x8/4 bias 0.5 scale 0.3", 16, 8, 4, 4, 0.7, 0.5, 0.3),
  extra("full 10x6 bias 0.7 scale 0.4", 10, 6, 6, 3, 0.8, 0.7, 0.4),
  extra("partial 40x12/3 bias 0.8", 40, 12, 3, 8, 0.7, 0.8, 0),
  extra("partial 30x10/3 noise 1.2", 30, 10, 3, 5, 1.2, 0.5, 0.2),
  extra("partial 24x6/2 bias 1", 24, 6, 2, 4, 0.6, 1, 0),
  extra("partial 60x20/5 bias 0.6 N10", 60, 20, 5, 10, 0.8, 0.6, 0.2),
  extra("full 8x5 bias 0.3 noise 0.4", 8, 5, 5, 2, 0.4, 0.3, 0),
  extra("partial 20x10/5 bias 1.2 scale 0.5", 20, 10, 5, 5, 0.7, 1.2, 0.5),
];

export interface Panel {
  criteria: Criterion[];
  quickwins: Quickwin[];
  reviewers: PanelMember[];
  reviews: Review[];
  truth: Map<string, number>;
  bias: Map<string, number>;
  scale: Map<string, number>;
  truthTop: Set<string>;
}

/** Normal deviates (Box–Muller) from a seeded mulberry32. */
export function gaussian(seed: number): { u: () => number; g: () => number } {
  const next = mulberry32(seed);
  const u = () => (next() + 0.5) / 4294967296;
  return { u, g: () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()) };
}

export function makePanel(s: Scenario, seed: number): Panel {
  const { u, g } = gaussian(seed);
  const max = s.max ?? 5;
  const mid = (1 + max) / 2;
  const unit = (max - 1) / 4; // scale points per point of the 1–5 scale
  const criteria: Criterion[] = s.weights.map((weight, i) => ({
    id: `c${i}`,
    name: `C${i}`,
    weight,
    min: 1,
    max,
  }));
  const truth = new Map<string, number>();
  const quickwins: Quickwin[] = Array.from({ length: s.Q }, (_, i) => {
    const id = `q${String(i).padStart(3, "0")}`;
    truth.set(id, 0.6 * g() * unit);
    return { id, name: id, agency: `A${i}`, dimension: "governance", description: "", budget: 1e6 };
  });
  const bias = new Map<string, number>();
  const scale = new Map<string, number>();
  const reviewers: PanelMember[] = Array.from({ length: s.J }, (_, j) => {
    const email = `r${j}@sim.example`;
    bias.set(email, s.biasSd * g() * unit);
    scale.set(email, Math.exp(s.scaleSd * g()));
    return { email, role: "reviewer" as const, agency: `B${j}` };
  });
  const load = new Map(reviewers.map((r) => [r.email, 0]));
  const reviews: Review[] = [];
  for (const q of quickwins) {
    const order = reviewers
      .map((r) => ({ r, key: load.get(r.email)! + u() * 0.5 }))
      .sort((a, b) => a.key - b.key)
      .slice(0, s.perQuickwin);
    for (const { r } of order) {
      load.set(r.email, load.get(r.email)! + 1);
      const scores: Record<string, number> = {};
      for (const c of criteria) {
        const v =
          mid + scale.get(r.email)! * truth.get(q.id)! + bias.get(r.email)! + s.noise * unit * g();
        scores[c.id] = Math.max(1, Math.min(max, Math.round(v)));
      }
      reviews.push({ quickwinId: q.id, reviewer: r.email, scores });
    }
  }
  const truthTop = new Set(
    [...truth.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, s.N)
      .map(([id]) => id),
  );
  return { criteria, quickwins, reviewers, reviews, truth, bias, scale, truthTop };
}

export interface DecisionRow {
  quickwinId: string;
  shortlisted: boolean;
  pShortlist: number | null;
  flags: readonly string[];
}

/**
 * The oracle: each criterion score is mid + scale·θ + bias + noise (rounding adds 1/12 of a
 * point² of variance; clipping is ignored), θ ~ N(0, 0.6²) a priori; a Gaussian posterior per
 * quickwin, its shortlist by posterior mean, P(top N) from 1 000 joint draws.
 */
export function oracle(s: Scenario, p: Panel, seed: number): DecisionRow[] {
  const unit = ((s.max ?? 5) - 1) / 4;
  const mid = (1 + (s.max ?? 5)) / 2;
  const noiseVar = (s.noise * unit) ** 2 + 1 / 12;
  const priorVar = (0.6 * unit) ** 2;
  const post = p.quickwins.map((q) => {
    let prec = 1 / priorVar;
    let num = 0;
    for (const r of p.reviews) {
      if (r.quickwinId !== q.id) continue;
      const a = p.scale.get(r.reviewer)!;
      const b = p.bias.get(r.reviewer)!;
      for (const v of Object.values(r.scores)) {
        prec += (a * a) / noiseVar;
        num += (a * (v - mid - b)) / noiseVar;
      }
    }
    return { id: q.id, mean: num / prec, sd: Math.sqrt(1 / prec) };
  });
  const top = new Set(
    [...post]
      .sort((a, b) => b.mean - a.mean)
      .slice(0, s.N)
      .map((q) => q.id),
  );
  const { g } = gaussian(seed ^ 0x5bd1e995);
  const hits = new Map(post.map((q) => [q.id, 0]));
  const draws = 1000;
  for (let d = 0; d < draws; d++) {
    const v = post.map((q) => ({ id: q.id, v: q.mean + q.sd * g() })).sort((a, b) => b.v - a.v);
    for (const x of v.slice(0, s.N)) hits.set(x.id, hits.get(x.id)! + 1);
  }
  return post.map((q) => {
    const pS = hits.get(q.id)! / draws;
    return {
      quickwinId: q.id,
      shortlisted: top.has(q.id),
      pShortlist: pS,
      flags: pS >= 0.1 && pS <= 0.9 ? ["uncertain-shortlist"] : [],
    };
  });
}

export const MODES = ["default", "none", "zscore", "bias", "oracle"] as const;
export type Mode = (typeof MODES)[number];

export interface Figures {
  overlap: number;
  brier: number;
  wrongFlagged: number;
  flagRate: number;
}

/** Runs a scenario `runs` times; the figures of §4a per mode. */
export function simulate(
  s: Scenario,
  runs: number,
  seed = 2026,
  modes: readonly Mode[] = MODES,
): Record<Mode, Figures> {
  const acc = Object.fromEntries(
    MODES.map((m) => [m, { overlap: 0, brier: 0, rows: 0, wrong: 0, caught: 0, flagged: 0 }]),
  ) as Record<
    Mode,
    { overlap: number; brier: number; rows: number; wrong: number; caught: number; flagged: number }
  >;
  for (let k = 0; k < runs; k++) {
    const p = makePanel(s, seed * 7919 + k);
    for (const m of modes) {
      let rows: DecisionRow[];
      if (m === "oracle") rows = oracle(s, p, seed + k);
      else {
        const settings: Record<string, unknown> = { bootstrapResamples: 200, shortlistSize: s.N };
        if (m !== "default") settings.normalization = m;
        rows = rankQuickwins({ ...p, settings }).rows;
      }
      const a = acc[m];
      let hit = 0;
      for (const r of rows) {
        const truly = p.truthTop.has(r.quickwinId);
        const pS = r.pShortlist ?? (r.shortlisted ? 1 : 0);
        a.brier += (pS - (truly ? 1 : 0)) ** 2;
        a.rows++;
        const flagged = r.flags.includes("uncertain-shortlist");
        if (flagged) a.flagged++;
        if (r.shortlisted !== truly) {
          a.wrong++;
          if (flagged) a.caught++;
        }
        if (r.shortlisted && truly) hit++;
      }
      a.overlap += hit / s.N;
    }
  }
  return Object.fromEntries(
    MODES.map((m) => {
      const a = acc[m];
      return [
        m,
        {
          overlap: a.overlap / runs,
          brier: a.brier / a.rows,
          wrongFlagged: a.wrong ? a.caught / a.wrong : 1,
          flagRate: a.flagged / a.rows,
        },
      ];
    }),
  ) as Record<Mode, Figures>;
}

/** The targets of §4a for the default against the oracle. */
export function meetsTargets(d: Figures, o: Figures): { ok: boolean; misses: string[] } {
  const misses: string[] = [];
  if (d.overlap < o.overlap - 0.02) misses.push("overlap");
  if (d.brier > o.brier + 0.005) misses.push("brier");
  if (d.wrongFlagged < 0.9) misses.push("wrong-flagged");
  if (d.flagRate > o.flagRate + 0.05) misses.push("flag-rate");
  return { ok: misses.length === 0, misses };
}
