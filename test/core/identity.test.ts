import { describe, expect, it } from "vitest";
import { identityKey, isBlankKey, sameKey, visibleText } from "../../src/core/identity";

describe("identityKey", () => {
  it("folds case, width, format characters and whitespace", () => {
    expect(identityKey("  Dinkes\u200B ")).toBe("dinkes");
    expect(identityKey("Dinas   Kesehatan")).toBe("dinas kesehatan");
    expect(identityKey("ＤＩＮＫＥＳ")).toBe("dinkes");
    expect(identityKey("A\u202EB")).toBe("ab");
    expect(identityKey("Ana@Example.ORG")).toBe("ana@example.org");
  });
  it("treats invisible-only values as empty", () => {
    expect(isBlankKey("\u200B\u200C\uFEFF ")).toBe(true);
    expect(isBlankKey(undefined)).toBe(true);
    expect(isBlankKey("x")).toBe(false);
  });
  it("keeps look-alike letters of other scripts apart", () => {
    // Cyrillic е is not Latin e: the agency list, not the key, merges such names.
    expect(sameKey("Dinkes", "Dink\u0435s")).toBe(false);
  });
  it("never matches two empty values", () => {
    expect(sameKey("", "")).toBe(false);
    expect(sameKey("\u200B", "")).toBe(false);
  });
  it("strips bidi controls from display text", () => {
    expect(visibleText(" \u202Eabc\u202C ")).toBe("abc");
  });
});
