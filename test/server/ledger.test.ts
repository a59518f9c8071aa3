// The sealed reviews ledger and log through the real server script (DESIGN §2, §5): what a
// person editing the spreadsheet by hand can do to them — type a row, edit a score, delete a
// row, copy one, swap two — is caught by verifyLedger and left out of every ranking; a forged
// row in another reviewer's name neither replaces her review nor shows in her sidebar.
import { describe, expect, it } from "vitest";
import type { ComputeRankingResult, VerifyLedgerResult } from "../../src/core/types";
import { createEmulator } from "../../src/preview/emulator";
import { loadServer, type ServerRuntime } from "../../src/preview/script-host";
import {
  appendSealedReviews,
  COORD,
  failure,
  ok,
  REV_A,
  REV_B,
  REV_C,
  sealState,
  sheet,
  type World,
  world,
} from "./helpers";

type State = {
  myReviews: { quickwinId: string; scores: Record<string, number> }[];
};

/** Runs fn on the spreadsheet as a person editing it (not through the add-on). */
function byHand(rt: ServerRuntime, fn: (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => void) {
  const app = rt.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  rt.emulator.runExecution({ email: COORD, locale: "id" }, () => fn(app.getActiveSpreadsheet()));
}

/**
 * Three quickwins, each scored by B and by C or A (six reviews; QW-003 is Bappeda's, C's
 * agency, so A scores it), ranked with one review enough.
 */
function scoredWorld(): World {
  const w = world();
  ok(w.call("saveSettings", [{ minReviews: 1, bootstrapResamples: 0 }]));
  for (const [id, score, other] of [
    ["QW-001", 3, REV_C],
    ["QW-002", 2, REV_C],
    ["QW-003", 5, REV_A],
  ] as const) {
    ok(w.call("submitReview", [{ quickwinId: id, scores: w.scores(score) }], REV_B));
    ok(w.call("submitReview", [{ quickwinId: id, scores: w.scores(score) }], other));
  }
  return w;
}

const verify = (w: World) => ok<VerifyLedgerResult>(w.call("verifyLedger", []));
const rank = (w: World) => ok<ComputeRankingResult>(w.call("computeRanking", []));

describe("verifyLedger", () => {
  it("an intact ledger and log: every row sealed, no gap, the length and the last seal", () => {
    const w = scoredWorld();
    const v = verify(w);
    const ledger = sheet(w.rt, "Penilaian").values;
    expect(v).toMatchObject({ rows: 6, sealed: 6, tampered: [], gaps: [], length: 6 });
    expect(v.lastSeal).toBe(ledger[6]![8]);
    expect(v.lastSeal).toMatch(/^[A-Za-z0-9_-]{43}=$/);
    expect(v.log.tampered).toEqual([]);
    expect(v.log.gaps).toEqual([]);
    expect(v.log.sealed).toBe(sheet(w.rt, "Log").values.length - 1);
    // The secret stays in the document properties: no sheet holds it.
    const secret = sealState(w.rt).secret;
    expect(JSON.stringify(w.rt.emulator.snapshot())).not.toContain(secret);
  });

  it("is for coordinators only", () => {
    const w = scoredWorld();
    expect(failure(w.call("verifyLedger", [], REV_B))).toMatch(/koordinator/);
  });

  it("catches a typed row, and the ranking leaves it out", () => {
    const w = scoredWorld();
    const before = rank(w);
    byHand(w.rt, (ss) => {
      const s = ss.getSheetByName("Penilaian")!;
      s.getRange("A8:I8").setValues([
        [7, new Date(), "QW-002", REV_B, "", JSON.stringify(w.scores(5)), "", "tidak", "x"],
      ]);
    });
    expect(verify(w).tampered).toEqual([{ row: 8, seq: 7, reason: "seal" }]);
    const after = rank(w);
    expect(after.rows).toEqual(before.rows);
    expect(after.problems.filter((p) => p.code === "ledger-tampered")).toEqual([
      expect.objectContaining({ row: 8, message: expect.stringMatching(/Baris 8/) }),
    ]);
  });

  it("catches an edited score (in the JSON or in words) and counts that review no more", () => {
    for (const column of ["F", "E"]) {
      const w = scoredWorld();
      byHand(w.rt, (ss) => {
        const cell = ss.getSheetByName("Penilaian")!.getRange(`${column}7`);
        const text = String(cell.getValue());
        cell.setValue(`'${text.replace(/5/g, "1")}`);
      });
      const v = verify(w);
      expect(v.tampered, column).toEqual([{ row: 7, seq: 6, reason: "seal" }]);
      const r = rank(w);
      expect(r.rows.find((x) => x.quickwinId === "QW-003")!.reviewCount).toBe(1);
    }
  });

  it("catches a deleted row (a gap), also the last one", () => {
    const w = scoredWorld();
    byHand(w.rt, (ss) => ss.getSheetByName("Penilaian")!.deleteRow(3));
    expect(verify(w)).toMatchObject({ gaps: [[2, 2]], tampered: [], sealed: 5 });
    byHand(w.rt, (ss) => ss.getSheetByName("Penilaian")!.deleteRow(6));
    const v = verify(w);
    expect(v.gaps).toEqual([
      [2, 2],
      [6, 6],
    ]);
    expect(v.length).toBe(6);
    const gaps = rank(w).problems.filter((p) => p.code === "ledger-gap");
    expect(gaps.map((p) => p.message)).toEqual([
      expect.stringMatching(/No\. urut 2 hilang/),
      expect.stringMatching(/No\. urut 6 hilang/),
    ]);
  });

  it("catches a row copied from elsewhere in the ledger", () => {
    const w = scoredWorld();
    byHand(w.rt, (ss) => {
      const s = ss.getSheetByName("Penilaian")!;
      s.getRange("A8:I8").setValues(s.getRange("A2:I2").getValues());
    });
    expect(verify(w).tampered).toEqual([{ row: 8, seq: 1, reason: "copy" }]);
    expect(rank(w).problems.some((p) => p.code === "ledger-tampered" && p.row === 8)).toBe(true);
  });

  it("catches a reordered pair", () => {
    const w = scoredWorld();
    byHand(w.rt, (ss) => {
      const s = ss.getSheetByName("Penilaian")!;
      const a = s.getRange("A3:I3").getValues();
      const b = s.getRange("A4:I4").getValues();
      s.getRange("A3:I3").setValues(b);
      s.getRange("A4:I4").setValues(a);
    });
    const v = verify(w);
    expect(v.tampered).toHaveLength(1);
    expect(v.tampered[0]!.reason).toBe("order");
    expect([3, 4]).toContain(v.tampered[0]!.row);
  });

  it("catches an edited log row", () => {
    const w = scoredWorld();
    byHand(w.rt, (ss) => {
      ss.getSheetByName("Log")!.getRange("D3").setValue("'Penilaian dihapus");
    });
    expect(verify(w).log.tampered).toEqual([{ row: 3, seq: 2, reason: "seal" }]);
  });
});

describe("a forged review in another reviewer's name (issue 11, scenario 6)", () => {
  it("does not replace her review, nor show in her sidebar as hers", () => {
    const w = scoredWorld(); // Ani scored QW-003 with 5s
    const before = rank(w);
    const top = before.rows[0]!;
    expect(top.quickwinId).toBe("QW-003");
    // Typed by hand in Ani's name, all minimum scores, a number after the last and a seal
    // made with another key: the only seal a person without the secret can make.
    const forged = appendSealedReviews(
      w.rt,
      [{ quickwinId: "QW-003", reviewer: REV_A, scores: w.scores(1) }],
      { forge: true },
    );
    const after = rank(w);
    expect(after.rows.map((r) => [r.quickwinId, r.rank, r.score])).toEqual(
      before.rows.map((r) => [r.quickwinId, r.rank, r.score]),
    );
    expect(after.problems).toContainEqual(
      expect.objectContaining({ code: "ledger-tampered", row: forged.rows[0] }),
    );
    const hers = ok<State>(w.call("getSidebarState", [], REV_A));
    expect(hers.myReviews.find((r) => r.quickwinId === "QW-003")!.scores).toEqual(w.scores(5));
  });

  it("a later genuine review still replaces her earlier one (the highest number counts)", () => {
    const w = scoredWorld();
    const raw = (r: ComputeRankingResult) =>
      r.rows.find((x) => x.quickwinId === "QW-001")!.rawScore;
    expect(raw(rank(w))).toBe(50); // 3s on a 1–5 scale, both reviews
    ok(w.call("submitReview", [{ quickwinId: "QW-001", scores: w.scores(1) }], REV_B));
    // B's latest review (1s = 0) counts with C's (3s = 50), not B's first.
    expect(raw(rank(w))).toBe(25);
  });
});

describe("the sheets a person reads", () => {
  it("the ledger keeps the scores in words beside the JSON, the time as a date", () => {
    const w = scoredWorld();
    const row = sheet(w.rt, "Penilaian").values[1]!;
    expect(sheet(w.rt, "Penilaian").values[0]).toEqual([
      "No. urut",
      "Waktu",
      "ID quickwin",
      "Penilai",
      "Nilai",
      "Nilai (JSON)",
      "Komentar",
      "Konflik kepentingan",
      "Segel",
    ]);
    expect(row[0]).toBe(1);
    expect(String(row[1])).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/); // a Date cell
    expect(row[4]).toMatch(/^[^{}]+ 3(; [^{}]+ 3)+$/);
    expect(row[7]).toBe("tidak");
  });

  it("the log: a number, a date, the user, the action and details in words, a seal", () => {
    const w = scoredWorld();
    const log = sheet(w.rt, "Log").values;
    expect(log[0]).toEqual(["No. urut", "Waktu", "Pengguna", "Tindakan", "Rincian", "Segel"]);
    const last = log.at(-1)!;
    expect(last[0]).toBe(log.length - 1);
    expect(String(last[1])).toMatch(/T\d{2}:\d{2}:\d{2}\.000Z$/);
    expect(last[2]).toBe(REV_A);
    expect(last[3]).toBe("Penilaian dikirim");
    expect(last[4]).toBe("quickwin: QW-003; no. urut penilaian: 6; konflik dinyatakan: tidak");
    expect(log.flat().join(" ")).not.toMatch(/[{}]/);
    const en = world({ locale: "en", quickwins: 0 });
    const enLog = sheet(en.rt, "Log").values;
    expect(enLog[0]).toEqual(["Seq. no.", "Time", "User", "Action", "Details", "Seal"]);
    expect(enLog.at(-1)![3]).toBe("Panel saved");
  });

  it("the ranking and the shortlist print the ledger's length and last seal", () => {
    const w = scoredWorld();
    const r = rank(w);
    ok(w.call("exportShortlist", []));
    const line = `Buku penilaian: 6 penilaian; segel terakhir ${r.ledger.lastSeal}`;
    expect(sheet(w.rt, "Peringkat").values.at(-1)![0]).toBe(line);
    expect(sheet(w.rt, "Daftar Pendek").values[3]![0]).toBe(line);
  });
});

describe("a spreadsheet set up before sealing existed", () => {
  /** A set-up world, then its ledger and log put back in the old layout, unsealed. */
  function legacy() {
    const w = scoredWorld();
    const rt = w.rt;
    byHand(rt, (ss) => {
      const ledger = ss.getSheetByName("Penilaian")!;
      const rows = ledger.getRange("A2:I7").getValues();
      ledger.getRange("A1:I7").clearContent();
      ledger
        .getRange("A1:F7")
        .setValues([
          ["Waktu", "ID quickwin", "Penilai", "Nilai (JSON)", "Komentar", "Konflik kepentingan"],
          ...rows.map((r) => [
            `'${(r[1] as Date).toISOString()}`,
            `'${r[2]}`,
            `'${r[3]}`,
            `'${r[5]}`,
            r[6] === "" ? "" : `'${r[6]}`,
            false,
          ]),
        ]);
      const log = ss.getSheetByName("Log")!;
      const n = log.getLastRow();
      log.getRange(1, 1, n, 6).clearContent();
      log.getRange("A1:D2").setValues([
        ["Waktu", "Pengguna", "Tindakan", "Rincian"],
        ["'2019-09-05T01:00:00.000Z", `'${COORD}`, "'saveSettings", `'{"changed":["minReviews"]}`],
      ]);
      const props = (
        rt.emulator.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService
      ).getDocumentProperties();
      props.deleteProperty("quickwin.seal");
    });
    return w;
  }

  it("is refused plainly until setup seals it, once, and logs it", () => {
    const w = legacy();
    expect(failure(w.call("computeRanking", []))).toMatch(/belum disegel|penyiapan/);
    expect(
      failure(w.call("submitReview", [{ quickwinId: "QW-002", scores: w.scores(2) }], REV_A)),
    ).toMatch(/belum disegel|penyiapan/);
    ok(w.call("setupSpreadsheet", []));
    const v = verify(w);
    expect(v).toMatchObject({ rows: 6, sealed: 6, tampered: [], gaps: [], length: 6 });
    expect(v.log).toMatchObject({ tampered: [], gaps: [] });
    const log = sheet(w.rt, "Log").values;
    expect(log[1]!.slice(2, 5)).toEqual([COORD, "Pengaturan disimpan", "diubah: minReviews"]);
    expect(log.at(-1)![3]).toBe("Penyiapan spreadsheet");
    expect(log.at(-1)![4]).toMatch(/buku penilaian: 6; baris log: 1/);
    expect(rank(w).rows.reduce((n, r) => n + r.reviewCount, 0)).toBe(6);
    // Sealed once: a row typed afterwards without a seal is never sealed by a later setup.
    byHand(w.rt, (ss) =>
      ss
        .getSheetByName("Penilaian")!
        .getRange("A8:I8")
        .setValues([[7, new Date(), "QW-001", REV_B, "", "{}", "", "tidak", ""]]),
    );
    ok(w.call("setupSpreadsheet", []));
    expect(verify(w).tampered).toEqual([{ row: 8, seq: 7, reason: "seal" }]);
  });
});

describe("a new spreadsheet", () => {
  it("gets its secret with its first setup, and a fresh emulator none before", () => {
    const rt = loadServer({ emulator: createEmulator() });
    ok(rt.call("setupSpreadsheet", [], { email: COORD, locale: "id" }));
    expect(sealState(rt).secret).toMatch(/^[0-9a-f]{64}$/);
    expect(sealState(rt).log).toBe(1);
  });
});
