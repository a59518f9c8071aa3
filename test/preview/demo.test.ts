// The demo seeding: through the server's own functions, a panel with a real conflict, Pati's
// quickwins, reviews that respect conflicts; and a clear message when a function is missing.
import { describe, expect, it } from "vitest";
import { DEMO_PANEL, DEMO_QUICKWINS, DemoSeedError, seedDemo } from "../../src/preview/demo";
import { createEmulator } from "../../src/preview/emulator";
import { loadServer } from "../../src/preview/script-host";

describe("seedDemo", () => {
  it("names the server functions that are missing", () => {
    const rt = loadServer({
      code: "function setupSpreadsheet() {}\nfunction getSidebarState() {}",
    });
    expect(() => seedDemo(rt)).toThrow(DemoSeedError);
    expect(() => seedDemo(rt)).toThrow(/saveReviewers, saveAgencies, saveQuickwin, submitReview/);
    // Nothing was called: the workbook is still one blank sheet.
    expect(rt.emulator.snapshot().sheets).toEqual([{ name: "Sheet1", values: [], formulas: [] }]);
  });

  it("reports which call failed and why", () => {
    const rt = loadServer({
      code: [
        "function setupSpreadsheet() {}",
        "function getSidebarState() { return { criteria: [] }; }",
        "function saveAgencies() {}",
        "function saveReviewers() { throw new Error('panel refused'); }",
        "function saveQuickwin() {}",
        "function submitReview() {}",
      ].join("\n"),
    });
    expect(() => seedDemo(rt)).toThrow(
      "Demo seeding failed: saveReviewers as koordinator@patikab.go.id: panel refused",
    );
  });

  it("seeds the real server: panel, quickwins, conflict-free reviews, and a ranking follows", () => {
    const rt = loadServer({ emulator: createEmulator() });
    seedDemo(rt);
    const owner = DEMO_PANEL[0].email;
    const as = (email: string) => ({ email, locale: "id" });
    const coordinator = rt.call("getSidebarState", [], as(owner));
    expect(coordinator.ok).toBe(true);
    const state = (coordinator as { value: Record<string, unknown> }).value as {
      user: { role: string };
      panel: { email: string; role: string; agency?: string }[];
      quickwins: { id: string; name: string; agency: string }[];
      reviewCount: number;
      agencies: { name: string; shortName?: string }[];
    };
    // The agency list: full names with the short names the panel and the quickwins use.
    expect(state.agencies.find((a) => a.shortName === "Dinkes")?.name).toBe("Dinas Kesehatan");
    expect(state.agencies.map((a) => a.shortName)).toContain("Disdagperin");
    expect(state.user.role).toBe("coordinator");
    expect(state.panel.map((m) => m.email).sort()).toEqual(DEMO_PANEL.map((m) => m.email).sort());
    expect(state.quickwins.map((q) => q.name)).toEqual(DEMO_QUICKWINS.map((q) => q.name));
    expect(state.reviewCount).toBeGreaterThanOrEqual(12);

    const disdagperin = rt.call("getSidebarState", [], as("penilai.disdagperin@patikab.go.id"));
    const mine = (disdagperin as { value: { myReviews: { quickwinId: string }[] } }).value
      .myReviews;
    const satrio = state.quickwins.find((q) => q.name === "Satrio Pasar")!;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.map((r) => r.quickwinId)).not.toContain(satrio.id);

    const ranking = rt.call("computeRanking", [], as(owner));
    expect(ranking.ok).toBe(true);
    const rows = (ranking as { value: { rows: { rank: number | null }[]; shortlist: string[] } })
      .value;
    expect(rows.shortlist.length).toBeGreaterThan(0);
    expect(rows.rows.filter((r) => r.rank !== null).length).toBeGreaterThanOrEqual(4);
  });
});
