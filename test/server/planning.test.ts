// Before the meeting, through the real dist/server.js in the emulator: proposeAssignment and
// saveAssignments (and the sheet read back, hand edits included), the progress board with its
// reminder links, the closing time of scoring, and unassigned scoring turned off.
import { describe, expect, it } from "vitest";
import type {
  AssignmentProposalResult,
  ProgressResult,
  ScoringState,
} from "../../src/core/planning";
import { COORD, dataSnapshot, failure, ok, REV_A, REV_B, REV_C, sheet, world } from "./helpers";

type W = ReturnType<typeof world>;

function refused(w: W, fn: () => ReturnType<W["call"]>): string {
  const before = dataSnapshot(w.rt);
  const message = failure(fn());
  expect(dataSnapshot(w.rt)).toBe(before);
  return message;
}

/** A panel of three reviewers (REV_A of Dinkes, REV_B, REV_C of Bappeda) and 5 quickwins. */
function planned(k = 2): { w: W; proposal: AssignmentProposalResult } {
  const w = world({ quickwins: 5 });
  const proposal = ok<AssignmentProposalResult>(
    w.call("proposeAssignment", [{ reviewsPerQuickwin: k }]),
  );
  return { w, proposal };
}

describe("proposeAssignment and saveAssignments", () => {
  it("proposes k reviewers per quickwin without conflicts, saves nothing until asked", () => {
    const w = world({ quickwins: 5 });
    const before = dataSnapshot(w.rt);
    const p = ok<AssignmentProposalResult>(
      w.call("proposeAssignment", [{ reviewsPerQuickwin: 2 }]),
    );
    expect(dataSnapshot(w.rt)).toBe(before);
    expect(p.pairs).toHaveLength(10);
    // QW-001 is Dinkes (seed agencies rotate): never REV_A; QW-003 is Bappeda: never REV_C.
    expect(p.pairs.filter((x) => x.quickwinId === "QW-001").map((x) => x.reviewer)).not.toContain(
      REV_A,
    );
    expect(p.pairs.filter((x) => x.quickwinId === "QW-003").map((x) => x.reviewer)).not.toContain(
      REV_C,
    );
    expect(p.conflicts[REV_A]).toEqual(["QW-001"]);
    const loads = p.loads.map((l) => l.load);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(p.unmet).toEqual([]);
    // The coordinator is not a reviewer: never assigned.
    expect(p.pairs.some((x) => x.reviewer === COORD)).toBe(false);
  });

  it("says what a panel too small cannot meet, quickwin by quickwin", () => {
    const w = world({ quickwins: 5 });
    const p = ok<AssignmentProposalResult>(
      w.call("proposeAssignment", [{ reviewsPerQuickwin: 3 }]),
    );
    expect(p.unmet).toEqual([
      "QW-001 Quickwin 1: hanya 2 dari 3 penilai — hanya 2 penilai yang tidak berkonflik kepentingan dengannya.",
      "QW-003 Quickwin 3: hanya 2 dari 3 penilai — hanya 2 penilai yang tidak berkonflik kepentingan dengannya.",
    ]);
    const en = ok<AssignmentProposalResult>(
      w.call("proposeAssignment", [{ reviewsPerQuickwin: 3 }], COORD, "en"),
    );
    expect(en.unmet[0]).toBe(
      "QW-001 Quickwin 1: only 2 of 3 reviewers — only 2 reviewers have no conflict of interest with it.",
    );
  });

  it("saves the pairs to the assignments sheet, and keeps them when quickwins are added", () => {
    const { w, proposal } = planned();
    ok(w.call("saveAssignments", [proposal.pairs]));
    const rows = sheet(w.rt, "Penugasan").values;
    expect(rows[0]).toEqual(["ID quickwin", "Penilai"]);
    expect(rows.slice(1).filter((r) => r[0] !== "")).toEqual(
      proposal.pairs.map((p) => [p.quickwinId, p.reviewer]),
    );
    ok(
      w.call("saveQuickwin", [
        {
          name: "Baru",
          agency: "Dinsos",
          dimension: "society",
          description: "d",
          startDate: "2019-09-01",
          endDate: "2019-09-30",
          budget: 0,
        },
      ]),
    );
    const next = ok<AssignmentProposalResult>(
      w.call("proposeAssignment", [{ reviewsPerQuickwin: 2 }]),
    );
    expect(next.kept).toBe(10);
    expect(next.added).toBe(2);
    const fresh = next.pairs.filter(
      (p) =>
        !proposal.pairs.some((o) => o.quickwinId === p.quickwinId && o.reviewer === p.reviewer),
    );
    expect(fresh.map((p) => p.quickwinId)).toEqual(["QW-006", "QW-006"]);
  });

  it("refuses a conflict, a stranger and an unknown quickwin, writing nothing", () => {
    const { w } = planned();
    expect(
      refused(w, () => w.call("saveAssignments", [[{ quickwinId: "QW-001", reviewer: REV_A }]])),
    ).toBe(
      "ani@patikab.go.id tidak dapat ditugaskan menilai QW-001 Quickwin 1: ada konflik kepentingan.",
    );
    expect(
      refused(w, () => w.call("saveAssignments", [[{ quickwinId: "QW-002", reviewer: "x@y.id" }]])),
    ).toBe("x@y.id bukan anggota Tim Penilai, jadi tidak dapat ditugaskan.");
    expect(
      refused(w, () => w.call("saveAssignments", [[{ quickwinId: "QW-099", reviewer: REV_B }]])),
    ).toMatch(/QW-099/);
    expect(refused(w, () => w.call("saveAssignments", [[]], REV_B))).toMatch(/koordinator/i);
    expect(refused(w, () => w.call("saveAssignments", [[{ quickwinId: "QW-002" }]]))).toMatch(
      /^Data tidak valid/,
    );
  });

  it("reads a hand-edited sheet with the usual row checks", () => {
    const { w, proposal } = planned();
    ok(w.call("saveAssignments", [proposal.pairs]));
    // A person adds a row with a bad email and a repeated row.
    const n = proposal.pairs.length;
    w.rt.emulator.typeInto("Penugasan", `A${n + 2}:B${n + 3}`, [
      ["QW-002", "bukan email"],
      [proposal.pairs[0]!.quickwinId, proposal.pairs[0]!.reviewer.toUpperCase()],
    ]);
    const state = ok<{ problems: { sheet: string; row: number }[] }>(w.call("getSidebarState", []));
    expect(state.problems.filter((p) => p.sheet === "Penugasan").map((p) => p.row)).toEqual([
      n + 2,
      n + 3,
    ]);
  });
});

describe("getProgress", () => {
  it("counts per reviewer and per quickwin, fills the grid and offers an Indonesian reminder", () => {
    const { w, proposal } = planned();
    ok(w.call("saveAssignments", [proposal.pairs]));
    const mineB = proposal.pairs.filter((p) => p.reviewer === REV_B).map((p) => p.quickwinId);
    ok(w.call("submitReview", [{ quickwinId: mineB[0], scores: w.scores(4) }], REV_B));
    // A quickwin not assigned to Budi (he has no agency): scored, but not one of his tasks.
    const unassigned = ["QW-001", "QW-002", "QW-003", "QW-004", "QW-005"].find(
      (id) => !mineB.includes(id),
    )!;
    ok(w.call("submitReview", [{ quickwinId: unassigned, scores: w.scores(3) }], REV_B));
    const board = ok<ProgressResult>(w.call("getProgress", []));
    const b = board.reviewers.find((r) => r.email === REV_B)!;
    expect(b).toMatchObject({
      assigned: mineB.length,
      done: 1,
      scored: 2,
      missing: mineB.length - 1,
      conflict: 0,
    });
    expect(b.lastActivity).toMatch(
      /^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), .* pukul \d\d\.\d\d WIB$/,
    );
    const link = decodeURIComponent(b.remind);
    expect(link).toMatch(
      /^mailto:budi@patikab\.go\.id\?subject=Pengingat: \d quickwin menunggu penilaian Anda&body=Yth\. budi@patikab\.go\.id,/,
    );
    for (const id of mineB.slice(1)) expect(link).toContain(`- ${id} `);
    expect(link).not.toContain(`- ${mineB[0]} `);
    const rIndex = board.reviewers.indexOf(b);
    const qIndex = board.quickwins.findIndex((q) => q.id === mineB[0]);
    expect(board.grid[rIndex]![qIndex]).toBe("done");
    const a = board.reviewers.findIndex((r) => r.email === REV_A);
    expect(board.grid[a]![board.quickwins.findIndex((q) => q.id === "QW-001")]).toBe("conflict");
    const q = board.quickwins[qIndex]!;
    expect(q).toMatchObject({ assigned: 2, counted: 1, needed: 2 });
    expect(q.missing).toHaveLength(1);
    expect(board.warnings).toContain(
      `budi@patikab.go.id belum menilai ${mineB.length - 1} quickwin yang ditugaskan: ${mineB
        .slice(1)
        .map((id) => `${id} Quickwin ${Number(id.slice(3))}`)
        .join(", ")}.`,
    );
    // The quickwin has 1 review of the 2 it was assigned (minReviews 2): not ranked, and who is
    // missing is named.
    const other = board.reviewers.find((r) => r.email !== REV_B && q.missing.includes(r.email));
    expect(other).toBeDefined();
    expect(board.warnings).toContain(
      `${mineB[0]} Quickwin ${Number(mineB[0]!.slice(3))} baru memiliki 1 penilaian (minimum 2); belum menilai: ${other!.email}.`,
    );
    // Once minReviews is 1 it is ranked, and the warning says on how few.
    ok(w.call("saveSettings", [{ minReviews: 1 }]));
    const thin = ok<ProgressResult>(w.call("getProgress", []));
    expect(thin.warnings).toContain(
      `${mineB[0]} Quickwin ${Number(mineB[0]!.slice(3))} diperingkat dengan 1 penilaian, padahal 1 penilaian yang ditugaskan belum masuk (${other!.email}).`,
    );
    expect(refused(w, () => w.call("getProgress", [], REV_B))).toMatch(/koordinator/i);
  });

  it("reviewers see their assignments flagged in their state", () => {
    const { w, proposal } = planned();
    ok(w.call("saveAssignments", [proposal.pairs]));
    const state = ok<{ quickwins: { id: string; assigned: boolean }[] }>(
      w.call("getSidebarState", [], REV_C),
    );
    const mine = proposal.pairs.filter((p) => p.reviewer === REV_C).map((p) => p.quickwinId);
    expect(state.quickwins.filter((q) => q.assigned).map((q) => q.id)).toEqual(mine);
  });
});

describe("setScoring and the closing time", () => {
  it("closes now: a late review is refused with the time in words; reopening accepts it", () => {
    const w = world();
    const closed = ok<ScoringState>(w.call("setScoring", [{ open: false }]));
    expect(closed).toMatchObject({ open: false, scoringOpen: false });
    expect(closed.closesAtText).toMatch(/pukul \d\d\.\d\d WIB$/);
    const message = refused(w, () =>
      w.call("submitReview", [{ quickwinId: "QW-002", scores: w.scores(3) }], REV_B),
    );
    expect(message).toBe(
      `Penilaian ditutup pada ${closed.closesAtText}. Penilaian Anda tidak disimpan.`,
    );
    const state = ok<{ scoring: ScoringState }>(w.call("getSidebarState", [], REV_B));
    expect(state.scoring).toMatchObject({ open: false, closesAtText: closed.closesAtText });
    ok(w.call("setScoring", [{ open: true }]));
    ok(w.call("submitReview", [{ quickwinId: "QW-002", scores: w.scores(3) }], REV_B));
    const log = sheet(w.rt, "Log").values.filter((r) => r[3] === "Waktu penilaian diatur");
    expect(log).toHaveLength(2);
  });

  it("a closing time in the spreadsheet's zone, in words; past it, reviews are refused", () => {
    const w = world();
    const future = ok<ScoringState>(
      w.call("setScoring", [{ open: true, closesAt: "2099-10-07T10:00" }]),
    );
    expect(future).toMatchObject({ open: true, closesAt: "2099-10-07T03:00:00.000Z" });
    expect(future.closesAtText).toBe("Rabu, 7 Oktober 2099 pukul 10.00 WIB");
    ok(w.call("submitReview", [{ quickwinId: "QW-002", scores: w.scores(3) }], REV_B));
    // Time passes: the coordinator's sheet now holds a closing time in the past.
    const row = sheet(w.rt, "Pengaturan").values.findIndex((r) => r[0] === "scoringClosesAt") + 1;
    w.rt.emulator.typeInto("Pengaturan", `B${row}`, [["'2019-10-07T03:00:00.000Z"]]);
    expect(
      refused(w, () =>
        w.call("submitReview", [{ quickwinId: "QW-002", scores: w.scores(4) }], REV_B),
      ),
    ).toBe(
      "Penilaian ditutup pada Senin, 7 Oktober 2019 pukul 10.00 WIB. Penilaian Anda tidak disimpan.",
    );
    expect(
      failure(w.call("submitReview", [{ quickwinId: "QW-002", scores: w.scores(4) }], REV_B, "en")),
    ).toBe("Scoring closed on Monday, 7 October 2019 at 10:00 WIB. Your review was not saved.");
    expect(
      refused(w, () => w.call("setScoring", [{ open: true, closesAt: "2019-10-07T10:00" }])),
    ).toBe(
      "Waktu penutupan (Senin, 7 Oktober 2019 pukul 10.00 WIB) sudah lewat. Pilih waktu yang akan datang.",
    );
    expect(refused(w, () => w.call("setScoring", [{ open: true }], REV_B))).toMatch(/koordinator/i);
    expect(refused(w, () => w.call("setScoring", [{ open: "ya" }]))).toMatch(/^Data tidak valid/);
  });

  it("with unassigned scoring turned off, only assigned quickwins may be scored", () => {
    const { w, proposal } = planned();
    ok(w.call("saveAssignments", [proposal.pairs]));
    ok(w.call("saveSettings", [{ allowUnassigned: false }]));
    const mine = new Set(
      proposal.pairs.filter((p) => p.reviewer === REV_B).map((p) => p.quickwinId),
    );
    const other = ["QW-001", "QW-002", "QW-003", "QW-004", "QW-005"].find((id) => !mine.has(id))!;
    expect(
      refused(w, () => w.call("submitReview", [{ quickwinId: other, scores: w.scores(3) }], REV_B)),
    ).toBe(
      `Quickwin ${Number(other.slice(3))} tidak ditugaskan kepada Anda, dan koordinator hanya mengizinkan penilaian quickwin yang ditugaskan.`,
    );
    ok(w.call("submitReview", [{ quickwinId: [...mine][0], scores: w.scores(3) }], REV_B));
  });
});
