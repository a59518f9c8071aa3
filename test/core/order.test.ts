// DESIGN §4 rules 6 and 7: the order, the tie-break chain step by step, tie-broken, shortlist.
import { describe, expect, it } from "vitest";
import { rankQuickwins } from "../../src/core/index";
import { crit, input, member, plain, qw, review, row, settings } from "./helpers";

describe("order and tie-breaks (rule 6)", () => {
  it("orders by score, higher first; distinct scores carry no tie-broken flag", () => {
    const result = rankQuickwins(
      input({
        reviews: [
          plain("low", "a@x.id", 10),
          plain("low", "b@x.id", 20),
          plain("high", "a@x.id", 90),
          plain("high", "b@x.id", 80),
          plain("mid", "a@x.id", 50),
          plain("mid", "b@x.id", 50),
        ],
      }),
    );
    expect(result.rows.map((r) => [r.quickwinId, r.rank])).toEqual([
      ["high", 1],
      ["mid", 2],
      ["low", 3],
    ]);
    expect(result.rows.every((r) => !r.flags.includes("tie-broken"))).toBe(true);
  });

  // Weights a = 1, b = 2, c = 2, all 0..4: R = 5·(a + 2b + 2c). Tie-break order: b, c (rubric
  // order among equal weights), then a.
  const criteria = [crit("a", 1, 0, 4), crit("b", 2, 0, 4), crit("c", 2, 0, 4)];
  const one = (id: string, a: number, b: number, c: number) => [
    review(id, "r1@x.id", { a, b, c }),
    review(id, "r2@x.id", { a, b, c }),
  ];

  it("breaks ties by criterion means in descending weight order, equal weights in rubric order", () => {
    // All three score 40. z: b = 3 wins at once. m vs a: b equal (2), c: m 2 > a 0.
    // Rubric order would have put a (criterion a = 4) first; id order would give a, m, z.
    const result = rankQuickwins(
      input({
        criteria,
        reviews: [...one("m", 0, 2, 2), ...one("a", 4, 2, 0), ...one("z", 2, 3, 0)],
      }),
    );
    expect(result.rows.map((r) => [r.quickwinId, r.score, r.rank])).toEqual([
      ["z", 40, 1],
      ["m", 40, 2],
      ["a", 40, 3],
    ]);
    expect(result.rows.every((r) => r.flags.includes("tie-broken"))).toBe(true);
  });

  it("compares mean normalized scores over each quickwin's reviews", () => {
    // p: b = (4 + 0)/2 → mean 0.5; q: b = 2, 2 → mean 0.5; c decides: p 1/4 vs q 3/8?
    // p reviews (a,b,c): (0,4,1) (4,0,1): R = 5·(0+8+2)=50, 5·(4+0+2)=30 → 40.
    // q reviews: (2,2,1) (0,2,2): R = 5·(2+4+2)=40, 5·(0+4+4)=40 → 40.
    // b means 0.5 = 0.5; c means p 0.25, q 0.375 → q first.
    const result = rankQuickwins(
      input({
        criteria,
        reviews: [
          review("p", "r1@x.id", { a: 0, b: 4, c: 1 }),
          review("p", "r2@x.id", { a: 4, b: 0, c: 1 }),
          review("q", "r1@x.id", { a: 2, b: 2, c: 1 }),
          review("q", "r2@x.id", { a: 0, b: 2, c: 2 }),
        ],
      }),
    );
    expect(result.rows.map((r) => r.quickwinId)).toEqual(["q", "p"]);
  });

  it("then lower budget, then more reviews, then id ascending", () => {
    const reviews = [
      ...one("q-cheap", 2, 2, 2),
      ...one("q-dear", 2, 2, 2),
      ...one("q-b", 2, 2, 2),
      ...one("q-a", 2, 2, 2),
      ...one("q-many", 2, 2, 2),
      review("q-many", "r3@x.id", { a: 2, b: 2, c: 2 }),
    ];
    const result = rankQuickwins({
      ...input({ criteria, reviews }),
      quickwins: [
        qw("q-cheap", { budget: 500_000 }),
        qw("q-dear", { budget: 9_000_000 }),
        qw("q-b", { budget: 1_000_000 }),
        qw("q-a", { budget: 1_000_000 }),
        qw("q-many", { budget: 1_000_000 }),
      ],
    });
    expect(result.rows.map((r) => r.quickwinId)).toEqual([
      "q-cheap", // lowest budget
      "q-many", // same budget as q-a, q-b: more reviews
      "q-a", // id ascending
      "q-b",
      "q-dear",
    ]);
    expect(result.rows.every((r) => r.flags.includes("tie-broken"))).toBe(true);
  });

  it("treats scores within 1e-9 as tied, and chains ties (documented choice)", () => {
    // Weights: a 2 (0..4), b 1 (0..2), c tiny (0..2). X: a=1 → 100·0.5/W.
    // Y: b=1, c=1 → X + 100·(w/2)/W; Z: b=1, c=2 → X + 100·w/W. With w = 4.8e-11, W ≈ 3:
    // Y − X = Z − Y = 8e-10 ≤ 1e-9 < Z − X = 1.6e-9 — one chained group {Z, Y, X}.
    const tiny = [crit("a", 2, 0, 4), crit("b", 1, 0, 2), crit("c", 4.8e-11, 0, 2)];
    const two = (id: string, s: Record<string, number>) => [
      review(id, "r1@x.id", s),
      review(id, "r2@x.id", s),
    ];
    const result = rankQuickwins(
      input({
        criteria: tiny,
        reviews: [
          ...two("X", { a: 1, b: 0, c: 0 }),
          ...two("Y", { a: 0, b: 1, c: 1 }),
          ...two("Z", { a: 0, b: 1, c: 2 }),
        ],
      }),
    );
    const s = (id: string) => row(result, id).score!;
    expect(s("Z") - s("X")).toBeGreaterThan(1e-9);
    expect(s("Z") - s("Y")).toBeLessThanOrEqual(1e-9);
    // a decides X first (0.25 vs 0); then c: Z (1) before Y (0.5).
    expect(result.rows.map((r) => r.quickwinId)).toEqual(["X", "Z", "Y"]);
    expect(result.rows.every((r) => r.flags.includes("tie-broken"))).toBe(true);
    // Scores 2e-9 apart are not tied.
    const apart = rankQuickwins(
      input({
        criteria: [crit("a", 2, 0, 4), crit("b", 1, 0, 2), crit("c", 1.2e-10, 0, 2)],
        reviews: [...two("X", { a: 1, b: 0, c: 0 }), ...two("Z", { a: 0, b: 1, c: 2 })],
      }),
    );
    expect(row(apart, "Z").score! - row(apart, "X").score!).toBeGreaterThan(1e-9);
    expect(apart.rows.map((r) => [r.quickwinId, r.flags])).toEqual([
      ["Z", []],
      ["X", []],
    ]);
  });

  it("flags only the tied quickwins, and never an unranked one", () => {
    const result = rankQuickwins(
      input({
        reviews: [
          plain("t1", "a@x.id", 50),
          plain("t1", "b@x.id", 50),
          plain("t2", "a@x.id", 40),
          plain("t2", "b@x.id", 60),
          plain("solo", "a@x.id", 70),
          plain("solo", "b@x.id", 70),
          plain("few", "a@x.id", 50),
        ],
      }),
    );
    expect(result.rows.map((r) => [r.quickwinId, r.rank, r.flags])).toEqual([
      ["solo", 1, []],
      ["t1", 2, ["tie-broken"]],
      ["t2", 3, ["tie-broken"]],
      ["few", null, ["too-few-reviews"]],
    ]);
  });
});

describe("shortlist (rule 7)", () => {
  const reviews = ["q1", "q2", "q3", "q4", "q5", "q6"].flatMap((id, i) => [
    plain(id, "a@x.id", 90 - i * 10),
    plain(id, "b@x.id", 90 - i * 10),
  ]);
  const quickwins = [
    qw("q1", { agency: "Dinas A" }),
    qw("q2", { agency: "  dinas a " }),
    qw("q3", { agency: "Dinas B" }),
    qw("q4", { agency: "DINAS A" }),
    qw("q5", { agency: "Dinas C" }),
    qw("q6", { agency: "Dinas B" }),
  ];
  it("takes the top shortlistSize without a cap (default 4)", () => {
    const result = rankQuickwins({ ...input({ reviews }), quickwins });
    expect(result.shortlist).toEqual(["q1", "q2", "q3", "q4"]);
    expect(result.rows.filter((r) => r.shortlisted).map((r) => r.quickwinId)).toEqual(
      result.shortlist,
    );
  });
  it("skips a quickwin whose agency (trimmed, case-insensitive) already holds maxPerAgency places", () => {
    const one = rankQuickwins({
      ...input({ reviews, settings: settings({ maxPerAgency: 1, shortlistSize: 3 }) }),
      quickwins,
    });
    expect(one.shortlist).toEqual(["q1", "q3", "q5"]);
    const two = rankQuickwins({
      ...input({ reviews, settings: settings({ maxPerAgency: 2, shortlistSize: 4 }) }),
      quickwins,
    });
    expect(two.shortlist).toEqual(["q1", "q2", "q3", "q5"]);
  });
  it("stops early when the ranking runs out", () => {
    const result = rankQuickwins({
      ...input({ reviews, settings: settings({ maxPerAgency: 1, shortlistSize: 10 }) }),
      quickwins,
    });
    expect(result.shortlist).toEqual(["q1", "q3", "q5"]);
  });
  it("never shortlists an unranked quickwin", () => {
    const result = rankQuickwins({
      ...input({ reviews: [...reviews, plain("q0", "a@x.id", 100)] }),
      quickwins: [...quickwins, qw("q0")],
      reviewers: [member("a@x.id"), member("b@x.id")],
    });
    expect(result.shortlist).not.toContain("q0");
    expect(row(result, "q0").shortlisted).toBe(false);
  });
});
