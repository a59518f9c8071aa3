// The message helpers: placeholders, English plurals ("1 review", "2 reviews"), and both
// languages' dictionaries agreeing on what each message is filled with.
import { describe, expect, it } from "vitest";
import { sidebarDictionaries, translator as sidebarTranslator } from "../../src/client/i18n";
import { dictionaries, format, translator } from "../../src/core/i18n";
import { meetingViewEn } from "../../src/core/i18n/en/meeting-view";
import { meetingViewId } from "../../src/core/i18n/id/meeting-view";

describe("format", () => {
  it("fills placeholders and leaves unknown ones as they are", () => {
    expect(format("{a} dan {b}", { a: 1 })).toBe("1 dan {b}");
    expect(format("{a}")).toBe("{a}");
  });

  it("picks the singular for a count of one and the plural otherwise", () => {
    const reviews = "{n} {n|review|reviews}";
    expect([0, 1, 2, 11].map((n) => format(reviews, { n }))).toEqual([
      "0 reviews",
      "1 review",
      "2 reviews",
      "11 reviews",
    ]);
    expect(format("{n|review is|reviews are} missing", { n: "1" })).toBe("review is missing");
    // An unknown count leaves the choice as written.
    expect(format("{k|a|b}", { n: 1 })).toBe("{k|a|b}");
  });

  it("says '1 review' and '1 quickwin' in the English sidebar, server and meeting view", () => {
    const t = sidebarTranslator("en");
    expect(t("rank.reviews", { n: 1 })).toBe("1 review");
    expect(t("rank.reviews", { n: 3 })).toBe("3 reviews");
    expect(t("import.run", { n: 1 })).toBe("Import 1 quickwin");
    expect(t("score.missing", { n: 1 })).toBe("1 criterion still to score.");
    expect(t("rank.ledgerVerified", { n: 1 })).toBe("Ledger verified: 1 review");
    expect(translator("en")("minutes.outcome", { n: 1, names: "Sipipa" })).toBe(
      "The panel thus selects 1 quickwin: Sipipa.",
    );
    // Indonesian has no plural: the same word for any count.
    expect(sidebarTranslator("id")("import.run", { n: 1 })).toBe("Impor 1 quickwin");
  });
});

describe("dictionaries", () => {
  /** The names a message is filled with ({n} and {n|one|other} both name n). */
  const names = (text: string) =>
    [...text.matchAll(/\{(\w+)(?:\|[^|{}]*\|[^|{}]*)?\}/g)].map((m) => m[1]).sort();
  const pairs: [string, Record<string, string>, Record<string, string>][] = [
    ["server", dictionaries.id, dictionaries.en],
    ["sidebar", sidebarDictionaries.id, sidebarDictionaries.en],
    ["meeting view", meetingViewId, meetingViewEn],
  ];

  it.each(pairs)(
    "%s: each English message is filled with the Indonesian one's names",
    (_, id, en) => {
      const differ = Object.keys(id).filter(
        (key) =>
          JSON.stringify([...new Set(names(id[key]!))]) !==
          JSON.stringify([...new Set(names(en[key] ?? ""))]),
      );
      expect(differ).toEqual([]);
    },
  );
});
