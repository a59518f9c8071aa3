// The agency list through the real dist/server.js in the emulator (issue 11, scenario 5, done as
// an attacker would): look-alike spellings of one agency neither dodge the conflict of interest
// nor the per-agency cap, once the list says they are one; a name the identity key already folds
// needs no list at all; a name of invisible characters only is no agency.
import { describe, expect, it } from "vitest";
import type { Agency } from "../../src/core/agencies";
import type { AssignmentProposalResult } from "../../src/core/planning";
import type { ComputeRankingResult, Quickwin, SidebarState } from "../../src/core/types";
import {
  COORD,
  dataSnapshot,
  failure,
  ok,
  QUICKWIN,
  REV_A,
  REV_B,
  REV_C,
  sheet,
  world,
} from "./helpers";

type W = ReturnType<typeof world>;

const ZWSP = "\u200B";
const CYRILLIC_DINKES = "Dink\u0435s"; // Cyrillic е: not folded by the identity key

function refused(w: W, fn: () => ReturnType<W["call"]>): string {
  const before = dataSnapshot(w.rt);
  const message = failure(fn());
  expect(dataSnapshot(w.rt)).toBe(before);
  expect(message.length).toBeLessThanOrEqual(300);
  return message;
}

/** A quickwin saved by REV_B (no agency of his own) under the given agency spelling. */
function quickwinOf(w: W, agency: string, name = `Program ${agency}`): Quickwin {
  return ok<Quickwin>(w.call("saveQuickwin", [{ ...QUICKWIN, name, agency }], REV_B));
}

function review(w: W, quickwinId: string, email: string, value = 4) {
  return w.call("submitReview", [{ quickwinId, scores: w.scores(value) }], email);
}

function agencies(w: W): Agency[] {
  return ok<SidebarState>(w.call("getSidebarState", [])).agencies ?? [];
}

describe("one agency however it is spelled (DESIGN §2)", () => {
  it("a zero-width space changes nothing: refused as the Dinkes reviewer's own agency", () => {
    const w = world({ quickwins: 0 });
    const hidden = quickwinOf(w, `Din${ZWSP}kes${ZWSP}`);
    expect(refused(w, () => review(w, hidden.id, REV_A))).toMatch(/konflik kepentingan/i);
    // The list gained no second "Dinkes": the key is the same name.
    expect(agencies(w).map((a) => a.name)).toEqual(["Dinkes", "Bappeda"]);
    // The sidebar shows it to her as a conflict.
    const mine = ok<SidebarState>(w.call("getSidebarState", [], REV_A));
    expect(mine.quickwins.find((q) => q.id === hidden.id)?.agencyConflict).toBe(true);
  });

  it("“Dinas Kesehatan” is Dinkes once the list says so, and the sidebar follows", () => {
    const w = world({ quickwins: 0 });
    const long = quickwinOf(w, "Dinas Kesehatan");
    expect(agencies(w).map((a) => a.name)).toEqual(["Dinkes", "Bappeda", "Dinas Kesehatan"]);
    // Two agencies for now: her review is accepted.
    ok(review(w, long.id, REV_A));
    ok(
      w.call("saveAgencies", [
        [
          { name: "Dinas Kesehatan", shortName: "Dinkes", aliases: [] },
          { name: "Bappeda", aliases: [] },
        ],
      ]),
    );
    expect(refused(w, () => review(w, long.id, REV_A))).toMatch(/Dinas Kesehatan/);
    const mine = ok<SidebarState>(w.call("getSidebarState", [], REV_A));
    expect(mine.quickwins.find((q) => q.id === long.id)?.agencyConflict).toBe(true);
    // Her earlier review no longer counts: the ranking reports it as a conflict.
    const ranked = ok<ComputeRankingResult>(w.call("computeRanking", []));
    expect(
      ranked.problems.some(
        (p) =>
          p.code === "conflict-of-interest" && p.quickwinId === long.id && p.reviewer === REV_A,
      ),
    ).toBe(true);
  });

  it("a Cyrillic look-alike stays its own agency until merged as an alias; then conflict and cap apply", () => {
    const w = world({ quickwins: 0 });
    ok(w.call("saveSettings", [{ maxPerAgency: 1, shortlistSize: 3, minReviews: 2 }]));
    const plain = quickwinOf(w, "Dinkes", "Satu");
    const look = quickwinOf(w, CYRILLIC_DINKES, "Dua");
    const other = quickwinOf(w, "Diskominfo", "Tiga");
    const list = agencies(w);
    expect(list.map((a) => a.name)).toEqual(["Dinkes", "Bappeda", CYRILLIC_DINKES, "Diskominfo"]);
    // Not folded by the key: REV_A may score it, and both Dinkes programmes are shortlisted.
    ok(review(w, look.id, REV_A, 5));
    for (const [q, value] of [
      [plain, 5],
      [look, 5],
      [other, 2],
    ] as const) {
      ok(review(w, q.id, REV_B, value));
      ok(review(w, q.id, REV_C, value));
    }
    let ranked = ok<ComputeRankingResult>(w.call("computeRanking", []));
    expect(ranked.shortlist).toEqual(expect.arrayContaining([plain.id, look.id]));

    // The coordinator merges the look-alike into Dinkes: it becomes an alias.
    const merged = list
      .filter((a) => a.name !== CYRILLIC_DINKES)
      .map((a) => (a.name === "Dinkes" ? { ...a, aliases: [CYRILLIC_DINKES] } : a));
    ok(w.call("saveAgencies", [merged]));
    expect(refused(w, () => review(w, look.id, REV_A, 5))).toMatch(/konflik kepentingan/i);
    ranked = ok<ComputeRankingResult>(w.call("computeRanking", []));
    expect(ranked.shortlist.filter((id) => id === plain.id || id === look.id)).toHaveLength(1);
    expect(ranked.shortlist).toContain(other.id);
    expect(
      ranked.problems.some((p) => p.code === "conflict-of-interest" && p.quickwinId === look.id),
    ).toBe(true);
    // The sheet holds the merge as a person reads it.
    const rows = sheet(w.rt, "Daftar OPD").values;
    expect(rows[0]).toEqual(["Nama", "Singkatan", "Nama lain (pisahkan dengan ;)"]);
    expect(rows.slice(1).filter((r) => r[0] !== "")).toEqual([
      ["Dinkes", "", CYRILLIC_DINKES],
      ["Bappeda", "", ""],
      ["Diskominfo", "", ""],
    ]);
  });

  it("maxPerAgency 1: three Dinkes spellings at the top, only one shortlisted", () => {
    const w = world({ quickwins: 0 });
    ok(w.call("saveSettings", [{ maxPerAgency: 1, shortlistSize: 4, minReviews: 2 }]));
    const top = [`Dinkes${ZWSP}`, "Dinas Kesehatan", CYRILLIC_DINKES].map((a, i) =>
      quickwinOf(w, a, `Top ${i}`),
    );
    const rest = ["Disdagperin", "Diskominfo"].map((a) => quickwinOf(w, a));
    for (const q of top) for (const r of [REV_B, REV_C]) ok(review(w, q.id, r, 5));
    for (const q of rest) for (const r of [REV_B, REV_C]) ok(review(w, q.id, r, 2));
    ok(
      w.call("saveAgencies", [
        [
          { name: "Dinas Kesehatan", shortName: "Dinkes", aliases: [CYRILLIC_DINKES] },
          { name: "Bappeda", aliases: [] },
        ],
      ]),
    );
    const ranked = ok<ComputeRankingResult>(w.call("computeRanking", []));
    const topIds = top.map((q) => q.id);
    expect(ranked.shortlist.filter((id) => topIds.includes(id))).toHaveLength(1);
    expect(ranked.shortlist).toEqual([topIds[0], ...rest.map((q) => q.id)]);
    // The printed shortlist applies the same cap.
    const exported = ok<{ quickwinIds: string[] }>(w.call("exportShortlist", []));
    expect(exported.quickwinIds).toEqual(ranked.shortlist);
  });

  it("a name of only zero-width spaces is no agency: no conflict, not on the list", () => {
    const w = world({ quickwins: 0 });
    expect(
      refused(w, () => w.call("saveQuickwin", [{ ...QUICKWIN, agency: ZWSP.repeat(3) }], REV_B)),
    ).toMatch(/OPD|wajib/i);
    const panel = ok<SidebarState>(w.call("getSidebarState", [])).panel!;
    ok(
      w.call("saveReviewers", [
        panel.map((m) => (m.email === REV_C ? { ...m, agency: `${ZWSP}${ZWSP}` } : m)),
      ]),
    );
    const q = quickwinOf(w, "Bappeda");
    // REV_C's agency is empty now: no automatic conflict with Bappeda or anything else.
    ok(review(w, q.id, REV_C));
    expect(agencies(w).every((a) => a.name.replace(/\u200B/g, "") !== "")).toBe(true);
  });

  it("proposeAssignment never pairs a reviewer with their agency's quickwin, however spelled", () => {
    const w = world({ quickwins: 0 });
    const panel = ok<SidebarState>(w.call("getSidebarState", [])).panel!;
    ok(
      w.call("saveReviewers", [
        panel.map((m) => (m.email === REV_A ? { ...m, agency: "Dinas Kesehatan" } : m)),
      ]),
    );
    ok(
      w.call("saveAgencies", [
        [{ name: "Dinas Kesehatan", shortName: "Dinkes", aliases: [CYRILLIC_DINKES] }],
      ]),
    );
    const own = [`DINKES${ZWSP}`, CYRILLIC_DINKES, "dinas  kesehatan"].map((a) => quickwinOf(w, a));
    for (const a of ["Bappeda", "Disdagperin", "Diskominfo"]) quickwinOf(w, a);
    const p = ok<AssignmentProposalResult>(
      w.call("proposeAssignment", [{ reviewsPerQuickwin: 2 }]),
    );
    const ownIds = own.map((q) => q.id);
    expect(p.pairs.filter((x) => x.reviewer === REV_A && ownIds.includes(x.quickwinId))).toEqual(
      [],
    );
    expect(p.conflicts[REV_A]).toEqual(ownIds);
    // She still gets her share, from the other agencies.
    expect(p.pairs.filter((x) => x.reviewer === REV_A).length).toBeGreaterThan(0);
    // Saving such a pair by hand is refused in words.
    expect(
      refused(w, () => w.call("saveAssignments", [[{ quickwinId: own[1]!.id, reviewer: REV_A }]])),
    ).toMatch(/konflik/i);
    // The progress board shows the three as her conflicts.
    const board = ok<{
      reviewers: { email: string }[];
      grid: string[][];
      quickwins: { id: string }[];
    }>(w.call("getProgress", []));
    const row = board.grid[board.reviewers.findIndex((r) => r.email === REV_A)]!;
    const cells = board.quickwins.map((q, i) => [q.id, row[i]]);
    for (const id of ownIds) expect(cells).toContainEqual([id, "conflict"]);
  });
});

describe("saveAgencies and the agencies sheet", () => {
  it("refuses a name two agencies claim, in one sentence, writing nothing", () => {
    const w = world({ quickwins: 0 });
    const message = refused(w, () =>
      w.call("saveAgencies", [
        [
          { name: "Dinkes", aliases: [] },
          { name: "Dinas Kesehatan", aliases: [` dinkes${ZWSP}`] },
        ],
      ]),
    );
    expect(message).toMatch(/dua OPD: Dinas Kesehatan dan Dinkes/);
    expect(refused(w, () => w.call("saveAgencies", [[{ name: "A", aliases: ["b; c"] }]]))).toMatch(
      /;/,
    );
    expect(refused(w, () => w.call("saveAgencies", [[{ name: "A", aliases: [] }]], REV_B))).toMatch(
      /koordinator/i,
    );
    expect(
      refused(w, () => w.call("saveAgencies", [[{ name: "A", aliases: [], extra: 1 }]])),
    ).toBeTruthy();
  });

  it("reads rows typed by hand: aliases split at ;, a bad or repeated row skipped and reported", () => {
    const w = world({ quickwins: 0 });
    w.rt.emulator.typeInto("Daftar OPD", "A4:C7", [
      ["Dinas Kesehatan", "", `Dinas Kesehatan Kab. Pati; ${CYRILLIC_DINKES}`],
      ["", "tanpa nama", ""],
      ["dinkes", "", ""],
      ["Badan Perencanaan", "BAPPEDA", ""],
    ]);
    const state = ok<SidebarState>(w.call("getSidebarState", []));
    expect(state.agencies?.map((a) => [a.name, a.aliases])).toEqual([
      ["Dinkes", []],
      ["Bappeda", []],
      ["Dinas Kesehatan", ["Dinas Kesehatan Kab. Pati", CYRILLIC_DINKES]],
      ["Badan Perencanaan", []],
    ]);
    // A blank name, a repeated name, and a short name that Bappeda's own row already holds.
    const found = (state.problems ?? []).filter((p) => p.sheet === "Daftar OPD");
    expect(found.map((p) => p.row)).toEqual([5, 6, 7]);
    expect(found[2]!.message).toMatch(/BAPPEDA.*Bappeda/);
    // The hand-typed aliases count: the sidebar's read brought the ranking's index up to date.
    ok(w.call("saveSettings", [{ maxPerAgency: 1, minReviews: 2 }]));
    const two = [CYRILLIC_DINKES, "dinas kesehatan kab. pati"].map((a) => quickwinOf(w, a));
    for (const q of two) for (const r of [REV_B, REV_C]) ok(review(w, q.id, r, 5));
    const ranked = ok<ComputeRankingResult>(w.call("computeRanking", []));
    expect(ranked.shortlist).toEqual([two[0]!.id]);
    // Neither spelling was added to the list: both are names of Dinas Kesehatan.
    expect(agencies(w)).toHaveLength(4);
  });

  it("an alias typed by hand right before the ranking counts at once (the onEdit trigger)", () => {
    const w = world({ quickwins: 0 });
    ok(w.call("saveSettings", [{ maxPerAgency: 1, shortlistSize: 3, minReviews: 2 }]));
    const two = ["Dinkes", "Dinas Kesehatan"].map((a, i) => quickwinOf(w, a, `Top ${i}`));
    const other = quickwinOf(w, "Diskominfo");
    for (const q of two) for (const r of [REV_B, REV_C]) ok(review(w, q.id, r, 5));
    for (const r of [REV_B, REV_C]) ok(review(w, other.id, r, 2));
    expect(ok<ComputeRankingResult>(w.call("computeRanking", [])).shortlist).toHaveLength(3);
    // A person types the short name into the list; nothing of the add-on runs in between but
    // Sheets' simple trigger, and the very next ranking applies the cap.
    const rows = sheet(w.rt, "Daftar OPD").values;
    const at = rows.findIndex((r) => r[0] === "Dinas Kesehatan") + 1;
    w.rt.emulator.typeInto("Daftar OPD", `B${at}`, [["Dinkes"]]);
    // The list now has "Dinkes" as a name and as a short name: the repeated key is reported
    // and Dinkes' own row wins; merge by hand the way a person would: the row becomes an alias.
    w.rt.emulator.typeInto("Daftar OPD", `B${at}:C${at}`, [["", "Dinkes"]]);
    const dinkesRow = rows.findIndex((r) => r[0] === "Dinkes") + 1;
    w.rt.emulator.typeInto("Daftar OPD", `A${dinkesRow}`, [[""]]);
    const ranked = ok<ComputeRankingResult>(w.call("computeRanking", []));
    expect(ranked.shortlist.filter((id) => two.some((q) => q.id === id))).toHaveLength(1);
    expect(ranked.shortlist).toContain(other.id);
    // Any other edit leaves the index as it is, and a trigger never fails the person's edit.
    w.rt.emulator.typeInto("Quickwin", "E2", [["Deskripsi baru"]]);
    expect(w.rt.emulator.logs.filter((l) => l.startsWith("onEdit failed"))).toEqual([]);
  });

  it("a spreadsheet set up before the list: refused by name until setup makes the sheet", () => {
    const w = world({ quickwins: 2 });
    const globals = w.rt.emulator.globals;
    const app = globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const props = globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService;
    w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () => {
      const ss = app.getActiveSpreadsheet();
      ss.deleteSheet(ss.getSheetByName("Daftar OPD")!);
      props.getDocumentProperties().deleteProperty("quickwin.agencies");
    });
    expect(failure(w.call("computeRanking", []))).toMatch(/Daftar OPD.*penyiapan/);
    const state = ok<SidebarState>(w.call("getSidebarState", []));
    expect(state.setupDone).toBe(false);
    expect(state.sheetProblem).toMatch(/Daftar OPD/);
    ok(w.call("setupSpreadsheet", []));
    ok(w.call("computeRanking", []));
    // Made empty; names in use are offered to the coordinator as not yet on the list.
    const after = ok<SidebarState>(w.call("getSidebarState", []));
    expect(after.agencies).toEqual([]);
    expect(after.unlistedAgencies).toEqual(["Dinkes", "Dislautkan", "Bappeda"]);
  });

  it("a deleted header row is refused by name, and setup puts it back above the data", () => {
    const w = world({ quickwins: 0 });
    const q = quickwinOf(w, "Bappeda");
    const app = w.rt.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    w.rt.emulator.runExecution({ email: COORD, locale: "id" }, () => {
      app.getActiveSpreadsheet().getSheetByName("Daftar OPD")!.deleteRow(1);
    });
    expect(failure(review(w, q.id, REV_B))).toMatch(/Daftar OPD/);
    ok(w.call("setupSpreadsheet", []));
    expect(
      sheet(w.rt, "Daftar OPD")
        .values.slice(0, 3)
        .map((r) => r[0]),
    ).toEqual(["Nama", "Dinkes", "Bappeda"]);
    ok(review(w, q.id, REV_B));
  });
});
