// DESIGN §4 rules 2, 4, 5, 9, 10, 12: the review score R, score/rawScore/sd, eligibility,
// value for money, disagreement and long duration — hand-computed.
import { describe, expect, it } from "vitest";
import { rankQuickwins } from "../../src/core/index";
import { crit, input, plain, qw, review, row, sd, settings } from "./helpers";

describe("review score R (rule 2)", () => {
  it("R = 100 · Σ w(s − min)/(max − min) / Σ w, on mixed ranges and weights", () => {
    // a: weight 3 on 1..5; b: weight 1 on 0..10.
    const criteria = [crit("a", 3, 1, 5), crit("b", 1, 0, 10)];
    const cases: [number, number, number][] = [
      [5, 10, 100],
      [1, 0, 0],
      [3, 5, 50], // 100·(3·2/4 + 1·5/10)/4 = 100·2/4
      [2, 2, 23.75], // 100·(0.75 + 0.2)/4
      [4, 8, 76.25], // 100·(2.25 + 0.8)/4
    ];
    for (const [a, b, want] of cases) {
      const result = rankQuickwins(
        input({
          criteria,
          reviews: [review("q", "r@x.id", { a, b })],
          settings: settings({ minReviews: 1 }),
        }),
      );
      expect(row(result, "q").score).toBeCloseTo(want, 12);
      expect(row(result, "q").minReview).toBeCloseTo(want, 12);
    }
  });

  it("works with negative minimums", () => {
    const criteria = [crit("a", 2, -3, 3)];
    const result = rankQuickwins(
      input({
        criteria,
        reviews: [review("q", "r@x.id", { a: -3 }), review("q", "s@x.id", { a: 0 })],
      }),
    );
    expect(row(result, "q")).toMatchObject({ score: 25, minReview: 0, maxReview: 50 });
  });
});

describe("score, rawScore, sd (rule 4) and eligibility (rule 5)", () => {
  it("mean R′, mean R, sample sd, min and max review", () => {
    const result = rankQuickwins(
      input({
        reviews: [plain("q", "a@x.id", 40), plain("q", "b@x.id", 70), plain("q", "c@x.id", 100)],
      }),
    );
    expect(row(result, "q")).toMatchObject({
      rank: 1,
      score: 70,
      rawScore: 70,
      reviewCount: 3,
      minReview: 40,
      maxReview: 100,
    });
    expect(row(result, "q").sd).toBeCloseTo(30, 12); // deviations −30, 0, 30 → √(1800/2)
  });

  it("sd is null below two reviews; score and rawScore null without a counted review", () => {
    const result = rankQuickwins({
      ...input({ reviews: [plain("one", "a@x.id", 40)], settings: settings({ minReviews: 1 }) }),
      quickwins: [qw("one"), qw("none")],
    });
    expect(row(result, "one")).toMatchObject({ rank: 1, score: 40, sd: null, reviewCount: 1 });
    expect(row(result, "none")).toMatchObject({
      rank: null,
      score: null,
      rawScore: null,
      sd: null,
      minReview: null,
      maxReview: null,
      reviewCount: 0,
      valueForMoney: null,
      flags: ["too-few-reviews"],
    });
  });

  it("ranks only quickwins with at least minReviews counted reviews", () => {
    const reviews = [
      plain("two", "a@x.id", 10),
      plain("two", "b@x.id", 20),
      plain("three", "a@x.id", 5),
      plain("three", "b@x.id", 5),
      plain("three", "c@x.id", 5),
      plain("one", "a@x.id", 100),
    ];
    const r2 = rankQuickwins(input({ reviews }));
    expect(r2.rows.map((r) => [r.quickwinId, r.rank])).toEqual([
      ["two", 1],
      ["three", 2],
      ["one", null],
    ]);
    expect(row(r2, "one").flags).toContain("too-few-reviews");
    expect(row(r2, "one").score).toBe(100); // still scored, just not ranked
    const r3 = rankQuickwins(input({ reviews, settings: settings({ minReviews: 3 }) }));
    expect(r3.rows.map((r) => [r.quickwinId, r.rank])).toEqual([
      ["three", 1],
      ["one", null],
      ["two", null],
    ]);
  });

  it("lists unranked rows after the ranked ones, by id ascending (code-unit order)", () => {
    const result = rankQuickwins({
      ...input({ reviews: [plain("m", "a@x.id", 1), plain("m", "b@x.id", 1)] }),
      quickwins: [qw("b"), qw("a"), qw("m"), qw("B"), qw("a10"), qw("a9")],
    });
    expect(result.rows.map((r) => r.quickwinId)).toEqual(["m", "B", "a", "a10", "a9", "b"]);
  });
});

describe("value for money (rule 9)", () => {
  it("is the score per Rp1.000.000", () => {
    const result = rankQuickwins({
      ...input({ reviews: [plain("q", "a@x.id", 40), plain("q", "b@x.id", 60)] }),
      quickwins: [qw("q", { budget: 2_500_000 })],
    });
    expect(row(result, "q").valueForMoney).toBeCloseTo(20, 12);
    expect(row(result, "q").flags).not.toContain("no-cost");
  });

  it("budget 0 gives null and the no-cost flag", () => {
    const result = rankQuickwins({
      ...input({ reviews: [plain("q", "a@x.id", 40), plain("q", "b@x.id", 60)] }),
      quickwins: [qw("q", { budget: 0 }), qw("unscored", { budget: 0 })],
    });
    expect(row(result, "q")).toMatchObject({ valueForMoney: null, flags: ["no-cost"] });
    expect(row(result, "unscored").flags).toEqual(["too-few-reviews", "no-cost"]);
  });
});

describe("disagreement (rule 10)", () => {
  const spread = (lo: number, hi: number, threshold?: number) =>
    rankQuickwins(
      input({
        reviews: [
          plain("q", "a@x.id", lo),
          plain("q", "b@x.id", (lo + hi) / 2),
          plain("q", "c@x.id", hi),
        ],
        settings: settings(threshold === undefined ? {} : { disagreementThreshold: threshold }),
      }),
    );
  it("flags max R − min R strictly above the threshold (default 25)", () => {
    expect(row(spread(50, 75), "q").flags).not.toContain("disagreement"); // exactly 25
    expect(row(spread(50, 76), "q").flags).toContain("disagreement");
    expect(row(spread(50, 60, 10), "q").flags).not.toContain("disagreement");
    expect(row(spread(50, 62, 10), "q").flags).toContain("disagreement");
    expect(row(spread(50, 50, 0), "q").flags).not.toContain("disagreement");
  });
  it("compares in exact arithmetic: a spread equal to the threshold up to rounding is not flagged", () => {
    // Weights 1 and 2 on 0..3: R = 100·(a/3 + 2b/3)/3. (a, b) = (1, 0) → 11.11…, (2, 2) → 66.66…;
    // their difference is 55.55… in exact arithmetic, whatever the rounding of each R.
    const criteria = [crit("a", 1, 0, 3), crit("b", 2, 0, 3)];
    const r1 = (100 * (1 / 3)) / 3;
    const r2 = (100 * (2 / 3 + (2 * 2) / 3)) / 3;
    const threshold = 500 / 9;
    for (const [t, flagged] of [
      [threshold, false],
      [threshold - 1e-6, true],
      [threshold + 1e-6, false],
    ] as const) {
      const result = rankQuickwins(
        input({
          criteria,
          reviews: [review("q", "a@x.id", { a: 1, b: 0 }), review("q", "b@x.id", { a: 2, b: 2 })],
          settings: settings({ disagreementThreshold: t }),
        }),
      );
      expect(row(result, "q").maxReview! - row(result, "q").minReview!).toBeCloseTo(r2 - r1, 12);
      expect(row(result, "q").flags.includes("disagreement"), String(t)).toBe(flagged);
    }
  });

  it("needs at least two counted reviews, and uses raw R even under calibration", () => {
    const one = rankQuickwins(
      input({
        reviews: [plain("q", "a@x.id", 0)],
        settings: settings({ disagreementThreshold: 0 }),
      }),
    );
    expect(row(one, "q").flags).not.toContain("disagreement");
    // Bias correction makes q's two R′ equal (A is 40 more lenient on p), yet R differs by 40.
    const result = rankQuickwins(
      input({
        reviews: [
          plain("p", "a@x.id", 90),
          plain("p", "b@x.id", 50),
          plain("q", "a@x.id", 80),
          plain("q", "b@x.id", 40),
        ],
        settings: settings({ normalization: "bias" }),
      }),
    );
    expect(row(result, "q").sd).toBeCloseTo(0, 9);
    expect(row(result, "q").flags).toContain("disagreement");
    expect(row(result, "q")).toMatchObject({ minReview: 40, maxReview: 80 });
  });
});

describe("long duration (rule 12)", () => {
  const flagsFor = (startDate?: string, endDate?: string) =>
    row(
      rankQuickwins({
        ...input({ reviews: [] }),
        quickwins: [
          qw("q", { ...(startDate ? { startDate } : {}), ...(endDate ? { endDate } : {}) }),
        ],
      }),
      "q",
    ).flags;
  it("flags more than 62 days between start and end; 62 is fine", () => {
    expect(flagsFor("2019-09-01", "2019-11-02")).not.toContain("long-duration"); // 62 days
    expect(flagsFor("2019-09-01", "2019-11-03")).toContain("long-duration"); // 63 days
    expect(flagsFor("2020-01-01", "2020-03-03")).not.toContain("long-duration"); // leap year: 62
    expect(flagsFor("2020-01-01", "2020-03-04")).toContain("long-duration");
  });
  it("needs both dates (and valid ones)", () => {
    expect(flagsFor("2019-01-01")).not.toContain("long-duration");
    expect(flagsFor(undefined, "2019-12-31")).not.toContain("long-duration");
    expect(flagsFor("2019-01-01", "2019-13-45")).not.toContain("long-duration");
  });
});

describe("helpers", () => {
  it("sd() is the sample sd", () => {
    expect(sd([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(5 / 3), 12);
  });
});
