// Every server function's happy path and its rejections, through the real dist/server.js in
// the emulator (as google.script.run would call it). A rejection must leave the sheets as
// they were: the snapshots before and after are compared.
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../src/preview/emulator";
import { loadServer } from "../../src/preview/script-host";
import {
  COORD,
  dataSnapshot,
  failure,
  ok,
  QUICKWIN,
  REV_A,
  REV_B,
  REV_C,
  STRANGER,
  sheet,
  world,
} from "./helpers";

interface State {
  user: { email: string; role: string | null };
  setupDone: boolean;
  locale: string;
  quickwins: { id: string; status: string; agencyConflict: boolean; editable: boolean }[];
  criteria: { id: string }[];
  myReviews: { quickwinId: string; scores: Record<string, number>; comment: string }[];
  progress: { scored: number; conflict: number; todo: number; total: number };
  panel?: unknown[];
  problems?: unknown[];
  reviewCount?: number;
  settings: Record<string, unknown>;
}

/** Calls fn expecting a refusal: returns the message and checks nothing changed at all. */
function refused(w: ReturnType<typeof world>, fn: () => ReturnType<typeof w.call>): string {
  const before = JSON.stringify(w.rt.emulator.snapshot());
  const message = failure(fn());
  expect(JSON.stringify(w.rt.emulator.snapshot())).toBe(before);
  expect(message).not.toMatch(/TypeError|ReferenceError|\n\s+at |undefined is not|Cannot read/);
  expect(message.length).toBeLessThan(400);
  return message;
}

describe("getSidebarState", () => {
  it("before setup: setupDone false and no data", () => {
    const rt = loadServer({ emulator: createEmulator() });
    const state = ok<State>(rt.call("getSidebarState", [], { email: STRANGER }));
    expect(state).toMatchObject({ setupDone: false, user: { email: STRANGER, role: null } });
    expect(state.quickwins).toEqual([]);
    expect(rt.emulator.snapshot().sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("gives a reviewer their own view and never other reviewers' scores or comments", () => {
    const w = world();
    ok(
      w.call(
        "submitReview",
        [{ quickwinId: "QW-002", scores: w.scores(5), comment: "rahasia B" }],
        REV_B,
      ),
    );
    ok(
      w.call(
        "submitReview",
        [{ quickwinId: "QW-002", scores: w.scores(2), comment: "catatan C" }],
        REV_C,
      ),
    );
    const state = ok<State>(w.call("getSidebarState", [], REV_C));
    expect(state.user).toMatchObject({ email: REV_C, role: "reviewer" });
    expect(state.myReviews).toHaveLength(1);
    expect(state.myReviews[0]).toMatchObject({ quickwinId: "QW-002", comment: "catatan C" });
    expect(JSON.stringify(state)).not.toContain("rahasia B");
    expect(JSON.stringify(state)).not.toContain(REV_B);
    expect(state.panel).toBeUndefined();
    expect(state.problems).toBeUndefined();
    expect(state.reviewCount).toBeUndefined();
    // QW-003 is Bappeda's, C's own agency: an automatic conflict.
    expect(state.progress).toEqual({ scored: 1, conflict: 1, todo: 1, total: 3 });
    expect(state.quickwins.find((q) => q.id === "QW-002")?.status).toBe("scored");
  });

  it("marks a same-agency quickwin as a conflict for that reviewer", () => {
    const w = world();
    const state = ok<State>(w.call("getSidebarState", [], REV_A)); // Dinkes
    const dinkes = state.quickwins.filter((q) => q.agencyConflict);
    expect(dinkes.map((q) => q.id)).toEqual(["QW-001"]);
    expect(dinkes[0]!.status).toBe("conflict");
    expect(state.quickwins.every((q) => q.editable === false)).toBe(true);
  });

  it("gives coordinators the panel, problems and review count", () => {
    const w = world();
    ok(w.call("submitReview", [{ quickwinId: "QW-002", scores: w.scores(5) }], REV_B));
    const state = ok<State>(w.call("getSidebarState", []));
    expect(state.user.role).toBe("coordinator");
    expect(state.panel).toHaveLength(4);
    expect(state.problems).toEqual([]);
    expect(state.reviewCount).toBe(1);
    expect(state.quickwins.every((q) => q.editable)).toBe(true);
  });

  it("gives a stranger role null and none of the data", () => {
    const w = world();
    ok(
      w.call("submitReview", [{ quickwinId: "QW-002", scores: w.scores(5), comment: "x" }], REV_B),
    );
    const state = ok<State>(w.call("getSidebarState", [], STRANGER));
    expect(state.user).toEqual({ email: STRANGER, role: null });
    expect(state.setupDone).toBe(true);
    expect(state.quickwins).toEqual([]);
    expect(state.criteria).toEqual([]);
    expect(state.myReviews).toEqual([]);
    expect(state.panel).toBeUndefined();
  });

  it("speaks the caller's language and refuses an unidentified user", () => {
    const w = world();
    expect(ok<State>(w.call("getSidebarState", [], REV_B, "en_US")).locale).toBe("en");
    expect(failure(w.call("getSidebarState", [], ""))).toMatch(
      /tidak dapat mengenali akun Anda di tim penilai.*tanyakan akun yang mana kepada koordinator/,
    );
    const blank = failure(w.call("getSidebarState", [], "  ", "en"));
    // It names the cause and who can tell which account to use; "sign in" is not the cause.
    expect(blank).toMatch(/recognise your account on the panel.*ask the coordinator which one/);
    expect(blank).not.toMatch(/^Sign in/);
    expect(failure(w.call("getSidebarState", [1]))).toMatch(/jumlah argumen/);
  });
});

describe("saveSettings", () => {
  it("changes only the fields given", () => {
    const w = world();
    const s = ok<Record<string, unknown>>(
      w.call("saveSettings", [{ shortlistSize: 6, normalization: "zscore" }]),
    );
    expect(s).toMatchObject({ shortlistSize: 6, normalization: "zscore", minReviews: 2, seed: 1 });
    const s2 = ok<Record<string, unknown>>(w.call("saveSettings", [{ minReviews: 3 }]));
    expect(s2).toMatchObject({ shortlistSize: 6, normalization: "zscore", minReviews: 3 });
    expect(ok<State>(w.call("getSidebarState", [])).settings).toEqual(s2);
  });

  it("defaults to auto calibration and reads an older sheet's retired threshold row quietly", () => {
    const w = world();
    const state = ok<State>(w.call("getSidebarState", []));
    expect(state.settings).toMatchObject({ normalization: "auto", disagreementFactor: 1.5 });
    const rows = sheet(w.rt, "Pengaturan").values.length;
    w.rt.emulator.typeInto("Pengaturan", `A${rows + 1}:C${rows + 1}`, [
      ["disagreementThreshold", 25, "Ambang beda pendapat antarpenilai (poin skor)"],
    ]);
    const after = ok<State>(w.call("getSidebarState", []));
    expect(after.settings).toEqual(state.settings);
    expect(after.problems ?? []).toEqual([]);
  });

  it("refuses reviewers, strangers and bad values, writing nothing", () => {
    const w = world();
    expect(refused(w, () => w.call("saveSettings", [{ shortlistSize: 5 }], REV_B))).toMatch(
      /koordinator/i,
    );
    expect(refused(w, () => w.call("saveSettings", [{ shortlistSize: 5 }], STRANGER))).toMatch(
      /tim penilai/,
    );
    expect(refused(w, () => w.call("saveSettings", [{ shortlistSize: 0 }]))).toMatch(
      /Jumlah daftar pendek/,
    );
    expect(refused(w, () => w.call("saveSettings", [{ shortlistSize: "4" }]))).toMatch(
      /bulat|angka/,
    );
    expect(refused(w, () => w.call("saveSettings", [{ colour: "red" }]))).toMatch(/colour/);
    expect(
      refused(w, () => w.call("saveSettings", [{ normalization: "magic" }], COORD, "en")),
    ).toMatch(/calibration|invalid/i);
    expect(refused(w, () => w.call("saveSettings", [null]))).toMatch(/Data tidak valid/);
    expect(refused(w, () => w.call("saveSettings", [{}, {}]))).toMatch(/argumen/);
  });
});

describe("saveCriteria", () => {
  const rubric = [
    { id: "impact", name: "Dampak", weight: 2, min: 1, max: 4 },
    {
      id: "cost",
      name: "Biaya kecil",
      weight: 1,
      min: 0,
      max: 2,
      levels: ["mahal", "sedang", "murah"],
    },
  ];

  it("replaces the whole rubric (leftover rows cleared in the same block)", () => {
    const w = world();
    const r = ok<{ value: { id: string }[]; warnings: string[] }>(w.call("saveCriteria", [rubric]));
    expect(r.value.map((c) => c.id)).toEqual(["impact", "cost"]);
    expect(r.warnings).toEqual([]);
    const values = sheet(w.rt, "Kriteria").values;
    expect(values.filter((row) => row.some((v) => v !== ""))).toHaveLength(3);
    const state = ok<State>(w.call("getSidebarState", []));
    expect(state.criteria).toEqual([
      { id: "impact", name: "Dampak", weight: 2, min: 1, max: 4 },
      {
        id: "cost",
        name: "Biaya kecil",
        weight: 1,
        min: 0,
        max: 2,
        levels: ["mahal", "sedang", "murah"],
      },
    ]);
  });

  it("warns when scoring began and never touches the ledger", () => {
    const w = world();
    ok(w.call("submitReview", [{ quickwinId: "QW-002", scores: w.scores(4) }], REV_B));
    const ledger = JSON.stringify(sheet(w.rt, "Penilaian"));
    const r = ok<{ warnings: string[] }>(w.call("saveCriteria", [rubric]));
    expect(r.warnings.join(" ")).toMatch(/Rubrik diubah setelah penilaian dimulai \(1 penilaian/);
    expect(r.warnings.join(" ")).toMatch(/Kriteria dihapus: public-benefit/);
    expect(r.warnings.join(" ")).toMatch(/Kriteria baru: impact, cost/);
    expect(JSON.stringify(sheet(w.rt, "Penilaian"))).toBe(ledger);
    const en = ok<{ warnings: string[] }>(
      w.call("saveCriteria", [[{ ...rubric[0], max: 5 }, rubric[1]]], COORD, "en"),
    );
    expect(en.warnings.join(" ")).toMatch(/Score range changed: impact/);
  });

  it("refuses bad rubrics and non-coordinators", () => {
    const w = world();
    expect(refused(w, () => w.call("saveCriteria", [rubric], REV_A))).toMatch(/koordinator/i);
    expect(refused(w, () => w.call("saveCriteria", [[]]))).toMatch(/paling sedikit satu kriteria/);
    expect(refused(w, () => w.call("saveCriteria", [[rubric[0], rubric[0]]]))).toMatch(/kembar/);
    expect(refused(w, () => w.call("saveCriteria", [[{ ...rubric[0], min: 5, max: 1 }]]))).toMatch(
      /maksimum/,
    );
    expect(refused(w, () => w.call("saveCriteria", [[{ ...rubric[0], weight: 0 }]]))).toMatch(
      /Bobot/,
    );
    expect(refused(w, () => w.call("saveCriteria", [[{ ...rubric[0], id: "Bad Id!" }]]))).toMatch(
      /huruf kecil/,
    );
    expect(refused(w, () => w.call("saveCriteria", [[{ ...rubric[0], extra: 1 }]]))).toMatch(
      /extra/,
    );
    expect(refused(w, () => w.call("saveCriteria", [[{ ...rubric[1], levels: ["a"] }]]))).toMatch(
      /tingkat/,
    );
    expect(
      refused(w, () => w.call("saveCriteria", [[{ ...rubric[0], name: "x".repeat(60_000) }]])),
    ).toMatch(/terlalu panjang/);
    expect(refused(w, () => w.call("saveCriteria", ["nope"]))).toMatch(/Data tidak valid/);
    // 101 levels of 1 000 characters each are valid one by one but overflow one cell.
    const levels = Array.from({ length: 101 }, (_, i) => `${i}`.padEnd(1000, "x"));
    expect(
      refused(w, () =>
        w.call("saveCriteria", [[{ id: "big", name: "Big", weight: 1, min: 0, max: 100, levels }]]),
      ),
    ).toMatch(/terlalu besar/);
  });
});

describe("saveReviewers", () => {
  it("replaces the whole panel", () => {
    const w = world();
    const panel = ok<unknown[]>(
      w.call("saveReviewers", [
        [
          { email: " Koordinator@PatiKab.go.id ", role: "coordinator" },
          { email: REV_B, role: "reviewer", name: "Budi" },
        ],
      ]),
    );
    expect(panel).toEqual([
      { email: COORD, role: "coordinator" },
      { email: REV_B, role: "reviewer", name: "Budi" },
    ]);
    expect(sheet(w.rt, "Tim Penilai").values.filter((r) => r.some((v) => v !== ""))).toHaveLength(
      3,
    );
    expect(ok<State>(w.call("getSidebarState", [], REV_A)).user.role).toBeNull();
  });

  it("keeps at least one coordinator, refuses self-demotion, duplicates and bad emails", () => {
    const w = world();
    expect(
      refused(w, () => w.call("saveReviewers", [[{ email: REV_B, role: "reviewer" }]])),
    ).toMatch(/koordinator/);
    expect(
      refused(w, () =>
        w.call("saveReviewers", [
          [
            { email: COORD, role: "reviewer" },
            { email: REV_B, role: "coordinator" },
          ],
        ]),
      ),
    ).toMatch(/mencabut peran koordinator Anda sendiri/);
    expect(
      refused(w, () =>
        w.call("saveReviewers", [
          [
            { email: COORD, role: "coordinator" },
            { email: COORD, role: "reviewer" },
          ],
        ]),
      ),
    ).toMatch(/kembar/);
    expect(
      refused(w, () => w.call("saveReviewers", [[{ email: "bukan email", role: "coordinator" }]])),
    ).toMatch(/email/);
    expect(refused(w, () => w.call("saveReviewers", [[{ email: COORD, role: "boss" }]]))).toMatch(
      /koordinator atau penilai/,
    );
    expect(
      refused(w, () => w.call("saveReviewers", [[{ email: COORD, role: "coordinator" }]], REV_B)),
    ).toMatch(/koordinator/);
    const many = Array.from({ length: 501 }, (_, i) => ({
      email: `u${i}@x.id`,
      role: "coordinator",
    }));
    expect(refused(w, () => w.call("saveReviewers", [many]))).toMatch(/terlalu banyak/);
  });
});

describe("saveQuickwin", () => {
  it("never gives again the id of a quickwin deleted by hand: its reviews stay its own", () => {
    const w = world();
    ok(w.call("submitReview", [{ quickwinId: "QW-003", scores: w.scores(5) }], REV_B));
    const app = w.rt.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () => {
      app.getActiveSpreadsheet().getSheetByName("Quickwin")!.deleteRow(4);
    });
    const fresh = ok<{ id: string }>(w.call("saveQuickwin", [QUICKWIN], REV_B));
    expect(fresh.id).toBe("QW-004");
    const ranking = ok<{ rows: { quickwinId: string; reviewCount: number }[] }>(
      w.call("computeRanking", []),
    );
    expect(ranking.rows.find((r) => r.quickwinId === "QW-004")!.reviewCount).toBe(0);
  });

  it("reads the ledger for ids only while the number taken is unknown, then records it", () => {
    const w = world();
    const props = () =>
      (
        w.rt.emulator.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService
      ).getDocumentProperties();
    const seal = () =>
      JSON.parse(
        w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () =>
          props().getProperty("quickwin.seal"),
        ).value ?? "{}",
      ) as { quickwins?: string };
    // A ledger sealed before the number was kept: reviews of a quickwin since deleted by hand.
    ok(w.call("submitReview", [{ quickwinId: "QW-003", scores: w.scores(4) }], REV_B));
    w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () => {
      const { quickwins: _, ...older } = seal();
      props().setProperty("quickwin.seal", JSON.stringify(older));
    });
    ok(w.call("submitReview", [{ quickwinId: "QW-003", scores: w.scores(5) }], REV_A));
    expect(seal().quickwins).toBeUndefined();
    const app = w.rt.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () => {
      app.getActiveSpreadsheet().getSheetByName("Quickwin")!.deleteRow(4);
    });
    const first = ok<{ id: string }>(w.call("saveQuickwin", [QUICKWIN], REV_B));
    const withLedger = w.rt.emulator.serviceCalls;
    expect(first.id).toBe("QW-004");
    expect(seal().quickwins).toBe("4");
    const second = ok<{ id: string }>(
      w.call("saveQuickwin", [{ ...QUICKWIN, name: "Dua" }], REV_B),
    );
    expect(second.id).toBe("QW-005");
    // The ledger's read (its sheet and its values) is no longer needed (nor is the agency's
    // joining the list, which the first did too).
    expect(w.rt.emulator.serviceCalls).toBeLessThanOrEqual(withLedger - 2);
  });

  it("creates with server ids and lets the creator or a coordinator update", () => {
    const w = world({ quickwins: 0 });
    const a = ok<{ id: string; createdBy: string }>(w.call("saveQuickwin", [QUICKWIN], REV_B));
    const b = ok<{ id: string }>(w.call("saveQuickwin", [{ ...QUICKWIN, name: "Sipipa" }], REV_C));
    expect([a.id, b.id]).toEqual(["QW-001", "QW-002"]);
    expect(a.createdBy).toBe(REV_B);
    const upd = ok<{ name: string; createdBy: string }>(
      w.call("saveQuickwin", [{ ...QUICKWIN, id: "QW-001", name: "Satrio Pasar 2" }], REV_B),
    );
    expect(upd).toMatchObject({ name: "Satrio Pasar 2", createdBy: REV_B });
    ok(w.call("saveQuickwin", [{ ...QUICKWIN, id: "QW-001", budget: 0 }], COORD));
    const rows = sheet(w.rt, "Quickwin").values;
    expect(rows[1]!.slice(0, 3)).toEqual(["QW-001", "Satrio Pasar", "Disdagperin"]);
    expect(rows[1]![7]).toBe(0);
    expect(rows).toHaveLength(3);
  });

  it("refuses others' edits, unknown ids, strangers and every kind of bad input", () => {
    const w = world({ quickwins: 0 });
    ok(w.call("saveQuickwin", [QUICKWIN], REV_B));
    expect(
      refused(w, () => w.call("saveQuickwin", [{ ...QUICKWIN, id: "QW-001" }], REV_C)),
    ).toMatch(/yang Anda buat/);
    expect(refused(w, () => w.call("saveQuickwin", [{ ...QUICKWIN, id: "QW-999" }]))).toMatch(
      /QW-999 tidak ditemukan/,
    );
    expect(refused(w, () => w.call("saveQuickwin", [QUICKWIN], STRANGER))).toMatch(
      /belum terdaftar/,
    );
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ ...QUICKWIN, budget: -1 }, /negatif/],
      [{ ...QUICKWIN, budget: 1.5 }, /bulat/],
      [{ ...QUICKWIN, budget: "1.500.000" }, /bulat|angka/],
      [{ ...QUICKWIN, dimension: "space" }, /dimensi/],
      [{ ...QUICKWIN, startDate: "2019-02-30" }, /tanggal/],
      [{ ...QUICKWIN, endDate: "2019-08-01" }, /sebelum tanggal mulai/],
      [{ ...QUICKWIN, evidenceUrl: "javascript:alert(1)" }, /http/],
      [{ ...QUICKWIN, name: "" }, /wajib/],
      [{ ...QUICKWIN, description: "x".repeat(50_001) }, /terlalu panjang/],
      [{ ...QUICKWIN, createdBy: COORD }, /createdBy/],
      [{ name: "x" }, /wajib/],
    ];
    for (const [input, message] of bad) {
      expect(refused(w, () => w.call("saveQuickwin", [input], REV_B))).toMatch(message);
    }
    expect(
      refused(w, () => w.call("saveQuickwin", [{ ...QUICKWIN, budget: -1 }], REV_B, "en")),
    ).toMatch(/negative/);
    expect(refused(w, () => w.call("saveQuickwin", [], REV_B))).toMatch(/Data tidak valid/);
  });
});

describe("submitReview", () => {
  it("appends to the ledger; a re-score replaces the caller's own review (latest counts)", () => {
    const w = world();
    ok(
      w.call(
        "submitReview",
        [{ quickwinId: "QW-002", scores: w.scores(2), comment: "awal" }],
        REV_B,
      ),
    );
    const mine = ok<{ scores: Record<string, number> }>(
      w.call(
        "submitReview",
        [{ quickwinId: "QW-002", scores: w.scores(4), comment: "ubah" }],
        REV_B,
      ),
    );
    expect(mine.scores).toEqual(w.scores(4));
    const ledger = sheet(w.rt, "Penilaian").values;
    expect(ledger).toHaveLength(3);
    // Columns: No. urut, Waktu, ID quickwin, Penilai, Nilai, Nilai (JSON), Komentar, …
    expect(ledger[1]![6]).toBe("awal");
    expect(ledger[2]![6]).toBe("ubah");
    expect(ledger.slice(1).map((r) => r[0])).toEqual([1, 2]);
    const state = ok<State>(w.call("getSidebarState", [], REV_B));
    expect(state.myReviews).toEqual([
      expect.objectContaining({ quickwinId: "QW-002", comment: "ubah", scores: w.scores(4) }),
    ]);
  });

  it("handles a criterion named like one of Object's keys (constructor) as any other", () => {
    const w = world();
    const rubric = [
      { id: "constructor", name: "Konstruksi", weight: 1, min: 1, max: 5 },
      { id: "dampak", name: "Dampak", weight: 1, min: 1, max: 5 },
    ];
    ok(w.call("saveCriteria", [rubric]));
    ok(w.call("submitReview", [{ quickwinId: "QW-001", declaredConflict: true }], REV_B));
    expect(
      failure(w.call("submitReview", [{ quickwinId: "QW-002", scores: { dampak: 3 } }], REV_B)),
    ).toMatch(/Konstruksi/);
    ok(
      w.call(
        "submitReview",
        [{ quickwinId: "QW-002", scores: { dampak: 3, constructor: 4 } }],
        REV_B,
      ),
    );
    const ledger = sheet(w.rt, "Penilaian").values;
    expect(JSON.parse(String(ledger.at(-1)![5]))).toEqual({ constructor: 4, dampak: 3 });
    expect(ledger.at(-1)![4]).toBe("Konstruksi 4; Dampak 3");
    const state = ok<State>(w.call("getSidebarState", [], REV_B));
    expect(state.progress.scored).toBe(1);
    ok(
      w.call(
        "submitReview",
        [{ quickwinId: "QW-002", scores: { dampak: 5, constructor: 5 } }],
        REV_C,
      ),
    );
    const ranking = ok<{ rows: { quickwinId: string; reviewCount: number }[] }>(
      w.call("computeRanking", []),
    );
    expect(ranking.rows.find((r) => r.quickwinId === "QW-002")!.reviewCount).toBe(2);
  });

  it("accepts a declared conflict without scores", () => {
    const w = world();
    const r = ok<{ declaredConflict: boolean }>(
      w.call("submitReview", [{ quickwinId: "QW-001", declaredConflict: true }], REV_A),
    );
    expect(r.declaredConflict).toBe(true);
    expect(sheet(w.rt, "Penilaian").values[1]![7]).toBe("ya");
  });

  it("refuses conflicts, impersonation, bad scores, unknown ids and strangers", () => {
    const w = world();
    const s = w.scores(3);
    expect(
      refused(w, () => w.call("submitReview", [{ quickwinId: "QW-001", scores: s }], REV_A)),
    ).toMatch(/OPD yang sama \(Dinkes\)/);
    expect(
      refused(w, () => w.call("submitReview", [{ quickwinId: "QW-001", scores: s }], REV_A, "en")),
    ).toMatch(/same agency/);
    expect(
      refused(w, () =>
        w.call("submitReview", [{ quickwinId: "QW-002", scores: s, reviewer: REV_C }], REV_B),
      ),
    ).toMatch(/reviewer/);
    expect(
      refused(w, () =>
        w.call("submitReview", [{ quickwinId: "QW-002", scores: s, email: REV_C }], REV_B),
      ),
    ).toMatch(/email/);
    const [first, ...rest] = w.criteria;
    const missing = Object.fromEntries(rest.map((c) => [c, 3]));
    expect(
      refused(w, () => w.call("submitReview", [{ quickwinId: "QW-002", scores: missing }], REV_B)),
    ).toMatch(/belum diisi/);
    expect(
      refused(w, () =>
        w.call("submitReview", [{ quickwinId: "QW-002", scores: { ...s, [first!]: 6 } }], REV_B),
      ),
    ).toMatch(/dari 1 sampai 5/);
    expect(
      refused(w, () =>
        w.call("submitReview", [{ quickwinId: "QW-002", scores: { ...s, [first!]: 2.5 } }], REV_B),
      ),
    ).toMatch(/bulat/);
    expect(
      refused(w, () =>
        w.call("submitReview", [{ quickwinId: "QW-002", scores: { ...s, bonus: 3 } }], REV_B),
      ),
    ).toMatch(/bonus tidak ada/);
    expect(
      refused(w, () => w.call("submitReview", [{ quickwinId: "QW-404", scores: s }], REV_B)),
    ).toMatch(/tidak ditemukan/);
    expect(
      refused(w, () => w.call("submitReview", [{ quickwinId: "QW-002", scores: s }], STRANGER)),
    ).toMatch(/belum terdaftar/);
    expect(
      refused(w, () =>
        w.call(
          "submitReview",
          [{ quickwinId: "QW-002", scores: s, comment: "x".repeat(60_000) }],
          REV_B,
        ),
      ),
    ).toMatch(/terlalu panjang/);
    expect(
      refused(w, () =>
        w.call(
          "submitReview",
          [{ quickwinId: "QW-002", scores: s, declaredConflict: "ya" }],
          REV_B,
        ),
      ),
    ).toMatch(/ya atau tidak/);
    expect(refused(w, () => w.call("submitReview", ["QW-002"], REV_B))).toMatch(/Data tidak valid/);
    expect(
      refused(w, () => w.call("submitReview", [{ quickwinId: "QW-002", scores: s }, REV_C], REV_B)),
    ).toMatch(/argumen/);
  });
});

describe("coordinator-only functions", () => {
  it("refuse reviewers and strangers in their language, writing nothing", () => {
    const w = world();
    for (const name of ["computeRanking", "exportShortlist", "setupSpreadsheet"]) {
      expect(refused(w, () => w.call(name, [], REV_B))).toMatch(/Hanya koordinator/);
      expect(refused(w, () => w.call(name, [], REV_B, "en"))).toMatch(/Only a coordinator/);
      expect(refused(w, () => w.call(name, [], STRANGER))).toMatch(/belum terdaftar/);
    }
  });

  it("refuse everything but setup on a spreadsheet that is not set up", () => {
    const rt = loadServer({ emulator: createEmulator() });
    const before = JSON.stringify(rt.emulator.snapshot());
    for (const [name, args] of [
      ["saveSettings", [{ shortlistSize: 3 }]],
      ["saveQuickwin", [QUICKWIN]],
      ["submitReview", [{ quickwinId: "QW-001", scores: {} }]],
      ["computeRanking", []],
      ["exportShortlist", []],
    ] as const) {
      expect(failure(rt.call(name, [...args], { email: COORD }))).toMatch(/belum disiapkan/);
    }
    expect(JSON.stringify(rt.emulator.snapshot())).toBe(before);
  });
});

describe("data snapshot helper", () => {
  it("ignores only the log", () => {
    const w = world();
    const before = dataSnapshot(w.rt);
    ok(w.call("getSidebarState", []));
    expect(dataSnapshot(w.rt)).toBe(before);
  });
});
