// Quickwins imported from a form-like sheet, through the real dist/server.js in the emulator:
// every row shown as it would be saved; bad rows with their problems in words; duplicates
// (same name and agency, or a response imported before) skipped; the valid rows saved in one
// block; importing the same sheet again imports nothing.
import { describe, expect, it } from "vitest";
import type { ImportPreview, ImportResult } from "../../src/core/planning";
import { COORD, dataSnapshot, FORM_QUESTIONS, failure, ok, REV_B, sheet, world } from "./helpers";

const FORM = "Jawaban Formulir 1";

/** A Forms-like response sheet typed as people answer: dates and Rupiah as they type them. */
function withForm(w: ReturnType<typeof world>): void {
  const app = w.rt.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () => {
    // Short-answer date questions keep what people typed as text (a date question's Date
    // cells are read like the timestamp's).
    app.getActiveSpreadsheet().insertSheet(FORM).getRange("F2:G7").setNumberFormat("@");
  });
  w.rt.emulator.typeInto(FORM, "A1:J7", [
    ["Stempel waktu", ...FORM_QUESTIONS, "Tahapan", "Tautan bukti"],
    [
      "2019-09-05 10:12:45",
      "Dinas Sosial",
      "Kartu Lansia Digital",
      "Smart Society — Lingkungan masyarakat cerdas",
      "Kartu",
      "5/9/2019",
      "20 Oktober 2019",
      "Rp 1.500.000",
      "Uji coba",
      "https://patikab.go.id/lansia",
    ],
    [
      "2019-09-05 11:00:00",
      "Dinkes",
      "Quickwin 1",
      "Smart Living",
      "Sudah ada",
      "1/9/2019",
      "1/10/2019",
      "2.000.000",
      "",
      "",
    ],
    [
      "2019-09-05 12:30:00",
      "Bappeda",
      "Peta Anggaran",
      "Ekonomi",
      "Dimensi salah",
      "5 September 2019",
      "4 September 2019",
      "murah",
      "",
      "",
    ],
    [
      "2019-09-06 08:00:00",
      "Diskominfo",
      "Satu Data Pati",
      "Smart Governance",
      "Portal data",
      "6 September 2019",
      "30/10/2019",
      "0",
      "Penerapan",
      "",
    ],
    [
      "2019-09-06 09:00:00",
      "diskominfo",
      "SATU  DATA PATI",
      "Smart Governance",
      "Kirim dua kali",
      "6/9/2019",
      "30/10/2019",
      "0",
      "",
      "",
    ],
    ["", "", "", "", "", "", "", "", "", ""],
  ]);
}

describe("previewImport and importQuickwins", () => {
  it("previews every row, imports the valid ones once, and nothing the second time", () => {
    const w = world({ quickwins: 3 });
    withForm(w);
    const before = dataSnapshot(w.rt);
    const p = ok<ImportPreview>(w.call("previewImport", [{ sheetName: FORM }]));
    expect(dataSnapshot(w.rt)).toBe(before);
    expect(p.mapping).toMatchObject({ timestamp: 0, agency: 1, name: 2, startDate: 5, budget: 7 });
    expect(p.rows.map((r) => [r.row, r.status])).toEqual([
      [2, "valid"],
      [3, "duplicate"],
      [4, "invalid"],
      [5, "valid"],
      [6, "duplicate"],
    ]);
    expect(p.rows[0]!.values).toEqual({
      name: "Kartu Lansia Digital",
      agency: "Dinas Sosial",
      dimension: "society",
      description: "Kartu",
      startDate: "2019-09-05",
      endDate: "2019-10-20",
      budget: 1_500_000,
      stage: "pilot",
      evidenceUrl: "https://patikab.go.id/lansia",
    });
    expect(p.rows[0]!.source).toBe("2019-09-05T03:12:45.000Z");
    expect(p.rows[1]!.problems).toEqual(["Sudah ada quickwin Quickwin 1 dari Dinkes."]);
    expect(p.rows[2]!.problems).toEqual([
      "Dimensi: Pilih salah satu dari enam dimensi smart city",
      "Anggaran: Harus berupa angka",
      "Tanggal selesai: Tidak boleh sebelum tanggal mulai",
    ]);
    expect(p.rows[4]!.problems).toEqual(["Sudah ada quickwin Satu Data Pati dari Diskominfo."]);
    expect(p.counts).toEqual({ valid: 2, invalid: 1, duplicate: 2 });

    const done = ok<ImportResult>(w.call("importQuickwins", [{ sheetName: FORM }]));
    expect(done.imported).toEqual([
      { row: 2, id: "QW-004" },
      { row: 5, id: "QW-005" },
    ]);
    const rows = sheet(w.rt, "Quickwin").values.filter(
      (r) => r[0] === "QW-004" || r[0] === "QW-005",
    );
    expect(rows.map((r) => [r[0], r[1], r[2], r[13]])).toEqual([
      ["QW-004", "Kartu Lansia Digital", "Dinas Sosial", "2019-09-05T03:12:45.000Z"],
      ["QW-005", "Satu Data Pati", "Diskominfo", "2019-09-06T01:00:00.000Z"],
    ]);

    const again = ok<ImportResult>(w.call("importQuickwins", [{ sheetName: FORM }]));
    expect(again.imported).toEqual([]);
    expect(again.rows[0]!.problems).toEqual([
      "Jawaban ini (2019-09-05T03:12:45.000Z) sudah pernah diimpor.",
    ]);
    expect(
      sheet(w.rt, "Quickwin").values.filter((r) => String(r[0]).startsWith("QW-")),
    ).toHaveLength(5);
  });

  it("follows a corrected mapping", () => {
    const w = world({ quickwins: 0 });
    withForm(w);
    const p = ok<ImportPreview>(
      w.call("previewImport", [
        {
          sheetName: FORM,
          mapping: {
            name: 2,
            agency: 1,
            dimension: 3,
            description: 4,
            startDate: 5,
            endDate: 6,
            budget: null,
          },
        },
      ]),
    );
    // Budget not mapped: 0; no timestamp: duplicates by name and agency only.
    expect(p.rows[0]!.values.budget).toBe(0);
    expect(p.rows[0]!.source).toBe("");
    expect(p.rows.map((r) => r.status)).toEqual([
      "valid",
      "valid",
      "invalid",
      "valid",
      "duplicate",
    ]);
  });

  it("refuses its own sheets, a missing sheet, a reviewer and a bad mapping, writing nothing", () => {
    const w = world();
    withForm(w);
    const before = dataSnapshot(w.rt);
    expect(failure(w.call("previewImport", [{ sheetName: "Quickwin" }]))).toMatch(
      /lembar milik Penilaian Quickwin/,
    );
    expect(failure(w.call("importQuickwins", [{ sheetName: "Tidak Ada" }]))).toBe(
      "Lembar Tidak Ada tidak ditemukan di spreadsheet ini.",
    );
    expect(failure(w.call("importQuickwins", [{ sheetName: FORM }], REV_B))).toMatch(
      /koordinator/i,
    );
    expect(failure(w.call("previewImport", [{ sheetName: FORM, mapping: { name: -1 } }]))).toMatch(
      /^Data tidak valid/,
    );
    expect(dataSnapshot(w.rt)).toBe(before);
  });
});

describe("importQuickwins and the agency list (DESIGN §2)", () => {
  const HEADER = ["Stempel waktu", "Nama OPD", "Nama Quickwin", "Dimensi", "Tanggal mulai"];
  const HEAD = ["Tanggal selesai", "Anggaran"];

  /** A response sheet of one row per [agency, quickwin name]. */
  function form(w: ReturnType<typeof world>, name: string, rows: [string, string][]): void {
    const app = w.rt.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () => {
      app.getActiveSpreadsheet().insertSheet(name);
    });
    w.rt.emulator.typeInto(name, `A1:G${rows.length + 1}`, [
      [...HEADER, ...HEAD],
      ...rows.map(([agency, title], i) => [
        `2019-09-0${i + 1} 10:00:00`,
        agency,
        title,
        "Smart Governance",
        "2019-09-05",
        "2019-10-05",
        "Rp 1.000.000",
      ]),
    ]);
  }

  /** The names on the agency list, in its order. */
  const listed = (w: ReturnType<typeof world>) =>
    sheet(w.rt, "Daftar OPD")
      .values.slice(1)
      .map((r) => String(r[0]))
      .filter((n) => n !== "");

  function listedWorld() {
    const w = world({ quickwins: 2 });
    ok(
      w.call("saveAgencies", [
        [
          { name: "Dinas Kesehatan", shortName: "Dinkes", aliases: [] },
          { name: "Bappeda", aliases: [] },
        ],
      ]),
    );
    return w;
  }

  it("adds a new name once, never a short name of a listed agency; a second import adds nothing", () => {
    const w = listedWorld();
    form(w, "Formulir", [
      ["Dinas Pariwisata", "Wisata Digital"],
      ["Dinkes", "Antrean Puskesmas"],
      ["dinas  pariwisata", "Peta Wisata"],
    ]);
    const done = ok<ImportResult>(w.call("importQuickwins", [{ sheetName: "Formulir" }]));
    expect(done.imported).toHaveLength(3);
    expect(w.rt.emulator.serviceCalls).toBeLessThanOrEqual(25);
    expect(listed(w)).toEqual(["Dinas Kesehatan", "Bappeda", "Dinas Pariwisata"]);
    // The quickwins keep the agency as typed; the list resolves it.
    const agencies = sheet(w.rt, "Quickwin")
      .values.slice(1)
      .filter((r) => String(r[1]).match(/Wisata|Antrean/))
      .map((r) => r[2]);
    expect(agencies).toEqual(["Dinas Pariwisata", "Dinkes", "dinas  pariwisata"]);
    const before = dataSnapshot(w.rt);
    const again = ok<ImportResult>(w.call("importQuickwins", [{ sheetName: "Formulir" }]));
    expect(again.imported).toEqual([]);
    expect(dataSnapshot(w.rt)).toBe(before);
    // The log says what joined the list.
    const log = sheet(w.rt, "Log").values.map((r) => String(r[4]));
    expect(log.some((d) => d.includes("Dinas Pariwisata"))).toBe(true);
  });

  it("adds several new names in one block, each once, the list's own rows untouched", () => {
    const w = listedWorld();
    form(w, "Formulir", [
      ["Dinas Pariwisata", "Wisata Digital"],
      ["Dinas Perhubungan", "Halte Pintar"],
      ["Bappeda", "Peta Anggaran"],
      ["Dinas Perhubungan", "Parkir Daring"],
    ]);
    ok(w.call("importQuickwins", [{ sheetName: "Formulir" }]));
    expect(w.rt.emulator.serviceCalls).toBeLessThanOrEqual(25);
    expect(listed(w)).toEqual([
      "Dinas Kesehatan",
      "Bappeda",
      "Dinas Pariwisata",
      "Dinas Perhubungan",
    ]);
    expect(sheet(w.rt, "Daftar OPD").values[1]).toEqual(["Dinas Kesehatan", "Dinkes", ""]);
  });

  it("brings a stale agency index up to date with the log's own write, still within 25 calls", () => {
    const w = listedWorld();
    // A short name typed by hand, its index left as it was (as when the edit trigger could
    // not run): the index no longer matches the list.
    const props = () =>
      w.rt.emulator.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService;
    const stored = () =>
      w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () =>
        props().getDocumentProperties().getProperty("quickwin.agencies"),
      ).value;
    const before = stored();
    w.rt.emulator.typeInto("Daftar OPD", "B3", [["BAPP"]]);
    w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () =>
      props()
        .getDocumentProperties()
        .setProperty("quickwin.agencies", before ?? "[]"),
    );
    expect(stored()).not.toContain('"bapp"');
    form(w, "Formulir", [
      ["Dinas Pariwisata", "Wisata Digital"],
      ["Dinas Perhubungan", "Halte Pintar"],
      ["BAPP", "Peta Anggaran"],
    ]);
    const done = ok<ImportResult>(w.call("importQuickwins", [{ sheetName: "Formulir" }]));
    expect(done.imported).toHaveLength(3);
    expect(w.rt.emulator.serviceCalls).toBeLessThanOrEqual(25);
    // "BAPP" is Bappeda's now: not added; the index knows it; the log row is sealed in order.
    expect(listed(w)).toEqual([
      "Dinas Kesehatan",
      "Bappeda",
      "Dinas Pariwisata",
      "Dinas Perhubungan",
    ]);
    expect(stored()).toContain('"bapp"');
    const check = ok<{ log: { tampered: unknown[]; gaps: unknown[] } }>(w.call("verifyLedger", []));
    expect(check.log).toMatchObject({ tampered: [], gaps: [] });
    expect(sheet(w.rt, "Log").values.at(-1)!.join(" ")).toMatch(/Dinas Perhubungan/);
  });

  it("takes the names out again when the quickwins' write fails: never half an import", () => {
    const w = listedWorld();
    form(w, "Formulir", [
      ["Dinas Pariwisata", "Wisata Digital"],
      ["Dinas Perhubungan", "Halte Pintar"],
    ]);
    const before = dataSnapshot(w.rt);
    const methods: string[] = [];
    let failed = false;
    w.rt.emulator.onServiceCall((c) => {
      if (c.depth !== 0) return;
      methods.push(c.method);
      // The quickwins' block: its first call after the agencies' block (getRange, setValues).
      if (!failed && c.method === "Sheet.insertRowsAfter") {
        failed = true;
        w.rt.emulator.failOnCall(
          1,
          "Exception: Unexpected error while getting the method or property",
        );
      }
    });
    const r = w.call("importQuickwins", [{ sheetName: "Formulir" }]);
    w.rt.emulator.onServiceCall(null);
    expect(failed).toBe(true);
    expect(r.ok).toBe(false);
    expect(dataSnapshot(w.rt)).toBe(before);
    expect(listed(w)).toEqual(["Dinas Kesehatan", "Bappeda"]);
  });
});
