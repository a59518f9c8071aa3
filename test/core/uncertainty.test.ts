// DESIGN §4 rule 8: uncertainty from the random-effects model's posterior — determinism by seed,
// nulls, shares that add up to the shortlist, the per-agency cap in every draw, agreement with
// the closed form, Monte Carlo error, and the sorting helper.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { translator } from "../../src/core/i18n";
import { rankQuickwins } from "../../src/core/index";
import { orderByScore, RandomStream } from "../../src/core/ranking";
import { countReviews } from "../../src/core/ranking/counted";
import { fitRandomEffects } from "../../src/core/ranking/fit";
import { checkCall } from "../../src/core/ranking/input";
import {
  NOISE_WIDENING,
  orderTop,
  type RangeDoubtInput,
  rangeDoubt,
} from "../../src/core/ranking/uncertainty";
import type { RankInput } from "../../src/core/types";
import { input, plain, qw, row, settings } from "./helpers";

/** Eight quickwins scored by five reviewers (deterministic, varied). */
function noisyPanel(seed: number, resamples: number, patch = {}) {
  const reviews = [];
  for (let q = 0; q < 8; q++) {
    for (let r = 0; r < 5; r++) {
      const x = (q * 37 + r * 53 + seed * 11) % 41;
      reviews.push(plain(`q${q}`, `r${r}@x.id`, 30 + q * 3 + x));
    }
  }
  return input({
    reviews,
    settings: settings({ bootstrapResamples: resamples, seed, normalization: "auto", ...patch }),
  });
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 erf, error < 1.5e-7). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-z * z);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

describe("uncertainty (step 8)", () => {
  it("is deterministic: the same input gives the same output, a new seed may not", () => {
    const a = rankQuickwins(noisyPanel(1, 300));
    expect(rankQuickwins(noisyPanel(1, 300))).toEqual(a);
    const other = rankQuickwins({
      ...noisyPanel(1, 300),
      settings: { ...noisyPanel(1, 300).settings, seed: 2 },
    });
    expect(other.rows.map((r) => r.rank)).toEqual(a.rows.map((r) => r.rank));
    expect(other.rows.map((r) => r.pShortlist)).not.toEqual(a.rows.map((r) => r.pShortlist));
  });

  it("changes nothing but the three uncertainty fields and their flag", () => {
    const on = rankQuickwins(noisyPanel(3, 200));
    const off = rankQuickwins(noisyPanel(3, 0));
    const strip = (r: (typeof on.rows)[number]) => ({
      ...r,
      rankLow: null,
      rankHigh: null,
      pShortlist: null,
      flags: r.flags.filter((f) => f !== "uncertain-shortlist"),
    });
    expect(on.rows.map(strip)).toEqual(off.rows);
    expect(on.shortlist).toEqual(off.shortlist);
    for (const r of on.rows) {
      expect(r.rankLow!).toBeLessThanOrEqual(r.rank!);
      expect(r.rankHigh!).toBeGreaterThanOrEqual(r.rank!);
      expect(r.rankLow!).toBeGreaterThanOrEqual(1);
      expect(r.rankHigh!).toBeLessThanOrEqual(on.rows.length);
      expect(r.flags.includes("uncertain-shortlist")).toBe(
        r.pShortlist! >= 0.1 && r.pShortlist! <= 0.9,
      );
    }
    // Every draw shortlists exactly shortlistSize (4) of the 8: the shares add up to 4.
    expect(on.rows.reduce((a, r) => a + r.pShortlist!, 0)).toBeCloseTo(4, 9);
  });

  it("gives nulls with 0 resamples and for unranked quickwins", () => {
    const off = rankQuickwins(noisyPanel(1, 0));
    expect(off.rows.every((r) => r.rankLow === null && r.pShortlist === null)).toBe(true);
    const result = rankQuickwins(
      input({
        reviews: [plain("a", "r1@x.id", 10), plain("a", "r2@x.id", 30), plain("b", "r1@x.id", 99)],
        settings: settings({ bootstrapResamples: 100 }),
      }),
    );
    expect(row(result, "b")).toMatchObject({
      rank: null,
      rankLow: null,
      rankHigh: null,
      pShortlist: null,
    });
    expect(row(result, "a")).toMatchObject({ rank: 1, rankLow: 1, rankHigh: 1, pShortlist: 1 });
  });

  it("is sure of a clear order, and not of a close one", () => {
    const reviews = ["a", "b", "c"].flatMap((r, j) => [
      plain("top", `${r}@x.id`, 95 - j),
      plain("mid", `${r}@x.id`, 55 + j),
      plain("low", `${r}@x.id`, 10 + j),
    ]);
    const result = rankQuickwins(
      input({ reviews, settings: settings({ bootstrapResamples: 500, shortlistSize: 1 }) }),
    );
    expect(result.rows.map((r) => [r.quickwinId, r.rankLow, r.rankHigh, r.pShortlist])).toEqual([
      ["top", 1, 1, 1],
      ["mid", 2, 2, 0],
      ["low", 3, 3, 0],
    ]);
    const close = rankQuickwins(
      input({
        reviews: ["a", "b", "c"].flatMap((r, j) => [
          plain("p", `${r}@x.id`, 60 + 10 * j),
          plain("q", `${r}@x.id`, 79 - 10 * j),
        ]),
        settings: settings({ bootstrapResamples: 500, shortlistSize: 1 }),
      }),
    );
    for (const r of close.rows) {
      expect(r.flags).toContain("uncertain-shortlist");
      expect([r.rankLow, r.rankHigh]).toEqual([1, 2]);
    }
  });

  it("agrees with the closed form: two quickwins, no leniency, P(θ1 > θ2)", () => {
    // Reviewer means are equal (47.5 each), so the leniency estimate is 0 and, given the
    // variances, θ1 − θ2 is Gaussian: P = Φ(k·Δ / √(2·k·σ²/n)) with k = τ²/(τ² + σ²/n).
    const rankInput: RankInput = input({
      reviews: [
        plain("q1", "a@x.id", 50),
        plain("q1", "b@x.id", 60),
        plain("q1", "c@x.id", 55),
        plain("q2", "a@x.id", 45),
        plain("q2", "b@x.id", 35),
        plain("q2", "c@x.id", 40),
      ],
      settings: settings({ bootstrapResamples: 4000, shortlistSize: 1, seed: 11 }),
    });
    const counted = countReviews(rankInput, checkCall(rankInput), translator("en"));
    const fit = fitRandomEffects(counted, 3);
    expect(fit.sigmaB2).toBe(0);
    const n = 3;
    const k = fit.tau2 / (fit.tau2 + fit.sigmaE2 / n);
    const sd = Math.sqrt((2 * k * fit.sigmaE2) / n) * NOISE_WIDENING;
    const expected = phi((k * (55 - 40)) / sd);
    const got = row(rankQuickwins(rankInput), "q1").pShortlist!;
    expect(Math.abs(got - expected)).toBeLessThan(0.03);
  });

  it("draws until the Monte Carlo error of every pShortlist is at most 0.01", () => {
    // A borderline quickwin asked for only 10 draws: across seeds its share scatters by ≤ ~0.01.
    const first = rankQuickwins(noisyPanel(5, 10));
    const borderline = [...first.rows].sort(
      (a, b) => Math.abs(a.pShortlist! - 0.5) - Math.abs(b.pShortlist! - 0.5),
    )[0]!.quickwinId;
    const shares = Array.from(
      { length: 12 },
      (_, seed) =>
        row(rankQuickwins(noisyPanel(5, 10, { seed: seed + 1 })), borderline).pShortlist!,
    );
    const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
    expect(mean).toBeGreaterThan(0.1);
    expect(mean).toBeLessThan(0.9);
    const sd = Math.sqrt(shares.reduce((a, p) => a + (p - mean) ** 2, 0) / (shares.length - 1));
    expect(sd).toBeLessThan(0.02);
  });

  it("applies the per-agency cap in every draw", () => {
    const reviews = ["a", "b", "c"].flatMap((r, j) => [
      plain("x1", `${r}@x.id`, 70 + j),
      plain("x2", `${r}@x.id`, 71 - j),
      plain("y", `${r}@x.id`, 40 + 5 * j),
      plain("z", `${r}@x.id`, 30 + 5 * j),
    ]);
    const result = rankQuickwins({
      ...input({
        reviews,
        settings: settings({ bootstrapResamples: 400, shortlistSize: 2, maxPerAgency: 1 }),
      }),
      quickwins: [
        qw("x1", { agency: "Dinas X" }),
        qw("x2", { agency: " dinas x" }),
        qw("y"),
        qw("z"),
      ],
    });
    // x1 and x2 are one agency: at most one of them per draw, so their shares add up to ≤ 1.
    expect(row(result, "x1").pShortlist! + row(result, "x2").pShortlist!).toBeLessThanOrEqual(1);
    expect(result.rows.reduce((a, r) => a + (r.pShortlist ?? 0), 0)).toBeCloseTo(2, 9);
  });

  it("raising every review of a quickwin does not lower its share", () => {
    const base = noisyPanel(4, 400);
    const raised = {
      ...base,
      reviews: base.reviews.map((r) =>
        r.quickwinId === "q3" ? { ...r, scores: { x: Math.min(100, r.scores.x! + 15) } } : r,
      ),
    };
    const before = row(rankQuickwins(base), "q3").pShortlist!;
    const after = row(rankQuickwins(raised), "q3").pShortlist!;
    expect(after).toBeGreaterThanOrEqual(before - 0.02);
  });
});

/** A random panel's reviews in canonical order and its ranges, as rangeDoubt reads them. */
const rangeDoubtInput = fc
  .record({
    perQuickwin: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 6 }),
    J: fc.integer({ min: 1, max: 5 }),
    seed: fc.integer(),
  })
  .map(({ perQuickwin, J, seed }): RangeDoubtInput => {
    const rng = new RandomStream(seed);
    const qStart = new Int32Array(perQuickwin.length + 1);
    perQuickwin.forEach((n, q) => {
      qStart[q + 1] = qStart[q]! + n;
    });
    const N = qStart[perQuickwin.length]!;
    return {
      rankedQ: perQuickwin.map((_, q) => q).reverse(),
      counted: {
        R: Float64Array.from({ length: N }, () => 50 + 20 * rng.normal()),
        qStart,
        reviewerOf: Int32Array.from({ length: N }, (_, i) => i % J),
      },
      mu: 50 + 5 * rng.normal(),
      bMean: Float64Array.from({ length: J }, () => 5 * rng.normal()),
      range: Float64Array.from({ length: J }, () => Math.exp(0.4 * rng.normal())),
      rangeSe: Float64Array.from({ length: J }, () => 0.2 * rng.uniform()),
      share: Float64Array.from(perQuickwin, (n) => 1 / (n + 1 + rng.uniform())),
    };
  });

describe("rangeDoubt (the ranges' part of a quickwin's doubt, counted by the floor)", () => {
  it("is the first-order variance of the posterior mean when each range moves by its sd", () => {
    // θ̂_q = share·Σ a_j²·y_i with y = (R − μ − b_j)/a_j, the leniency b_j = a_j·b′_j in points
    // and the weights held fixed: a numerical derivative in each a_j must give the same sum.
    fc.assert(
      fc.property(rangeDoubtInput, (x) => {
        const got = rangeDoubt(x);
        const { R, qStart, reviewerOf } = x.counted;
        x.rankedQ.forEach((q, p) => {
          let v = 0;
          for (let i = qStart[q]!; i < qStart[q + 1]!; i++) {
            const j = reviewerOf[i]!;
            const a = x.range[j]!;
            const b = a * x.bMean[j]!;
            const y = (at: number) => (R[i]! - x.mu - b) / at;
            const h = 1e-6 * a;
            const slope = (x.share[p]! * a * a * (y(a + h) - y(a - h))) / (2 * h);
            v += (slope * x.rangeSe[j]!) ** 2;
          }
          expect(got[p]!).toBeCloseTo(v, 6);
        });
      }),
    );
  });

  it("is zero without doubt about the ranges, and grows with its square", () => {
    fc.assert(
      fc.property(rangeDoubtInput, fc.double({ min: 0.1, max: 10, noNaN: true }), (x, c) => {
        const none = rangeDoubt({ ...x, rangeSe: new Float64Array(x.rangeSe.length) });
        expect(Array.from(none).every((v) => v === 0)).toBe(true);
        const base = rangeDoubt(x);
        const scaled = rangeDoubt({ ...x, rangeSe: x.rangeSe.map((s) => c * s) });
        base.forEach((v, p) => {
          expect(scaled[p]!).toBeCloseTo(c * c * v, 6);
        });
      }),
    );
  });
});

describe("uncertainty internals", () => {
  it("RandomStream gives standard normals", () => {
    const rng = new RandomStream(42);
    let s = 0;
    let ss = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      s += z;
      ss += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.03);
    expect(Math.abs(ss / n - 1)).toBeLessThan(0.05);
  });

  it("orderTop finds the top L in order, and refuses a tie across the cut", () => {
    const rng = new RandomStream(5);
    for (const K of [1, 2, 7, 40, 300]) {
      const theta = Float64Array.from({ length: K }, () => rng.normal());
      const full = Array.from({ length: K }, (_, i) => i).sort(
        (a, b) => theta[b]! - theta[a]! || a - b,
      );
      for (const L of [1, Math.min(K, 3), K]) {
        const ord = new Int32Array(K);
        expect(orderTop(theta, ord, K, L, new Float64Array(K))).toBe(true);
        expect(Array.from(ord.subarray(0, L))).toEqual(full.slice(0, L));
      }
    }
    const tied = Float64Array.from([3, 2, 2, 1]);
    expect(orderTop(tied, new Int32Array(4), 4, 2, new Float64Array(4))).toBe(false);
  });

  it("orderByScore sorts by score descending, exact ties by position, on both paths", () => {
    const K = 200;
    const scores = Float64Array.from({ length: K }, (_, i) => ((i * 7919) % 37) / 3);
    const expected = Array.from({ length: K }, (_, i) => i).sort(
      (a, b) => scores[b]! - scores[a]! || a - b,
    );
    for (const budget of [1e9, 0]) {
      const ord = new Int32Array(K);
      orderByScore(
        scores,
        new Float64Array(K),
        new Float64Array(K),
        new Int32Array(K),
        ord,
        K,
        budget,
      );
      expect(Array.from(ord)).toEqual(expected);
    }
  });
});
