// DESIGN §4 rule 8: the seeded bootstrap — determinism, null cases, pShortlist against exact
// probabilities, resampled tie-breaks, widening, uncertain-shortlist.
import { describe, expect, it } from "vitest";
import { rankQuickwins } from "../../src/core/index";
import { drawResample, orderByScore, replayPicks } from "../../src/core/ranking";
import { crit, input, plain, qw, review, row, settings } from "./helpers";

/** Several quickwins with noisy reviews from five reviewers (deterministic). */
function noisyPanel(seed: number, resamples: number) {
  const reviews = [];
  for (let q = 0; q < 8; q++) {
    for (let r = 0; r < 5; r++) {
      const x = (q * 37 + r * 53 + seed * 11) % 41;
      reviews.push(plain(`q${q}`, `r${r}@x.id`, 30 + q * 3 + x));
    }
  }
  return input({ reviews, settings: settings({ bootstrapResamples: resamples, seed }) });
}

describe("bootstrap", () => {
  it("is deterministic: the same input gives the same output, a new seed may not", () => {
    const a = rankQuickwins(noisyPanel(1, 300));
    const b = rankQuickwins(noisyPanel(1, 300));
    expect(b).toEqual(a);
    const other = rankQuickwins({
      ...noisyPanel(1, 300),
      settings: settings({ bootstrapResamples: 300, seed: 2 }),
    });
    expect(other.rows.map((r) => r.rank)).toEqual(a.rows.map((r) => r.rank));
    expect(other.rows.map((r) => r.pShortlist)).not.toEqual(a.rows.map((r) => r.pShortlist));
  });

  it("does not change the ranking, the shortlist or anything but the three bootstrap fields", () => {
    const on = rankQuickwins(noisyPanel(3, 200));
    const off = rankQuickwins(noisyPanel(3, 0));
    const strip = (r: (typeof on.rows)[number]) => ({
      ...r,
      rankLow: null,
      rankHigh: null,
      pShortlist: null,
      flags: r.flags.filter((f) => f !== "uncertain-shortlist"),
    });
    expect(on.rows.map(strip)).toEqual(off.rows);
    expect(on.shortlist).toEqual(off.shortlist);
    for (const r of on.rows) {
      expect(r.rankLow!).toBeLessThanOrEqual(r.rank!);
      expect(r.rankHigh!).toBeGreaterThanOrEqual(r.rank!);
      expect(r.rankLow!).toBeGreaterThanOrEqual(1);
      expect(r.rankHigh!).toBeLessThanOrEqual(on.rows.length);
      expect(r.pShortlist! * 200).toBeCloseTo(Math.round(r.pShortlist! * 200), 9);
    }
    // Each resample shortlists exactly shortlistSize (4) of the 8: shares sum to 4.
    expect(on.rows.reduce((a, r) => a + r.pShortlist!, 0)).toBeCloseTo(4, 9);
  });

  it("gives nulls with 0 resamples and for unranked quickwins", () => {
    const off = rankQuickwins(noisyPanel(1, 0));
    expect(
      off.rows.every((r) => r.rankLow === null && r.rankHigh === null && r.pShortlist === null),
    ).toBe(true);
    const result = rankQuickwins(
      input({
        reviews: [plain("a", "r1@x.id", 10), plain("a", "r2@x.id", 30), plain("b", "r1@x.id", 99)],
        settings: settings({ bootstrapResamples: 100 }),
      }),
    );
    expect(row(result, "b")).toMatchObject({
      rank: null,
      rankLow: null,
      rankHigh: null,
      pShortlist: null,
    });
    expect(row(result, "a")).toMatchObject({ rank: 1, rankLow: 1, rankHigh: 1, pShortlist: 1 });
  });

  it("a quickwin that always wins has pShortlist 1 and a degenerate rank range", () => {
    const reviews = [
      plain("top", "a@x.id", 100),
      plain("top", "b@x.id", 95),
      plain("mid", "a@x.id", 50),
      plain("mid", "b@x.id", 60),
      plain("low", "a@x.id", 0),
      plain("low", "b@x.id", 10),
    ];
    const result = rankQuickwins(
      input({ reviews, settings: settings({ bootstrapResamples: 500, shortlistSize: 1 }) }),
    );
    expect(
      result.rows.map((r) => [r.quickwinId, r.rankLow, r.rankHigh, r.pShortlist, r.flags]),
    ).toEqual([
      ["top", 1, 1, 1, []],
      ["mid", 2, 2, 0, []],
      ["low", 3, 3, 0, []],
    ]);
  });

  it("matches exact probabilities, and flags uncertain-shortlist between 0.1 and 0.9", () => {
    // q1: R′ 0 and 100; q2: 100 and 0 — both mean 50, tied; q1 wins the tie on budget.
    // A resample of q1 is 0, 50 or 100 with 1/4, 1/2, 1/4, the same for q2, independently.
    // q1 is shortlisted (size 1) when m1 > m2 or m1 = m2 (tie-break: budget): 11/16.
    const result = rankQuickwins({
      ...input({
        reviews: [
          plain("q1", "a@x.id", 0),
          plain("q1", "b@x.id", 100),
          plain("q2", "a@x.id", 100),
          plain("q2", "b@x.id", 0),
        ],
        settings: settings({ bootstrapResamples: 4000, shortlistSize: 1, seed: 7 }),
      }),
      quickwins: [qw("q1", { budget: 1 }), qw("q2", { budget: 2 })],
    });
    expect(row(result, "q1").rank).toBe(1);
    expect(row(result, "q1").pShortlist!).toBeGreaterThan(11 / 16 - 0.03);
    expect(row(result, "q1").pShortlist!).toBeLessThan(11 / 16 + 0.03);
    expect(row(result, "q1").pShortlist! + row(result, "q2").pShortlist!).toBeCloseTo(1, 12);
    expect(row(result, "q1").flags).toEqual(["tie-broken", "uncertain-shortlist", "disagreement"]);
    expect(row(result, "q2").flags).toEqual(["tie-broken", "uncertain-shortlist", "disagreement"]);
    expect(row(result, "q1")).toMatchObject({ rankLow: 1, rankHigh: 2 });
  });

  it("uncertain-shortlist holds exactly for 0.1 ≤ pShortlist ≤ 0.9 (boundaries included)", () => {
    const seen = new Set<number>();
    for (let seed = 1; seed <= 150; seed++) {
      const result = rankQuickwins({
        ...input({
          reviews: [
            plain("q1", "a@x.id", 0),
            plain("q1", "b@x.id", 100),
            plain("q2", "a@x.id", 100),
            plain("q2", "b@x.id", 0),
          ],
          settings: settings({ bootstrapResamples: 10, shortlistSize: 1, seed }),
        }),
        quickwins: [qw("q1", { budget: 1 }), qw("q2", { budget: 2 })],
      });
      for (const r of result.rows) {
        const p = r.pShortlist!;
        seen.add(p);
        expect(r.flags.includes("uncertain-shortlist"), `p = ${p}`).toBe(p >= 0.1 && p <= 0.9);
      }
    }
    // The boundaries and both outsides occurred.
    for (const p of [0, 0.1, 0.9, 1]) expect(seen.has(p), String(p)).toBe(true);
  });

  it("breaks resampled ties with the resampled reviews' criterion means", () => {
    // Weights 1 and 1 on 0..1: a review (1,0) and a review (0,1) both give R = 50, so every
    // resample ties. q2's reviews are (1,0) twice: its a-mean is always 1. q1 has (1,0) and
    // (0,1): its resampled a-mean is 1 only when both draws pick (1,0) — probability 1/4 —
    // and then b ties too (0) and q1 wins on budget. With full-sample means it would never win.
    const criteria = [crit("a", 1, 0, 1), crit("b", 1, 0, 1)];
    const result = rankQuickwins({
      ...input({
        criteria,
        reviews: [
          review("q1", "r1@x.id", { a: 1, b: 0 }),
          review("q1", "r2@x.id", { a: 0, b: 1 }),
          review("q2", "r1@x.id", { a: 1, b: 0 }),
          review("q2", "r2@x.id", { a: 1, b: 0 }),
        ],
        settings: settings({ bootstrapResamples: 4000, shortlistSize: 1, seed: 11 }),
      }),
      quickwins: [qw("q1", { budget: 1 }), qw("q2", { budget: 2 })],
    });
    expect(result.rows.map((r) => r.quickwinId)).toEqual(["q2", "q1"]);
    const p1 = row(result, "q1").pShortlist!;
    expect(p1).toBeGreaterThan(0.25 - 0.03);
    expect(p1).toBeLessThan(0.25 + 0.03);
    expect(row(result, "q1")).toMatchObject({ rankLow: 1, rankHigh: 2 });
  });

  it("widens the percentile range to include the quickwin's own rank", () => {
    // One resample: its rank is both percentiles. Find a seed where q1 (rank 1 by budget)
    // draws 0 twice and falls to rank 2: the range must still include rank 1.
    let found = false;
    for (let seed = 1; seed <= 200 && !found; seed++) {
      const result = rankQuickwins({
        ...input({
          reviews: [
            plain("q1", "a@x.id", 0),
            plain("q1", "b@x.id", 100),
            plain("q2", "a@x.id", 50),
            plain("q2", "b@x.id", 50),
          ],
          settings: settings({ bootstrapResamples: 1, shortlistSize: 1, seed }),
        }),
        quickwins: [qw("q1", { budget: 1 }), qw("q2", { budget: 2 })],
      });
      if (row(result, "q1").pShortlist === 0) {
        found = true;
        expect(row(result, "q1")).toMatchObject({ rank: 1, rankLow: 1, rankHigh: 2 });
        expect(row(result, "q2")).toMatchObject({
          rank: 2,
          rankLow: 1,
          rankHigh: 2,
          pShortlist: 1,
        });
      }
    }
    expect(found).toBe(true);
  });

  it("re-shortlists each resample with the per-agency cap", () => {
    // a1, a2 (same agency) always outrank b; with a cap of 1 and 2 places, b is always in.
    const reviews = [
      plain("a1", "r1@x.id", 90),
      plain("a1", "r2@x.id", 80),
      plain("a2", "r1@x.id", 85),
      plain("a2", "r2@x.id", 75),
      plain("b", "r1@x.id", 10),
      plain("b", "r2@x.id", 20),
    ];
    const result = rankQuickwins({
      ...input({
        reviews,
        settings: settings({ bootstrapResamples: 300, shortlistSize: 2, maxPerAgency: 1 }),
      }),
      quickwins: [qw("a1", { agency: "A" }), qw("a2", { agency: "a" }), qw("b", { agency: "B" })],
    });
    expect(result.shortlist).toEqual(["a1", "b"]);
    expect(row(result, "b").pShortlist).toBe(1);
    const pa1 = row(result, "a1").pShortlist!;
    const pa2 = row(result, "a2").pShortlist!;
    expect(pa1 + pa2).toBeCloseTo(1, 12);
    expect(pa1).toBeGreaterThan(pa2);
  });

  it("uses nearest-rank percentiles: 5th and 95th of the resampled ranks", () => {
    // Two quickwins with identical spreads; the 95th percentile rank of each is 2 and the 5th
    // is 1 as long as each loses and wins in more than 5 % of resamples.
    const result = rankQuickwins(
      input({
        reviews: [
          plain("x", "a@x.id", 20),
          plain("x", "b@x.id", 80),
          plain("x", "c@x.id", 50),
          plain("y", "a@x.id", 70),
          plain("y", "b@x.id", 30),
          plain("y", "c@x.id", 51),
        ],
        settings: settings({ bootstrapResamples: 1000, shortlistSize: 1 }),
      }),
    );
    for (const r of result.rows) expect([r.rankLow, r.rankHigh]).toEqual([1, 2]);
  });
});

describe("bootstrap internals", () => {
  it("replayPicks repeats drawResample's draws exactly (even and odd counts)", () => {
    for (const n of [1, 2, 3, 7, 50]) {
      const vals = Float64Array.from({ length: n }, (_, i) => i * 1000 + 0.5);
      const off = Int32Array.from([0, n]);
      const scores = new Float64Array(1);
      const states = new Int32Array(1);
      const first = Float64Array.from(vals, (v) => v * 3 + 1);
      const firstSums = new Float64Array(1);
      const end = drawResample(vals, first, off, 1, 12345, scores, firstSums, states);
      const picks = new Int32Array(n);
      const replayEnd = replayPicks(states[0]!, n, picks);
      expect(replayEnd).toBe(end);
      let sum = 0;
      for (const p of picks) {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThan(n);
        sum += vals[p]!;
      }
      expect(sum / n).toBe(scores[0]);
      let firstSum = 0;
      for (const p of picks) firstSum += first[p]!;
      expect(firstSum).toBe(firstSums[0]);
    }
  });

  it("draws indices uniformly", () => {
    const n = 5;
    const picks = new Int32Array(n);
    const counts = new Array(n).fill(0);
    let s = 99;
    for (let i = 0; i < 20_000; i++) {
      s = replayPicks(s, n, picks);
      for (const p of picks) counts[p]++;
    }
    for (const c of counts) expect(Math.abs(c / 100_000 - 0.2)).toBeLessThan(0.01);
  });

  it("orderByScore sorts by score descending, exact ties by position, on both paths", () => {
    const K = 200;
    const scores = Float64Array.from({ length: K }, (_, i) => ((i * 7919) % 37) / 3);
    const expected = Array.from({ length: K }, (_, i) => i).sort(
      (a, b) => scores[b]! - scores[a]! || a - b,
    );
    for (const budget of [1e9, 0]) {
      const ord = new Int32Array(K);
      orderByScore(
        scores,
        new Float64Array(K),
        new Float64Array(K),
        new Int32Array(K),
        ord,
        K,
        budget,
      );
      expect(Array.from(ord)).toEqual(expected);
    }
  });
});
