// The default rubric: five criteria, weights summing to 100, a descriptor for every level,
// the same ids and numbers in both languages, and valid under the rubric schema.
import { describe, expect, it } from "vitest";
import {
  defaultRubric,
  RubricInputSchema,
  RubricSchema,
  rankQuickwins,
} from "../../src/core/index";

describe("defaultRubric", () => {
  const id = defaultRubric("id");
  const en = defaultRubric("en");

  it("has five criteria whose weights sum to 100, scored 1–5 with five descriptors", () => {
    expect(id).toHaveLength(5);
    expect(id.reduce((a, c) => a + c.weight, 0)).toBe(100);
    for (const c of [...id, ...en]) {
      expect([c.min, c.max]).toEqual([1, 5]);
      expect(c.levels).toHaveLength(5);
      for (const level of c.levels!) expect(level.trim().length).toBeGreaterThan(15);
      expect(c.name.trim()).not.toBe("");
      expect(c.description!.trim()).not.toBe("");
    }
  });

  it("covers readiness, public benefit, value for money, sustainability and replicability", () => {
    expect(id.map((c) => c.id).sort()).toEqual([
      "public-benefit",
      "readiness",
      "replicability",
      "sustainability",
      "value-for-money",
    ]);
    const names = id.map((c) => c.name).join(" | ");
    expect(names).toMatch(/Biaya kecil, hasil besar/);
    expect(names).toMatch(/Keberlangsungan sistem/);
  });

  it("keeps ids, weights and ranges across languages; the text differs", () => {
    expect(en.map(({ id, weight, min, max }) => ({ id, weight, min, max }))).toEqual(
      id.map(({ id, weight, min, max }) => ({ id, weight, min, max })),
    );
    id.forEach((c, i) => {
      expect(en[i]!.name).not.toBe(c.name);
      expect(en[i]!.levels).not.toEqual(c.levels);
    });
  });

  it("is valid under the stored and the payload schemas", () => {
    expect(RubricSchema.safeParse(id).success).toBe(true);
    const payload = id.map(({ id, name, description, weight, min, max, levels }) => ({
      id,
      name,
      description,
      weight,
      min,
      max,
      levels,
    }));
    expect(RubricInputSchema.safeParse(payload).success).toBe(true);
  });

  it("returns fresh objects (callers may edit them)", () => {
    const a = defaultRubric("id");
    a[0]!.levels![0] = "changed";
    expect(defaultRubric("id")[0]!.levels![0]).not.toBe("changed");
  });

  it("works with the engine", () => {
    const scores = Object.fromEntries(id.map((c) => [c.id, 5]));
    const result = rankQuickwins({
      criteria: id,
      quickwins: [
        {
          id: "q",
          name: "Satrio Pasar",
          agency: "Disdagperin",
          dimension: "economy",
          description: "",
          budget: 0,
          evidenceUrl: undefined,
        },
      ],
      reviewers: [{ email: "a@pati.go.id", name: undefined, agency: undefined, role: "reviewer" }],
      reviews: [{ quickwinId: "q", reviewer: "a@pati.go.id", scores }],
      settings: { minReviews: 1, bootstrapResamples: 0 },
    });
    expect(result.rows[0]!.score).toBe(100);
  });
});
