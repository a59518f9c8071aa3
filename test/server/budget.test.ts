// Service-call budgets (DESIGN §8): every server function makes at most 25 emulated service
// calls, and the same number with 10 and with 1 000 quickwins (reads and writes are batched).
import { afterAll, describe, expect, it } from "vitest";
import { createEmulator } from "../../src/preview/emulator";
import { loadServer } from "../../src/preview/script-host";
import { BUDGET_CASES, COORD, ensureRows, ok, sizedWorld, type World } from "./helpers";

// Few resamples: the budget is about service calls, not the engine's time.
const small = sizedWorld(10, { bootstrapResamples: 50 });
const large = sizedWorld(1000, { bootstrapResamples: 50 });
const FIGURES: Record<string, [number, number]> = {};

/**
 * The small world with a bad row typed by hand into every sheet a function reads (a quickwin
 * without a name, a review typed into the ledger, a member without an email, …): reporting a
 * bad row must cost no service call, so the counts stay flat whatever the data hold.
 */
function withBadRows(w: World): World {
  const typeRow = (name: string, row: number, cells: unknown[]) => {
    ensureRows(w.rt, name, row);
    const end = String.fromCharCode(64 + cells.length);
    w.rt.emulator.typeInto(name, `A${row}:${end}${row}`, [cells]);
  };
  typeRow("Quickwin", 40, ["QW-900", "", "Dinkes"]);
  typeRow("Penilaian", 60, [999, "2019-09-05", "QW-001", "budi@patikab.go.id", "{}"]);
  typeRow("Tim Penilai", 20, ["bukan email", "X", "", "penilai"]);
  typeRow("Kriteria", 20, ["", "Tanpa ID", "", "abc"]);
  typeRow("Pengaturan", 30, ["kunciAsing", "1"]);
  typeRow("Daftar OPD", 30, ["", "Tanpa nama"]);
  typeRow("Penugasan", 30, ["QW-404", "orang@entah.id"]);
  return w;
}
const hostile = withBadRows(sizedWorld(10, { bootstrapResamples: 50 }));

describe("service calls per server function", () => {
  it.each(BUDGET_CASES)(
    "%s: constant from 10 to 1 000 quickwins, within budget",
    (label, name, args, email) => {
      const a = small.call(name, args(small), email);
      const b = large.call(name, args(large), email);
      const c = hostile.call(name, args(hostile), email);
      ok(a);
      ok(b);
      ok(c);
      FIGURES[label] = [a.serviceCalls, b.serviceCalls];
      expect(b.serviceCalls, label).toBe(a.serviceCalls);
      expect(c.serviceCalls, `${label}, bad rows in every sheet`).toBe(a.serviceCalls);
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
