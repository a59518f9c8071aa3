// The meeting's server functions against the emulator: the meeting view as a large dialog, the
// evidence (reviewers as A, B, C, never by name, coordinators only), decisions (a reason when
// departing from the computed shortlist; nothing written on a refusal; the latest counts) and
// the minutes sheet (every part, A4 widths, bold headings).
import { beforeEach, describe, expect, it } from "vitest";
import type { Decision } from "../../src/core/decision";
import type { MeetingData } from "../../src/core/meeting";
import { MINUTES_WIDTHS } from "../../src/server/layout";
import {
  COORD,
  dataSnapshot,
  failure,
  ok,
  REV_A,
  REV_B,
  REV_C,
  sheet,
  type World,
  world,
} from "./helpers";

/**
 * Six quickwins, each scored by every reviewer whose agency is not its own (A is from Dinkes:
 * QW-001 and QW-006; C from Bappeda: QW-003), with comments: 15 reviews.
 */
function scoredWorld(): World {
  const w = world({ quickwins: 6 });
  const plan: [string, string, number][] = [];
  for (let i = 1; i <= 6; i++) {
    const id = `QW-00${i}`;
    plan.push([id, REV_B, 1 + ((7 - i) % 5)]);
    if (i !== 3) plan.push([id, REV_C, 1 + ((8 - i) % 5)]);
    if (i !== 1 && i !== 6) plan.push([id, REV_A, 1 + ((6 - i) % 5)]);
  }
  for (const [quickwinId, email, v] of plan) {
    ok(
      w.call(
        "submitReview",
        [
          {
            quickwinId,
            scores: w.scores(v),
            comment: `komentar ${email.split("@")[0]} ${quickwinId}`,
          },
        ],
        email,
      ),
    );
  }
  return w;
}

describe("the meeting view and its data", () => {
  let w: World;
  beforeEach(() => {
    w = scoredWorld();
  });

  it("opens a projector-sized dialog for a coordinator, and not for a reviewer", () => {
    const r = w.call("showMeetingView", []);
    expect(ok(r)).toBeNull();
    const dialog = w.rt.emulator.ui.dialogs.at(-1);
    expect(dialog).toMatchObject({ title: "Rapat panel", modal: true, width: 1200, height: 760 });
    expect(dialog?.html).toContain('{"locale":"id"}');
    expect(dialog?.html).toContain('<main id="app" class="meeting">');
    const before = w.rt.emulator.ui.dialogs.length;
    expect(failure(w.call("showMeetingView", [], REV_B))).toBe(
      "Hanya koordinator yang dapat melakukan ini.",
    );
    expect(w.rt.emulator.ui.dialogs.length).toBe(before);
    expect(r.serviceCalls).toBeLessThanOrEqual(25);
  });

  it("gives the evidence per quickwin with reviewers as A, B, C and never their names", () => {
    const data = ok<MeetingData>(w.call("getMeetingData", []));
    const json = JSON.stringify(data.evidence);
    for (const email of [REV_A, REV_B, REV_C]) {
      expect(json).not.toContain(email);
      expect(json).not.toContain(email.split("@")[0]!.concat("@"));
    }
    const ev = data.evidence.find((e) => e.quickwinId === "QW-002")!;
    expect(ev.reviews.map((r) => r.label)).toEqual(["A", "B", "C"]);
    expect(ev.reviews.map((r) => r.comment).sort()).toEqual(
      ["komentar ani QW-002", "komentar budi QW-002", "komentar citra QW-002"].sort(),
    );
    // QW-002: B gives 1 + 5 % 5 = 1, C gives 1 + 6 % 5 = 2, A gives 1 + 4 % 5 = 5 on every criterion.
    const c = data.criteria[0]!;
    expect(ev.criterionMeans[c.id]).toBeCloseTo((1 + 2 + 5) / 3);
    expect(ev.criterionRange[c.id]).toEqual({ min: 1, max: 5 });
    expect(ev.spread?.min).toBeCloseTo(0);
    expect(ev.spread?.max).toBeCloseTo(100);
    // The rows are the engine's; the evidence follows them one to one.
    expect(data.evidence.map((e) => e.quickwinId)).toEqual(data.rows.map((r) => r.quickwinId));
    expect(failure(w.call("getMeetingData", [], REV_A))).toBe(
      "Hanya koordinator yang dapat melakukan ini.",
    );
  });
});

describe("recordDecision", () => {
  let w: World;
  beforeEach(() => {
    w = scoredWorld();
  });

  const shortlist = () => ok<MeetingData>(w.call("getMeetingData", [])).shortlist;

  it("records the panel's call; one that departs from the computed shortlist needs a reason", () => {
    const listed = shortlist();
    const unlisted = ["QW-001", "QW-002", "QW-003", "QW-004", "QW-005", "QW-006"].find(
      (id) => !listed.includes(id),
    )!;
    const first = ok<Decision>(
      w.call("recordDecision", [{ quickwinId: listed[0]!, decision: "selected" }]),
    );
    expect(first).toMatchObject({
      decision: "selected",
      computed: true,
      departs: false,
      by: COORD,
    });

    const before = dataSnapshot(w.rt);
    const refused = failure(
      w.call("recordDecision", [{ quickwinId: unlisted, decision: "selected", reason: "  " }]),
    );
    expect(refused).toMatch(/^Tuliskan alasan memilih “Quickwin \d”/);
    expect(dataSnapshot(w.rt)).toBe(before);

    const added = ok<Decision>(
      w.call("recordDecision", [
        { quickwinId: unlisted, decision: "selected", reason: "Siap dipamerkan di expo." },
      ]),
    );
    expect(added).toMatchObject({
      computed: false,
      departs: true,
      reason: "Siap dipamerkan di expo.",
    });
    const dropped = failure(
      w.call("recordDecision", [{ quickwinId: listed[1]!, decision: "not-selected" }]),
    );
    expect(dropped).toMatch(/^Tuliskan alasan tidak memilih/);

    const rows = sheet(w.rt, "Keputusan").values;
    expect(rows[0]).toEqual([
      "Waktu",
      "ID quickwin",
      "Nama",
      "Keputusan",
      "Daftar pendek hasil hitung",
      "Berbeda dari hasil hitung",
      "Alasan",
      "Pengguna",
    ]);
    expect(rows.slice(1).map((r) => [r[1], r[3], r[4], r[5], r[6]])).toEqual([
      [listed[0], "Dipilih", "ya", "tidak", ""],
      [unlisted, "Dipilih", "tidak", "ya", "Siap dipamerkan di expo."],
    ]);
    const log = sheet(w.rt, "Log").values;
    expect(log.filter((r) => r[3] === "Keputusan dicatat")).toHaveLength(2);

    // The latest decision per quickwin is the one in force.
    ok(w.call("recordDecision", [{ quickwinId: unlisted, decision: "not-selected" }]));
    const data = ok<MeetingData>(w.call("getMeetingData", []));
    expect(data.decisions.find((d) => d.quickwinId === unlisted)).toMatchObject({
      decision: "not-selected",
      departs: false,
    });
    expect(data.decisions).toHaveLength(2);
  });

  it("refuses non-coordinators, unknown quickwins and bad payloads, writing nothing", () => {
    const before = dataSnapshot(w.rt);
    expect(
      failure(w.call("recordDecision", [{ quickwinId: "QW-001", decision: "selected" }], REV_B)),
    ).toBe("Hanya koordinator yang dapat melakukan ini.");
    expect(
      failure(w.call("recordDecision", [{ quickwinId: "QW-999", decision: "selected" }])),
    ).toBe("Quickwin QW-999 tidak ditemukan.");
    expect(
      failure(w.call("recordDecision", [{ quickwinId: "QW-001", decision: "maybe" }])),
    ).toMatch(/pilih dipilih atau tidak dipilih/);
    expect(failure(w.call("recordDecision", [{ quickwinId: "QW-001" }, 2]))).toMatch(/argumen/);
    expect(dataSnapshot(w.rt)).toBe(before);
    expect(sheet(w.rt, "Keputusan").values).toHaveLength(1); // its header only
  });

  it("remakes a deleted decisions sheet, and never writes over a person's row", () => {
    const app = w.rt.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const deleteIt = () =>
      w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () => {
        const ss = app.getActiveSpreadsheet();
        ss.deleteSheet(ss.getSheetByName("Keputusan")!);
      });
    deleteIt();
    ok(w.call("recordDecision", [{ quickwinId: shortlist()[0]!, decision: "selected" }]));
    expect(sheet(w.rt, "Keputusan").values).toHaveLength(2);
    deleteIt();
    // A person's own tab of that name is adopted as setup adopts one: its row is kept, the
    // header goes above it, and the decision below.
    w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () => {
      app.getActiveSpreadsheet().insertSheet("Keputusan").getRange("A1").setValue("catatan saya");
    });
    ok(w.call("recordDecision", [{ quickwinId: shortlist()[1]!, decision: "selected" }]));
    const kept = sheet(w.rt, "Keputusan").values;
    expect(kept.map((r) => r[0])).toContain("catatan saya");
    expect(kept[0]![0]).toBe("Waktu");
    expect(kept.at(-1)![3]).toBe("Dipilih");
  });
});

describe("exportMinutes", () => {
  it("refuses minutes that name no panel member present, writing nothing", () => {
    const w = scoredWorld();
    const before = dataSnapshot(w.rt);
    expect(failure(w.call("exportMinutes", [{ present: [] }]))).toBe(
      "Centang sekurang-kurangnya satu anggota panel yang hadir.",
    );
    expect(
      failure(w.call("exportMinutes", [{ present: ["orang.lain@contoh.id"] }], COORD, "en")),
    ).toBe("Tick at least one panel member who is present.");
    expect(dataSnapshot(w.rt)).toBe(before);
  });

  it("writes a print-ready berita acara: date in words, place, panel, method, shortlist, decisions, ledger, signatures", () => {
    const w = scoredWorld();
    const data = ok<MeetingData>(w.call("getMeetingData", []));
    const unlisted = data.rows.find((r) => r.rank !== null && !r.shortlisted)!.quickwinId;
    ok(w.call("recordDecision", [{ quickwinId: data.shortlist[0]!, decision: "selected" }]));
    ok(
      w.call("recordDecision", [
        { quickwinId: unlisted, decision: "selected", reason: "Dampak langsung bagi warga desa." },
      ]),
    );
    const first = w.call("exportMinutes", [
      { place: "Ruang Rapat Bappeda", present: [COORD, REV_B, REV_C] },
    ]);
    const result = ok<{ sheetName: string; decisions: number; present: number }>(first);
    // The page was made by the first setup: the first export costs what every later one does.
    expect(first.serviceCalls).toBeLessThanOrEqual(25);
    expect(w.call("exportMinutes", [{ place: "Ruang Rapat Bappeda" }]).serviceCalls).toBe(
      first.serviceCalls,
    );
    ok(w.call("exportMinutes", [{ place: "Ruang Rapat Bappeda", present: [COORD, REV_B, REV_C] }]));
    expect(result).toEqual({ sheetName: "Berita Acara", decisions: 2, present: 3 });
    const rows = sheet(w.rt, "Berita Acara").values;
    const lines = rows.map((r) => r.filter((c) => c !== "").join(" | "));
    const text = lines.join("\n");
    // Sentences run over several printed lines (one row each).
    const flat = lines.join(" ");
    expect(lines[0]).toBe("BERITA ACARA");
    expect(lines[1]).toBe("RAPAT PANEL PENILAIAN QUICKWIN");
    expect(flat).toMatch(
      /Pada hari ini, (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), tanggal [a-z ]+ bulan [A-Za-z]+ tahun dua ribu [a-z ]+ \(\d{1,2} [A-Za-z]+ \d{4}\), bertempat di Ruang Rapat Bappeda/,
    );
    expect(text).toContain("I. HASIL PENILAIAN DAN KEPUTUSAN PANEL");
    // The table's header is the layout's, at row 8; a row per shortlisted or decided quickwin.
    expect(rows[7]).toEqual([
      "NO.",
      "NAMA",
      "OPD",
      "SKOR",
      "RENTANG PERINGKAT (90%)",
      "KEPUTUSAN",
      "ALASAN",
    ]);
    const table = rows.slice(8, 8 + data.shortlist.length + 1);
    expect(table.map((r) => String(r[1]).split("\n")[0])).toEqual(
      [...data.shortlist, unlisted].map((id) => data.quickwins.find((q) => q.id === id)!.name),
    );
    expect(table[0]![5]).toBe("Dipilih");
    expect(table.at(-1)!.slice(5)).toEqual([
      "Dipilih (berbeda dari hasil hitung)",
      "Dampak langsung bagi warga desa.",
    ]);
    expect(table[1]![5]).toBe("Belum diputuskan");
    // The sentence names the selection, without the table's ⚑ notes glued to the names.
    const chosenNames = [table[0]!, table.at(-1)!].map((r) => String(r[1]).split("\n")[0]);
    expect(flat).toContain(
      `Dengan demikian panel menetapkan 2 quickwin: ${chosenNames.join(", ")}.`,
    );
    expect(text).toContain("II. METODE PENILAIAN");
    expect(flat).toMatch(/Setiap quickwin dinilai dengan rubrik \d kriteria berbobot/);
    // Numbers as Indonesians write them: "1.000 simulasi", not "1000".
    expect(flat).toContain("berasal dari 1.000 simulasi");
    // The method named is what the calibration did (auto may correct ranges too).
    const method = (
      {
        none: "tanpa kalibrasi",
        zscore: "kalibrasi z-score per penilai",
        bias: "koreksi bias penilai (kuadrat terkecil)",
        "bias-shrunk": "koreksi kemurahan tiap penilai, sebesar yang didukung data",
        "bias-range-shrunk":
          "koreksi kemurahan dan rentang nilai tiap penilai, sebesar yang didukung data",
      } as Record<string, string>
    )[ok<{ calibration: { method: string } }>(w.call("computeRanking", [])).calibration.method];
    expect(flat).toContain(`rata-rata penilaian (${method}), rentang peringkat`);
    expect(text).toContain("III. ANGGOTA PANEL YANG HADIR (3 ORANG)");
    expect(text).toContain("1. Koordinator — Koordinator");
    expect(text).not.toContain(REV_A);
    expect(text).toContain("IV. BUKU BESAR PENILAIAN");
    // The verified ledger's length and last seal, so the paper can be checked against the file.
    const ledger = ok<{ length: number; lastSeal: string }>(w.call("verifyLedger", []));
    expect(ledger.length).toBe(15);
    expect(flat).toContain(`berisi 15 penilaian; segel terakhir ${ledger.lastSeal}.`);
    expect(text).toContain("KOORDINATOR PANEL,");
    expect(text).toContain("( Koordinator )");
    expect(text).toContain("ANGGOTA PANEL:");
    expect(text).toMatch(/1\. budi@patikab\.go\.id \.{10,}/);
    expect(text).toMatch(/2\. citra@patikab\.go\.id \.{10,}/);
    // Every line fits across an A4 page; the columns are sized for it.
    for (const r of rows) expect(String(r[0] ?? "").length).toBeLessThanOrEqual(105);
    const widths = w.rt.emulator
      .toJSON()
      .sheets.find((s) => s.name === "Berita Acara")!.columnWidths;
    expect(MINUTES_WIDTHS.map((_, i) => widths[String(i + 1)] ?? 100)).toEqual([...MINUTES_WIDTHS]);
    expect(MINUTES_WIDTHS.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(690);
  });

  it("has its page from setup: the first setup makes it, a re-run makes it for an older file", () => {
    const w = scoredWorld();
    const app = w.rt.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const props = w.rt.emulator.globals
      .PropertiesService as GoogleAppsScript.Properties.PropertiesService;
    const widths = () =>
      w.rt.emulator.toJSON().sheets.find((s) => s.name === "Berita Acara")!.columnWidths;
    // Made by the first setup, sized for A4 before any export.
    expect(MINUTES_WIDTHS.map((_, i) => widths()[String(i + 1)] ?? 100)).toEqual([
      ...MINUTES_WIDTHS,
    ]);
    // A spreadsheet set up before setup made it: no minutes page, none in the registry.
    w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () => {
      const ss = app.getActiveSpreadsheet();
      ss.deleteSheet(ss.getSheetByName("Berita Acara")!);
      const docs = props.getDocumentProperties();
      const registry = JSON.parse(docs.getProperty("quickwin.registry")!);
      delete registry.sheets.minutes;
      docs.setProperty("quickwin.registry", JSON.stringify(registry));
    });
    ok(w.call("setupSpreadsheet", []));
    expect(sheet(w.rt, "Log").values.at(-1)![4]).toMatch(/lembar dibuat: Berita Acara/);
    const first = w.call("exportMinutes", [{ place: "Pati" }]);
    ok(first);
    expect(first.serviceCalls).toBeLessThanOrEqual(25);
    expect(sheet(w.rt, "Berita Acara").values[0]![0]).toBe("BERITA ACARA");
    // An intact spreadsheet's re-run leaves it alone and writes nothing.
    const again = w.call("setupSpreadsheet", []);
    ok(again);
    expect(again.serviceCalls).toBeLessThanOrEqual(25);
  });

  it("marks a decision taken on a ranking that reviews have since changed", () => {
    const w = scoredWorld();
    const data = ok<MeetingData>(w.call("getMeetingData", []));
    const unlisted = data.rows.map((r) => r.quickwinId).find((id) => !data.shortlist.includes(id))!;
    // Decided while it was not shortlisted: it agreed with the computation then.
    ok(w.call("recordDecision", [{ quickwinId: unlisted, decision: "not-selected" }]));
    // Then every reviewer who may score it re-scores it at the top: it is shortlisted now.
    for (const email of [REV_A, REV_B, REV_C]) {
      w.call("submitReview", [{ quickwinId: unlisted, scores: w.scores(5) }], email);
    }
    expect(ok<MeetingData>(w.call("getMeetingData", [])).shortlist).toContain(unlisted);
    ok(w.call("exportMinutes", []));
    const name = data.quickwins.find((q) => q.id === unlisted)!.name;
    const row = sheet(w.rt, "Berita Acara").values.find(
      (r) => String(r[1]).split("\n")[0] === name,
    )!;
    expect(row[5]).toBe("Tidak dipilih (diputuskan dari peringkat yang sudah usang)");
  });

  it("says when nothing is decided yet, in English too, and is for coordinators only", () => {
    const w = scoredWorld();
    expect(failure(w.call("exportMinutes", [], REV_B))).toBe(
      "Hanya koordinator yang dapat melakukan ini.",
    );
    ok(w.call("exportMinutes", []));
    const text = sheet(w.rt, "Berita Acara")
      .values.map((r) => r.join(" "))
      .join("\n");
    expect(text).toContain("Belum ada keputusan yang dicatat.");
    expect(text).toContain("bertempat di …………………………");
    const en = world({ quickwins: 0, locale: "en" });
    ok(en.call("exportMinutes", [{ place: "Pati" }]));
    const page = sheet(en.rt, "Minutes")
      .values.map((r) => r.join(" "))
      .join("\n");
    expect(page).toMatch(
      /On (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), the [a-z-]+ day of/,
    );
    expect(page).toContain("No quickwin qualifies for the shortlist yet.");
  });
});
