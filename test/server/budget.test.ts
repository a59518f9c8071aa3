// Service-call budgets (DESIGN §8): every server function makes at most 25 emulated service
// calls, and the same number with 10 and with 1 000 quickwins (reads and writes are batched).
import { afterAll, describe, expect, it } from "vitest";
import { createEmulator } from "../../src/preview/emulator";
import { loadServer } from "../../src/preview/runtime";
import { COORD, ensureRows, ok, QUICKWIN, REV_B, REV_C, STRANGER, world } from "./helpers";

function sized(n: number) {
  const w = world({ quickwins: n });
  ok(w.call("saveSettings", [{ bootstrapResamples: 50 }]));
  // Two reviews per quickwin, typed into the ledger as history.
  const rows: unknown[][] = [];
  for (let i = 1; i <= n; i++) {
    const id = `QW-${String(i).padStart(3, "0")}`;
    for (const email of [REV_B, REV_C]) {
      rows.push([
        "2019-09-05T01:00:00.000Z",
        id,
        email,
        JSON.stringify(w.scores(1 + (i % 5))),
        "",
        false,
      ]);
    }
  }
  ensureRows(w.rt, "Penilaian", rows.length + 1);
  w.rt.emulator.typeInto("Penilaian", `A2:F${rows.length + 1}`, rows);
  return w;
}

type Case = [
  label: string,
  name: string,
  args: (w: ReturnType<typeof world>) => unknown[],
  email: string,
];

const CASES: Case[] = [
  ["getSidebarState (coordinator)", "getSidebarState", () => [], COORD],
  ["getSidebarState (reviewer)", "getSidebarState", () => [], REV_B],
  ["getSidebarState (stranger)", "getSidebarState", () => [], STRANGER],
  ["saveSettings", "saveSettings", () => [{ shortlistSize: 5 }], COORD],
  [
    "saveCriteria",
    "saveCriteria",
    (w) => [w.criteria.map((id) => ({ id, name: id, weight: 1, min: 1, max: 5 }))],
    COORD,
  ],
  [
    "saveReviewers",
    "saveReviewers",
    () => [
      [
        { email: COORD, role: "coordinator" },
        { email: REV_B, role: "reviewer" },
        { email: REV_C, role: "reviewer" },
      ],
    ],
    COORD,
  ],
  ["saveQuickwin (create)", "saveQuickwin", () => [QUICKWIN], REV_B],
  ["saveQuickwin (update)", "saveQuickwin", () => [{ ...QUICKWIN, id: "QW-002" }], COORD],
  ["submitReview", "submitReview", (w) => [{ quickwinId: "QW-004", scores: w.scores(4) }], REV_B],
  ["computeRanking", "computeRanking", () => [], COORD],
  ["exportShortlist", "exportShortlist", () => [], COORD],
  ["setupSpreadsheet (re-run)", "setupSpreadsheet", () => [], COORD],
];

const small = sized(10);
const large = sized(1000);
const FIGURES: Record<string, [number, number]> = {};

describe("service calls per server function", () => {
  it.each(CASES)(
    "%s: constant from 10 to 1 000 quickwins, within budget",
    (label, name, args, email) => {
      const a = small.call(name, args(small), email);
      const b = large.call(name, args(large), email);
      ok(a);
      ok(b);
      FIGURES[label] = [a.serviceCalls, b.serviceCalls];
      expect(b.serviceCalls, label).toBe(a.serviceCalls);
      if (name !== "setupSpreadsheet") expect(a.serviceCalls, label).toBeLessThanOrEqual(25);
      else expect(a.serviceCalls).toBeLessThanOrEqual(45);
    },
  );

  it("setupSpreadsheet on a fresh spreadsheet: the same lean count every time", () => {
    const first = (locale: string) => {
      const rt = loadServer({ emulator: createEmulator() });
      return rt.call("setupSpreadsheet", [], { email: COORD, locale });
    };
    const id = first("id");
    const en = first("en");
    ok(id);
    ok(en);
    FIGURES["setupSpreadsheet (first run)"] = [id.serviceCalls, en.serviceCalls];
    expect(en.serviceCalls).toBe(id.serviceCalls);
    // 8 sheets created and formatted, seeded, registered, logged, and the state returned.
    expect(id.serviceCalls).toBeLessThanOrEqual(150);
  });

  afterAll(() => {
    console.log("service calls (10 → 1 000 quickwins):");
    for (const [label, [a, b]] of Object.entries(FIGURES))
      console.log(`  ${label.padEnd(34)} ${a} → ${b}`);
  });
});
