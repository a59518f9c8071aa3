import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Agency,
  AgencySchema,
  agencyGroups,
  agencyResolver,
  agencySuggestions,
  findAgency,
  joinAliases,
  keyResolver,
  mergeAgency,
  newAgencyNames,
  sameAgencyOf,
  splitAliases,
} from "../../src/core/agencies";
import { rankQuickwins } from "../../src/core/ranking";
import { input, member, plain, qw, settings } from "./helpers";

const CYRILLIC_DINKES = "Dink\u0435s";
const LIST: Agency[] = [
  { name: "Dinas Kesehatan", shortName: "Dinkes", aliases: ["Dinas Kesehatan Kab. Pati"] },
  { name: "Badan Perencanaan Pembangunan Daerah", shortName: "Bappeda", aliases: [] },
  { name: "Diskominfo", aliases: [] },
];

/** Invisible format characters, case and spacing a typist or an attacker may add. */
const disguise = (value: string) =>
  fc
    .tuple(
      fc.array(
        fc.constantFrom("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u202E", "\u00AD"),
        {
          maxLength: 4,
        },
      ),
      fc.nat(value.length),
      fc.constantFrom("", " ", "  ", "\t"),
      fc.boolean(),
    )
    .map(([marks, at, pad, upper]) => {
      const cased = upper ? value.toUpperCase() : value;
      return `${pad}${cased.slice(0, at)}${marks.join("")}${cased.slice(at)}${pad}`;
    });

describe("the agency resolver", () => {
  const resolve = agencyResolver(LIST);

  it("maps a name, its short name and every alias to the agency's own key", () => {
    expect(resolve("Dinkes")).toBe("dinas kesehatan");
    expect(resolve("dinas kesehatan kab. pati")).toBe("dinas kesehatan");
    expect(resolve("BAPPEDA")).toBe("badan perencanaan pembangunan daerah");
    expect(sameAgencyOf(resolve, "Dinkes", "Dinas Kesehatan")).toBe(true);
  });

  it("keeps a name on no agency as its own, and a look-alike apart until it is an alias", () => {
    expect(resolve("Dinas Pariwisata")).toBe("dinas pariwisata");
    expect(sameAgencyOf(resolve, CYRILLIC_DINKES, "Dinkes")).toBe(false);
    const withLookAlike = [...LIST, { name: CYRILLIC_DINKES, aliases: [] }];
    expect(sameAgencyOf(agencyResolver(withLookAlike), CYRILLIC_DINKES, "Dinkes")).toBe(false);
    const merged = agencyResolver(mergeAgency(withLookAlike, 3, 0));
    expect(sameAgencyOf(merged, CYRILLIC_DINKES, "Dinkes")).toBe(true);
  });

  it("treats a name of only invisible characters as no agency", () => {
    expect(resolve("\u200B\u200B")).toBe("");
    expect(sameAgencyOf(resolve, "\u200B", "\u200B")).toBe(false);
    expect(sameAgencyOf(resolve, "", "")).toBe(false);
  });

  it("property: format characters, case and spacing never change the agency", () => {
    const names = LIST.flatMap((a) => [a.name, a.shortName ?? "", ...a.aliases]).filter(Boolean);
    fc.assert(
      fc.property(
        fc.constantFrom(...names).chain((n) => fc.tuple(fc.constant(n), disguise(n))),
        ([plain, disguised]) => {
          expect(resolve(disguised)).toBe(resolve(plain));
          expect(resolve(disguised)).not.toBe("");
        },
      ),
    );
  });

  it("property: every alias of a random list resolves to its agency, however it is typed", () => {
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,11}$/);
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: word, aliases: fc.array(word, { maxLength: 3 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.nat(),
        (list, pick) => {
          const { clashes } = agencyGroups(list);
          const resolve = agencyResolver(list);
          const i = pick % list.length;
          const agency = list[i]!;
          // A name whose key an earlier agency already holds stays with that agency.
          if (clashes.some((c) => c.index === i)) return;
          for (const alias of agency.aliases) {
            expect(resolve(` ${alias.toUpperCase()}\u200B`)).toBe(resolve(agency.name));
          }
        },
      ),
    );
  });

  it("reports a key claimed by two agencies, and the first keeps it", () => {
    const list: Agency[] = [
      { name: "Dinkes", aliases: [] },
      { name: "Dinas Kesehatan", aliases: ["DINKES\u200B"] },
    ];
    const { clashes } = agencyGroups(list);
    expect(clashes).toEqual([
      { index: 1, value: "DINKES\u200B", agency: "Dinas Kesehatan", other: "Dinkes" },
    ]);
    expect(agencyResolver(list)("dinkes")).toBe("dinkes");
  });

  it("resolves from stored groups exactly as from the list", () => {
    const { groups } = agencyGroups(LIST);
    const fromGroups = keyResolver(JSON.parse(JSON.stringify(groups)));
    for (const typed of ["Dinkes", "Bappeda", "Diskominfo", "x", "\u200B"]) {
      expect(fromGroups(typed)).toBe(resolve(typed));
    }
    // Singletons need no storing: only agencies with more than one name are kept.
    expect(groups.length).toBe(2);
  });
});

describe("the list's cells and edits", () => {
  it("splits and joins aliases with a separator a person can type", () => {
    expect(splitAliases("Dinkes; Dinas Kesehatan ;; \u200B")).toEqual([
      "Dinkes",
      "Dinas Kesehatan",
    ]);
    expect(joinAliases(["A", "B"])).toBe("A; B");
    expect(splitAliases(joinAliases(["A b", "C"]))).toEqual(["A b", "C"]);
  });

  it("finds new names once per key, without their invisible characters", () => {
    expect(
      newAgencyNames(LIST, ["Dinkes", "Dinas Baru\u200B", "dinas  baru", "", "\u200B"]),
    ).toEqual(["Dinas Baru"]);
  });

  it("merges one agency into another as aliases, without repeating a key", () => {
    const merged = mergeAgency(
      [...LIST, { name: "DINKES Kab", shortName: "dinkes", aliases: [] }],
      3,
      0,
    );
    expect(merged).toHaveLength(3);
    expect(merged[0]!.aliases).toEqual(["Dinas Kesehatan Kab. Pati", "DINKES Kab"]);
    expect(findAgency(merged, "dinkes kab")?.name).toBe("Dinas Kesehatan");
  });

  it("suggests names and short names once each", () => {
    expect(agencySuggestions(LIST)).toEqual([
      "Dinas Kesehatan",
      "Dinkes",
      "Badan Perencanaan Pembangunan Daerah",
      "Bappeda",
      "Diskominfo",
    ]);
  });

  it("validates an agency: an invisible name is empty, an alias may not hold the separator", () => {
    expect(AgencySchema.safeParse({ name: "\u200B", aliases: [] }).success).toBe(false);
    expect(AgencySchema.safeParse({ name: "A", aliases: ["b; c"] }).success).toBe(false);
    expect(AgencySchema.parse({ name: " A ", shortName: "\u200B", aliases: ["", "b"] })).toEqual({
      name: "A",
      aliases: ["b"],
    });
  });
});

describe("the ranking with the agency list (DESIGN §4 steps 1 and 7)", () => {
  const spellings = ["Dinkes\u200B", "Dinas Kesehatan", CYRILLIC_DINKES, "Bappeda"];
  const quickwins = spellings.map((agency, i) => qw(`QW-00${i + 1}`, { agency }));
  const reviews = quickwins.flatMap((q, i) =>
    ["a@x.id", "b@x.id"].map((r) => plain(q.id, r, 90 - i)),
  );
  const base = input({
    quickwins,
    reviews,
    settings: settings({ maxPerAgency: 1, shortlistSize: 4 }),
  });

  it("caps one agency however its quickwins spell it, once the list says so", () => {
    // Without the list, only the key folds: three "agencies" among the Dinkes spellings.
    expect(rankQuickwins(base).shortlist).toEqual(["QW-001", "QW-002", "QW-003", "QW-004"]);
    const list: Agency[] = [
      { name: "Dinas Kesehatan", shortName: "Dinkes", aliases: [CYRILLIC_DINKES] },
    ];
    const ranked = rankQuickwins({ ...base, agencyKey: agencyResolver(list) });
    expect(ranked.shortlist).toEqual(["QW-001", "QW-004"]);
  });

  it("counts a Dinkes reviewer's review of any spelling as a conflict", () => {
    const list: Agency[] = [{ name: "Dinkes", aliases: ["Dinas Kesehatan", CYRILLIC_DINKES] }];
    const reviewers = [member("a@x.id", { agency: "DINAS KESEHATAN" }), member("b@x.id")];
    const ranked = rankQuickwins({ ...base, reviewers, agencyKey: agencyResolver(list) });
    const conflicts = ranked.problems.filter((p) => p.code === "conflict-of-interest");
    expect(conflicts.map((p) => p.quickwinId).sort()).toEqual(["QW-001", "QW-002", "QW-003"]);
  });
});
