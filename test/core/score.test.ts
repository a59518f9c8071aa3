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
  /** Quickwins with three reviews 50 − d, 50, 50 + d each: their sd is d. */
  const panel = (spreads: Record<string, number>, patch: Parameters<typeof settings>[0] = {}) =>
    rankQuickwins(
      input({
        reviews: Object.entries(spreads).flatMap(([q, d]) => [
          plain(q, "a@x.id", 50 - d),
          plain(q, "b@x.id", 50),
          plain(q, "c@x.id", 50 + d),
        ]),
        settings: settings(patch),
      }),
    );

  it("flags a quickwin whose sd is above disagreementFactor (default 1.5) × the pooled sd", () => {
    // P = √((2·4·3 + 2·100)/8) = √26.5 ≈ 5.15; 1.5·P ≈ 7.72 < 10; 2·P ≈ 10.3 > 10.
    const result = panel({ p: 2, q: 2, r: 2, s: 10 });
    expect(row(result, "s").sd).toBeCloseTo(10, 9);
    expect(
      result.rows.filter((r) => r.flags.includes("disagreement")).map((r) => r.quickwinId),
    ).toEqual(["s"]);
    expect(
      row(panel({ p: 2, q: 2, r: 2, s: 10 }, { disagreementFactor: 2 }), "s").flags,
    ).not.toContain("disagreement");
  });

  it("a panel that disagrees evenly is not flagged, however large its spread", () => {
    const result = panel({ p: 30, q: 30, r: 30, s: 30 }, { disagreementFactor: 1 });
    expect(result.rows.some((r) => r.flags.includes("disagreement"))).toBe(false);
    const none = panel({ p: 0, q: 0 });
    expect(none.rows.some((r) => r.flags.includes("disagreement"))).toBe(false); // P = 0
  });

  it("needs three counted reviews, while every quickwin with two counts in the pooled sd", () => {
    const result = rankQuickwins(
      input({
        reviews: [
          ...["p", "q", "r"].flatMap((q) => [
            plain(q, "a@x.id", 49),
            plain(q, "b@x.id", 50),
            plain(q, "c@x.id", 51),
          ]),
          plain("two", "a@x.id", 0),
          plain("two", "b@x.id", 100),
        ],
      }),
    );
    expect(row(result, "two").flags).not.toContain("disagreement");
    // P = √((3·2·1 + 1·5000)/7) ≈ 26.7: the two-review quickwin raised it above every sd of 1.
    expect(result.rows.some((r) => r.flags.includes("disagreement"))).toBe(false);
  });

  it("uses the calibrated scores R′, as sd does", () => {
    // a is 40 points more lenient than b on p, q, r: under bias their R′ draw together, while
    // s (scored 60 by all) spreads apart once a's and b's leniency is taken out.
    const reviews = [
      ...["p", "q", "r"].flatMap((q, i) => [
        plain(q, "a@x.id", 90 - i),
        plain(q, "b@x.id", 50 - i),
        plain(q, "c@x.id", 70 - i),
      ]),
      plain("s", "a@x.id", 60),
      plain("s", "b@x.id", 60),
      plain("s", "c@x.id", 60),
    ];
    const none = rankQuickwins(input({ reviews, settings: settings({ normalization: "none" }) }));
    const bias = rankQuickwins(input({ reviews, settings: settings({ normalization: "bias" }) }));
    expect(row(bias, "q").sd!).toBeLessThan(row(none, "q").sd! / 2);
    expect(row(bias, "q")).toMatchObject({ minReview: 50 - 1, maxReview: 90 - 1 });
    expect(row(none, "s").flags).not.toContain("disagreement");
    expect(row(bias, "s").flags).toContain("disagreement");
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
