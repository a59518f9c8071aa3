// Issue 11's hand-edit scenarios (1–4, 7 and the identity-key part of 5): sheets found by id
// and trusted by their whole header, repairs that never overwrite a data row, a broken panel
// that never hands out the coordinator role, ids of any length that never collide.
import { describe, expect, it } from "vitest";
import {
  COORD,
  dataSnapshot,
  failure,
  ok,
  QUICKWIN,
  REV_B,
  STRANGER,
  sheet,
  type World,
  world,
} from "./helpers";

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Edits the spreadsheet as a person would, outside any server function. */
function byHand(w: World, edit: (ss: Ss) => void): void {
  const app = w.rt.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () =>
    edit(app.getActiveSpreadsheet()),
  );
}

const ids = (w: World) =>
  ok<{ quickwins: { id: string }[] }>(w.call("getSidebarState", [])).quickwins.map((q) => q.id);

describe("scenario 1: a deleted header row", () => {
  it("is reported instead of eating the first row, and setup inserts it above the data", () => {
    const w = world();
    ok(w.call("submitReview", [{ quickwinId: "QW-001", scores: w.scores(4) }], REV_B));
    byHand(w, (ss) => {
      ss.getSheetByName("Quickwin")!.deleteRow(1);
      ss.getSheetByName("Penilaian")!.deleteRow(1);
    });
    const state = ok<{ setupDone: boolean; sheetProblem: string }>(w.call("getSidebarState", []));
    expect(state.setupDone).toBe(false);
    expect(state.sheetProblem).toMatch(/Quickwin.*baris judul.*penyiapan/);
    expect(
      failure(w.call("submitReview", [{ quickwinId: "QW-002", scores: w.scores(3) }], REV_B)),
    ).toMatch(/Quickwin/);
    ok(w.call("setupSpreadsheet", []));
    expect(sheet(w.rt, "Quickwin").values[1]![0]).toBe("QW-001");
    expect(ids(w)).toEqual(["QW-001", "QW-002", "QW-003"]);
    const mine = ok<{ myReviews: unknown[] }>(w.call("getSidebarState", [], REV_B)).myReviews;
    expect(mine).toHaveLength(1);
    const log = sheet(w.rt, "Log").values;
    expect(String(log.at(-1)![4])).toMatch(/header inserted above row 1/);
  });

  it("on the panel: the coordinator's row is kept, and setup repairs it for them", () => {
    const w = world();
    byHand(w, (ss) => ss.getSheetByName("Tim Penilai")!.deleteRow(1));
    expect(failure(w.call("computeRanking", []))).toMatch(/Tim Penilai/);
    const state = ok<{ user: { role: string } }>(w.call("setupSpreadsheet", []));
    expect(state.user.role).toBe("coordinator");
    ok(w.call("computeRanking", []));
  });
});

describe("scenario 2: swapped tab names", () => {
  it("are followed by id: saving the rubric never touches the quickwins", () => {
    const w = world();
    byHand(w, (ss) => {
      ss.getSheetByName("Quickwin")!.setName("tmp");
      ss.getSheetByName("Kriteria")!.setName("Quickwin");
      ss.getSheetByName("tmp")!.setName("Kriteria");
      ss.getSheetByName("Penilaian")!.setName("tmp2");
      ss.getSheetByName("Log")!.setName("Penilaian");
      ss.getSheetByName("tmp2")!.setName("Log");
    });
    const quickwinsBefore = JSON.stringify(sheet(w.rt, "Kriteria").values);
    ok(w.call("saveCriteria", [[{ id: "a", name: "A", weight: 1, min: 1, max: 5 }]]));
    expect(JSON.stringify(sheet(w.rt, "Kriteria").values)).toBe(quickwinsBefore);
    expect(sheet(w.rt, "Quickwin").values[1]!.slice(0, 2)).toEqual(["a", "A"]);
    expect(ids(w)).toEqual(["QW-001", "QW-002", "QW-003"]);
    ok(w.call("submitReview", [{ quickwinId: "QW-001", scores: { a: 3 } }], REV_B));
    expect(sheet(w.rt, "Log").values.at(-1)![2]).toBe("QW-001");
  });

  it("an id that points at a sheet of another layout is refused, and setup leaves that sheet alone", () => {
    const w = world();
    const props = w.rt.emulator.globals
      .PropertiesService as GoogleAppsScript.Properties.PropertiesService;
    w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () => {
      const p = props.getDocumentProperties();
      const reg = JSON.parse(p.getProperty("quickwin.registry")!);
      reg.sheets.criteria = reg.sheets.quickwins;
      p.setProperty("quickwin.registry", JSON.stringify(reg));
    });
    const before = JSON.stringify(sheet(w.rt, "Quickwin").values);
    expect(
      failure(w.call("saveCriteria", [[{ id: "a", name: "A", weight: 1, min: 1, max: 5 }]])),
    ).toMatch(/penyiapan/);
    ok(w.call("setupSpreadsheet", []));
    expect(JSON.stringify(sheet(w.rt, "Quickwin").values)).toBe(before);
    ok(w.call("saveCriteria", [[{ id: "a", name: "A", weight: 1, min: 1, max: 5 }]]));
    expect(JSON.stringify(sheet(w.rt, "Quickwin").values)).toBe(before);
  });

  it("a column a person inserts or moves is tolerated, and its contents kept", () => {
    const w = world();
    byHand(w, (ss) => {
      const q = ss.getSheetByName("Quickwin")!;
      q.insertColumnBefore(2);
      q.getRange("B1:B2").setValues([["Catatan saya"], ["=1+1"]]);
    });
    ok(w.call("saveQuickwin", [{ ...QUICKWIN, id: "QW-001", name: "Baru" }]));
    const values = sheet(w.rt, "Quickwin").values;
    expect(values[0]![1]).toBe("Catatan saya");
    expect(values[1]!.slice(0, 3)).toEqual(["QW-001", 2, "Baru"]);
    const formulas = w.rt.emulator.snapshot().sheets.find((s) => s.name === "Quickwin")!;
    expect(JSON.stringify(formulas)).toContain("=1+1");
  });
});

describe("scenario 3: long ids", () => {
  it("a typed QW-999999999 is followed by QW-1000000000, then QW-1000000001: never a collision", () => {
    const w = world();
    w.rt.emulator.typeInto("Quickwin", "A4", [["QW-999999999"]]);
    w.rt.emulator.typeInto("Quickwin", "A3", [["qw-99999999999999999999"]]);
    const a = ok<{ id: string }>(w.call("saveQuickwin", [QUICKWIN], REV_B)).id;
    const b = ok<{ id: string }>(w.call("saveQuickwin", [QUICKWIN], REV_B)).id;
    expect(a).toBe("QW-100000000000000000000");
    expect(b).toBe("QW-100000000000000000001");
    ok(w.call("saveQuickwin", [{ ...QUICKWIN, id: b, name: "Diubah" }], REV_B));
    const names = sheet(w.rt, "Quickwin").values.map((r) => [r[0], r[1]]);
    expect(names).toContainEqual([a, QUICKWIN.name]);
    expect(names).toContainEqual([b, "Diubah"]);
  });

  it("a look-alike typed id (zero-width space, full-width digits) is the same id", () => {
    const w = world();
    w.rt.emulator.typeInto("Quickwin", "A4", [["QW-００９\u200b"]]);
    expect(ok<{ id: string }>(w.call("saveQuickwin", [QUICKWIN], REV_B)).id).toBe("QW-010");
    ok(w.call("submitReview", [{ quickwinId: "qw-001\u200b", scores: w.scores(4) }], REV_B));
    expect(sheet(w.rt, "Penilaian").values.at(-1)![2]).toBe("QW-001");
  });
});

describe("scenario 4: a broken panel never hands out the coordinator role", () => {
  it("a role typed as 'ketua': setup refuses the claim and says which row", () => {
    const w = world();
    w.rt.emulator.typeInto("Tim Penilai", "D2:D5", [["ketua"], ["ketua"], ["ketua"], ["ketua"]]);
    const before = dataSnapshot(w.rt);
    expect(failure(w.call("setupSpreadsheet", [], STRANGER))).toMatch(/baris 2/);
    expect(dataSnapshot(w.rt)).toBe(before);
    expect(failure(w.call("computeRanking", [], STRANGER))).toMatch(/belum terdaftar/);
  });

  it("a column inserted before 'Peran': the panel is read by header, the coordinator stays", () => {
    const w = world();
    byHand(w, (ss) => ss.getSheetByName("Tim Penilai")!.insertColumnBefore(4));
    expect(failure(w.call("setupSpreadsheet", [], STRANGER))).toMatch(/belum terdaftar/);
    ok(w.call("computeRanking", []));
  });

  it("the tab deleted: no claim; setup restores it with the remembered coordinators", () => {
    const w = world();
    byHand(w, (ss) => ss.deleteSheet(ss.getSheetByName("Tim Penilai")!));
    expect(failure(w.call("computeRanking", []))).toMatch(/Tim Penilai.*tidak ditemukan/);
    expect(failure(w.call("setupSpreadsheet", [], STRANGER))).toMatch(
      /tidak menjadikan siapa pun koordinator/,
    );
    expect(failure(w.call("computeRanking", [], STRANGER))).toMatch(/belum terdaftar/);
    expect(failure(w.call("setupSpreadsheet", [], STRANGER))).toMatch(/belum terdaftar/);
    expect(sheet(w.rt, "Tim Penilai").values[1]!.slice(0, 1)).toEqual([COORD]);
    ok(w.call("computeRanking", []));
  });

  it("'no panel' is an intact panel sheet without data rows: then the caller claims it", () => {
    const w = world();
    byHand(w, (ss) => {
      const p = ss.getSheetByName("Tim Penilai")!;
      p.deleteRows(2, 4);
    });
    const state = ok<{ user: { role: string } }>(w.call("setupSpreadsheet", [], STRANGER));
    expect(state.user.role).toBe("coordinator");
  });
});

describe("scenario 7: a deleted sheet never gives a 'successful' ranking", () => {
  it.each([
    ["Pengaturan", /Pengaturan/],
    ["Penilaian", /Penilaian/],
    ["Quickwin", /Quickwin/],
  ])("%s deleted: computeRanking refuses and names it", (name, pattern) => {
    const w = world();
    ok(w.call("saveSettings", [{ shortlistSize: 2 }]));
    byHand(w, (ss) => ss.deleteSheet(ss.getSheetByName(name)!));
    const message = failure(w.call("computeRanking", []));
    expect(message).toMatch(pattern);
    expect(message).toMatch(/tidak ditemukan.*penyiapan/);
    expect(message.length).toBeLessThan(300);
    // submitReview needs each of them too (the settings say whether scoring is open).
    const review = w.call("submitReview", [{ quickwinId: "QW-001", scores: w.scores(3) }], REV_B);
    expect(failure(review)).toMatch(pattern);
  });
});

describe("scenario 5 (identity keys): look-alike and invisible text", () => {
  it("an agency typed with a zero-width space is the reviewer's own: the conflict is caught", () => {
    const w = world({ quickwins: 0 });
    const q = ok<{ id: string }>(
      w.call("saveQuickwin", [{ ...QUICKWIN, agency: "Dinkes\u200b" }], REV_B),
    );
    expect(
      failure(
        w.call("submitReview", [{ quickwinId: q.id, scores: w.scores(4) }], "ani@patikab.go.id"),
      ),
    ).toMatch(/OPD yang sama/);
  });

  it("a name made only of invisible characters is empty: refused as required", () => {
    const w = world({ quickwins: 0 });
    const message = failure(
      w.call(
        "saveQuickwin",
        [{ ...QUICKWIN, name: "\u200b\u200d", agency: "\u2066\u2069" }],
        REV_B,
      ),
    );
    expect(message).toMatch(/wajib diisi/);
  });
});

describe("scenario 8: weights that would underflow", () => {
  const rubric = (weight: number) => [
    { id: "a", name: "A", weight, min: 1, max: 5 },
    { id: "b", name: "B", weight: 1, min: 1, max: 5 },
  ];

  it("saveCriteria refuses a weight below 1/1000 of the largest, in a sentence", () => {
    const w = world();
    const before = dataSnapshot(w.rt);
    const message = failure(w.call("saveCriteria", [rubric(5e-324)]));
    expect(message).toMatch(/1\/1000/);
    expect(message.length).toBeLessThanOrEqual(300);
    expect(dataSnapshot(w.rt)).toBe(before);
    ok(w.call("saveCriteria", [rubric(0.001)]));
  });

  it("a tiny weight typed into the sheet makes computeRanking refuse, naming the criterion", () => {
    const w = world();
    ok(w.call("saveCriteria", [rubric(1)]));
    w.rt.emulator.typeInto("Kriteria", "D2", [[5e-324]]);
    expect(failure(w.call("computeRanking", []))).toMatch(/Bobot kriteria A terlalu kecil/);
  });
});

describe("scenario 9: refusals are one short sentence", () => {
  it("200 000 unknown keys: at most 300 characters, '… dan 199 995 lainnya'", () => {
    const w = world({ quickwins: 0 });
    const keys = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, 1]));
    const message = failure(w.call("saveSettings", [keys]));
    expect(message.length).toBeLessThanOrEqual(300);
    expect(message).toMatch(/k0, k1, k2, k3, k4 … dan 199[ .\u00a0]?995 lainnya/);
  });

  it("absurd argument counts and nesting are refused in a sentence, writing nothing", () => {
    const w = world({ quickwins: 0 });
    const before = dataSnapshot(w.rt);
    expect(failure(w.call("saveSettings", Array(50_000).fill({})))).toMatch(/jumlah argumen/);
    expect(failure(w.call("saveSettings", Array(200_000).fill(1)))).toMatch(/jumlah argumen/);
    let deep: unknown = [];
    for (let i = 0; i < 500; i++) deep = [deep];
    expect(failure(w.call("saveCriteria", [deep]))).toMatch(/bersarang terlalu dalam/);
    expect(dataSnapshot(w.rt)).toBe(before);
  });
});
