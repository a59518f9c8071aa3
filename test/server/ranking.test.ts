// computeRanking and exportShortlist: exactly the engine's result for the same data, the
// ranking sheet's contents, highlight and chart, the printable shortlist and its CSV.
import { describe, expect, it } from "vitest";
import { defaultCsvStyle } from "../../src/core/csv";
import { calibrationWords, rankQuickwins, translator } from "../../src/core/index";
import type { ComputeRankingResult, ExportResult } from "../../src/core/types";
import { csvCell, toCsv } from "../../src/server/csv";
import { SHORTLIST_LINE_CHARS } from "../../src/server/layout";
import { formatLongDateTime } from "../../src/server/output";
import { COORD, failure, ok, REV_A, REV_B, REV_C, sheet, world } from "./helpers";

function scored() {
  const w = world({ quickwins: 6 });
  // Varied scores; A is from Dinkes and cannot score QW-001 (Dinkes) or QW-006 (Dinkes).
  const plan: [string, string, number][] = [
    [REV_B, "QW-001", 5],
    [REV_C, "QW-001", 4],
    [REV_B, "QW-002", 3],
    [REV_C, "QW-002", 3],
    [REV_A, "QW-002", 2],
    [REV_B, "QW-003", 4],
    [REV_A, "QW-003", 5],
    [REV_B, "QW-004", 1],
    [REV_C, "QW-004", 2],
    [REV_A, "QW-005", 4],
    [REV_B, "QW-005", 5],
    [REV_B, "QW-002", 4], // a re-score: the latest counts
  ];
  for (const [email, id, v] of plan) {
    const s = w.scores(v);
    s[w.criteria[0]!] = Math.max(1, v - 1);
    ok(w.call("submitReview", [{ quickwinId: id, scores: s, comment: `${email} ${id}` }], email));
  }
  ok(w.call("submitReview", [{ quickwinId: "QW-006", declaredConflict: true }], REV_C));
  ok(w.call("saveSettings", [{ shortlistSize: 3, bootstrapResamples: 200, maxPerAgency: 1 }]));
  return w;
}

describe("computeRanking", () => {
  it("returns exactly what rankQuickwins gives for the same data", () => {
    const w = scored();
    const result = ok<ComputeRankingResult>(w.call("computeRanking", []));
    const state = ok<{
      criteria: never[];
      quickwins: (Record<string, unknown> & { id: string })[];
      panel: never[];
      settings: never;
    }>(w.call("getSidebarState", []));
    const ledger = sheet(w.rt, "Penilaian")
      .values.slice(1)
      .map((r) => ({
        // No. urut, Waktu, ID quickwin, Penilai, Nilai, Nilai (JSON), Komentar, Konflik, Segel
        submittedAt: String(r[1]),
        quickwinId: String(r[2]),
        reviewer: String(r[3]),
        scores: JSON.parse(String(r[5])) as Record<string, number>,
        comment: String(r[6]),
        declaredConflict: r[7] === "ya",
      }));
    const quickwins = state.quickwins.map(({ status, agencyConflict, editable, ...q }) => {
      void status;
      void agencyConflict;
      void editable;
      return q;
    });
    const expected = rankQuickwins({
      criteria: state.criteria,
      quickwins: quickwins as never,
      reviewers: state.panel,
      reviews: ledger,
      settings: state.settings,
      locale: "id",
    } as never);
    const { rowProblems, computedAt, ledger: check, ...rest } = result;
    expect(rest).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(check).toMatchObject({ rows: ledger.length, sealed: ledger.length, tampered: [] });
    expect(rowProblems).toEqual([]);
    expect(Number.isNaN(Date.parse(computedAt))).toBe(false);
    expect(result.shortlist.length).toBeGreaterThan(0);
    expect(result.problems.map((p) => p.code)).toContain("conflict-of-interest");
  });

  it("writes the ranking sheet in rank order with words, highlight and one chart", () => {
    const w = scored();
    const result = ok<ComputeRankingResult>(w.call("computeRanking", []));
    ok(w.call("computeRanking", [])); // a second run replaces, never adds
    const values = sheet(w.rt, "Peringkat").values;
    expect(values[0]).toEqual([
      "Peringkat",
      "ID quickwin",
      "Nama",
      "Skor",
      "OPD",
      "Dimensi",
      "Skor mentah",
      "Jumlah penilaian",
      "Simpangan baku",
      "Rentang peringkat (90%)",
      "Peluang masuk daftar pendek (%)",
      "Skor per Rp1 juta",
      "Daftar pendek",
      "Catatan",
      "Skor — daftar pendek",
      "Skor — lainnya",
    ]);
    const body = values.slice(1, 1 + result.rows.length);
    expect(body.map((r) => r[1])).toEqual(result.rows.map((r) => r.quickwinId));
    // Below the table, after a blank row: the calibration in words.
    expect(values[result.rows.length + 1]!.every((c) => c === "")).toBe(true);
    expect(values[result.rows.length + 2]![0]).toBe(
      calibrationWords(result.calibration, translator("id")),
    );
    // Then the ledger's length and last seal, for a printout.
    expect(values[result.rows.length + 3]![0]).toBe(
      `Buku penilaian: ${result.ledger.length} penilaian; segel terakhir ${result.ledger.lastSeal}`,
    );
    expect(values).toHaveLength(result.rows.length + 4);
    result.rows.forEach((r, i) => {
      const row = body[i]!;
      expect(row[0]).toBe(r.rank ?? "");
      // The full score (shown with one decimal by the column's format), chances in whole percent.
      expect(row[3]).toBe(r.score ?? "");
      expect(row[10]).toBe(r.pShortlist === null ? "" : Math.round(r.pShortlist * 100));
      expect(row[7]).toBe(r.reviewCount);
      expect(row[12]).toBe(r.shortlisted ? "ya" : "");
    });
    const tooFew = body.find((r) => r[1] === "QW-006")!;
    expect(tooFew[13]).toMatch(/Penilaian belum cukup/);
    const json = w.rt.emulator.toJSON().sheets.find((s) => s.name === "Peringkat")!;
    expect(json.charts).toHaveLength(1);
    expect(json.charts[0]!.type.toUpperCase()).toContain("BAR");
    // The highlight is setup's conditional-format rule on the "Daftar pendek" column (M), in
    // the sheet's language, over every row below the header; the ranking writes no colours.
    expect(json.conditionalFormats).toEqual([
      { ranges: ["A2:P"], formula: '=$M2="ya"', background: "#d9ead3" },
    ]);
    expect(json.cells.some((c) => c.st?.background !== undefined)).toBe(false);
    // The rule holds exactly on the shortlisted rows (the preview grid evaluates it per cell).
    const grid = w.rt.emulator.grid().sheets.find((s) => s.name === "Peringkat")!;
    // Scores show one decimal the Indonesian way (the cells above keep every digit).
    result.rows.forEach((r, i) => {
      const shown = grid.display[i + 1]!;
      const oneDecimal = (v: number | null) => (v === null ? "" : v.toFixed(1).replace(".", ","));
      expect(shown[3]).toBe(oneDecimal(r.score));
      expect(shown[6]).toBe(oneDecimal(r.rawScore));
      expect(shown[8]).toBe(oneDecimal(r.sd));
      expect(shown[14]! + shown[15]!).toBe(oneDecimal(r.score));
    });
    expect(
      result.rows.some((r) => r.score !== null && r.score !== Math.round(r.score * 10) / 10),
    ).toBe(true);
    expect(grid.backgrounds[0]!.every((b) => b === null)).toBe(true);
    result.rows.forEach((r, i) => {
      const row = grid.backgrounds[i + 1]!;
      expect(row.every((b) => b === (r.shortlisted ? "#d9ead3" : null))).toBe(true);
    });
    expect(
      grid.backgrounds
        .slice(result.rows.length + 1)
        .flat()
        .every((b) => b === null),
    ).toBe(true);
  });

  it("a reopened sidebar keeps the ranking the ranking sheet holds (coordinators only)", () => {
    const w = scored();
    const before = ok<{ lastRanking?: unknown }>(w.call("getSidebarState", []));
    expect(before.lastRanking).toBeUndefined();
    const result = ok<ComputeRankingResult>(w.call("computeRanking", []));
    // A new sidebar (a new execution): the ranking is read back from its sheet.
    type Last = { rows: number; ranked: number; shortlist: string[]; outdated: boolean };
    const state = ok<{ lastRanking?: Last }>(w.call("getSidebarState", []));
    expect(state.lastRanking).toEqual({
      rows: result.rows.length,
      ranked: result.rows.filter((r) => r.rank !== null).length,
      shortlist: result.shortlist,
      outdated: false,
    });
    // A review after the ranking: the sheet's ranking is kept, marked outdated.
    ok(w.call("submitReview", [{ quickwinId: "QW-004", scores: w.scores(3) }], REV_A));
    const later = ok<{ lastRanking?: Last }>(w.call("getSidebarState", []));
    expect(later.lastRanking).toMatchObject({ shortlist: result.shortlist, outdated: true });
    ok(w.call("computeRanking", []));
    const again = ok<{ lastRanking?: Last }>(w.call("getSidebarState", []));
    expect(again.lastRanking?.outdated).toBe(false);
    expect(result.shortlist.length).toBeGreaterThan(0);
    const reviewer = ok<{ lastRanking?: unknown }>(w.call("getSidebarState", [], REV_B));
    expect(reviewer.lastRanking).toBeUndefined();
  });

  it("shrinking data leaves no stale rows", () => {
    const w = scored();
    ok(w.call("computeRanking", []));
    w.rt.emulator.typeInto(
      "Quickwin",
      "A4:M7",
      Array.from({ length: 4 }, () => new Array(13).fill("")),
    );
    ok(w.call("computeRanking", []));
    // Rows 4–7 (QW-003…QW-006) were cleared by hand: only two quickwins remain.
    expect(
      sheet(w.rt, "Peringkat")
        .values.slice(1, 3)
        .map((r) => r[1])
        .filter((id) => id !== "")
        .sort(),
    ).toEqual(["QW-001", "QW-002"]);
    // Header, two rows, a blank row, the calibration line and the ledger's line.
    expect(sheet(w.rt, "Peringkat").values).toHaveLength(6);
    expect(sheet(w.rt, "Peringkat").values[5]![0]).toMatch(/^Buku penilaian: \d+ penilaian/);
  });

  it("explains an empty rubric instead of crashing", () => {
    const w = world();
    w.rt.emulator.typeInto(
      "Kriteria",
      "A2:G6",
      Array.from({ length: 5 }, () => new Array(7).fill("")),
    );
    expect(failure(w.call("computeRanking", []))).toMatch(/Rubrik belum memiliki kriteria/);
  });
});

describe("the ranking sheet's chart", () => {
  it("names on the axis in rank order, scores on 0–100, the shortlist in its own colour", () => {
    const w = scored();
    const result = ok<ComputeRankingResult>(w.call("computeRanking", []));
    const app = w.rt.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const chart = w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () => {
      const charts = app.getActiveSpreadsheet().getSheetByName("Peringkat")!.getCharts();
      const options = charts[0]!.getOptions();
      return {
        count: charts.length,
        ranges: charts[0]!.getRanges().map((r) => r.getA1Notation()),
        series: charts[0]!.getRanges().map((r) => r.getValues()),
        stacked: options.get("isStacked"),
        colors: options.get("colors"),
        axis: [
          options.get("hAxis.viewWindow.min"),
          options.get("hAxis.viewWindow.max"),
          options.get("hAxis.title"),
        ],
        legend: options.get("legend"),
      };
    }).value;
    expect(chart.count).toBe(1);
    // The domain (names), then the two score columns side by side: one range, two series.
    expect(chart.ranges).toEqual(["C1:C21", "O1:P21"]);
    expect(chart.stacked).toBe(true);
    expect(chart.colors).toEqual(["#1a73e8", "#9aa0a6"]);
    expect(chart.axis).toEqual([0, 100, "Skor (0–100)"]);
    expect(chart.legend).toEqual({ position: "bottom" });
    const [names, scores] = chart.series as [unknown[][], unknown[][]];
    // The headers are the legend's words.
    expect(scores[0]).toEqual(["Skor — daftar pendek", "Skor — lainnya"]);
    const names_ = new Map(
      ok<{ quickwins: { id: string; name: string }[] }>(
        w.call("getSidebarState", []),
      ).quickwins.map((q) => [q.id, q.name]),
    );
    // One row per quickwin in rank order, its score in exactly one series: the first when
    // shortlisted (blue), else the second (grey); the rows below the ranking are blank.
    result.rows.forEach((r, i) => {
      expect(names[i + 1]![0]).toBe(names_.get(r.quickwinId));
      const [listed, other] = scores[i + 1]!;
      expect(listed).toBe(r.shortlisted ? (r.score ?? "") : "");
      expect(other).toBe(r.shortlisted ? "" : (r.score ?? ""));
    });
    expect(result.rows.filter((r) => r.shortlisted)).toHaveLength(3);
    expect(
      scores
        .slice(1 + result.rows.length)
        .flat()
        .filter((c) => typeof c === "number"),
    ).toEqual([]);
  });
});

describe("exportShortlist", () => {
  it("writes a printable shortlist and returns the ids and an escaped CSV", () => {
    const w = scored();
    ok(
      w.call(
        "saveQuickwin",
        [
          {
            name: "=cmd|' /C calc'!A0",
            agency: "Disdagperin",
            dimension: "economy",
            description: '@SUM(1,2)\nbaris dua, "kutip"',
            startDate: "2019-09-01",
            endDate: "2019-09-30",
            budget: 0,
          },
        ],
        COORD,
      ),
    );
    for (const email of [REV_B, REV_C]) {
      ok(w.call("submitReview", [{ quickwinId: "QW-007", scores: w.scores(5) }], email));
    }
    ok(w.call("saveSettings", [{ maxPerAgency: 0 }]));
    const ranking = ok<ComputeRankingResult>(w.call("computeRanking", []));
    const r = ok<ExportResult>(w.call("exportShortlist", []));
    expect(r.sheetName).toBe("Daftar Pendek");
    expect(r.quickwinIds).toEqual(ranking.shortlist);
    expect(r.quickwinIds).toContain("QW-007");
    // Indonesian sheets: the semicolon style, decimal commas (core/csv.ts).
    const lines = r.csv.split("\r\n");
    expect(lines[0]).toBe(
      "Peringkat;ID quickwin;Nama;OPD;Dimensi;Tahapan;Tanggal mulai;Tanggal selesai;Anggaran (Rp);Skor;Rentang peringkat (90%);Peluang masuk daftar pendek (%);Skor per Rp1 juta;Catatan;Deskripsi;Tautan bukti",
    );
    expect(r.csv).toContain(`'=cmd|' /C calc'!A0`);
    // Scores as shown everywhere (one decimal) but as numbers: a decimal comma, unquoted.
    const scoreAt = lines[0]!.split(";").indexOf("Skor");
    const first = lines[1]!.match(/("[^"]*"|[^;]*)(;|$)/g)!.map((c) => c.replace(/;$/, ""));
    expect(first[scoreAt]).toMatch(/^\d+(,\d)?$/);
    const score = r.csvRows[1]![scoreAt];
    expect(typeof score).toBe("number");
    expect(Math.round((score as number) * 10)).toBe((score as number) * 10);
    expect(r.csv).toContain(`"'@SUM(1,2)\nbaris dua, ""kutip"""`);
    expect(toCsv(r.csvRows, "semicolon")).toBe(r.csv);
    // The same rows in the comma style: commas between fields, a decimal point.
    const comma = toCsv(r.csvRows, "comma").split("\r\n");
    expect(comma[0]!.startsWith("Peringkat,ID quickwin,Nama,")).toBe(true);
    expect(r.csv.endsWith("\r\n")).toBe(true);
    const page = sheet(w.rt, "Daftar Pendek").values;
    expect(page[0]![0]).toBe("Daftar Pendek Quickwin");
    expect(String(page[1]![0])).toMatch(
      /^Tanggal: (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4} pukul \d\d\.\d\d WIB, diekspor oleh Koordinator$/,
    );
    expect(String(page[2]![0])).toMatch(/^Metode: /);
    expect(page[4]![0]).toBe("Peringkat");
    const table = page.slice(5, 5 + r.quickwinIds.length);
    expect(table.map((row) => row[1])).toEqual(r.quickwinIds);
    // Then, after a blank row, the calibration in lines across the page; after another, the
    // decisions beside the computation (none recorded yet).
    const below = page.slice(5 + r.quickwinIds.length).map((row) => String(row[0]));
    const gap = below.indexOf("", 1);
    expect(below[0]).toBe("");
    expect(gap).toBeGreaterThan(1);
    const calibration = below.slice(1, gap);
    for (const l of calibration) expect(l.length).toBeLessThanOrEqual(SHORTLIST_LINE_CHARS);
    // The same words as below the ranking page's table (its row above the ledger's).
    expect(calibration.join(" ")).toBe(sheet(w.rt, "Peringkat").values.at(-2)![0]);
    expect(below.slice(gap)).toEqual([
      "",
      "Hasil hitung dan keputusan panel",
      "Panel belum mencatat keputusan.",
    ]);
    expect(page.slice(5).find((row) => row[1] === "QW-007")![2]).toBe("=cmd|' /C calc'!A0");
    expect(
      sheet(w.rt, "Daftar Pendek")
        .formulas.flat()
        .filter((f) => f !== ""),
    ).toEqual([]);
  });

  it("dates the page in the spreadsheet's time zone (WIB), in the sheets' language", () => {
    // 17:30 UTC on 5 September is already 00:30 on 6 September in Jakarta (UTC+7).
    const w = world({ quickwins: 1, now: () => Date.parse("2019-09-05T17:30:00Z") });
    ok(w.call("exportShortlist", []));
    const expected = "Tanggal: Jumat, 6 September 2019 pukul 00.30 WIB, diekspor oleh Koordinator";
    // The same clock stamps the ranking.
    const ranking = ok<ComputeRankingResult>(w.call("computeRanking", []));
    expect(ranking.computedAt).toBe("2019-09-05T17:30:00.000Z");
    expect(sheet(w.rt, "Daftar Pendek").values[1]![0]).toBe(expected);
    expect(sheet(w.rt, "Daftar Pendek").values[5]![0]).toMatch(/Belum ada quickwin/);
  });

  it("prints the export's day, date and time in the zone, named the Indonesian way", () => {
    const at = new Date("2019-10-07T03:00:00Z");
    expect(formatLongDateTime(at, "Asia/Jakarta", "id")).toBe(
      "Senin, 7 Oktober 2019 pukul 10.00 WIB",
    );
    expect(formatLongDateTime(at, "Asia/Makassar", "id")).toBe(
      "Senin, 7 Oktober 2019 pukul 11.00 WITA",
    );
    expect(formatLongDateTime(at, "Asia/Jayapura", "en")).toBe(
      "Monday, 7 October 2019 at 12:00 WIT",
    );
    // Two exports on one day differ by their time.
    const later = new Date("2019-10-07T07:45:00Z");
    expect(formatLongDateTime(later, "Asia/Jakarta", "id")).toBe(
      "Senin, 7 Oktober 2019 pukul 14.45 WIB",
    );
    expect(formatLongDateTime(at, "UTC", "en")).toBe("Monday, 7 October 2019 at 03:00 UTC");
  });
});

describe("CSV", () => {
  it("escapes formula starts and quotes per RFC 4180", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+62 812")).toBe("'+62 812");
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell("@x")).toBe("'@x");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("\rx")).toBe(`"'\rx"`);
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("baris\ndua")).toBe('"baris\ndua"');
    expect(csvCell(1500000)).toBe("1500000");
    expect(csvCell(null)).toBe("");
    expect(csvCell("Satrio Pasar")).toBe("Satrio Pasar");
    expect(
      toCsv([
        ["a", "b"],
        [1, "=x"],
      ]),
    ).toBe("a,b\r\n1,'=x\r\n");
  });

  it("writes the chosen style: numbers unguarded with their own decimal mark, text guarded", () => {
    // Numbers we wrote are numbers: -5 is read as minus five, never as a formula.
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(-0.5, "semicolon")).toBe("-0,5");
    expect(csvCell(80.3, "semicolon")).toBe("80,3");
    expect(csvCell(80.3, "comma")).toBe("80.3");
    // Text: a leading @ stays guarded (Excel reads it as a formula start in a CSV).
    expect(csvCell("@PatiBersih", "semicolon")).toBe("'@PatiBersih");
    expect(csvCell("-5", "semicolon")).toBe("'-5");
    // Quoting follows the separator in use.
    expect(csvCell("a;b", "semicolon")).toBe('"a;b"');
    expect(csvCell("a,b", "semicolon")).toBe("a,b");
    expect(csvCell("a;b", "comma")).toBe("a;b");
    expect(
      toCsv(
        [
          ["Nama", "Skor"],
          ["Pasar, Baru", 3.5],
        ],
        "semicolon",
      ),
    ).toBe("Nama;Skor\r\nPasar, Baru;3,5\r\n");
    expect(defaultCsvStyle("id")).toBe("semicolon");
    expect(defaultCsvStyle("en")).toBe("comma");
  });
});
