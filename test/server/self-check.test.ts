// selfCheck (DESIGN §5) and what the first setup does for people (§2): the probes under each
// text mechanism, read back with getValues and getFormulas, under both behaviours a live
// spreadsheet may have for a script's writes into plain-text cells; the mechanism chosen keeps
// typed-looking text verbatim in either; the report in words, from the RPC, the preview and the
// menu; the spreadsheet's locale and zone; the empty default tab removed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEmulator, type EmulatorOptions } from "../../src/preview/emulator";
import { loadServer } from "../../src/preview/script-host";
import { startPreview } from "../../src/preview/server";
import type { SelfCheckReport } from "../../src/server/self-check";
import { COORD, failure, ok, QUICKWIN, REV_B, sheet } from "./helpers";

const as = (email: string, locale = "id") => ({ email, locale });
const PROBES = ["=1+1", "007", "TRUE", "2019-09-05"];

function setUp(options: EmulatorOptions = {}, locale = "id") {
  const rt = loadServer({ emulator: createEmulator(options) });
  ok(rt.call("setupSpreadsheet", [], as(COORD, locale)));
  return rt;
}

function registry(rt: ReturnType<typeof setUp>): { text?: string; timeZone?: string } {
  return JSON.parse(rt.emulator.toJSON().properties.document["quickwin.registry"]!);
}

describe.each(["honoured", "ignored"] as const)("plain-text format %s by script writes", (mode) => {
  const expected = mode === "honoured" ? "format" : "quote";

  it(`selfCheck finds it, reports every probe, and chooses "${expected}"`, () => {
    const rt = setUp({ plainTextFormat: mode });
    const sheetsBefore = rt.emulator.snapshot().sheets.map((s) => s.name);
    const report = ok<SelfCheckReport>(rt.call("selfCheck", [], as(COORD)));
    expect(report.mechanism).toBe(expected);
    expect(report.quote.every((r) => r.kept)).toBe(true);
    expect(report.format.every((r) => r.kept)).toBe(mode === "honoured");
    expect(report.format.map((r) => r.input)).toEqual(PROBES);
    if (mode === "ignored") {
      // What Sheets makes of them: a formula, a number, a boolean, a date.
      expect(report.format.map((r) => (r.formula ? "formula" : r.type))).toEqual([
        "formula",
        "number",
        "boolean",
        "date",
      ]);
    }
    expect(report).toMatchObject({
      email: COORD,
      lock: true,
      flush: { ok: true },
      locale: "id_ID",
      timeZone: "Asia/Jakarta",
    });
    expect(report.readMs).toBeGreaterThanOrEqual(0);
    // Its scratch sheet is gone; its finding is kept with the sheet registry.
    expect(rt.emulator.snapshot().sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(registry(rt).text).toBe(expected);
    // The report in words, for the coordinator to copy.
    expect(report.text).toContain(`Email Anda terbaca: ${COORD}`);
    expect(report.text).toContain("Lokal spreadsheet: id_ID; zona waktu: Asia/Jakarta");
    expect(report.text).toMatch(
      expected === "format" ? /format teks biasa \(@\)\.$/ : /apostrof di depan \('\)\.$/,
    );
  });

  it("the first setup ran the same check: its mechanism keeps the probes verbatim", () => {
    const rt = setUp({ plainTextFormat: mode });
    expect(registry(rt).text).toBe(expected);
    const [a, b, c, d] = PROBES as [string, string, string, string];
    ok(
      rt.call(
        "saveReviewers",
        [[{ email: COORD, role: "coordinator", name: d, agency: c }]],
        as(COORD),
      ),
    );
    ok(
      rt.call(
        "saveQuickwin",
        [{ ...QUICKWIN, name: a, agency: b, description: c, evidenceUrl: undefined }],
        as(COORD),
      ),
    );
    const quickwins = sheet(rt, "Quickwin");
    const row = quickwins.values.findIndex((r) => r[1] === a);
    expect(row).toBeGreaterThan(0);
    // The dimension is shown as its words in the sheet's language, typed text verbatim.
    expect(quickwins.values[row]!.slice(1, 5)).toEqual([
      a,
      b,
      "Smart Economy — Perekonomian cerdas",
      c,
    ]);
    expect(quickwins.formulas[row]!.every((f) => f === "")).toBe(true);
    const panel = sheet(rt, "Tim Penilai");
    expect(panel.values[1]!.slice(0, 3)).toEqual([COORD, d, c]);
    expect(panel.formulas[1]!.every((f) => f === "")).toBe(true);
    // And they read back as they were typed.
    const state = ok<{ quickwins: { name: string; agency: string; description: string }[] }>(
      rt.call("getSidebarState", [], as(COORD)),
    );
    expect(state.quickwins.find((q) => q.name === a)).toMatchObject({ agency: b, description: c });
  });
});

describe("selfCheck, who may run it and how it is shown", () => {
  it("is for coordinators only, and writes nothing on a refusal", () => {
    const rt = setUp();
    ok(
      rt.call(
        "saveReviewers",
        [
          [
            { email: COORD, role: "coordinator" },
            { email: REV_B, role: "reviewer" },
          ],
        ],
        as(COORD),
      ),
    );
    const before = JSON.stringify(rt.emulator.snapshot());
    expect(failure(rt.call("selfCheck", [], as(REV_B)))).toMatch(/Hanya koordinator/);
    expect(JSON.stringify(rt.emulator.snapshot())).toBe(before);
  });

  it("the menu item opens the report as copyable text, escaped; a refusal as an alert", () => {
    const rt = setUp({}, "en");
    ok(rt.call("showSelfCheck", [], as(COORD, "en")));
    const dialog = rt.emulator.ui.dialogs.at(-1)!;
    expect(dialog.title).toBe("Check add-on");
    expect(dialog.html).toMatch(/^<textarea readonly/);
    expect(dialog.html).toContain("Spreadsheet locale: en_US; time zone: Asia/Jakarta");
    expect(dialog.html).toContain("=1+1 → ");
    expect(dialog.html).not.toMatch(/"=1\+1"/); // quotes are escaped
    ok(rt.call("showSelfCheck", [], as("orang.lain@gmail.com", "en")));
    expect(JSON.stringify(rt.emulator.ui.alerts.at(-1))).toMatch(/not on the review panel|panel/);
  });

  it("answers through the preview's RPC", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qw-check-"));
    const preview = await startPreview({ port: 0, dataFile: join(dir, "w.json"), log: () => {} });
    try {
      const r = await fetch(new URL("/rpc/selfCheck", preview.url), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ args: [], user: preview.emulator.owner, locale: "en" }),
      });
      const body = (await r.json()) as { ok: boolean; value: SelfCheckReport };
      expect(body.ok).toBe(true);
      expect(body.value.quote.every((p) => p.kept)).toBe(true);
      expect(body.value.text).toMatch(/^Quickwin Assessment add-on check/);
      expect(Number(r.headers.get("x-service-calls"))).toBeLessThanOrEqual(25);
    } finally {
      await preview.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the first setup makes the spreadsheet read like its coordinator", () => {
  it("Indonesian: id_ID, WIB from a foreign zone, the empty Sheet1 removed, all logged", () => {
    const rt = setUp({ timeZone: "America/New_York", locale: "en_US" });
    const json = rt.emulator.toJSON();
    expect(json.locale).toBe("id_ID");
    expect(json.timeZone).toBe("Asia/Jakarta");
    expect(registry(rt).timeZone).toBe("Asia/Jakarta");
    const names = rt.emulator.snapshot().sheets.map((s) => s.name);
    expect(names).not.toContain("Sheet1");
    expect(names[0]).toBe("Quickwin");
    const log = JSON.stringify(sheet(rt, "Log").values);
    expect(log).toContain("id_ID");
    expect(log).toContain("America/New_York");
  });

  it("English: an English locale is kept, an Indonesian zone (WITA) is kept", () => {
    const rt = setUp({ timeZone: "Asia/Makassar", locale: "en_GB" }, "en");
    const json = rt.emulator.toJSON();
    expect(json.locale).toBe("en_GB");
    expect(json.timeZone).toBe("Asia/Makassar");
    expect(rt.emulator.snapshot().sheets.map((s) => s.name)).not.toContain("Sheet1");
  });

  it("a first tab that holds something, or is not the default one, is kept", () => {
    const typed = createEmulator();
    typed.typeInto("Sheet1", "A1", [["catatan"]]);
    const rt = loadServer({ emulator: typed });
    ok(rt.call("setupSpreadsheet", [], as(COORD)));
    expect(rt.emulator.snapshot().sheets.map((s) => s.name)).toContain("Sheet1");
  });

  it("shows codes as words in the sheet's language, and reads back words of either language or codes", () => {
    const rt = setUp();
    ok(
      rt.call(
        "saveReviewers",
        [
          [
            { email: COORD, role: "coordinator" },
            { email: REV_B, role: "reviewer" },
          ],
        ],
        as(COORD),
      ),
    );
    ok(rt.call("saveQuickwin", [{ ...QUICKWIN, stage: "pilot" }], as(COORD)));
    const quickwin = sheet(rt, "Quickwin").values[1]!;
    expect(quickwin).toContain("Smart Economy — Perekonomian cerdas");
    expect(quickwin).toContain("Uji coba");
    expect(
      sheet(rt, "Tim Penilai")
        .values.slice(1)
        .map((r) => r[3]),
    ).toEqual(["Koordinator", "Penilai"]);
    const settings = sheet(rt, "Pengaturan").values;
    expect(settings.find((r) => r[0] === "scoringOpen")?.[1]).toBe("Ya");
    // A person types English words or codes: they are read as the same codes.
    rt.emulator.typeInto("Quickwin", "D2", [["Smart Living"]]);
    rt.emulator.typeInto("Quickwin", "J2", [["implemented"]]);
    rt.emulator.typeInto("Tim Penilai", "D3", [["Reviewer"]]);
    const state = ok<{
      quickwins: { dimension: string; stage: string }[];
      panel: { role: string }[];
      settings: { scoringOpen: boolean };
      problems: unknown[];
    }>(rt.call("getSidebarState", [], as(COORD)));
    expect(state.quickwins[0]).toMatchObject({ dimension: "living", stage: "implemented" });
    expect(state.panel.map((m) => m.role)).toEqual(["coordinator", "reviewer"]);
    expect(state.settings.scoringOpen).toBe(true);
    expect(state.problems).toEqual([]);
  });

  it("stores a quickwin's dates as dates, shown the spreadsheet's way, read back as typed", () => {
    const rt = setUp();
    ok(rt.call("saveQuickwin", [QUICKWIN], as(COORD)));
    const grid = rt.emulator.grid().sheets.find((s) => s.name === "Quickwin")!;
    const start = grid.values[0]!.indexOf("Tanggal mulai");
    expect(start).toBeGreaterThan(0);
    // A Date cell at midnight WIB, shown "5 September 2019" in the id_ID spreadsheet.
    expect(grid.values[1]![start]).toBe("2019-09-04T17:00:00.000Z");
    expect(grid.display[1]![start]).toBe("5 September 2019");
    const state = ok<{ quickwins: { startDate: string; endDate: string }[] }>(
      rt.call("getSidebarState", [], as(COORD)),
    );
    expect(state.quickwins[0]).toMatchObject({ startDate: "2019-09-05", endDate: "2019-10-20" });
  });
});
