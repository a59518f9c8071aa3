// proposeAssignment on random panels, possible and impossible: never a conflict, k per quickwin
// (or the shortfall said), loads within one (or said), a connected design (or the groups said),
// stable when quickwins are added, deterministic.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AssignmentInput,
  type AssignmentPair,
  type AssignmentProposal,
  describeProposal,
  proposeAssignment,
} from "../../src/core/assignment";
import { translator } from "../../src/core/i18n";
import { identityKey } from "../../src/core/identity";
import { runs, SEED } from "../support/tier";

const AGENCIES = ["Dinkes", "Bappeda", "Disdagperin", "Diskominfo"];

const agencyArb = fc.option(fc.constantFrom(...AGENCIES), { nil: undefined });

interface Panel {
  input: AssignmentInput;
}

/** A random panel: reviewers with or without an agency, quickwins, declared conflicts, k. */
function panelArb(opts: { conflicts: boolean; maxQ?: number; maxR?: number }) {
  return fc
    .record({
      r: fc.integer({ min: 0, max: opts.maxR ?? 9 }),
      q: fc.integer({ min: 0, max: opts.maxQ ?? 14 }),
      k: fc.integer({ min: 0, max: 5 }),
      rAgencies: fc.array(agencyArb, { minLength: 9, maxLength: 9 }),
      qAgencies: fc.array(agencyArb, { minLength: 14, maxLength: 14 }),
      declared: fc.array(fc.tuple(fc.nat(13), fc.nat(8)), { maxLength: 12 }),
    })
    .map(
      ({ r, q, k, rAgencies, qAgencies, declared }): Panel => ({
        input: {
          reviewers: Array.from({ length: r }, (_, i) => ({
            email: `r${i}@x.id`,
            agency: opts.conflicts ? rAgencies[i] : undefined,
          })),
          quickwins: Array.from({ length: q }, (_, i) => ({
            id: `QW-${String(i + 1).padStart(3, "0")}`,
            agency: qAgencies[i] ?? "Dinas Lain",
          })),
          reviewsPerQuickwin: k,
          declared: opts.conflicts
            ? declared
                .filter(([qi, ri]) => qi < q && ri < r)
                .map(([qi, ri]) => ({
                  quickwinId: `QW-${String(qi + 1).padStart(3, "0")}`,
                  reviewer: `r${ri}@x.id`,
                }))
            : [],
        },
      }),
    );
}

function conflicted(input: AssignmentInput, pair: AssignmentPair): boolean {
  const r = input.reviewers.find((x) => identityKey(x.email) === identityKey(pair.reviewer));
  const q = input.quickwins.find((x) => identityKey(x.id) === identityKey(pair.quickwinId));
  if (!r || !q) return true;
  if (identityKey(r.agency) !== "" && identityKey(r.agency) === identityKey(q.agency)) return true;
  return (input.declared ?? []).some(
    (d) =>
      identityKey(d.reviewer) === identityKey(pair.reviewer) &&
      identityKey(d.quickwinId) === identityKey(pair.quickwinId),
  );
}

function eligibleCount(input: AssignmentInput, quickwinId: string): number {
  return input.reviewers.filter((r) => !conflicted(input, { quickwinId, reviewer: r.email }))
    .length;
}

function countsBy<T>(items: T[], key: (x: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of items) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
}

/** Whether every reviewer with a pair is linked to every other through shared quickwins. */
function connectedReviewers(pairs: AssignmentPair[]): boolean {
  const byQuickwin = new Map<string, string[]>();
  for (const p of pairs)
    byQuickwin.set(p.quickwinId, [...(byQuickwin.get(p.quickwinId) ?? []), p.reviewer]);
  const reviewers = [...new Set(pairs.map((p) => p.reviewer))];
  if (reviewers.length <= 1) return true;
  const seen = new Set([reviewers[0]!]);
  const queue = [reviewers[0]!];
  while (queue.length) {
    const r = queue.shift()!;
    for (const list of byQuickwin.values()) {
      if (!list.includes(r)) continue;
      for (const other of list) {
        if (seen.has(other)) continue;
        seen.add(other);
        queue.push(other);
      }
    }
  }
  return seen.size === reviewers.length;
}

/** The invariants every proposal keeps, whatever the panel. */
function checkInvariants(input: AssignmentInput, out: AssignmentProposal): void {
  const k = input.reviewsPerQuickwin;
  // Never a conflict, never a pair twice.
  for (const p of out.pairs) expect(conflicted(input, p), JSON.stringify(p)).toBe(false);
  expect(new Set(out.pairs.map((p) => `${p.quickwinId}|${p.reviewer}`)).size).toBe(
    out.pairs.length,
  );
  // k per quickwin: exactly min(k, eligible) — a shortfall only where the panel cannot do more,
  // and then reported with the right numbers.
  const perQ = countsBy(out.pairs, (p) => p.quickwinId);
  for (const q of input.quickwins) {
    const want = Math.min(k, eligibleCount(input, q.id));
    expect(perQ.get(q.id) ?? 0, q.id).toBe(want);
    const short = out.shortfalls.find((s) => s.quickwinId === q.id);
    if (want < k)
      expect(short).toEqual({ quickwinId: q.id, needed: k, assigned: want, eligible: want });
    else expect(short).toBeUndefined();
  }
  // Loads: reported as they are; uneven (more than one apart) only when said.
  const perR = countsBy(out.pairs, (p) => p.reviewer);
  const loads = input.reviewers.map((r) => perR.get(r.email) ?? 0);
  expect(out.loads.map((l) => l.load)).toEqual(loads);
  const spread = loads.length ? Math.max(...loads) - Math.min(...loads) : 0;
  expect(out.unbalanced !== null).toBe(spread > 1);
  // Connected, or the groups said.
  expect(out.groups.length === 0).toBe(connectedReviewers(out.pairs));
  // Every unmet constraint is in words, naming the quickwin.
  const words = describeProposal(out, translator("id"));
  for (const s of out.shortfalls)
    expect(words.some((w) => w.startsWith(`${s.quickwinId}:`))).toBe(true);
  if (out.unbalanced) expect(words.some((w) => w.startsWith("Beban tidak merata"))).toBe(true);
  if (out.groups.length) expect(words.some((w) => w.includes("kelompok"))).toBe(true);
}

describe("proposeAssignment", () => {
  it("keeps every invariant on random panels, possible or not", () => {
    fc.assert(
      fc.property(panelArb({ conflicts: true }), ({ input }) => {
        checkInvariants(input, proposeAssignment(input));
      }),
      { numRuns: runs(133, 400), seed: SEED },
    );
  });

  it("without conflicts and with enough reviewers: k each, loads within one, connected", () => {
    fc.assert(
      fc.property(panelArb({ conflicts: false }), ({ input }) => {
        const k = input.reviewsPerQuickwin;
        const R = input.reviewers.length;
        const Q = input.quickwins.length;
        fc.pre(R >= k && k >= 2 && Q * (k - 1) >= R - 1);
        const out = proposeAssignment(input);
        checkInvariants(input, out);
        expect(out.shortfalls).toEqual([]);
        expect(out.unbalanced).toBeNull();
        expect(out.groups).toEqual([]);
      }),
      { numRuns: runs(100, 300), seed: SEED },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(panelArb({ conflicts: true }), ({ input }) => {
        expect(proposeAssignment(input)).toEqual(proposeAssignment(input));
      }),
      { numRuns: runs(33, 100), seed: SEED },
    );
  });

  it("is stable under additions: saved pairs kept, only the new quickwins assigned", () => {
    fc.assert(
      fc.property(
        panelArb({ conflicts: true, maxQ: 14 }),
        fc.integer({ min: 1, max: 13 }),
        ({ input }, split) => {
          fc.pre(split < input.quickwins.length);
          const first = { ...input, quickwins: input.quickwins.slice(0, split) };
          const saved = proposeAssignment(first).pairs;
          const out = proposeAssignment({ ...input, existing: saved });
          checkInvariants(input, out);
          const key = (p: AssignmentPair) => `${p.quickwinId}|${p.reviewer}`;
          const now = new Set(out.pairs.map(key));
          for (const p of saved) expect(now.has(key(p)), key(p)).toBe(true);
          const oldIds = new Set(first.quickwins.map((q) => q.id));
          const added = out.pairs.filter((p) => !saved.some((s) => key(s) === key(p)));
          for (const p of added) expect(oldIds.has(p.quickwinId), key(p)).toBe(false);
          expect(out.kept).toBe(saved.length);
          expect(out.added).toBe(added.length);
        },
      ),
      { numRuns: runs(67, 200), seed: SEED },
    );
  });

  it("adding quickwins to a conflict-free balanced design keeps it balanced", () => {
    fc.assert(
      fc.property(
        panelArb({ conflicts: false }),
        fc.integer({ min: 1, max: 13 }),
        ({ input }, split) => {
          fc.pre(
            split < input.quickwins.length && input.reviewers.length >= input.reviewsPerQuickwin,
          );
          const saved = proposeAssignment({
            ...input,
            quickwins: input.quickwins.slice(0, split),
          }).pairs;
          const out = proposeAssignment({ ...input, existing: saved });
          expect(out.unbalanced).toBeNull();
          expect(out.shortfalls).toEqual([]);
        },
      ),
      { numRuns: runs(67, 200), seed: SEED },
    );
  });

  it("lets go of saved pairs that became impossible, and says why", () => {
    const input: AssignmentInput = {
      reviewers: [{ email: "a@x.id", agency: "Dinkes" }, { email: "b@x.id" }, { email: "c@x.id" }],
      quickwins: [
        { id: "QW-001", agency: "Dinas Kesehatan" },
        { id: "QW-002", agency: "dinkes" },
      ],
      reviewsPerQuickwin: 2,
      existing: [
        { quickwinId: "QW-002", reviewer: "A@x.id" },
        { quickwinId: "QW-009", reviewer: "b@x.id" },
        { quickwinId: "QW-001", reviewer: "gone@x.id" },
      ],
      // Agencies compared through a canonical mapping: Dinkes is Dinas Kesehatan.
      agencyKey: (name) => {
        const k = identityKey(name ?? "");
        return k === "dinas kesehatan" ? "dinkes" : k;
      },
    };
    const out = proposeAssignment(input);
    expect(out.dropped.map((d) => d.reason)).toEqual([
      "conflict",
      "unknownQuickwin",
      "notReviewer",
    ]);
    expect(out.pairs.some((p) => p.reviewer === "a@x.id")).toBe(false);
    expect(describeProposal(out, translator("en"))).toEqual([
      "Loads are uneven (0 to 2 quickwins per reviewer): a@x.id get fewer because of conflicts of interest or assignments already saved; most: b@x.id, c@x.id.",
      "A@x.id is released from QW-002: a conflict of interest.",
      "The assignment of b@x.id to QW-009 is released: that quickwin does not exist.",
      "gone@x.id is released from QW-001: not a reviewer on the panel.",
    ]);
  });

  it("says exactly what a panel too small cannot meet", () => {
    const out = proposeAssignment({
      reviewers: [{ email: "a@x.id", agency: "Dinkes" }, { email: "b@x.id" }],
      quickwins: [
        { id: "QW-001", agency: "Dinkes" },
        { id: "QW-002", agency: "Bappeda" },
      ],
      reviewsPerQuickwin: 3,
    });
    expect(describeProposal(out, translator("id"), { quickwin: (id) => `${id} Satrio` })).toEqual([
      "QW-001 Satrio: hanya 1 dari 3 penilai — hanya 1 penilai yang tidak berkonflik kepentingan dengannya.",
      "QW-002 Satrio: hanya 2 dari 3 penilai — hanya 2 penilai yang tidak berkonflik kepentingan dengannya.",
    ]);
    expect(
      describeProposal(
        proposeAssignment({ reviewers: [], quickwins: [], reviewsPerQuickwin: 3 }),
        translator("en"),
      ),
    ).toEqual(["The panel has no member with the reviewer role, so nobody can be assigned yet."]);
  });

  it("one reviewer per quickwin cannot be connected, and the groups are named", () => {
    const out = proposeAssignment({
      reviewers: [{ email: "a@x.id" }, { email: "b@x.id" }],
      quickwins: [{ id: "QW-001" }, { id: "QW-002" }],
      reviewsPerQuickwin: 1,
    });
    expect(out.groups).toEqual([["a@x.id"], ["b@x.id"]]);
  });

  it("60 quickwins, 12 reviewers, 3 each: even, connected, quick enough to run in Apps Script", () => {
    const out = proposeAssignment({
      reviewers: Array.from({ length: 12 }, (_, i) => ({
        email: `r${i}@x.id`,
        agency: AGENCIES[i % 4],
      })),
      quickwins: Array.from({ length: 60 }, (_, i) => ({ id: `QW-${i}`, agency: AGENCIES[i % 3] })),
      reviewsPerQuickwin: 3,
    });
    expect(out.pairs).toHaveLength(180);
    expect(out.loads.map((l) => l.load).sort()).toEqual(new Array(12).fill(15));
    expect(out.groups).toEqual([]);
  });
});
