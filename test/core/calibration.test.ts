// DESIGN §4 rule 3: calibration none / zscore / bias, computed by hand on small panels.
import { describe, expect, it } from "vitest";
import { fitAdditive, rankQuickwins } from "../../src/core/index";
import { input, plain, row, sd, settings } from "./helpers";

describe("zscore", () => {
  // A: 60, 70, 80 (μ_A = 70, σ_A = 10); B: 20, 40, 60 (μ_B = 40, σ_B = 20).
  // All six: μ = 55, σ = √(2350/5) = √470.
  const reviews = [
    plain("q1", "a@x.id", 60),
    plain("q2", "a@x.id", 70),
    plain("q3", "a@x.id", 80),
    plain("q1", "b@x.id", 20),
    plain("q2", "b@x.id", 40),
    plain("q3", "b@x.id", 60),
  ];
  it("maps each calibrated reviewer onto the panel's mean and sd", () => {
    const result = rankQuickwins(
      input({ reviews, settings: settings({ normalization: "zscore" }) }),
    );
    const sigma = Math.sqrt(470);
    expect(result.normalizationUsed).toBe("zscore");
    // R′_A(q1) = 55 + σ(60 − 70)/10 = 55 − σ; R′_B(q1) = 55 + σ(20 − 40)/20 = 55 − σ.
    expect(row(result, "q1").score).toBeCloseTo(55 - sigma, 10);
    expect(row(result, "q2").score).toBeCloseTo(55, 10);
    expect(row(result, "q3").score).toBeCloseTo(55 + sigma, 10);
    expect(row(result, "q1").sd).toBeCloseTo(0, 9);
    // rawScore stays the mean of R.
    expect(row(result, "q1").rawScore).toBe(40);
    expect(row(result, "q3").rawScore).toBe(70);
  });

  it("leaves reviewers with too few reviews, or no spread, uncalibrated", () => {
    // C has only 2 reviews (< minReviewsForCalibration 3) and D gives 50 everywhere (σ_D = 0).
    const more = [
      ...reviews,
      plain("q1", "c@x.id", 90),
      plain("q2", "c@x.id", 10),
      plain("q1", "d@x.id", 50),
      plain("q2", "d@x.id", 50),
      plain("q3", "d@x.id", 50),
    ];
    const all = [60, 70, 80, 20, 40, 60, 90, 10, 50, 50, 50];
    const mu = all.reduce((a, b) => a + b, 0) / all.length;
    const sigma = sd(all);
    const result = rankQuickwins(
      input({ reviews: more, settings: settings({ normalization: "zscore" }) }),
    );
    const q1 = [mu + (sigma * (60 - 70)) / 10, mu + (sigma * (20 - 40)) / 20, 90, 50];
    const q2 = [mu, mu, 10, 50];
    expect(row(result, "q1").score).toBeCloseTo(q1.reduce((a, b) => a + b, 0) / 4, 10);
    expect(row(result, "q2").score).toBeCloseTo(q2.reduce((a, b) => a + b, 0) / 4, 10);
    // With minReviewsForCalibration 2, C is calibrated too: μ_C = 50, σ_C = √3200.
    const loose = rankQuickwins(
      input({
        reviews: more,
        settings: settings({ normalization: "zscore", minReviewsForCalibration: 2 }),
      }),
    );
    const c1 = mu + (sigma * (90 - 50)) / Math.sqrt(3200);
    expect(row(loose, "q1").score).toBeCloseTo((q1[0]! + q1[1]! + c1 + 50) / 4, 10);
  });

  it("keeps R when all counted scores are equal (σ = 0) or there is a single review", () => {
    const flat = rankQuickwins(
      input({
        reviews: [plain("q1", "a@x.id", 30), plain("q2", "a@x.id", 30), plain("q3", "a@x.id", 30)],
        settings: settings({ normalization: "zscore", minReviews: 1 }),
      }),
    );
    expect(flat.rows.map((r) => r.score)).toEqual([30, 30, 30]);
    const single = rankQuickwins(
      input({
        reviews: [plain("q1", "a@x.id", 30)],
        settings: settings({ normalization: "zscore", minReviews: 1, minReviewsForCalibration: 1 }),
      }),
    );
    expect(row(single, "q1").score).toBe(30);
  });

  it("a single reviewer is mapped onto itself (R′ = R)", () => {
    const result = rankQuickwins(
      input({
        reviews: [plain("q1", "a@x.id", 5), plain("q2", "a@x.id", 0), plain("q3", "a@x.id", 0)],
        settings: settings({ normalization: "zscore", minReviews: 1 }),
      }),
    );
    expect(row(result, "q1").score).toBeCloseTo(5, 12);
    expect(row(result, "q2").score).toBeCloseTo(0, 12);
  });
});

describe("bias (least squares R = θ_q + b_j, Σ b = 0)", () => {
  it("removes an exactly additive leniency on a full design", () => {
    const result = rankQuickwins(
      input({
        reviews: [
          plain("q1", "a@x.id", 80),
          plain("q1", "b@x.id", 60),
          plain("q2", "a@x.id", 70),
          plain("q2", "b@x.id", 50),
        ],
        settings: settings({ normalization: "bias" }),
      }),
    );
    expect(result.normalizationUsed).toBe("bias");
    expect(row(result, "q1").score).toBeCloseTo(70, 10);
    expect(row(result, "q2").score).toBeCloseTo(60, 10);
    expect(row(result, "q1").sd).toBeCloseTo(0, 9);
  });

  it("fits a balanced design with noise: b_j = reviewer mean − grand mean", () => {
    // q1: A 80, B 60; q2: A 70, B 60 → mean_A 75, mean_B 60, grand 67.5 → b_A 7.5, b_B −7.5.
    const result = rankQuickwins(
      input({
        reviews: [
          plain("q1", "a@x.id", 80),
          plain("q1", "b@x.id", 60),
          plain("q2", "a@x.id", 70),
          plain("q2", "b@x.id", 60),
        ],
        settings: settings({ normalization: "bias" }),
      }),
    );
    expect(row(result, "q1").score).toBeCloseTo(70, 10); // 72.5 and 67.5
    expect(row(result, "q2").score).toBeCloseTo(65, 10); // 62.5 and 67.5
    expect(row(result, "q2").sd).toBeCloseTo(sd([62.5, 67.5]), 10);
    expect(row(result, "q1").rawScore).toBe(70);
  });

  it("links quickwins through shared reviewers on an incomplete design", () => {
    // A: q1 90, q2 80; B: q2 60, q3 50. Exact fit: b_A − b_B = 20 → b_A = 10, b_B = −10.
    const result = rankQuickwins(
      input({
        reviews: [
          plain("q1", "a@x.id", 90),
          plain("q2", "a@x.id", 80),
          plain("q2", "b@x.id", 60),
          plain("q3", "b@x.id", 50),
        ],
        settings: settings({ normalization: "bias", minReviews: 1 }),
      }),
    );
    expect(row(result, "q1").score).toBeCloseTo(80, 10);
    expect(row(result, "q2").score).toBeCloseTo(70, 10);
    expect(row(result, "q3").score).toBeCloseTo(60, 10);
    // Without calibration q3 (50) and q1 (90) keep their raw scores.
    const none = rankQuickwins(
      input({
        reviews: [plain("q1", "a@x.id", 90), plain("q3", "b@x.id", 50)],
        settings: settings({ minReviews: 1 }),
      }),
    );
    expect(row(none, "q1").score).toBe(90);
  });

  it("falls back to none with graph-disconnected on a disconnected panel", () => {
    const reviews = [
      plain("q1", "a@x.id", 90),
      plain("q2", "a@x.id", 80),
      plain("q3", "b@x.id", 10),
      plain("q3", "c@x.id", 30),
    ];
    const result = rankQuickwins(
      input({ reviews, settings: settings({ normalization: "bias", minReviews: 1 }) }),
    );
    expect(result.normalizationUsed).toBe("none");
    expect(result.problems.map((p) => p.code)).toEqual(["graph-disconnected"]);
    expect(result.problems[0]!.message).toMatch(/tidak saling terhubung/);
    expect(row(result, "q3").score).toBe(20);
    expect(row(result, "q1").score).toBe(90);
  });

  it("ignores panel members and quickwins without counted reviews when checking connectivity", () => {
    const base = input({
      reviews: [plain("q1", "a@x.id", 90), plain("q1", "b@x.id", 70), plain("q2", "a@x.id", 60)],
      settings: settings({ normalization: "bias", minReviews: 1 }),
    });
    const result = rankQuickwins({
      ...base,
      quickwins: [...base.quickwins, { ...base.quickwins[0]!, id: "idle" }],
      reviewers: [...base.reviewers, { ...base.reviewers[0]!, email: "idle@x.id" }],
    });
    expect(result.normalizationUsed).toBe("bias");
    expect(result.problems).toEqual([]);
  });

  it("no counted reviews: nothing to fit, no problem", () => {
    const result = rankQuickwins({
      ...input({ reviews: [], settings: settings({ normalization: "bias" }) }),
    });
    expect(result.normalizationUsed).toBe("bias");
    expect(result.problems).toEqual([]);
  });
});

describe("fitAdditive", () => {
  it("solves the normal equations (residuals orthogonal to every θ and b) on either side", () => {
    // 3 quickwins × 4 reviewers, incomplete; and the transpose (more quickwins than reviewers).
    const edges: [number, number, number][] = [
      [0, 0, 70],
      [0, 1, 55],
      [1, 1, 62],
      [1, 2, 80],
      [2, 2, 41],
      [2, 3, 66],
      [0, 3, 90],
      [1, 0, 33],
    ];
    for (const transpose of [false, true]) {
      const q = edges.map((e) => (transpose ? e[1] : e[0]));
      const r = edges.map((e) => (transpose ? e[0] : e[1]));
      const y = edges.map((e) => e[2]);
      const nQ = transpose ? 4 : 3;
      const nR = transpose ? 3 : 4;
      const { theta, bias } = fitAdditive(q, r, y, nQ, nR);
      const res = y.map((v, e) => v - theta[q[e]!]! - bias[r[e]!]!);
      for (let k = 0; k < nQ; k++) {
        const s = res.filter((_, e) => q[e] === k).reduce((a, b) => a + b, 0);
        expect(Math.abs(s)).toBeLessThan(1e-9);
      }
      for (let k = 0; k < nR; k++) {
        const s = res.filter((_, e) => r[e] === k).reduce((a, b) => a + b, 0);
        expect(Math.abs(s)).toBeLessThan(1e-9);
      }
      expect(Math.abs(bias.reduce((a, b) => a + b, 0))).toBeLessThan(1e-9);
    }
  });
});

describe("auto: leniency as a random effect, shrunk (bias with shrinkage)", () => {
  const auto = (reviews: ReturnType<typeof plain>[], patch = {}) =>
    rankQuickwins(input({ reviews, settings: settings({ normalization: "auto", ...patch }) }));

  /** Six quickwins, four reviewers on all of them; d adds `lenient` points everywhere. */
  const complete = (lenient: number) =>
    ["q1", "q2", "q3", "q4", "q5", "q6"].flatMap((q, i) =>
      ["a", "b", "c", "d"].map((r, j) =>
        plain(q, `${r}@x.id`, 20 + 10 * i + ((i * 7 + j * 3) % 5) + (r === "d" ? lenient : 0)),
      ),
    );

  it("is the default, and says what it did and why", () => {
    const result = rankQuickwins(
      input({ reviews: complete(30), settings: { bootstrapResamples: 0 } }),
    );
    expect(result.calibration.method).toBe("bias-shrunk");
    expect(result.calibration.reason).toBe("leniency");
    expect(result.calibration.shrinkage!).toBeGreaterThan(0.5);
    expect(result.calibration.shrinkage!).toBeLessThan(1);
    expect(result.calibration.leniencySd!).toBeGreaterThan(5);
    expect(result.normalizationUsed).toBe("bias");
  });

  it("takes out most of a lenient reviewer's surplus, ranking as bias does", () => {
    const a = auto(complete(30));
    const b = rankQuickwins(
      input({ reviews: complete(30), settings: settings({ normalization: "bias" }) }),
    );
    const none = rankQuickwins(input({ reviews: complete(30) }));
    // d's +30 spreads every quickwin's R′ under none; bias removes it, auto nearly so.
    for (const q of ["q1", "q2", "q3", "q4", "q5", "q6"]) {
      expect(row(a, q).sd!).toBeLessThan(row(b, q).sd! + 0.5 * (row(none, q).sd! - row(b, q).sd!));
    }
    expect(a.rows.map((r) => r.quickwinId)).toEqual(b.rows.map((r) => r.quickwinId));
  });

  it("leaves the scores alone when reviewers do not differ beyond chance", () => {
    // Every reviewer's mean is the same: the leniency estimate is 0.
    const reviews = [
      plain("q1", "a@x.id", 50),
      plain("q1", "b@x.id", 60),
      plain("q1", "c@x.id", 55),
      plain("q2", "a@x.id", 45),
      plain("q2", "b@x.id", 35),
      plain("q2", "c@x.id", 40),
    ];
    const result = auto(reviews);
    expect(result.calibration).toMatchObject({
      method: "none",
      reason: "no-leniency",
      shrinkage: null,
    });
    expect(result.normalizationUsed).toBe("none");
    for (const r of result.rows) expect(r.score).toBe(r.rawScore);
  });

  it("cannot tell leniency from chance when no reviewer scored what others scored", () => {
    const result = auto([
      plain("q1", "a@x.id", 90),
      plain("q1", "b@x.id", 70),
      plain("q2", "c@x.id", 30),
      plain("q2", "d@x.id", 50),
    ]);
    expect(result.calibration).toMatchObject({
      method: "none",
      reason: "cannot-separate",
      leniencySd: null,
    });
    expect(result.problems).toEqual([]);
  });

  it("corrects a strict reviewer in an incomplete design, where none is misled", () => {
    // True quality q1 80, q2 75, q3 70, q4 50; s and t are 30 points stricter than the rest
    // and scored q1, q2 and q4, so without a correction q3 looks best.
    const truth = { q1: 80, q2: 75, q3: 70, q4: 50 } as Record<string, number>;
    const plan: [string, string[]][] = [
      ["q1", ["s", "t", "a"]],
      ["q2", ["s", "b", "c"]],
      ["q3", ["a", "c", "d"]],
      ["q4", ["t", "b", "d"]],
    ];
    const reviews = plan.flatMap(([q, rs]) =>
      rs.map((r, k) =>
        plain(q, `${r}@x.id`, truth[q]! - (r === "s" || r === "t" ? 30 : 0) + (k % 2 ? 1 : -1)),
      ),
    );
    expect(rankQuickwins(input({ reviews })).rows[0]!.quickwinId).toBe("q3");
    expect(auto(reviews).rows.map((r) => r.quickwinId)).toEqual(["q1", "q2", "q3", "q4"]);
  });

  /** Twelve quickwins, six reviewers on all; n uses 30 % of the others' range, w 200 %. */
  const ranged = () =>
    Array.from({ length: 12 }, (_, i) => `q${String(i).padStart(2, "0")}`).flatMap((q, i) =>
      ["a", "b", "c", "d", "n", "w"].map((r, j) => {
        const quality = 4 * i - 22; // −22 … 22 around 50
        const range = r === "n" ? 0.3 : r === "w" ? 2 : 1;
        return plain(q, `${r}@x.id`, 50 + range * quality + (((i * 7 + j * 3) % 5) - 2));
      }),
    );

  it("corrects reviewers' ranges when they differ beyond chance, and says so", () => {
    const result = auto(ranged());
    expect(result.calibration).toMatchObject({
      method: "bias-range-shrunk",
      reason: "leniency-range",
    });
    expect(result.calibration.rangeSd!).toBeGreaterThan(0.2);
    expect(result.normalizationUsed).toBe("zscore");
    // On the common range, the best and worst quickwins are about 44 points apart; raw means
    // squeeze them (n) and stretch them (w) alike, so the order is kept.
    expect(result.rows.map((r) => r.quickwinId)).toEqual(
      Array.from({ length: 12 }, (_, i) => `q${String(11 - i).padStart(2, "0")}`),
    );
    const spread = row(result, "q11").score! - row(result, "q00").score!;
    expect(spread).toBeGreaterThan(35);
    expect(spread).toBeLessThan(60);
    // Each quickwin's reviews agree once ranges are corrected: far less spread than raw.
    const raw = rankQuickwins(input({ reviews: ranged() }));
    expect(row(result, "q11").sd!).toBeLessThan(0.5 * row(raw, "q11").sd!);
  });

  it("needs minReviewsForCalibration reviews per reviewer to estimate a range", () => {
    const result = auto(ranged(), { minReviewsForCalibration: 13 });
    expect(result.calibration.reason).not.toBe("leniency-range");
    expect(result.calibration.rangeSd).toBeNull();
  });

  it("finds no ranges among reviewers who use the scale alike", () => {
    const result = auto(complete(30));
    expect(result.calibration.rangeSd).toBeNull();
    expect(result.calibration.method).toBe("bias-shrunk");
  });

  it("works on a disconnected panel without a problem (bias refuses it)", () => {
    const reviews = [
      plain("q1", "a@x.id", 80),
      plain("q1", "b@x.id", 70),
      plain("q2", "a@x.id", 60),
      plain("q2", "b@x.id", 55),
      plain("q3", "c@x.id", 40),
      plain("q3", "d@x.id", 30),
      plain("q4", "c@x.id", 20),
      plain("q4", "d@x.id", 25),
    ];
    const result = auto(reviews, { bootstrapResamples: 200 });
    expect(result.problems).toEqual([]);
    expect(result.rows.every((r) => r.pShortlist !== null)).toBe(true);
  });
});
