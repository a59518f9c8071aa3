// Engine benchmark (DESIGN §8): 1 000 quickwins × 50 reviewers × 8 criteria (50 000 reviews).
// Times one bare pass over the reviews (one weighted sum per review), rankQuickwins without
// resampling, and with 1 000 resamples; prints the medians and the ratios to the bare pass.
// Budgets: no resampling ≤ 20× the bare pass; 1 000 resamples ≤ 250× and < 2 s.
import { rankQuickwins } from "../src/core/index";
import type { Criterion, PanelMember, Quickwin, Review } from "../src/core/schemas";
import { krippendorffAlphaInterval, mulberry32 } from "../src/core/stats";
import type { RankInput } from "../src/core/types";

export interface BenchData {
  criteria: Criterion[];
  quickwins: Quickwin[];
  reviewers: PanelMember[];
  reviews: Review[];
}

/** Deterministic synthetic data: quality per quickwin, leniency per reviewer, noise. */
export function generate(nQ = 1000, nR = 50, nC = 8, seed = 42): BenchData {
  const rnd = mulberry32(seed);
  const u = () => rnd() / 4294967296;
  const criteria: Criterion[] = Array.from({ length: nC }, (_, c) => ({
    id: `c${c + 1}`,
    name: `Kriteria ${c + 1}`,
    description: undefined,
    weight: 5 + ((c * 7) % 20),
    min: 1,
    max: 5,
  }));
  const quickwins: Quickwin[] = Array.from({ length: nQ }, (_, q) => ({
    id: `QW-${String(q + 1).padStart(4, "0")}`,
    name: `Quickwin ${q + 1}`,
    agency: `OPD ${q % 40}`,
    dimension: "governance",
    description: "",
    budget: 1_000_000 * (1 + (q % 50)),
    evidenceUrl: undefined,
    startDate: "2019-09-01",
    endDate: "2019-10-15",
  }));
  const reviewers: PanelMember[] = Array.from({ length: nR }, (_, r) => ({
    email: `penilai${r + 1}@patikab.go.id`,
    name: undefined,
    agency: undefined,
    role: r === 0 ? "coordinator" : "reviewer",
  }));
  const quality = quickwins.map(() => u() * 4 - 2);
  const leniency = reviewers.map(() => u() - 0.5);
  const reviews: Review[] = [];
  for (let q = 0; q < nQ; q++) {
    for (let r = 0; r < nR; r++) {
      const scores: Record<string, number> = {};
      for (const c of criteria) {
        const v = Math.round(3 + quality[q]! + leniency[r]! + (u() - 0.5) * 2);
        scores[c.id] = Math.min(5, Math.max(1, v));
      }
      reviews.push({ quickwinId: quickwins[q]!.id, reviewer: reviewers[r]!.email, scores });
    }
  }
  return { criteria, quickwins, reviewers, reviews };
}

/** One weighted sum per review: the yardstick the budgets are expressed in. */
export function barePass(data: BenchData): number {
  const crits = data.criteria;
  let wsum = 0;
  for (const c of crits) wsum += c.weight;
  let total = 0;
  for (const review of data.reviews) {
    const s = review.scores;
    let acc = 0;
    for (const c of crits) acc += (c.weight * (s[c.id]! - c.min)) / (c.max - c.min);
    total += (100 * acc) / wsum;
  }
  return total;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function time(fn: () => unknown, runs: number, warmup: number): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** The same shape with no quality signal: uniform random scores, so resamples tie often. */
export function uniform(data: BenchData, seed = 9): BenchData {
  const rnd = mulberry32(seed);
  return {
    ...data,
    reviews: data.reviews.map((r) => {
      const scores: Record<string, number> = {};
      for (const c of data.criteria) scores[c.id] = c.min + (rnd() % (c.max - c.min + 1));
      return { ...r, scores };
    }),
  };
}

export function run(): void {
  const data = generate();
  const input = (
    d: BenchData,
    resamples: number,
    normalization: "none" | "zscore" | "bias",
  ): RankInput => ({ ...d, settings: { bootstrapResamples: resamples, normalization } });
  const bare = time(() => barePass(data), 21, 10);
  const none0 = time(() => rankQuickwins(input(data, 0, "none")), 9, 3);
  const none1000 = time(() => rankQuickwins(input(data, 1000, "none")), 5, 1);
  const bias0 = time(() => rankQuickwins(input(data, 0, "bias")), 5, 1);
  // The default settings: auto calibration (its fit, ranges when the data show them) and 1 000
  // posterior draws, more where pShortlist's Monte Carlo error needs them.
  const default1000 = time(() => rankQuickwins({ ...data }), 5, 1);
  const zscore0 = time(() => rankQuickwins(input(data, 0, "zscore")), 5, 1);
  const flat = uniform(data);
  const uniform1000 = time(() => rankQuickwins(input(flat, 1000, "none")), 3, 1);
  const r0 = none0 / bare;
  const r1000 = none1000 / bare;
  const fmt = (x: number) => x.toFixed(2);
  console.log(
    `data: ${data.quickwins.length} quickwins × ${data.reviewers.length} reviewers × ${data.criteria.length} criteria = ${data.reviews.length} reviews`,
  );
  console.log(`bare pass (one weighted sum per review): ${fmt(bare)} ms`);
  console.log(
    `rankQuickwins, 0 resamples:    ${fmt(none0)} ms  = ${r0.toFixed(1)}× bare  (budget 20×: ${r0 <= 20 ? "OK" : "OVER"})`,
  );
  console.log(
    `rankQuickwins, 1000 resamples: ${fmt(none1000)} ms  = ${r1000.toFixed(1)}× bare  (budget 250×: ${r1000 <= 250 ? "OK" : "OVER"}; < 2000 ms: ${none1000 < 2000 ? "OK" : "OVER"})`,
  );
  console.log(`  (0 resamples with bias: ${fmt(bias0)} ms; with zscore: ${fmt(zscore0)} ms)`);
  console.log(
    `  (default settings — auto, 1000 draws: ${fmt(default1000)} ms = ${(default1000 / bare).toFixed(1)}× bare; < 2000 ms: ${default1000 < 2000 ? "OK" : "OVER"})`,
  );
  console.log(
    `  (1000 resamples on uniform random scores, many exact ties: ${fmt(uniform1000)} ms = ${(uniform1000 / bare).toFixed(1)}× bare)`,
  );
  // Agreement (rule 11) is linear in the number of values: 100 000 take well under a second.
  const rnd = mulberry32(5);
  const units = Array.from({ length: 2000 }, () =>
    Array.from({ length: 50 }, () => (rnd() % 10_000) / 100),
  );
  const alpha = time(() => krippendorffAlphaInterval(units), 5, 1);
  console.log(
    `krippendorffAlphaInterval, 2000 units × 50 values: ${fmt(alpha)} ms  (budget 500 ms: ${alpha < 500 ? "OK" : "OVER"})`,
  );
}
