// rankQuickwins against the naive reading of DESIGN §4 in reference.ts, on dense random panels
// (most reviews by the world's own panel, so calibration and ties really happen) that include
// hostile rows: unknown ids, strangers, conflicts, missing or out-of-range scores, odd email
// case, zero budgets.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankQuickwins } from "../../src/core/index";
import type { Criterion, PanelMember, Quickwin, Review } from "../../src/core/schemas";
import { runs, SEED } from "../support/tier";
import { reference } from "./reference";

interface RefCriterion {
  id: string;
  weight: number;
  min: number;
  max: number;
}
interface RefQuickwin {
  id: string;
  agency: string;
  budget: number;
  startDate: string;
  endDate: string;
}
interface RefMember {
  email: string;
  agency: string;
}
interface RefReview {
  quickwinId: string;
  reviewer: string;
  scores: Record<string, number>;
  declaredConflict: boolean;
}
interface RefSettings {
  shortlistSize: number;
  maxPerAgency: number;
  minReviews: number;
  normalization: "none" | "zscore" | "bias";
  minReviewsForCalibration: number;
  disagreementFactor: number;
}

const AGENCIES = ["Diskominfo", "Bappeda", "Disdagperin", "Dislautkan", "Puskesmas Cluwak"];

const criteriaArb = fc
  .array(
    fc.record({
      weight: fc.constantFrom(1, 2, 2, 3, 0.5, 10),
      min: fc.constantFrom(0, 1, 1),
      span: fc.constantFrom(1, 2, 4, 4, 9),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((cs) =>
    cs.map(
      (c, i): RefCriterion => ({ id: `c${i}`, weight: c.weight, min: c.min, max: c.min + c.span }),
    ),
  );

interface World {
  criteria: RefCriterion[];
  quickwins: RefQuickwin[];
  panel: RefMember[];
  reviews: RefReview[];
  settings: RefSettings;
}

const QUICKWIN_IDS = ["QW-1", "QW-2", "QW-3", "QW-4", "QW-5", "QW-6", "QW-7", "a", "B"];
const EMAILS = ["a@x.id", "b@x.id", "c@x.id", "d@x.id", "e@x.id", "f@x.id"];

const worldArb: fc.Arbitrary<World> = criteriaArb.chain((criteria) =>
  fc
    .record({
      quickwins: fc.uniqueArray(
        fc.record({
          id: fc.constantFrom(...QUICKWIN_IDS),
          agency: fc.constantFrom(...AGENCIES, " diskominfo "),
          budget: fc.constantFrom(0, 1_000_000, 1_500_000, 25_000_000, 1_000_000),
          long: fc.boolean(),
        }),
        { selector: (q) => q.id, minLength: 2, maxLength: 7 },
      ),
      panel: fc.uniqueArray(
        fc.record({
          email: fc.constantFrom(...EMAILS),
          agency: fc.constantFrom("", "", "", "Bappeda", "Disdagperin", "Inspektorat"),
        }),
        { selector: (m) => m.email, minLength: 2, maxLength: 6 },
      ),
      // Reviews mostly of the world's own quickwins by its own panel (indices taken modulo),
      // so that calibration and ties really happen; a few hostile rows on top.
      reviews: fc.array(
        fc.record({
          qi: fc.nat(),
          ri: fc.nat(),
          conflict: fc.constantFrom(false, false, false, false, false, false, false, true),
          fault: fc.constantFrom(
            ...Array<string>(14).fill("none"),
            "missing",
            "high",
            "frac",
            "unknown-quickwin",
            "stranger",
            "shouting-email",
          ),
          u: fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), {
            minLength: criteria.length,
            maxLength: criteria.length,
          }),
        }),
        { minLength: 6, maxLength: 60, size: "max" },
      ),
      settings: fc.record({
        shortlistSize: fc.integer({ min: 1, max: 5 }),
        maxPerAgency: fc.integer({ min: 0, max: 2 }),
        minReviews: fc.integer({ min: 1, max: 3 }),
        normalization: fc.constantFrom("none" as const, "zscore" as const, "bias" as const),
        minReviewsForCalibration: fc.integer({ min: 2, max: 4 }),
        disagreementFactor: fc.constantFrom(0, 1, 1.5, 2),
      }),
    })
    .map(({ quickwins, panel, reviews, settings }) => ({
      criteria,
      quickwins: quickwins.map((q) => ({
        id: q.id,
        agency: q.agency,
        budget: q.budget,
        startDate: "2019-09-05",
        endDate: q.long ? "2019-11-07" : "2019-11-06", // 63 vs 62 days
      })),
      panel,
      reviews: reviews.map((rv) => {
        const scores: Record<string, number> = {};
        criteria.forEach((c, i) => {
          scores[c.id] = c.min + Math.floor(rv.u[i]! * (c.max - c.min + 1));
        });
        const first = criteria[0]!;
        if (rv.fault === "missing") delete scores[first.id];
        if (rv.fault === "high") scores[first.id] = first.max + 1;
        if (rv.fault === "frac") scores[first.id] = first.min + 0.5;
        let quickwinId = quickwins[rv.qi % quickwins.length]!.id;
        let reviewer = panel[rv.ri % panel.length]!.email;
        if (rv.fault === "unknown-quickwin") quickwinId = "zz";
        if (rv.fault === "stranger") reviewer = "g@x.id";
        if (rv.fault === "shouting-email") reviewer = ` ${reviewer.toUpperCase()} `;
        return { quickwinId, reviewer, scores, declaredConflict: rv.conflict };
      }),
      settings,
    })),
);

function toEngine(w: World) {
  const criteria: Criterion[] = w.criteria.map((c) => ({ ...c, name: c.id }));
  const quickwins: Quickwin[] = w.quickwins.map((q) => ({
    ...q,
    name: q.id,
    dimension: "governance",
    description: "",
  }));
  const reviewers: PanelMember[] = w.panel.map((m) => ({
    email: m.email,
    agency: m.agency || undefined,
    role: "reviewer",
  }));
  const reviews: Review[] = w.reviews.map((r) => ({ ...r }));
  return { criteria, quickwins, reviewers, reviews };
}

const close = (a: number | null, b: number | null, tol = 1e-6) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

describe("rankQuickwins agrees with an independent reference of DESIGN §4", () => {
  it("on random panels with hostile rows, for every calibration", () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const input = { ...toEngine(w), settings: { ...w.settings, bootstrapResamples: 0 } };
        const ref = reference(input);
        const got = rankQuickwins(input);
        expect(got.rows.map((r) => r.quickwinId)).toEqual(ref.rows.map((r) => r.quickwinId));
        got.rows.forEach((row, i) => {
          const want = ref.rows[i]!;
          expect(row.rank).toBe(want.rank);
          expect(row.reviewCount).toBe(want.reviewCount);
          expect(close(row.score, want.score), `score ${row.score} vs ${want.score}`).toBe(true);
          expect(close(row.rawScore, want.rawScore)).toBe(true);
          expect(close(row.sd, want.sd)).toBe(true);
          expect(close(row.valueForMoney, want.valueForMoney)).toBe(true);
          expect(row.shortlisted).toBe(want.shortlisted);
          expect([...row.flags].sort()).toEqual([...want.flags].sort());
          for (const [id, m] of Object.entries(want.criterionMeans)) {
            expect(close(row.criterionMeans[id] ?? null, m), `mean of ${id}`).toBe(true);
          }
          expect(Object.keys(row.criterionMeans)).toEqual(Object.keys(want.criterionMeans));
          expect([row.rankLow, row.rankHigh, row.pShortlist]).toEqual([null, null, null]);
        });
        expect(got.shortlist).toEqual(ref.shortlist);
        expect(close(got.agreement, ref.agreement, 1e-9)).toBe(true);
        const codes = (ps: { code: string; quickwinId?: string }[]) =>
          ps.map((p) => `${p.code}|${p.code === "graph-disconnected" ? "" : p.quickwinId}`).sort();
        expect(codes(got.problems)).toEqual(codes(ref.problems));
      }),
      { numRuns: runs(100, 300), seed: SEED },
    );
  });

  it("keeps the uncertainty's promises: seeded, own rank inside the range, shares in [0, 1]", () => {
    fc.assert(
      fc.property(worldArb, fc.integer({ min: 1, max: 60 }), (w, resamples) => {
        const input = {
          ...toEngine(w),
          settings: { ...w.settings, bootstrapResamples: resamples },
        };
        const a = rankQuickwins(input);
        expect(rankQuickwins(input)).toEqual(a);
        const withoutDraws = rankQuickwins({
          ...input,
          settings: { ...input.settings, bootstrapResamples: 0 },
        });
        expect(a.rows.map((r) => [r.quickwinId, r.rank, r.shortlisted])).toEqual(
          withoutDraws.rows.map((r) => [r.quickwinId, r.rank, r.shortlisted]),
        );
        // Every draw shortlists as many as the walk can take: the shares add up to that.
        const ranked = a.rows.filter((r) => r.rank !== null);
        if (input.settings.maxPerAgency === 0 && ranked.length > 0) {
          const total = ranked.reduce((s, r) => s + r.pShortlist!, 0);
          expect(total).toBeCloseTo(Math.min(input.settings.shortlistSize, ranked.length), 9);
        }
        for (const row of a.rows) {
          if (row.rank === null) {
            expect([row.rankLow, row.rankHigh, row.pShortlist]).toEqual([null, null, null]);
            continue;
          }
          expect(row.rankLow!).toBeLessThanOrEqual(row.rank);
          expect(row.rankHigh!).toBeGreaterThanOrEqual(row.rank);
          expect(row.rankLow!).toBeGreaterThanOrEqual(1);
          expect(row.pShortlist!).toBeGreaterThanOrEqual(0);
          expect(row.pShortlist!).toBeLessThanOrEqual(1);
          const uncertain = row.pShortlist! >= 0.1 && row.pShortlist! <= 0.9;
          expect(row.flags.includes("uncertain-shortlist")).toBe(uncertain);
        }
      }),
      { numRuns: runs(50, 150), seed: SEED },
    );
  });
});
