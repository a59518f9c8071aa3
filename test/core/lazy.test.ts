// lazy(): a value built on first use (the schemas, so a server execution builds only those it
// uses), standing in for the built value in every way the code touches it.
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { lazy } from "../../src/core/lazy";
import { QuickwinInputSchema, SettingsPatchSchema } from "../../src/core/schemas";

describe("lazy", () => {
  it("builds nothing until first touched, then once", () => {
    let builds = 0;
    const value = lazy(() => {
      builds++;
      return { a: 1, b: [2] };
    });
    expect(builds).toBe(0);
    expect(value.a).toBe(1);
    expect("b" in value).toBe(true);
    expect(Object.keys(value)).toEqual(["a", "b"]);
    expect({ ...value }).toEqual({ a: 1, b: [2] });
    value.a = 3;
    expect(value.a).toBe(3);
    expect(builds).toBe(1);
  });

  it("a lazy schema parses, nests and refines as the schema itself", () => {
    let builds = 0;
    const Inner = lazy(() => {
      builds++;
      return z.string().check(z.minLength(2, { error: "v.required" }));
    });
    const Outer = lazy(() => z.strictObject({ name: Inner, tags: z.array(Inner) }));
    expect(builds).toBe(0);
    expect(Outer.parse({ name: "ab", tags: ["cd"] })).toEqual({ name: "ab", tags: ["cd"] });
    const failed = Outer.safeParse({ name: "a", tags: [], extra: 1 });
    expect(failed.success).toBe(false);
    expect(failed.error?.issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["name", ""]),
    );
    expect(z.optional(Inner).parse(undefined)).toBeUndefined();
    expect(Inner instanceof Object).toBe(true);
    expect(builds).toBe(1);
  });

  it("the shared schemas keep their rules (a strict payload, a refinement across fields)", () => {
    expect(SettingsPatchSchema.safeParse({ shortlistSize: 3 }).success).toBe(true);
    expect(SettingsPatchSchema.safeParse({ shortlistSize: 0 }).success).toBe(false);
    expect(SettingsPatchSchema.safeParse({ scoringOpen: true }).success).toBe(false);
    const quickwin = {
      name: "Satrio Pasar",
      agency: "Disdagperin",
      dimension: "economy",
      description: "",
      budget: 0,
      startDate: "2019-10-01",
      endDate: "2019-09-01",
    };
    const result = QuickwinInputSchema.safeParse(quickwin);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["endDate", "v.dateOrder"],
    ]);
  });
});
