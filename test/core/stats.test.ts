// Krippendorff's alpha (rule 11) in linear time against the all-pairs definition and the
// textbook example; the other stats helpers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  krippendorffAlphaInterval,
  mulberry32,
  nearestRankIndex,
  rankQuickwins,
  sampleSd,
  solveLinear,
  UnionFind,
} from "../../src/core/index";
import { runs, SEED } from "../support/tier";
import { crit, input, review } from "./helpers";
import { alphaPairs } from "./reference";

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", reliability data with
// missing values: 4 coders (A–D) × 12 units. Published: α_interval = 0.849.
const CODERS: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
const UNITS = CODERS[0]!.map((_, u) =>
  CODERS.map((c) => c[u]).filter((v): v is number => v !== null),
);

describe("Krippendorff's alpha, interval", () => {
  it("reproduces the textbook value 0.849", () => {
    expect(krippendorffAlphaInterval(UNITS)!).toBeCloseTo(0.849, 3);
    expect(alphaPairs(UNITS)!).toBeCloseTo(0.849, 3);
  });

  it("equals the all-pairs definition on random data", () => {
    const units = fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 6 }), {
      maxLength: 12,
    });
    fc.assert(
      fc.property(units, (us) => {
        const fast = krippendorffAlphaInterval(us);
        const slow = alphaPairs(us);
        if (slow === null) expect(fast).toBeNull();
        else expect(fast!).toBeCloseTo(slow, 9);
      }),
      { numRuns: runs(67, 200), seed: SEED },
    );
  });

  it("is 1 for perfect agreement, null without variance or pairable values", () => {
    expect(
      krippendorffAlphaInterval([
        [10, 10, 10],
        [40, 40],
        [70, 70, 70, 70],
      ]),
    ).toBe(1);
    expect(
      krippendorffAlphaInterval([
        [5, 5],
        [5, 5, 5],
      ]),
    ).toBeNull();
    expect(krippendorffAlphaInterval([[5], [7], [9]])).toBeNull();
    expect(krippendorffAlphaInterval([])).toBeNull();
    // Single values are not pairable and do not count.
    expect(krippendorffAlphaInterval([[10, 10], [40, 40], [99]])).toBe(1);
  });

  it("counts a spread above 1e-9 as variance, however close to the values' size", () => {
    // R values 50 + {0, 4, 10, 14}·1e-8 (a rubric with an extreme weight ratio): alpha 23/29.
    const e = 1e-8;
    expect(
      krippendorffAlphaInterval([
        [50, 50 + 4 * e],
        [50 + 10 * e, 50 + 14 * e],
      ]),
    ).toBeCloseTo(23 / 29, 3);
  });

  it("goes below 0 for systematic disagreement", () => {
    expect(
      krippendorffAlphaInterval([
        [0, 100],
        [100, 0],
      ])!,
    ).toBeLessThan(0);
  });

  it("rankQuickwins reports it over counted R (units quickwins, coders reviewers)", () => {
    // Map the textbook data onto a 0..5 criterion: R = 20·s, a linear map that alpha ignores.
    const reviews = CODERS.flatMap((values, c) =>
      values.flatMap((v, u) => (v === null ? [] : [review(`u${u}`, `coder${c}@x.id`, { s: v })])),
    );
    const result = rankQuickwins(input({ criteria: [crit("s", 1, 0, 5)], reviews }));
    expect(result.agreement!).toBeCloseTo(0.849, 3);
    const none = rankQuickwins(
      input({ criteria: [crit("s", 1, 0, 5)], reviews: reviews.slice(0, 1) }),
    );
    expect(none.agreement).toBeNull();
  });

  it("finds no agreement in 100 000 random values (its speed is measured in bench/)", () => {
    const rnd = mulberry32(5);
    const units = Array.from({ length: 2000 }, () =>
      Array.from({ length: 50 }, () => (rnd() % 10_000) / 100),
    );
    const alpha = krippendorffAlphaInterval(units);
    expect(Math.abs(alpha!)).toBeLessThan(0.1); // random values: no agreement
  });
});

describe("other helpers", () => {
  it("sampleSd: null below 2 values, 0 for equal values, textbook otherwise", () => {
    expect(sampleSd([])).toBeNull();
    expect(sampleSd([3])).toBeNull();
    expect(sampleSd([0.1 + 0.2, 0.3])).toBe(0);
    expect(sampleSd([2, 4, 4, 4, 5, 5, 7, 9])!).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });

  it("nearestRankIndex", () => {
    expect(nearestRankIndex(5, 1000)).toBe(50);
    expect(nearestRankIndex(95, 1000)).toBe(950);
    expect(nearestRankIndex(5, 1)).toBe(1);
    expect(nearestRankIndex(95, 1)).toBe(1);
    expect(nearestRankIndex(5, 30)).toBe(2); // ⌈1.5⌉
    expect(nearestRankIndex(95, 30)).toBe(29); // ⌈28.5⌉
  });

  it("mulberry32 is deterministic and 32-bit", () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    for (let i = 0; i < 100; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
    }
    expect(mulberry32(2)()).not.toBe(mulberry32(1)());
  });

  it("UnionFind counts components", () => {
    const uf = new UnionFind(5);
    uf.union(0, 1);
    uf.union(3, 4);
    uf.union(1, 0);
    expect(uf.components).toBe(3);
    expect(uf.find(0)).toBe(uf.find(1));
    expect(uf.find(2)).not.toBe(uf.find(3));
  });

  it("solveLinear solves a pivoting system", () => {
    const a = Float64Array.from([0, 2, 1, 1, 1, 1, 2, 1, 0]);
    const x = solveLinear(a, Float64Array.from([5, 4, 4]), 3);
    // x = (1, 2, 1)
    expect(Array.from(x).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([1, 2, 1]);
  });
});
