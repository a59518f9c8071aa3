// exportShortlist outside the lock (DESIGN §2) and its page of computed vs decided (issue #15):
// the sheets are read and the ranking computed with no lock held; a review landing between the
// read and the write makes the export recompute once; one landing during the recomputation too
// leaves a page that says it is outdated. Below the shortlist the page shows the panel's
// decisions beside the computation, marking where they differ.
import { describe, expect, it } from "vitest";
import { formatInteger } from "../../src/core/format";
import { translator } from "../../src/core/i18n";
import type { ExportResult } from "../../src/core/types";
import { cellDataAt, createEmulator, type WorkbookData } from "../../src/preview/emulator";
import { loadServer, type RpcResult } from "../../src/preview/script-host";
import {
  SHORTLIST_HIDDEN,
  SHORTLIST_LINE_CHARS,
  SHORTLIST_WIDTHS,
  SPECS,
} from "../../src/server/layout";
import { COORD, ok, REV_A, REV_B, REV_C, sheet, world } from "./helpers";

const base = world({ quickwins: 4 });
for (const [email, id, score] of [
  [REV_B, "QW-001", 5],
  [REV_C, "QW-001", 5],
  [REV_B, "QW-002", 3],
  [REV_C, "QW-002", 3],
] as const) {
  ok(base.call("submitReview", [{ quickwinId: id, scores: base.scores(score) }], email));
}
ok(base.call("saveSettings", [{ bootstrapResamples: 20, shortlistSize: 1, minReviews: 1 }]));
// Each run opens its own workbook from this (createEmulator copies what it is given).
const DATA: WorkbookData = base.rt.emulator.toJSON();
const as = (email: string, locale = "id") => ({ email, locale });
const fresh = () => loadServer({ emulator: createEmulator({ data: DATA, bufferedWrites: true }) });
// QW-003 has no review yet: a review of it during the export shows on the page.
const late = { quickwinId: "QW-003", scores: base.scores(5), comment: "late" };
const later = { quickwinId: "QW-004", scores: base.scores(4) };

/** The page's rows from the table's header (row 5) on, first cells only where wanted. */
function page(rt: ReturnType<typeof fresh>) {
  return sheet(rt, "Daftar Pendek").values;
}

describe("exportShortlist outside the lock", () => {
  const probe = fresh();
  const methods: string[] = [];
  probe.emulator.onServiceCall((info) => {
    if (info.depth === 0) methods.push(info.method);
  });
  const plain = ok<ExportResult>(probe.call("exportShortlist", [], as(COORD)));
  probe.emulator.onServiceCall(null);

  /** Exports with a review submitted just before the n-th time the export asks for the lock. */
  function exportWithReviews(reviews: [string, object][]) {
    const rt = fresh();
    const results: RpcResult[] = [];
    let locks = 0;
    rt.emulator.onServiceCall((info) => {
      if (info.depth !== 0 || info.method !== "LockService.getDocumentLock") return;
      const next = reviews[locks++];
      if (next) results.push(rt.call("submitReview", [next[1]], as(next[0])));
    });
    const exported = rt.call("exportShortlist", [], as(COORD));
    rt.emulator.onServiceCall(null);
    return { rt, exported, results, locks };
  }

  it("reads every sheet before the lock; under it only the seal's counters, then the write", () => {
    const lockedFrom = methods.indexOf("Lock.waitLock") + 1;
    const underLock = methods.slice(lockedFrom);
    expect(underLock).toEqual([
      "Properties.getProperties",
      "Sheet.getRange",
      "Range.setValues",
      "SpreadsheetApp.flush",
    ]);
    expect(methods.filter((m) => m === "Lock.waitLock")).toHaveLength(1);
    expect(methods).toHaveLength(25);
    expect(plain.quickwinIds).toEqual(["QW-001"]);
  });

  it("recomputes once when a review lands between the read and the write, and counts it", () => {
    const { rt, exported, results, locks } = exportWithReviews([[REV_A, late]]);
    ok(results[0]!);
    const r = ok<ExportResult>(exported);
    expect(locks).toBe(2);
    // QW-003 scored 5 by one reviewer now ties with QW-001 on the top: it is ranked with it.
    const values = page(rt);
    const ledgerRow = String(values[3]![0]);
    expect(ledgerRow).toMatch(/^Buku penilaian: 5 penilaian; segel terakhir \S+$/);
    expect(ledgerRow).not.toMatch(/usang/);
    expect(r.csv).toContain("QW-00");
    // The recomputed ranking is the one a fresh export gives now.
    const again = ok<ExportResult>(rt.call("exportShortlist", [], as(COORD)));
    expect(r.quickwinIds).toEqual(again.quickwinIds);
    expect(r.csvRows).toEqual(again.csvRows);
  });

  it("a review landing during the recomputation too: the page says it is outdated, by how much", () => {
    const { rt, exported, results, locks } = exportWithReviews([
      [REV_A, late],
      [REV_B, later],
    ]);
    ok(results[0]!);
    ok(results[1]!);
    ok(exported);
    expect(locks).toBe(2);
    const ledgerRow = String(page(rt)[3]![0]);
    expect(ledgerRow).toMatch(
      /^Buku penilaian: 5 penilaian; segel terakhir \S+ — PERHATIAN: 1 penilaian masuk setelah daftar ini dihitung; daftar ini sudah usang — ekspor ulang\.$/,
    );
    // Exported again, the page is current and no longer says so.
    ok(rt.call("exportShortlist", [], as(COORD)));
    expect(String(page(rt)[3]![0])).toMatch(/^Buku penilaian: 6 penilaian; segel terakhir \S+$/);
  });
});

describe("the shortlist page: computed vs decided", () => {
  it("shows each decision beside the computation, with its reason, marking a departure", () => {
    const rt = fresh();
    // QW-001 is the computed shortlist (size 1). The panel drops it and picks QW-002 instead.
    ok(
      rt.call(
        "recordDecision",
        [{ quickwinId: "QW-002", decision: "selected", reason: "Siap dipamerkan bulan ini." }],
        as(COORD),
      ),
    );
    ok(
      rt.call(
        "recordDecision",
        [{ quickwinId: "QW-001", decision: "not-selected", reason: "Anggaran belum ada." }],
        as(COORD),
      ),
    );
    const r = ok<ExportResult>(rt.call("exportShortlist", [], as(COORD)));
    // The export's ids and CSV stay the computed shortlist.
    expect(r.quickwinIds).toEqual(["QW-001"]);
    const values = page(rt);
    const start = values.findIndex((row) => row[0] === "Hasil hitung dan keputusan panel");
    expect(start).toBeGreaterThan(5);
    const table = values.slice(start + 1, start + 4).map((row) => row.slice(0, 6));
    expect(table).toEqual([
      ["ID quickwin", "Nama", "Hasil hitung", "Keputusan", "Alasan", "Catatan"],
      [
        "QW-001",
        "Quickwin 1",
        "Masuk daftar pendek",
        "Tidak dipilih",
        "Anggaran belum ada.",
        "⚠ berbeda dari hasil hitung",
      ],
      [
        "QW-002",
        "Quickwin 2",
        "Tidak masuk daftar pendek",
        "Dipilih",
        "Siap dipamerkan bulan ini.",
        "⚠ berbeda dari hasil hitung",
      ],
    ]);
    // Nothing below the table but blank rows.
    expect(values.slice(start + 4).every((row) => row.every((c) => c === ""))).toBe(true);
  });

  it("a decision agreeing with the computation has no mark; one taken on another ranking says so", () => {
    const rt = fresh();
    ok(rt.call("recordDecision", [{ quickwinId: "QW-001", decision: "selected" }], as(COORD)));
    // Then reviews move QW-003 above QW-001: the decision was taken on a ranking now outdated.
    for (const email of [REV_A, REV_B]) {
      ok(rt.call("submitReview", [{ quickwinId: "QW-003", scores: base.scores(5) }], as(email)));
    }
    ok(rt.call("submitReview", [{ quickwinId: "QW-001", scores: base.scores(1) }], as(REV_B)));
    const r = ok<ExportResult>(rt.call("exportShortlist", [], as(COORD)));
    expect(r.quickwinIds).toEqual(["QW-003"]);
    const values = page(rt);
    const start = values.findIndex((row) => row[0] === "Hasil hitung dan keputusan panel");
    const rows = values.slice(start + 2, start + 4).map((row) => row.slice(0, 6));
    expect(rows).toEqual([
      ["QW-003", "Quickwin 3", "Masuk daftar pendek", "Belum diputuskan", "", ""],
      [
        "QW-001",
        "Quickwin 1",
        "Tidak masuk daftar pendek",
        "Dipilih",
        "",
        "⚠ berbeda dari hasil hitung; diputuskan dari peringkat yang sudah usang",
      ],
    ]);
  });

  it("is written in the sheets' language, with who exported it", () => {
    const w = world({ quickwins: 0, locale: "en" });
    ok(w.call("exportShortlist", []));
    const values = sheet(w.rt, "Shortlist").values;
    expect(String(values[1]![0])).toMatch(/^Date: .* at \d\d:\d\d \w+, exported by Koordinator$/);
    expect(values.map((row) => row[0])).toContain("Computation and the panel's decisions");
    expect(values.map((row) => row[0])).toContain("The panel has recorded no decision yet.");
  });
});

describe("recordDecision outside the lock", () => {
  /** Records a decision with a review submitted just before it first asks for the lock. */
  function decideWithReview(decision: object, review: [string, object]) {
    const rt = fresh();
    // QW-003 scored 4 twice: below QW-001 (5, 5) until B re-scores QW-001 with 1.
    for (const email of [REV_A, REV_B]) {
      ok(rt.call("submitReview", [{ quickwinId: "QW-003", scores: base.scores(4) }], as(email)));
    }
    expect(ok<ExportResult>(rt.call("exportShortlist", [], as(COORD))).quickwinIds).toEqual([
      "QW-001",
    ]);
    let locks = 0;
    let submitted: RpcResult | null = null;
    rt.emulator.onServiceCall((info) => {
      if (info.depth !== 0 || info.method !== "LockService.getDocumentLock") return;
      if (locks++ === 0) submitted = rt.call("submitReview", [review[1]], as(review[0]));
    });
    const result = rt.call("recordDecision", [decision], as(COORD));
    rt.emulator.onServiceCall(null);
    ok(submitted as unknown as RpcResult);
    expect(ok<ExportResult>(rt.call("exportShortlist", [], as(COORD))).quickwinIds).toEqual([
      "QW-003",
    ]);
    return { rt, result, locks };
  }
  const drop = [REV_B, { quickwinId: "QW-001", scores: base.scores(1) }] as [string, object];

  it("judges the call again when a review lands before its write: the row says what holds now", () => {
    // QW-003 is not shortlisted when read; the late review puts it on the shortlist.
    const { rt, result, locks } = decideWithReview(
      { quickwinId: "QW-003", decision: "selected", reason: "Siap diluncurkan." },
      drop,
    );
    const d = ok<{ computed: boolean; departs: boolean }>(result);
    expect(locks).toBe(2);
    // Judged on the ranking read it departed from the computation; on the ranking now, not.
    expect(d).toMatchObject({ computed: true, departs: false });
    expect(sheet(rt, "Keputusan").values).toHaveLength(2);
  });

  it("refuses, writing nothing, when the recomputed ranking makes the call depart without a reason", () => {
    // Selecting QW-001 agreed with the ranking read; the review landing meanwhile drops it.
    const { rt, result, locks } = decideWithReview(
      { quickwinId: "QW-001", decision: "selected" },
      drop,
    );
    expect(locks).toBe(1);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/Tuliskan alasan memilih/);
    expect(sheet(rt, "Keputusan").values).toHaveLength(1);
    expect(sheet(rt, "Log").values.some((r) => r[3] === "Keputusan dicatat")).toBe(false);
  });
});

describe("a decisions sheet that cannot be read", () => {
  it("the shortlist page says so (never 'no decision'); the minutes are refused, nothing written", () => {
    const rt = fresh();
    ok(rt.call("recordDecision", [{ quickwinId: "QW-001", decision: "selected" }], as(COORD)));
    const app = rt.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    // A person clears the decisions sheet's header row.
    rt.emulator.runExecution(as(COORD), () =>
      app.getActiveSpreadsheet().getSheetByName("Keputusan")!.getRange("A1:H1").clearContent(),
    );
    const exported = rt.call("exportShortlist", [], as(COORD));
    ok(exported);
    expect(exported.serviceCalls).toBeLessThanOrEqual(25);
    const firstCells = page(rt).map((row) => row[0]);
    expect(firstCells).toContain(
      "Keputusan panel tidak dapat dibaca: lembar Keputusan hilang atau rusak. Mencatat satu keputusan di tampilan rapat memperbaikinya; lalu ekspor ulang.",
    );
    expect(firstCells).not.toContain("Panel belum mencatat keputusan.");
    const minutesBefore = JSON.stringify(sheet(rt, "Berita Acara").values);
    const minutes = rt.call("exportMinutes", [], as(COORD));
    expect(minutes.ok).toBe(false);
    if (!minutes.ok) expect(minutes.error.message).toMatch(/^Berita acara tidak dibuat: /);
    expect(JSON.stringify(sheet(rt, "Berita Acara").values)).toBe(minutesBefore);
    // Recording a decision repairs the sheet (its rows kept): both work again.
    ok(rt.call("recordDecision", [{ quickwinId: "QW-002", decision: "not-selected" }], as(COORD)));
    ok(rt.call("exportShortlist", [], as(COORD)));
    expect(page(rt).map((row) => row[1])).toContain("Quickwin 2");
    ok(rt.call("exportMinutes", [], as(COORD)));
  });
});

describe("the shortlist page prints on A4 (issue #15)", () => {
  const json = (rt: ReturnType<typeof fresh>) =>
    rt.emulator.toJSON().sheets.find((s) => s.name === "Daftar Pendek")!;
  const at = (key: string) => SPECS.shortlist.columns.findIndex((c) => c.key === key) + 1;
  const hidden = SHORTLIST_HIDDEN.map(at);

  /** The page's print set-up as the emulator recorded it. */
  function printSetup(rt: ReturnType<typeof fresh>) {
    const s = json(rt);
    const style = (r: number, c: number) => cellDataAt(s, r, c)?.st ?? {};
    const width = SPECS.shortlist.columns.length;
    const header = SPECS.shortlist.headerRow;
    return {
      widths: SHORTLIST_WIDTHS.map((_, i) => s.columnWidths[String(i + 1)] ?? 100),
      hidden: s.hiddenColumns,
      // The table wraps from its header down (far below too), but column A, and not above.
      tableWraps: [header, header + 1, 400, 1000].every((r) =>
        Array.from({ length: width - 1 }, (_, i) => i + 2).every((c) => style(r, c).wrap === true),
      ),
      unwrapped: [
        [1, 1],
        [3, 1],
        [3, 2],
        [header, 1],
        [header + 1, 1],
        [400, 1],
      ].every(([r, c]) => style(r!, c!).wrap !== true),
      titleSize: style(1, 1).fontSize,
    };
  }

  const expected = {
    widths: [...SHORTLIST_WIDTHS],
    hidden,
    tableWraps: true,
    unwrapped: true,
    titleSize: 14,
  };

  it("is sized for A4 landscape by the first setup, the description and link left off", () => {
    expect(hidden).toEqual([at("description"), at("description") + 1]);
    expect(SHORTLIST_HIDDEN).toEqual(["description", "evidenceUrl"]);
    // A4 landscape inside Sheets' normal margins: 297 mm − 2 × 19 mm ≈ 10.2 in ≈ 980 px.
    const printed = SHORTLIST_WIDTHS.filter((_, i) => !hidden.includes(i + 1));
    expect(printed.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(980);
    expect(printed.every((w) => w >= 50)).toBe(true);
    expect(printSetup(fresh())).toEqual(expected);
  });

  it("an export writes values only, every line of the page within the printed width", () => {
    const rt = fresh();
    const methods: string[] = [];
    rt.emulator.onServiceCall((info) => {
      if (info.depth === 0) methods.push(info.method);
    });
    ok(rt.call("exportShortlist", [], as(COORD)));
    rt.emulator.onServiceCall(null);
    expect(methods.filter((m) => /Width|Wrap|hide|Font/.test(m))).toEqual([]);
    expect(printSetup(rt)).toEqual(expected);
    const values = page(rt);
    const header = SPECS.shortlist.headerRow;
    const table = values.findIndex((row, i) => i >= header && row[1] === "");
    // The lines above the table and below it (column A, running across the page).
    const lines = [...values.slice(0, header - 1), ...values.slice(table)].map((r) => String(r[0]));
    expect(lines[2]).toMatch(/^Metode: skor tertimbang 0–100 \(\d+ kriteria\)/);
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(SHORTLIST_LINE_CHARS);
  });

  it("shows each score with one decimal, the cell keeping the full value", () => {
    const rt = fresh();
    const done = ok<ExportResult & { quickwinIds: string[] }>(
      rt.call("exportShortlist", [], as(COORD)),
    );
    const ranking = ok<{ rows: { quickwinId: string; score: number | null }[] }>(
      rt.call("computeRanking", [], as(COORD)),
    );
    const grid = rt.emulator.grid().sheets.find((s) => s.name === "Daftar Pendek")!;
    const header = SPECS.shortlist.headerRow;
    const score = at("score") - 1;
    const rows = grid.values
      .map((row, i) => ({ row, shown: grid.display[i]! }))
      .filter(({ row }, i) => i >= header && done.quickwinIds.includes(String(row[1])));
    expect(rows.length).toBe(done.quickwinIds.length);
    for (const { row, shown } of rows) {
      const full = ranking.rows.find((r) => r.quickwinId === row[1])!.score!;
      expect(row[score]).toBe(full);
      expect(shown[score]).toBe(full.toFixed(1).replace(".", ","));
    }
  });

  it("the method's line fits with the largest settings, in both languages", () => {
    for (const locale of ["id", "en"] as const) {
      const method = translator(locale)("shortlist.method", {
        criteria: 99,
        minReviews: 99,
        // As the page writes it: "10.000" (en "10,000").
        resamples: formatInteger(10_000, locale),
      });
      expect(method).toContain(locale === "id" ? "10.000 simulasi" : "10,000");
      expect(method.length, method).toBeLessThanOrEqual(SHORTLIST_LINE_CHARS);
    }
  });

  it("a deleted page is made again by the export, sized as the first setup makes it", () => {
    const rt = fresh();
    const app = rt.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    rt.emulator.runExecution(as(COORD), () => {
      const ss = app.getActiveSpreadsheet();
      ss.deleteSheet(ss.getSheetByName("Daftar Pendek")!);
    });
    const r = ok<ExportResult>(rt.call("exportShortlist", [], as(COORD)));
    expect(r.sheetName).toBe("Daftar Pendek");
    expect(printSetup(rt)).toEqual(expected);
    expect(page(rt)[SPECS.shortlist.headerRow]![1]).toBe("QW-001");
  });
});
