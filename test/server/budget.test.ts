// Service-call budgets (DESIGN §8): every server function makes at most 25 emulated service
// calls, and the same number with 10 and with 1 000 quickwins (reads and writes are batched).
import { afterAll, describe, expect, it } from "vitest";
import { createEmulator } from "../../src/preview/emulator";
import { loadServer } from "../../src/preview/script-host";
import { BUDGET_CASES, COORD, ok, sizedWorld } from "./helpers";

// Few resamples: the budget is about service calls, not the engine's time.
const small = sizedWorld(10, { bootstrapResamples: 50 });
const large = sizedWorld(1000, { bootstrapResamples: 50 });
const FIGURES: Record<string, [number, number]> = {};

describe("service calls per server function", () => {
  it.each(BUDGET_CASES)(
    "%s: constant from 10 to 1 000 quickwins, within budget",
    (label, name, args, email) => {
      const a = small.call(name, args(small), email);
      const b = large.call(name, args(large), email);
      ok(a);
      ok(b);
      FIGURES[label] = [a.serviceCalls, b.serviceCalls];
      expect(b.serviceCalls, label).toBe(a.serviceCalls);
      expect(a.serviceCalls, label).toBeLessThanOrEqual(25);
    },
  );

  it("setupSpreadsheet on a fresh spreadsheet: within 150, self-check included", () => {
    const first = (locale: string) => {
      const rt = loadServer({ emulator: createEmulator() });
      return rt.call("setupSpreadsheet", [], { email: COORD, locale });
    };
    const id = first("id");
    const en = first("en");
    ok(id);
    ok(en);
    FIGURES["setupSpreadsheet (first run, id | en)"] = [id.serviceCalls, en.serviceCalls];
    // A new (en_US) spreadsheet set up in English keeps its locale: one call less.
    expect(en.serviceCalls).toBe(id.serviceCalls - 1);
    // Every sheet created and formatted, seeded, registered, the locale and zone set, the
    // self-check run, the empty default tab removed, logged, and the state returned.
    expect(id.serviceCalls).toBeLessThanOrEqual(150);
  });

  afterAll(() => {
    console.log("service calls (10 → 1 000 quickwins):");
    for (const [label, [a, b]] of Object.entries(FIGURES))
      console.log(`  ${label.padEnd(34)} ${a} → ${b}`);
  });
});
