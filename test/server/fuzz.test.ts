// Hostile callers, generated: every server function gets near-valid payloads with one field
// replaced, removed or added (JSON of any shape, formula-like and over-long text, prototype
// keys, impersonation), wrong argument counts, and callers of every role. Whatever comes in,
// the answer is either a success or one short, plain sentence, and a refusal writes nothing.
// Text that is accepted comes back verbatim.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FULL, runs, SEED } from "../support/tier";
import { COORD, QUICKWIN, REV_A, REV_B, STRANGER, type World, world } from "./helpers";

const CALLERS = [COORD, REV_A, REV_B, STRANGER, ""];

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(
    '=HYPERLINK("http://x","y")',
    "+62 812",
    "007",
    "2019-09-05",
    "TRUE",
    "'quoted",
    "@mention",
    "-1",
    " ",
    "",
    "<img src=x onerror=alert(1)>",
    "__proto__",
    "x".repeat(50_001),
  ),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  hostileText,
  fc.constantFrom(null, -1, 0, 0.5, 1e308, -1e308, 2 ** 53, true, false, [], {}),
);

/** A valid object with one field replaced, removed, or one unknown field added. */
function mutated(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  const extra = ["reviewer", "__proto__", "constructor", "id", "createdBy", "role", "x"];
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(valid) },
    {
      weight: 3,
      arbitrary: fc
        .record({ key: fc.constantFrom(...keys), value: hostileValue })
        .map(({ key, value }) => ({ ...valid, [key]: value })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...keys).map((key) => {
        const copy = { ...valid };
        delete copy[key];
        return copy;
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ key: fc.constantFrom(...extra), value: hostileValue })
        .map(({ key, value }) => {
          const copy: Record<string, unknown> = { ...valid };
          Object.defineProperty(copy, key, { value, enumerable: true, writable: true });
          return copy;
        }),
    },
    { weight: 1, arbitrary: hostileValue },
  );
}

/** A call's arguments: mostly the one expected argument, sometimes too many or none. */
function argsOf(arg: fc.Arbitrary<unknown>): fc.Arbitrary<unknown[]> {
  return fc.oneof(
    { weight: 8, arbitrary: arg.map((a) => [a]) },
    { weight: 1, arbitrary: fc.constant<unknown[]>([]) },
    { weight: 1, arbitrary: fc.tuple(arg, hostileValue) },
  );
}

const NOT_PLAIN =
  /TypeError|ReferenceError|RangeError|SyntaxError|undefined|NaN|\[object |is not a function|Cannot read|Exception|\bat .+:\d+/;

function expectPlainRefusal(message: string): void {
  expect(message.length, message).toBeGreaterThan(0);
  expect(message.length, message).toBeLessThanOrEqual(300);
  expect(message, message).not.toMatch(NOT_PLAIN);
}

/**
 * What a refusal must leave untouched. The full tier compares the whole persisted workbook
 * (1.4 MB of JSON: formats, properties, everything); npm test compares the sheets' values and
 * formulas, and the emulator's change counter, which every write to a sheet, a format, a
 * protection or a property moves — a tenth of the cost per call.
 */
function workbook(w: World): string {
  const e = w.rt.emulator;
  return FULL ? JSON.stringify(e.toJSON()) : `${e.version} ${JSON.stringify(e.snapshot())}`;
}

/** How many calls of each function succeeded and were refused (so no property is vacuous). */
const tally = new Map<string, { ok: number; refused: number }>();

function expectBothOutcomes(...names: string[]): void {
  for (const name of names) {
    const t = tally.get(name);
    expect(t?.ok, `${name} never succeeded`).toBeGreaterThan(0);
    expect(t?.refused, `${name} was never refused`).toBeGreaterThan(0);
  }
}

/** Calls a function as a caller; checks the refusal is plain and that it wrote nothing. */
function callChecked(w: World, name: string, args: unknown[], caller: string) {
  const before = workbook(w);
  const result = w.call(name, args, caller);
  const t = tally.get(name) ?? { ok: 0, refused: 0 };
  tally.set(name, t);
  if (result.ok) t.ok++;
  else t.refused++;
  if (!result.ok) {
    expectPlainRefusal(result.error.message);
    expect(workbook(w), `${name} refused but wrote`).toBe(before);
  } else {
    expect(() => JSON.stringify(result.value)).not.toThrow();
  }
  return result;
}

/** 50 runs per property in the full tier, a fixed-seed 15 in `npm test` (test/support/tier.ts). */
const RUNS = { numRuns: runs(15, 50), seed: SEED };
/** Each property snapshots the whole workbook around 50+ calls: slow on a busy 2-core box. */
const SLOW = { timeout: 180_000 };

describe("hostile callers of every server function", SLOW, () => {
  // The coordinator may call everything, so most calls are theirs; the others are refused.
  const caller = fc.oneof(
    { weight: 3, arbitrary: fc.constant(COORD) },
    { weight: 2, arbitrary: fc.constantFrom(...CALLERS) },
  );

  it("saveQuickwin: refused plainly or saved verbatim", () => {
    const w = world();
    fc.assert(
      fc.property(argsOf(mutated(QUICKWIN)), caller, (args, who) => {
        const r = callChecked(w, "saveQuickwin", args, who);
        if (!r.ok) return;
        const saved = r.value as { id: string; name: string };
        const input = args[0] as { name: unknown };
        expect(saved.name).toBe(input.name);
        const state = w.call("getSidebarState", [], COORD);
        const back = (
          state.ok ? (state.value as { quickwins: (typeof saved)[] }).quickwins : []
        ).find((q) => q.id === saved.id);
        expect(back?.name).toBe(input.name);
      }),
      RUNS,
    );
    expectBothOutcomes("saveQuickwin");
  });

  it("submitReview: refused plainly or kept as the caller's own review", () => {
    const w = world();
    const valid = { quickwinId: "QW-002", scores: w.scores(3), comment: "baik" };
    fc.assert(
      fc.property(argsOf(mutated(valid)), caller, (args, who) => {
        const r = callChecked(w, "submitReview", args, who);
        if (!r.ok) return;
        // Whoever is named in the payload, the review is the signed-in caller's.
        const state = w.call("getSidebarState", [], who);
        expect(state.ok).toBe(true);
        const mine = state.ok ? (state.value as { myReviews: unknown[] }).myReviews : [];
        expect(mine.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
    expectBothOutcomes("submitReview");
  });

  it("saveSettings, saveCriteria, saveReviewers: refused plainly or saved", () => {
    const w = world();
    const criterion = { id: "dampak", name: "Dampak", weight: 2, min: 1, max: 5 };
    const member = { email: "baru@patikab.go.id", role: "reviewer", agency: "Dinkes" };
    const cases: [string, fc.Arbitrary<unknown[]>][] = [
      ["saveSettings", argsOf(mutated({ shortlistSize: 5, normalization: "zscore", seed: 7 }))],
      [
        "saveCriteria",
        // Distinct ids where the id was left alone, so some rubrics are valid.
        argsOf(
          fc
            .array(mutated(criterion), { minLength: 1, maxLength: 3 })
            .map((list) =>
              list.map((c, i) =>
                c && typeof c === "object" && (c as { id?: unknown }).id === criterion.id
                  ? { ...c, id: `${criterion.id}-${i}` }
                  : c,
              ),
            ),
        ),
      ],
      [
        "saveReviewers",
        argsOf(
          fc
            .array(mutated(member), { maxLength: 3 })
            .map((members) => [{ email: COORD, role: "coordinator" }, ...members]),
        ),
      ],
    ];
    for (const [name, args] of cases) {
      fc.assert(
        fc.property(args, caller, (a, who) => {
          callChecked(w, name, a, who);
        }),
        RUNS,
      );
    }
    expectBothOutcomes("saveSettings", "saveCriteria", "saveReviewers");
  });

  it("functions without arguments refuse extra ones plainly, and strangers", () => {
    const w = world();
    const names = ["getSidebarState", "setupSpreadsheet", "computeRanking", "exportShortlist"];
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.oneof(
          { weight: 2, arbitrary: fc.constant<unknown[]>([]) },
          { weight: 1, arbitrary: fc.array(hostileValue, { minLength: 1, maxLength: 2 }) },
        ),
        caller,
        (name, args, who) => {
          callChecked(w, name, args, who);
        },
      ),
      RUNS,
    );
    expectBothOutcomes(...names);
  });
});
