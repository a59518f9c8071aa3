// Setup and the sheets themselves: names, headers, formats, protection, idempotent re-runs,
// renamed tabs, verbatim text, and hand-edited rows that are skipped and reported.
import { describe, expect, it } from "vitest";
import { cellDataAt, createEmulator } from "../../src/preview/emulator";
import { loadServer } from "../../src/preview/script-host";
import {
  appendSealedReviews,
  COORD,
  ensureRows,
  failure,
  ok,
  QUICKWIN,
  REV_B,
  STRANGER,
  sheet,
  world,
} from "./helpers";

const ID_NAMES = [
  "Quickwin",
  "Kriteria",
  "Tim Penilai",
  "Penilaian",
  "Pengaturan",
  "Peringkat",
  "Daftar Pendek",
  "Log",
];

function sheetJson(rt: ReturnType<typeof loadServer>, name: string) {
  const s = rt.emulator.toJSON().sheets.find((x) => x.name === name);
  if (!s) throw new Error(name);
  return s;
}

describe("setupSpreadsheet", () => {
  it("creates the localized sheets; the caller becomes coordinator", () => {
    const rt = loadServer({ emulator: createEmulator() });
    const r = rt.call("setupSpreadsheet", [], {
      email: " Koordinator@PatiKab.go.id ",
      locale: "in_ID",
    });
    const state = ok<{ user: { role: string }; criteria: unknown[]; setupDone: boolean }>(r);
    expect(state.setupDone).toBe(true);
    expect(state.user.role).toBe("coordinator");
    expect(state.criteria.length).toBeGreaterThanOrEqual(3);
    const names = rt.emulator.snapshot().sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(ID_NAMES));
    expect(sheet(rt, "Tim Penilai").values).toEqual([
      ["Email", "Nama", "OPD", "Peran"],
      [COORD, "", "", "Koordinator"], // codes in words, in the sheet's language
    ]);
    const q = sheetJson(rt, "Quickwin");
    expect(q.frozenRows).toBe(1);
    const nf = (name: string, r: number, c: number) => cellDataAt(sheetJson(rt, name), r, c)?.nf;
    expect(nf("Quickwin", 500, 1)).toBe("@"); // id, far down: typed text stays text
    expect(nf("Quickwin", 2, 6)).toBe("d mmmm yyyy"); // start date: a date, shown in words
    expect(nf("Quickwin", 2, 8)).toMatch(/Rp/); // budget
    expect(nf("Tim Penilai", 3, 1)).toBe("@");
    const cell = (name: string, r: number, c: number) => cellDataAt(sheetJson(rt, name), r, c);
    expect(cell("Quickwin", 2, 4)?.dv?.values).toEqual(
      // The dropdown offers the words the sheet shows (codes and either language still read).
      expect.arrayContaining([
        expect.arrayContaining(["Smart Governance — Tata kelola birokrasi cerdas"]),
      ]),
    );
    expect(cell("Quickwin", 1, 1)?.st?.fontWeight).toBe("bold");
    const protections = rt.emulator.toJSON().protections;
    const protectedIds = protections.filter((p) => p.warningOnly).map((p) => p.sheetId);
    const idOf = (name: string) => rt.emulator.toJSON().sheets.find((s) => s.name === name)!.id;
    expect(protectedIds.sort()).toEqual(
      ["Penilaian", "Peringkat", "Daftar Pendek", "Log", "Keputusan"].map(idOf).sort(),
    );
    expect(sheetJson(rt, "Peringkat").charts).toHaveLength(1);
    // The first run's log row in words (an auditor reads it), no field left as a code name.
    const details = String(sheet(rt, "Log").values[1]![4]);
    expect(details).toMatch(/lokal spreadsheet: dari: \w+; menjadi: id_ID; zona waktu: dari: /);
    expect(details).toContain("lembar kosong bawaan dihapus: ya");
    expect(details).not.toMatch(/(^|; )[a-z]+[A-Z]\w*:/);
  });

  it("names the sheets in English for an English coordinator", () => {
    const rt = loadServer({ emulator: createEmulator() });
    ok(rt.call("setupSpreadsheet", [], { email: COORD, locale: "en_US" }));
    const names = rt.emulator.snapshot().sheets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "Quickwins",
        "Criteria",
        "Panel",
        "Reviews",
        "Settings",
        "Ranking",
        "Shortlist",
        "Log",
      ]),
    );
    expect(sheet(rt, "Panel").values[0]).toEqual(["Email", "Name", "Agency", "Role"]);
    expect(String(sheet(rt, "Log").values[1]![4])).toContain(
      "spreadsheet locale: from: en_US; to: en_US; time zone: from: ",
    );
  });

  it("is idempotent: a re-run on an intact spreadsheet writes nothing, not even a log row", () => {
    const w = world();
    const before = JSON.stringify(rt(w).emulator.toJSON());
    const again = w.call("setupSpreadsheet", []);
    expect(ok<{ setupDone: boolean; user: { role: string } }>(again).user.role).toBe("coordinator");
    expect(again.serviceCalls).toBeLessThanOrEqual(25);
    expect(JSON.stringify(rt(w).emulator.toJSON())).toBe(before);
  });

  it("a deleted shortlist page alone: the next export makes it again (a re-run does not look)", () => {
    const w = world();
    const app = rt(w).emulator.globals
      .SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    rt(w).emulator.runExecution({ email: COORD, locale: "id" }, () => {
      const ss = app.getActiveSpreadsheet();
      ss.deleteSheet(ss.getSheetByName("Daftar Pendek")!);
    });
    const exported = ok<{ sheetName: string }>(w.call("exportShortlist", []));
    expect(exported.sheetName).toBe("Daftar Pendek");
    expect(sheet(rt(w), "Daftar Pendek").values[0]![0]).toBe("Daftar Pendek Quickwin");
  });

  it("a deleted highlight rule alone is cosmetic: a re-run does not look for it (no call)", () => {
    const w = world();
    const app = w.rt.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () =>
      app.getActiveSpreadsheet().getSheetByName("Peringkat")!.setConditionalFormatRules([]),
    );
    const before = JSON.stringify(rt(w).emulator.toJSON());
    const again = w.call("setupSpreadsheet", []);
    ok(again);
    expect(again.serviceCalls).toBeLessThanOrEqual(25);
    expect(JSON.stringify(rt(w).emulator.toJSON())).toBe(before);
  });

  it("repairs a deleted chart, a damaged log header and deleted generated sheets, and logs it", () => {
    const w = world();
    ok(w.call("computeRanking", []));
    ok(w.call("exportShortlist", []));
    const app = w.rt.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const inSheets = <T>(fn: (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => T): T =>
      w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () =>
        fn(app.getActiveSpreadsheet()),
      ).value;
    inSheets((ss) => {
      const ranking = ss.getSheetByName("Peringkat")!;
      for (const chart of ranking.getCharts()) ranking.removeChart(chart);
      ranking.setConditionalFormatRules([]);
      ss.getSheetByName("Log")!
        .getRange("A1:D1")
        .setValues([["x", "", "", ""]]);
    });
    ok(w.call("setupSpreadsheet", []));
    expect(inSheets((ss) => ss.getSheetByName("Peringkat")!.getCharts().length)).toBe(1);
    // The highlight rule comes back with the chart (a repairing setup puts it on again).
    const rules = inSheets((ss) =>
      ss
        .getSheetByName("Peringkat")!
        .getConditionalFormatRules()
        .map((r) => r.getBooleanCondition()!.getCriteriaValues()),
    );
    expect(rules).toEqual([['=$M2="ya"']]);
    const log = sheet(w.rt, "Log").values;
    expect(log[0]).toEqual(["No. urut", "Waktu", "Pengguna", "Tindakan", "Rincian", "Segel"]);
    expect(log.at(-1)![3]).toBe("Penyiapan spreadsheet");
    expect(log.at(-1)![4]).toMatch(/lembar dibuat: tidak ada; lembar diperbaiki: Peringkat, Log/);

    inSheets((ss) => {
      ss.deleteSheet(ss.getSheetByName("Peringkat")!);
      ss.deleteSheet(ss.getSheetByName("Daftar Pendek")!);
      ss.deleteSheet(ss.getSheetByName("Log")!);
    });
    ok(w.call("setupSpreadsheet", []));
    const names = w.rt.emulator.snapshot().sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["Peringkat", "Daftar Pendek", "Log"]));
    // A new log: its header, then this repair.
    const newLog = sheet(w.rt, "Log").values;
    expect(newLog).toHaveLength(2);
    expect(newLog[1]![4]).toMatch(/lembar dibuat: Peringkat, Daftar Pendek, Log/);
    // The re-created sheets work as before.
    expect(ok<{ rows: unknown[] }>(w.call("computeRanking", [])).rows).toHaveLength(3);
    expect(ok<{ quickwinIds: string[] }>(w.call("exportShortlist", [])).quickwinIds.length).toBe(0);
  });

  it("repairs a deleted sheet and a damaged header, and keeps working on a renamed tab", () => {
    const w = world();
    const cheap = w.call("getSidebarState", []).serviceCalls;
    const SpreadsheetApp = w.rt.emulator.globals
      .SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      ss.deleteSheet(ss.getSheetByName("Pengaturan")!);
      ss.getSheetByName("Quickwin")!.setName("Program 2019");
      ss.getSheetByName("Kriteria")!
        .getRange("A1:B1")
        .setValues([["", "rusak"]]);
    });
    // A deleted sheet and a damaged header are reported, never replaced by defaults.
    const broken = ok<{ setupDone: boolean; sheetProblem?: string; quickwins: unknown[] }>(
      w.call("getSidebarState", []),
    );
    expect(broken.setupDone).toBe(false);
    expect(broken.quickwins).toHaveLength(0);
    expect(broken.sheetProblem).toMatch(/Kriteria|Pengaturan/);
    expect(failure(w.call("computeRanking", []))).toMatch(/menjalankan penyiapan/);
    ok(w.call("setupSpreadsheet", []));
    const names = w.rt.emulator.snapshot().sheets.map((s) => s.name);
    expect(names).toContain("Pengaturan");
    expect(names).toContain("Program 2019");
    expect(names).not.toContain("Quickwin");
    // The typed-over and blanked header cells are restored in place, over their data.
    expect(sheet(w.rt, "Kriteria").values[0]!.slice(0, 2)).toEqual(["ID", "Nama"]);
    expect(sheet(w.rt, "Pengaturan").values).toHaveLength(1);
    // The renamed tab is followed by its id, as cheaply as before the rename.
    const again = w.call("getSidebarState", []);
    expect(ok<{ quickwins: unknown[] }>(again).quickwins).toHaveLength(3);
    expect(again.serviceCalls).toBe(cheap);
    ok(w.call("saveQuickwin", [QUICKWIN], REV_B));
    expect(sheet(w.rt, "Program 2019").values).toHaveLength(5);
  });

  it("returns the state of the repaired spreadsheet, re-created tables included", () => {
    const w = world();
    const app = w.rt.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () => {
      const ss = app.getActiveSpreadsheet();
      ss.deleteSheet(ss.getSheetByName("Kriteria")!);
      ss.deleteSheet(ss.getSheetByName("Pengaturan")!);
    });
    const state = ok<{ criteria: unknown[]; settings: { shortlistSize: number } }>(
      w.call("setupSpreadsheet", []),
    );
    // Re-created empty: the coordinator's rubric is not silently replaced by a default one.
    expect(state.criteria).toHaveLength(0);
    expect(state.settings.shortlistSize).toBe(4);
    expect(failure(w.call("computeRanking", []))).toMatch(/kriteria/i);
    expect(ok(w.call("getSidebarState", []))).toEqual(state);
  });

  it("follows renamed tabs by id at the cost of an intact spreadsheet", () => {
    const w = world();
    const cheap = w.call("computeRanking", []).serviceCalls;
    const app = w.rt.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () => {
      const ss = app.getActiveSpreadsheet();
      ss.getSheetByName("Penilaian")!.setName("Ledger");
      ss.getSheetByName("Peringkat")!.setName("Hasil");
    });
    const first = w.call("computeRanking", []);
    expect(ok<{ rows: unknown[] }>(first).rows).toHaveLength(3);
    expect(first.serviceCalls).toBe(cheap);
    // Header, three rows, a blank row, the calibration line and the ledger's line.
    expect(sheet(w.rt, "Hasil").values).toHaveLength(7);
  });

  it("learns a renamed tab in one call (saving the name under the lock), then is as cheap as before", () => {
    // The first call after a rename finds the tab by id (a few calls more) and saves its name
    // while holding the lock. Creating a quickwin reads the ledger too (for ids never to
    // reuse), so after renaming the ledger that one call takes 26, once.
    const renames: [string, string, unknown[], string, number][] = [
      [
        "Tim Penilai",
        "saveCriteria",
        [[{ id: "a", name: "A", weight: 1, min: 1, max: 5 }]],
        COORD,
        25,
      ],
      ["Tim Penilai", "saveSettings", [{ shortlistSize: 3 }], COORD, 25],
      ["Quickwin", "getSidebarState", [], COORD, 25],
      ["Quickwin", "saveQuickwin", [{ ...QUICKWIN, id: "QW-002" }], COORD, 25],
      ["Penilaian", "saveQuickwin", [QUICKWIN], REV_B, 26],
    ];
    for (const [tab, name, args, who, most] of renames) {
      const w = world();
      // Once first: a first save of an agency's name also adds it to the agency list.
      w.call(name, args, who);
      const cheap = w.call(name, args, who).serviceCalls;
      const app = w.rt.emulator.globals
        .SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
      w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () => {
        app.getActiveSpreadsheet().getSheetByName(tab)!.setName(`${tab} 2019`);
      });
      const first = w.call(name, args, who);
      ok(first);
      expect(first.serviceCalls, `${name} after renaming ${tab}`).toBeLessThanOrEqual(most);
      expect(w.call(name, args, who).serviceCalls, `${name}, renamed tab learnt`).toBe(cheap);
    }
  });

  it("adopts its sheets by name when the registry in the document properties is lost", () => {
    const { w, before } = worldWithLostRegistry();
    expect(ok<{ setupDone: boolean }>(w.call("getSidebarState", [])).setupDone).toBe(false);
    ok(w.call("setupSpreadsheet", []));
    expect(JSON.stringify(w.rt.emulator.snapshot().sheets.filter((s) => s.name !== "Log"))).toBe(
      before,
    );
    expect(ok<{ quickwins: unknown[] }>(w.call("getSidebarState", [])).quickwins).toHaveLength(3);
  });

  it("adopts its sheets in the language they were set up in, whatever the caller's", () => {
    const { w, before } = worldWithLostRegistry();
    // The Indonesian sheets are found and kept; no English set is made beside them.
    const state = ok<{ user: { role: string }; quickwins: unknown[] }>(
      w.call("setupSpreadsheet", [], COORD, "en"),
    );
    expect(state.user.role).toBe("coordinator");
    expect(state.quickwins).toHaveLength(3);
    expect(JSON.stringify(w.rt.emulator.snapshot().sheets.filter((s) => s.name !== "Log"))).toBe(
      before,
    );
    expect(failure(w.call("setupSpreadsheet", [], STRANGER, "en"))).toMatch(/panel/i);
  });

  it("a sheet that lost columns: writes say how to repair it, and setup restores it", () => {
    const w = world();
    const app = w.rt.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const cut = (name: string, width: number) =>
      w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () => {
        const s = app.getActiveSpreadsheet().getSheetByName(name)!;
        s.deleteColumns(width, s.getMaxColumns() - width + 1);
      });
    cut("Quickwin", 13);
    cut("Pengaturan", 3);
    cut("Peringkat", 14);
    expect(failure(w.call("saveQuickwin", [QUICKWIN], REV_B))).toBe(
      "Lembar Quickwin kehilangan kolom: Diubah pada, Sumber. Minta koordinator menjalankan penyiapan untuk memperbaikinya.",
    );
    expect(failure(w.call("saveSettings", [{ shortlistSize: 3 }], COORD, "en"))).toMatch(
      /The Pengaturan sheet is missing columns: Keterangan/,
    );
    // A refused rubric that would need more rows does not grow the damaged sheet either.
    cut("Kriteria", 7);
    const before = JSON.stringify(w.rt.emulator.toJSON());
    const rubric = Array.from({ length: 10 }, (_, i) => ({
      id: `k${i}`,
      name: `K${i}`,
      weight: 1,
      min: 1,
      max: 5,
    }));
    expect(failure(w.call("saveCriteria", [rubric]))).toMatch(/Kriteria kehilangan kolom/);
    // The generated ranking is refused too: nothing is written to a sheet that failed its check.
    expect(failure(w.call("computeRanking", []))).toMatch(/kehilangan kolom/);
    expect(JSON.stringify(w.rt.emulator.toJSON())).toBe(before);
    ok(w.call("setupSpreadsheet", []));
    expect(sheet(w.rt, "Quickwin").values[0]).toHaveLength(14);
    expect(sheet(w.rt, "Quickwin").values[1]![0]).toBe("QW-001");
    expect(ok<{ id: string }>(w.call("saveQuickwin", [QUICKWIN], REV_B)).id).toBe("QW-004");
    ok(w.call("saveSettings", [{ shortlistSize: 3 }]));
    ok(w.call("computeRanking", []));
    expect(sheet(w.rt, "Peringkat").values[0]).toHaveLength(16);
    // The repaired ranking page has its chart drawn anew over the restored chart columns.
    const charts = w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () =>
      app
        .getActiveSpreadsheet()
        .getSheetByName("Peringkat")!
        .getCharts()
        .map((c) => c.getRanges().map((r) => r.getA1Notation())),
    ).value;
    expect(charts).toEqual([["C1:C21", "O1:P21"]]);
  });

  it("once a panel exists, only a coordinator may run it", () => {
    const w = world();
    expect(failure(w.call("setupSpreadsheet", [], REV_B))).toMatch(/Hanya koordinator/);
    expect(failure(w.call("setupSpreadsheet", [], STRANGER))).toMatch(/belum terdaftar/);
  });
});

/** A set-up world whose document properties (the sheet registry) were lost. */
function worldWithLostRegistry() {
  const w = world();
  const before = JSON.stringify(w.rt.emulator.snapshot().sheets.filter((s) => s.name !== "Log"));
  const props = w.rt.emulator.globals
    .PropertiesService as GoogleAppsScript.Properties.PropertiesService;
  w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () => {
    props.getDocumentProperties().deleteAllProperties();
  });
  return { w, before };
}

function rt(w: ReturnType<typeof world>) {
  return w.rt;
}

describe("typed text is stored verbatim", () => {
  const tricky = [
    '=HYPERLINK("http://x";"klik")',
    "+62 812",
    "007",
    "2019-09-05",
    "TRUE",
    "'kutip",
    "1.500.000",
    "-5",
    "@user",
  ];

  it("in quickwins, panel names, criteria, comments and generated sheets", () => {
    const w = world({ quickwins: 0 });
    for (const text of tricky) {
      const q = ok<{ id: string }>(
        w.call(
          "saveQuickwin",
          [{ ...QUICKWIN, name: text, agency: text, description: text }],
          REV_B,
        ),
      );
      ok(w.call("submitReview", [{ quickwinId: q.id, scores: w.scores(3), comment: text }], REV_B));
    }
    ok(
      w.call("saveReviewers", [
        [
          { email: COORD, role: "coordinator", name: "007", agency: "+62 812" },
          { email: REV_B, role: "reviewer", name: "=1+1", agency: "TRUE" },
        ],
      ]),
    );
    ok(
      w.call("saveCriteria", [
        [{ id: "a", name: "2019-09-05", description: "=SUM(1)", weight: 1, min: 1, max: 5 }],
      ]),
    );
    const state = ok<{
      quickwins: { name: string; agency: string; description: string }[];
      panel: { name?: string; agency?: string }[];
      criteria: { name: string; description?: string }[];
    }>(w.call("getSidebarState", []));
    expect(state.quickwins.map((q) => q.name)).toEqual(tricky);
    expect(state.quickwins.map((q) => q.description)).toEqual(tricky);
    expect(state.panel.map((m) => [m.name, m.agency])).toEqual([
      ["007", "+62 812"],
      ["=1+1", "TRUE"],
    ]);
    expect(state.criteria[0]).toMatchObject({ name: "2019-09-05", description: "=SUM(1)" });
    const mine = ok<{ myReviews: { comment: string }[] }>(w.call("getSidebarState", [], REV_B));
    expect(mine.myReviews.map((r) => r.comment)).toEqual(tricky);
    for (const name of ["Quickwin", "Penilaian", "Tim Penilai", "Kriteria"]) {
      const s = sheet(w.rt, name);
      expect(s.formulas.flat().filter((f) => f !== "")).toEqual([]);
    }
    expect(
      sheet(w.rt, "Quickwin")
        .values.slice(1)
        .map((r) => r[1]),
    ).toEqual(tricky);
    expect(
      sheet(w.rt, "Penilaian")
        .values.slice(1)
        .map((r) => r[6]),
    ).toEqual(tricky);
    // Generated sheets too.
    ok(w.call("saveSettings", [{ minReviews: 1 }]));
    ok(w.call("computeRanking", []));
    const ranking = sheet(w.rt, "Peringkat");
    expect(ranking.formulas.flat().filter((f) => f !== "")).toEqual([]);
    expect(
      ranking.values
        .slice(1, 1 + tricky.length)
        .map((r) => r[2])
        .sort(),
    ).toEqual([...tricky].sort());
    ok(w.call("exportShortlist", []));
    expect(
      sheet(w.rt, "Daftar Pendek")
        .formulas.flat()
        .filter((f) => f !== ""),
    ).toEqual([]);
  });
});

describe("hand-edited sheets", () => {
  it("skip bad rows with sheet and row number, accept what a person types, never crash", () => {
    const w = world({ quickwins: 2 });
    const e = w.rt.emulator;
    // Quickwins: a good row typed with Indonesian number text, a date the sheet turned into a
    // Date (typed into a non-text cell), a bad dimension, a missing name, blank rows between.
    e.typeInto("Quickwin", "A5:M8", [
      [
        "QW-010",
        "Diketik",
        "Dinkes",
        "Smart Living",
        "x",
        "2019-09-01",
        "2019-09-30",
        "Rp1.500.000",
        // Setup made the spreadsheet id_ID: the dot groups thousands, as an Indonesian types.
        "2.000",
        "Uji coba",
        "",
        "",
        "",
      ],
      [
        "QW-011",
        "Dimensi salah",
        "Dinkes",
        "space",
        "x",
        "2019-09-01",
        "2019-09-30",
        0,
        "",
        "",
        "",
        "",
        "",
      ],
      ["", "", "", "", "", "", "", "", "", "", "", "", ""],
      ["QW-012", "", "Dinkes", "living", "x", "2019-09-01", "2019-09-30", 0, "", "", "", "", ""],
    ]);
    e.typeInto("Quickwin", "A9:B9", [["QW-001", "Duplikat"]]);
    // A ledger row typed by hand (its seal made up) with broken JSON, then a sealed one.
    e.typeInto("Penilaian", "A2:I2", [
      [1, "2019-09-05T01:00:00Z", "QW-001", REV_B, "", "{bukan json", "", "tidak", "xyz"],
    ]);
    appendSealedReviews(w.rt, [
      { quickwinId: "QW-002", reviewer: REV_B, scores: w.scores(4), comment: "ok" },
    ]);
    e.typeInto("Pengaturan", "A10:B11", [
      ["warna", "merah"],
      ["shortlistSize", "banyak"],
    ]);
    e.typeInto("Tim Penilai", "A6:D6", [["bukan-email", "", "", "reviewer"]]);
    const state = ok<{
      quickwins: {
        id: string;
        budget: number;
        beneficiaries?: number;
        stage?: string;
        dimension: string;
      }[];
      problems: { sheet: string; row: number; message: string }[];
      reviewCount: number;
    }>(w.call("getSidebarState", []));
    const typed = state.quickwins.find((q) => q.id === "QW-010");
    expect(typed).toMatchObject({
      budget: 1_500_000,
      beneficiaries: 2000,
      stage: "pilot",
      dimension: "living",
    });
    expect(state.quickwins.map((q) => q.id)).toEqual(["QW-001", "QW-002", "QW-010"]);
    const where = state.problems.map((p) => `${p.sheet}:${p.row}`);
    expect(where).toEqual(
      expect.arrayContaining([
        "Quickwin:6",
        "Quickwin:8",
        "Quickwin:9",
        "Penilaian:2",
        "Pengaturan:10",
        "Pengaturan:11",
        "Tim Penilai:6",
      ]),
    );
    expect(state.problems.find((p) => p.row === 6 && p.sheet === "Quickwin")!.message).toMatch(
      /Dimensi/,
    );
    expect(state.problems.find((p) => p.sheet === "Penilaian")!.message).toMatch(/JSON/);
    expect(state.reviewCount).toBe(1);
    const ranking = ok<{ rowProblems: unknown[] }>(w.call("computeRanking", []));
    expect(ranking.rowProblems).toEqual(state.problems);
  });

  it("skips and reports a typed quickwin without a budget instead of reading it as Rp0", () => {
    const w = world();
    w.rt.emulator.typeInto("Quickwin", "A5:M6", [
      [
        "QW-004",
        "Tanpa anggaran",
        "Dinkes",
        "economy",
        "d",
        "2019-09-01",
        "2019-10-01",
        "",
        "",
        "",
        "",
        COORD,
        "",
      ],
      [
        "QW-005",
        "Anggaran aneh",
        "Dinkes",
        "economy",
        "d",
        "2019-09-01",
        "2019-10-01",
        "banyak",
        "",
        "",
        "",
        COORD,
        "",
      ],
    ]);
    const state = ok<{ quickwins: { id: string }[]; problems: unknown[] }>(
      w.call("getSidebarState", []),
    );
    expect(state.quickwins.map((q) => q.id)).toEqual(["QW-001", "QW-002", "QW-003"]);
    expect(state.problems).toEqual([
      { sheet: "Quickwin", row: 5, message: "Anggaran: wajib diisi" },
      { sheet: "Quickwin", row: 6, message: "Anggaran: harus bilangan bulat" },
    ]);
  });

  it("follows a time zone changed after setup: dates read, the state, the shortlist date", () => {
    const w = world();
    const app = w.rt.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () => {
      app.getActiveSpreadsheet().setSpreadsheetTimeZone("Asia/Jayapura");
    });
    // A row below the formatted ones: Sheets turns the typed dates into Dates.
    ensureRows(w.rt, "Quickwin", 1005);
    w.rt.emulator.typeInto("Quickwin", "A1005:M1005", [
      [
        "QW-100",
        "Pasar",
        "Disdag",
        "economy",
        "d",
        "2019-09-05",
        "2019-10-20",
        1000000,
        "",
        "",
        "",
        "",
        "",
      ],
    ]);
    const state = ok<{ timeZone: string; quickwins: { id: string; startDate: string }[] }>(
      w.call("getSidebarState", []),
    );
    expect(state.timeZone).toBe("Asia/Jayapura");
    expect(state.quickwins.find((q) => q.id === "QW-100")!.startDate).toBe("2019-09-05");
    ok(w.call("exportShortlist", []));
    const today = new Intl.DateTimeFormat("id-ID", {
      timeZone: "Asia/Jayapura",
      day: "numeric",
      month: "long",
      year: "numeric",
    }).format(new Date());
    expect(JSON.stringify(sheet(w.rt, "Daftar Pendek").values.slice(0, 3))).toContain(today);
    // The sidebar's state noted it, so calls that do not read it live agree too.
    const props = w.rt.emulator.globals
      .PropertiesService as GoogleAppsScript.Properties.PropertiesService;
    const noted = w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () =>
      props.getDocumentProperties().getProperty("quickwin.timeZone"),
    ).value;
    expect(noted).toBe("Asia/Jayapura");
    ok(w.call("exportMinutes", []));
    expect(JSON.stringify(sheet(w.rt, "Berita Acara").values)).toContain(today);
  });

  it("reads a date a person typed into a date cell in the spreadsheet's time zone", () => {
    const w = world({ quickwins: 0 });
    const SpreadsheetApp = w.rt.emulator.globals
      .SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () => {
      const s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Quickwin")!;
      s.getRange("F2:G2").setNumberFormat("yyyy-mm-dd");
    });
    w.rt.emulator.typeInto("Quickwin", "A2:H2", [
      ["QW-001", "Tanggal", "Dinkes", "living", "", "2019-09-05", "2019-10-01", 0],
    ]);
    const values = sheet(w.rt, "Quickwin").values[1]!;
    expect(typeof values[5]).toBe("string"); // the snapshot shows the Date as ISO
    expect(values[5]).not.toBe("2019-09-05");
    const state = ok<{ quickwins: { startDate: string; endDate: string }[] }>(
      w.call("getSidebarState", []),
    );
    expect(state.quickwins[0]).toMatchObject({ startDate: "2019-09-05", endDate: "2019-10-01" });
  });
});
