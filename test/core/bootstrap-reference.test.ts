// The bootstrap against a naive re-implementation that draws the very same picks (replayPicks,
// quickwins in rank order, one PRNG stream) and then does everything the obvious way: plain
// arrays, a comparator sort of all quickwins, chained ties broken by the resampled criterion
// means, a percentile by sorting each quickwin's ranks. Equal figures prove the fast path (typed
// arrays, insertion re-rank with its fallback, lazy tie means, rank histograms) is the method.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankQuickwins } from "../../src/core/index";
import { replayPicks } from "../../src/core/ranking";
import type { Review } from "../../src/core/schemas";
import type { RankInput } from "../../src/core/types";
import { crit, member, qw } from "./helpers";
import { reference } from "./reference";

function naiveBootstrap(input: RankInput) {
  const st = { ...input.settings } as Required<NonNullable<RankInput["settings"]>>;
  const ref = reference(input);
  const ranked = ref.rows.filter((r) => r.rank !== null);
  const byId = new Map(input.quickwins.map((q) => [q.id, q]));
  const order = input.criteria
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.weight - a.c.weight || a.i - b.i)
    .map((x) => x.c);
  // Each ranked quickwin's counted reviews in canonical order (reviewer email, code units).
  const reviewsOf = ranked.map((row) =>
    ref.counted.filter((c) => c.q === row.quickwinId).sort((a, b) => (a.j < b.j ? -1 : 1)),
  );
  const ranks: number[][] = ranked.map(() => []);
  const shortlisted = ranked.map(() => 0);
  let state = st.seed | 0;
  const buf = new Int32Array(1000);
  for (let b = 0; b < st.bootstrapResamples; b++) {
    const draws = reviewsOf.map((revs) => {
      const n = revs.length;
      state = replayPicks(state, n, buf);
      const picked = Array.from(buf.subarray(0, n), (k) => revs[k]!);
      return {
        score: picked.reduce((a, r) => a + r.Rp, 0) / n,
        means: order.map(
          (c) => picked.reduce((a, r) => a + (r.s[c.id]! - c.min), 0) / ((c.max - c.min) * n),
        ),
      };
    });
    const idx = ranked.map((_, i) => i).sort((x, y) => draws[y]!.score - draws[x]!.score || x - y);
    const final: number[] = [];
    for (let i = 0; i < idx.length; ) {
      let j = i;
      while (j + 1 < idx.length && draws[idx[j]!]!.score - draws[idx[j + 1]!]!.score <= 1e-9) j++;
      const group = idx.slice(i, j + 1).sort((x, y) => {
        for (let c = 0; c < order.length; c++) {
          const d = draws[y]!.means[c]! - draws[x]!.means[c]!;
          if (d !== 0) return d;
        }
        const qx = byId.get(ranked[x]!.quickwinId)!;
        const qy = byId.get(ranked[y]!.quickwinId)!;
        if (qx.budget !== qy.budget) return qx.budget - qy.budget;
        if (ranked[x]!.reviewCount !== ranked[y]!.reviewCount)
          return ranked[y]!.reviewCount - ranked[x]!.reviewCount;
        return ranked[x]!.quickwinId < ranked[y]!.quickwinId ? -1 : 1;
      });
      final.push(...group);
      i = j + 1;
    }
    for (let i = 0; i < final.length; i++) ranks[final[i]!]!.push(i + 1);
    const held = new Map<string, number>();
    let taken = 0;
    for (const p of final) {
      if (taken >= st.shortlistSize) break;
      const agency = byId.get(ranked[p]!.quickwinId)!.agency.trim().toLowerCase();
      if (st.maxPerAgency > 0 && (held.get(agency) ?? 0) >= st.maxPerAgency) continue;
      held.set(agency, (held.get(agency) ?? 0) + 1);
      shortlisted[p]!++;
      taken++;
    }
  }
  const B = st.bootstrapResamples;
  return ranked.map((row, p) => {
    const sorted = ranks[p]!.sort((a, b) => a - b);
    const lo = sorted[Math.ceil((5 * B) / 100) - 1]!;
    const hi = sorted[Math.ceil((95 * B) / 100) - 1]!;
    return {
      quickwinId: row.quickwinId,
      rankLow: Math.min(lo, row.rank!),
      rankHigh: Math.max(hi, row.rank!),
      pShortlist: shortlisted[p]! / B,
    };
  });
}

const EMAILS = ["a@x.id", "B@x.id", "c@x.id", "d@x.id", "e@x.id", "f@x.id"];

/** Panels with many exact ties: few score levels, two criteria, budgets from a short list. */
const panelArb = fc
  .record({
    nQ: fc.integer({ min: 1, max: 30 }),
    nR: fc.integer({ min: 1, max: 6 }),
    levels: fc.integer({ min: 1, max: 3 }),
    cells: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 180, maxLength: 180 }),
    budgets: fc.array(fc.constantFrom(0, 1, 2), { minLength: 30, maxLength: 30 }),
    agencies: fc.array(fc.constantFrom("A", "b", " a "), { minLength: 30, maxLength: 30 }),
    settings: fc.record({
      normalization: fc.constantFrom("none" as const, "zscore" as const, "bias" as const),
      minReviews: fc.integer({ min: 1, max: 2 }),
      shortlistSize: fc.integer({ min: 1, max: 5 }),
      maxPerAgency: fc.integer({ min: 0, max: 2 }),
      bootstrapResamples: fc.integer({ min: 1, max: 40 }),
      seed: fc.integer(),
    }),
  })
  .map((w): RankInput => {
    const criteria = [crit("a", 1, 0, w.levels), crit("b", 2, 0, w.levels)];
    const reviews: Review[] = [];
    for (let q = 0; q < w.nQ; q++) {
      for (let r = 0; r < w.nR; r++) {
        const [x, y, skip] = w.cells[q * 6 + r]!;
        if (skip && r > 0) continue;
        reviews.push({
          quickwinId: `q${q}`,
          reviewer: EMAILS[r]!,
          scores: { a: x % (w.levels + 1), b: y % (w.levels + 1) },
        });
      }
    }
    return {
      criteria,
      quickwins: Array.from({ length: w.nQ }, (_, q) =>
        qw(`q${q}`, { budget: w.budgets[q]!, agency: w.agencies[q]! }),
      ),
      reviewers: EMAILS.slice(0, w.nR).map((e) => member(e)),
      reviews,
      settings: { ...w.settings, minReviewsForCalibration: 2, disagreementThreshold: 25 },
    };
  });

describe("bootstrap = naive bootstrap on the same draws", () => {
  it("on random panels full of ties, every calibration", () => {
    fc.assert(
      fc.property(panelArb, (w) => {
        const got = rankQuickwins(w).rows.filter((r) => r.rank !== null);
        const want = naiveBootstrap(w);
        expect(
          got.map(({ quickwinId, rankLow, rankHigh, pShortlist }) => ({
            quickwinId,
            rankLow,
            rankHigh,
            pShortlist,
          })),
        ).toEqual(want);
      }),
      { numRuns: 120 },
    );
  });

  it("when reviewers give one score to every criterion (means follow from the first criterion)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(2), { minLength: 60, maxLength: 60 }),
        fc.integer({ min: 1, max: 30 }),
        (values, seed) => {
          const reviews: Review[] = [];
          for (let q = 0; q < 20; q++)
            for (let r = 0; r < 3; r++) {
              const v = values[q * 3 + r]!;
              // Some quickwins get a review whose criteria differ (the general path).
              const b = q % 5 === 0 && r === 0 ? (v + 1) % 3 : v;
              reviews.push({
                quickwinId: `q${q}`,
                reviewer: EMAILS[r]!,
                scores: { a: v, b, c: v },
              });
            }
          const w: RankInput = {
            criteria: [crit("a", 2, 0, 2), crit("b", 1, 0, 3), crit("c", 1, 0, 4)],
            quickwins: Array.from({ length: 20 }, (_, q) => qw(`q${q}`, { budget: q % 3 })),
            reviewers: EMAILS.slice(0, 3).map((e) => member(e)),
            reviews,
            settings: {
              bootstrapResamples: 30,
              seed,
              shortlistSize: 3,
              maxPerAgency: 0,
              minReviews: 1,
            },
          };
          const got = rankQuickwins(w).rows;
          expect(
            got.map(({ quickwinId, rankLow, rankHigh, pShortlist }) => ({
              quickwinId,
              rankLow,
              rankHigh,
              pShortlist,
            })),
          ).toEqual(naiveBootstrap(w));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("on a flat panel larger than the insertion-sort threshold", () => {
    // 40 quickwins, every review (1,0) or (0,1) on equal weights: R = 50 always, every resample
    // ties all 40, and the resampled criterion means decide.
    const reviews: Review[] = [];
    for (let q = 0; q < 40; q++)
      for (let r = 0; r < 3; r++)
        reviews.push({
          quickwinId: `q${String(q).padStart(2, "0")}`,
          reviewer: EMAILS[r]!,
          scores: (q + r) % 3 === 0 ? { a: 1, b: 0 } : { a: 0, b: 1 },
        });
    const w: RankInput = {
      criteria: [crit("a", 1, 0, 1), crit("b", 1, 0, 1)],
      quickwins: Array.from({ length: 40 }, (_, q) =>
        qw(`q${String(q).padStart(2, "0")}`, { budget: q % 4 }),
      ),
      reviewers: EMAILS.slice(0, 3).map((e) => member(e)),
      reviews,
      settings: {
        bootstrapResamples: 200,
        seed: 5,
        shortlistSize: 4,
        maxPerAgency: 0,
        minReviews: 2,
      },
    };
    const got = rankQuickwins(w).rows;
    expect(got.every((r) => r.flags.includes("tie-broken"))).toBe(true);
    expect(
      got.map(({ quickwinId, rankLow, rankHigh, pShortlist }) => ({
        quickwinId,
        rankLow,
        rankHigh,
        pShortlist,
      })),
    ).toEqual(naiveBootstrap(w));
  });
});
