// Edge cases and malformed calls: one reviewer, no reviews, all-equal scores, rubric errors.
import { describe, expect, it } from "vitest";
import { rankQuickwins } from "../../src/core/index";
import type { RankInput } from "../../src/core/types";
import { crit, input, member, PLAIN, plain, qw, row, settings } from "./helpers";

describe("edge cases", () => {
  it("no reviews at all: every quickwin unranked, empty shortlist, no agreement", () => {
    const result = rankQuickwins({
      ...input({ reviews: [] }),
      quickwins: [qw("b"), qw("a")],
      settings: {}, // defaults, bootstrap on
    });
    expect(result.rows.map((r) => [r.quickwinId, r.rank, r.flags])).toEqual([
      ["a", null, ["too-few-reviews"]],
      ["b", null, ["too-few-reviews"]],
    ]);
    expect(result.shortlist).toEqual([]);
    expect(result.agreement).toBeNull();
    expect(result.problems).toEqual([]);
    expect(result.normalizationUsed).toBe("none");
  });

  it("no quickwins and no panel: an empty result", () => {
    const result = rankQuickwins({ criteria: PLAIN, quickwins: [], reviewers: [], reviews: [] });
    expect(result).toEqual({
      rows: [],
      shortlist: [],
      agreement: null,
      problems: [],
      normalizationUsed: "none",
      calibration: {
        method: "none",
        reason: "cannot-separate",
        shrinkage: null,
        leniencySd: null,
        noiseSd: null,
        rangeSd: null,
      },
      agreementReading: null,
    });
  });

  it("one reviewer: ranked with minReviews 1, alpha null, every calibration works", () => {
    for (const normalization of ["none", "zscore", "bias"] as const) {
      const result = rankQuickwins(
        input({
          reviews: [
            plain("q1", "a@x.id", 80),
            plain("q2", "a@x.id", 40),
            plain("q3", "a@x.id", 60),
          ],
          settings: settings({ minReviews: 1, normalization, bootstrapResamples: 50 }),
        }),
      );
      expect(result.rows.map((r) => r.quickwinId)).toEqual(["q1", "q3", "q2"]);
      expect(result.normalizationUsed).toBe(normalization);
      expect(result.agreement).toBeNull();
      expect(row(result, "q1").score).toBeCloseTo(80, 9);
      // One review each: noise cannot be told from quality, so the order is in doubt; a
      // shortlist of four holds all three in every draw.
      expect(row(result, "q1").pShortlist).toBe(1);
      expect(row(result, "q1").rankLow).toBe(1);
      expect(row(result, "q1").rankHigh).toBeGreaterThanOrEqual(1);
    }
  });

  it("all scores equal: everything ties, order by budget then id; alpha null", () => {
    const reviews = ["c", "a", "b"].flatMap((q) => [
      plain(q, "r1@x.id", 60),
      plain(q, "r2@x.id", 60),
    ]);
    const result = rankQuickwins({
      ...input({
        reviews,
        settings: settings({ normalization: "zscore", bootstrapResamples: 100 }),
      }),
      quickwins: [qw("a", { budget: 5 }), qw("b", { budget: 1 }), qw("c", { budget: 5 })],
    });
    expect(result.rows.map((r) => [r.quickwinId, r.rank, r.score, r.sd])).toEqual([
      ["b", 1, 60, 0],
      ["a", 2, 60, 0],
      ["c", 3, 60, 0],
    ]);
    expect(result.rows.every((r) => r.flags.includes("tie-broken"))).toBe(true);
    expect(result.agreement).toBeNull();
    // Nothing tells them apart: any order is as likely (the tie chain only orders the table),
    // and a shortlist of four holds all three.
    expect(result.rows.map((r) => [r.rankLow, r.rankHigh, r.pShortlist])).toEqual([
      [1, 3, 1],
      [1, 3, 1],
      [1, 3, 1],
    ]);
  });

  it("duplicate quickwin ids and panel emails: the first one wins", () => {
    const result = rankQuickwins({
      ...input({ reviews: [plain("q", "a@x.id", 50), plain("q", "b@x.id", 50)] }),
      quickwins: [
        qw("q", { agency: "Dinas A", budget: 2_000_000 }),
        qw("q", { agency: "B", budget: 0 }),
      ],
      reviewers: [member("a@x.id"), member("A@x.id", { agency: "Dinas A" }), member("b@x.id")],
    });
    expect(result.rows).toHaveLength(1);
    expect(row(result, "q")).toMatchObject({ reviewCount: 2, valueForMoney: 25 });
  });

  it("ignores non-finite or unknown settings and keeps the defaults", () => {
    const result = rankQuickwins(
      input({
        reviews: [plain("q", "a@x.id", 50), plain("q", "b@x.id", 50)],
        settings: {
          shortlistSize: Number.NaN,
          minReviews: Number.POSITIVE_INFINITY,
          normalization: "magic" as never,
          bootstrapResamples: -5,
          disagreementFactor: undefined,
        },
      }),
    );
    expect(row(result, "q")).toMatchObject({ rank: 1, shortlisted: true });
    expect(result.normalizationUsed).toBe("none");
    expect(row(result, "q").pShortlist).toBe(1); // default 1000 resamples
  });
});

describe("malformed calls throw a clear Error", () => {
  const good = input({ reviews: [plain("q", "a@x.id", 50)] });
  const call = (patch: Partial<Record<keyof RankInput, unknown>>) => () =>
    rankQuickwins({ ...good, ...patch } as RankInput);

  it("rejects a rubric without criteria, with duplicate ids, bad weights or ranges", () => {
    expect(call({ criteria: [] })).toThrow(/no criteria/);
    expect(call({ criteria: [crit("a", 1, 1, 5), crit("a", 2, 1, 5)] })).toThrow(
      /duplicate criterion id "a"/,
    );
    expect(call({ criteria: [crit("a", 0, 1, 5)] })).toThrow(/weight > 0/);
    expect(call({ criteria: [crit("a", -1, 1, 5)] })).toThrow(/weight > 0/);
    expect(call({ criteria: [crit("a", Number.NaN, 1, 5)] })).toThrow(/weight > 0/);
    expect(call({ criteria: [crit("a", Number.POSITIVE_INFINITY, 1, 5)] })).toThrow(/weight > 0/);
    expect(call({ criteria: [crit("a", 1, 5, 5)] })).toThrow(/max > min/);
    expect(call({ criteria: [crit("a", 1, 5, 1)] })).toThrow(/max > min/);
    expect(call({ criteria: [{ ...crit("a", 1, 1, 5), min: "1" }] })).toThrow(
      /numeric min and max/,
    );
    expect(call({ criteria: [{ ...crit("a", 1, 1, 5), id: "" }] })).toThrow(/has no id/);
    expect(call({ criteria: [null] })).toThrow(/not an object/);
  });

  it("a zero-weight criterion is rejected even among valid ones", () => {
    expect(call({ criteria: [crit("a", 1, 1, 5), crit("b", 0, 1, 5)] })).toThrow(Error);
  });

  it("rejects non-array inputs and a non-object call", () => {
    expect(call({ criteria: "abc" })).toThrow(/criteria must be an array/);
    expect(call({ quickwins: null })).toThrow(/quickwins must be an array/);
    expect(call({ reviewers: {} })).toThrow(/reviewers must be an array/);
    expect(call({ reviews: undefined })).toThrow(/reviews must be an array/);
    expect(call({ settings: 5 })).toThrow(/settings must be an object/);
    expect(() => rankQuickwins(null as never)).toThrow(/input must be an object/);
  });
});

describe("values from another realm (the emulator's vm context)", () => {
  it("reads arrays and score objects created in another realm", async () => {
    const { runInNewContext } = await import("node:vm");
    const foreign = runInNewContext(`({
      reviews: [
        { quickwinId: "q", reviewer: "a@x.id", scores: { x: 40 } },
        { quickwinId: "q", reviewer: "b@x.id", scores: { x: 60 } },
        { quickwinId: "q", reviewer: "c@x.id", scores: { y: 60 } },
      ],
    })`) as { reviews: Parameters<typeof rankQuickwins>[0]["reviews"] };
    expect(Object.getPrototypeOf(foreign.reviews)).not.toBe(Array.prototype); // another realm
    const result = rankQuickwins({
      ...input({ reviews: foreign.reviews }),
      reviewers: [member("a@x.id"), member("b@x.id"), member("c@x.id")],
    });
    expect(row(result, "q")).toMatchObject({ score: 50, reviewCount: 2 });
    expect(result.problems.map((p) => p.code)).toEqual(["incomplete-review"]);
  });
});
