// DESIGN §4 rule 1: which reviews count, the problem codes and their precedence.
import { describe, expect, it } from "vitest";
import { rankQuickwins } from "../../src/core/index";
import type { Criterion } from "../../src/core/schemas";
import { crit, input, member, plain, qw, review, row, settings } from "./helpers";

const TWO: Criterion[] = [crit("a", 1, 1, 5), crit("b", 1, 1, 5)];

describe("counted reviews", () => {
  it("counts only the latest review of each (quickwin, reviewer) pair, in ledger order", () => {
    const result = rankQuickwins(
      input({
        reviews: [plain("q1", "a@x.id", 10), plain("q1", "b@x.id", 40), plain("q1", "a@x.id", 30)],
      }),
    );
    expect(row(result, "q1")).toMatchObject({ reviewCount: 2, score: 35, rawScore: 35 });
    expect(result.problems).toEqual([]);
  });

  it("groups a reviewer's pairs by email trimmed and case-insensitively", () => {
    const result = rankQuickwins({
      ...input({
        reviews: [
          plain("q1", "Ani@Pati.go.id", 10),
          plain("q1", "  ani@pati.go.id ", 70),
          plain("q1", "budi@pati.go.id", 30),
        ],
      }),
      reviewers: [member(" ANI@PATI.GO.ID"), member("budi@pati.go.id")],
    });
    // The second review of Ani replaces the first; Ani is recognised on the panel.
    expect(row(result, "q1")).toMatchObject({ reviewCount: 2, score: 50 });
    expect(result.problems).toEqual([]);
  });

  it("a later invalid review replaces an earlier valid one (the latest is what counts)", () => {
    const result = rankQuickwins(
      input({
        criteria: TWO,
        reviews: [
          review("q1", "a@x.id", { a: 5, b: 5 }),
          review("q1", "a@x.id", { a: 5 }),
          review("q1", "b@x.id", { a: 1, b: 1 }),
        ],
      }),
    );
    expect(row(result, "q1").reviewCount).toBe(1);
    expect(result.problems.map((p) => p.code)).toEqual(["incomplete-review"]);
  });

  it("reports unknown-quickwin, unknown-reviewer, conflicts, incomplete and out-of-range reviews", () => {
    const result = rankQuickwins({
      criteria: TWO,
      quickwins: [qw("q1", { agency: "Dinas Kominfo" }), qw("q2", { agency: "Bappeda" })],
      reviewers: [
        member("ok@x.id"),
        member("own@x.id", { agency: "  dinas KOMINFO " }),
        member("decl@x.id"),
      ],
      reviews: [
        review("ghost", "ok@x.id", { a: 3, b: 3 }),
        review("q1", "stranger@x.id", { a: 3, b: 3 }),
        review("q1", "own@x.id", { a: 3, b: 3 }),
        review("q2", "decl@x.id", { a: 3, b: 3 }, { declaredConflict: true }),
        review("q1", "decl@x.id", { a: 3 }),
        review("q1", "ok@x.id", { a: 3, b: 6 }),
        review("q2", "ok@x.id", { a: 3, b: 3 }),
        review("q2", "own@x.id", { a: 2, b: 4 }),
      ],
      settings: settings({ minReviews: 1 }),
    });
    expect(result.problems.map((p) => [p.code, p.quickwinId, p.reviewer])).toEqual([
      ["unknown-quickwin", "ghost", "ok@x.id"],
      ["unknown-reviewer", "q1", "stranger@x.id"],
      ["conflict-of-interest", "q1", "own@x.id"],
      ["conflict-of-interest", "q2", "decl@x.id"],
      ["incomplete-review", "q1", "decl@x.id"],
      ["score-out-of-range", "q1", "ok@x.id"],
    ]);
    // own@ is in another agency than q2 (Bappeda): counted.
    expect(row(result, "q2").reviewCount).toBe(2);
    expect(row(result, "q1").reviewCount).toBe(0);
  });

  it("applies the first code that applies, in the documented order", () => {
    const crit = TWO;
    const panel = [member("p@x.id", { agency: "A" })];
    const quickwins = [qw("q", { agency: "a" })];
    const codeOf = (r: ReturnType<typeof review>) =>
      rankQuickwins({ criteria: crit, quickwins, reviewers: panel, reviews: [r] }).problems.map(
        (p) => p.code,
      );
    // Everything wrong at once → unknown-quickwin first.
    expect(codeOf(review("nope", "stranger@x.id", { a: 9 }, { declaredConflict: true }))).toEqual([
      "unknown-quickwin",
    ]);
    // Known quickwin, unknown reviewer, also conflict/incomplete/out-of-range → unknown-reviewer.
    expect(codeOf(review("q", "stranger@x.id", { a: 9 }, { declaredConflict: true }))).toEqual([
      "unknown-reviewer",
    ]);
    // Conflict (same agency, case and spaces ignored) beats incomplete and out of range.
    expect(codeOf(review("q", " P@X.ID", { a: 9 }))).toEqual(["conflict-of-interest"]);
    // Incomplete beats out of range.
    const other = [member("p@x.id", { agency: "B" })];
    const code2 = (r: ReturnType<typeof review>) =>
      rankQuickwins({ criteria: crit, quickwins, reviewers: other, reviews: [r] }).problems.map(
        (p) => p.code,
      );
    expect(code2(review("q", "p@x.id", { a: 9 }))).toEqual(["incomplete-review"]);
    expect(code2(review("q", "p@x.id", { a: 9, b: 1 }))).toEqual(["score-out-of-range"]);
    expect(code2(review("q", "p@x.id", { a: 5, b: 1 }))).toEqual([]);
  });

  it("treats empty agencies as no automatic conflict", () => {
    const result = rankQuickwins({
      criteria: TWO,
      quickwins: [qw("q", { agency: "  " })],
      reviewers: [member("p@x.id", { agency: "  " }), member("r@x.id")],
      reviews: [review("q", "p@x.id", { a: 2, b: 2 }), review("q", "r@x.id", { a: 2, b: 2 })],
    });
    expect(result.problems).toEqual([]);
    expect(row(result, "q").reviewCount).toBe(2);
  });

  it("a declared conflict may omit scores; given scores are never counted", () => {
    const result = rankQuickwins(
      input({
        criteria: TWO,
        reviews: [
          { quickwinId: "q", reviewer: "a@x.id", scores: {}, declaredConflict: true },
          review("q", "b@x.id", { a: 5, b: 5 }, { declaredConflict: true }),
        ],
      }),
    );
    expect(result.problems.map((p) => p.code)).toEqual([
      "conflict-of-interest",
      "conflict-of-interest",
    ]);
    expect(row(result, "q")).toMatchObject({ reviewCount: 0, score: null });
  });

  it("out of range: below min, above max, fractions, NaN, Infinity, strings, null", () => {
    const bad: unknown[] = [0, 6, 2.5, Number.NaN, Number.POSITIVE_INFINITY, "3", null, true];
    for (const value of bad) {
      const result = rankQuickwins(
        input({
          criteria: TWO,
          reviews: [review("q", "a@x.id", { a: 3, b: value as number })],
        }),
      );
      expect(
        result.problems.map((p) => p.code),
        String(value),
      ).toEqual(["score-out-of-range"]);
    }
  });

  it("incomplete: a missing key, undefined, or no scores at all; inherited keys do not count", () => {
    const cases: unknown[] = [
      { a: 3 },
      { a: 3, b: undefined },
      undefined,
      null,
      "3,3",
      Object.create({ a: 3, b: 3 }),
    ];
    for (const scores of cases) {
      const result = rankQuickwins(
        input({
          criteria: TWO,
          reviews: [
            { quickwinId: "q", reviewer: "a@x.id", scores: scores as Record<string, number> },
          ],
        }),
      );
      expect(result.problems.map((p) => p.code)).toEqual(["incomplete-review"]);
    }
    // A criterion id that is also an Object.prototype name is not "present" by inheritance.
    const proto: Criterion[] = [crit("constructor", 1, 1, 5)];
    const r = rankQuickwins(input({ criteria: proto, reviews: [review("q", "a@x.id", {})] }));
    expect(r.problems.map((p) => p.code)).toEqual(["incomplete-review"]);
  });

  it("ignores score keys of criteria that are not in the rubric", () => {
    const result = rankQuickwins(
      input({
        criteria: TWO,
        reviews: [
          review("q", "a@x.id", { a: 5, b: 5, old: 99 }),
          review("q", "b@x.id", { a: 1, b: 1, "": -4 }),
        ],
      }),
    );
    expect(result.problems).toEqual([]);
    expect(row(result, "q").score).toBe(50);
  });

  it("localizes problem messages: Indonesian by default, English on request", () => {
    const parts = { reviews: [plain("ghost", "a@x.id", 5)] };
    const id = rankQuickwins({ ...input(parts), quickwins: [] });
    expect(id.problems[0]!.message).toBe("Penilaian untuk quickwin yang tidak dikenal (ghost)");
    const en = rankQuickwins({ ...input(parts), quickwins: [], locale: "en" });
    expect(en.problems[0]!.message).toBe("Review of an unknown quickwin (ghost)");
    const enUS = rankQuickwins({ ...input(parts), quickwins: [], locale: "en_US" });
    expect(enUS.problems[0]!.message).toBe("Review of an unknown quickwin (ghost)");
    const conflict = rankQuickwins({
      ...input({ reviews: [plain("q", "a@x.id", 5)] }),
      reviews: [{ ...plain("q", "a@x.id", 5), declaredConflict: true }],
      locale: "en",
    });
    expect(conflict.problems[0]!.message).toBe(
      "a@x.id has a conflict of interest on q; the review is not counted",
    );
  });
});
