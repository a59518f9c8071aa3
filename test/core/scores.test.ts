import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidScore, reviewStatus, SCORE_BOUNDS, scoreIssue } from "../../src/core";
import { agencyResolver, sameAgencyOf } from "../../src/core/agencies";

/** Agencies compared with an empty list: by identity key alone. */
const sameAgency = (a: string | undefined, b: string | undefined) =>
  sameAgencyOf(agencyResolver([]), a, b);

import { ReviewInputSchema } from "../../src/core/schemas";

describe("the score-validity rule", () => {
  const range = { min: 1, max: 5 };
  it("names what is wrong: nothing given, or not an integer in [min, max]", () => {
    expect(scoreIssue(undefined, range)).toBe("missing");
    for (const bad of [0, 6, 2.5, Number.NaN, Number.POSITIVE_INFINITY, "3", null, true]) {
      expect(scoreIssue(bad, range)).toBe("out-of-range");
    }
    for (const good of [1, 3, 5]) expect(scoreIssue(good, range)).toBeNull();
  });

  it("is the rule of reviewStatus and of the payload schema", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1200, max: 1200 }), fc.double()), (v) => {
        const criteria = [{ id: "a", min: -3, max: 7 }];
        const status = reviewStatus(false, { scores: { a: v } }, criteria);
        expect(status === "scored").toBe(isValidScore(v, criteria[0]!));
        const parsed = ReviewInputSchema.safeParse({ quickwinId: "Q", scores: { a: v } });
        expect(parsed.success).toBe(isValidScore(v, SCORE_BOUNDS));
      }),
    );
  });
});

describe("sameAgency", () => {
  it("compares identity keys: case, spacing, width and invisible characters do not matter", () => {
    expect(sameAgency("Dinas  Kesehatan", "dinas kesehatan")).toBe(true);
    expect(sameAgency("Dinkes\u200b", "DINKES")).toBe(true);
    expect(sameAgency("ＤＩＮＫＥＳ", "dinkes")).toBe(true);
    expect(sameAgency("", "")).toBe(false);
    expect(sameAgency(undefined, "\u200b")).toBe(false);
    expect(sameAgency("Dinkes", "Diskominfo")).toBe(false);
  });
});
