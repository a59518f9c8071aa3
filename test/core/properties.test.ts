// Property-based tests (fast-check) of rankQuickwins: agreement with the naive reference,
// invariances (permutations, weight scaling, bias under reviewer shifts, zscore under a
// lenient reviewer), perfect agreement, determinism, and never throwing on sheet data.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankQuickwins } from "../../src/core/index";
import type { Criterion, Review } from "../../src/core/schemas";
import type { RankInput, RankResult } from "../../src/core/types";
import { runs, SEED } from "../support/tier";
import { crit, member, PLAIN, plain, qw } from "./helpers";
import { reference } from "./reference";

const AGENCIES = ["Diskominfo", "Bappeda", " diskominfo ", "Disdagperin", ""];
const EMAILS = ["a@pati.go.id", "b@pati.go.id", "c@pati.go.id", "d@pati.go.id", "e@pati.go.id"];

const criteriaArb = fc
  .array(
    fc.record({
      weight: fc.constantFrom(1, 2, 3, 0.5, 7),
      min: fc.constantFrom(0, 1, -2),
      span: fc.constantFrom(1, 2, 4, 9),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((cs) => cs.map((c, i) => crit(`c${i}`, c.weight, c.min, c.min + c.span)));

const settingsArb = fc.record({
  normalization: fc.constantFrom("none" as const, "zscore" as const, "bias" as const),
  minReviews: fc.integer({ min: 1, max: 3 }),
  shortlistSize: fc.integer({ min: 1, max: 4 }),
  maxPerAgency: fc.integer({ min: 0, max: 2 }),
  minReviewsForCalibration: fc.integer({ min: 2, max: 3 }),
  disagreementFactor: fc.constantFrom(0, 1, 1.5),
  bootstrapResamples: fc.constant(0),
});

/** A random panel with hostile rows: unknown ids and emails, odd case, conflicts, bad scores. */
const worldArb = fc
  .record({
    criteria: criteriaArb,
    nQ: fc.integer({ min: 1, max: 6 }),
    nR: fc.integer({ min: 1, max: 5 }),
    qAgency: fc.array(fc.nat(AGENCIES.length - 1), { minLength: 6, maxLength: 6 }),
    rAgency: fc.array(fc.nat(AGENCIES.length + 2), { minLength: 5, maxLength: 5 }),
    budgets: fc.array(fc.constantFrom(0, 1_000_000, 2_500_000, 1_000_000), {
      minLength: 6,
      maxLength: 6,
    }),
    raw: fc.array(
      fc.record({
        q: fc.nat(7),
        r: fc.nat(6),
        upper: fc.boolean(),
        kind: fc.constantFrom("ok", "ok", "ok", "ok", "ok", "ok", "missing", "out", "conflict"),
        values: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
          minLength: 3,
          maxLength: 3,
        }),
      }),
      { maxLength: 30 },
    ),
    settings: settingsArb,
  })
  .map((w): RankInput => {
    const quickwins = Array.from({ length: w.nQ }, (_, i) =>
      qw(`QW-${i + 1}`, {
        agency: AGENCIES[w.qAgency[i]!]!,
        budget: w.budgets[i]!,
        startDate: "2019-09-05",
        endDate: i % 2 ? "2019-11-06" : "2019-11-07",
      }),
    );
    const reviewers = EMAILS.slice(0, w.nR).map((email, i) =>
      member(email, { agency: AGENCIES[w.rAgency[i]!] }),
    );
    const reviews: Review[] = w.raw.map((r) => {
      const quickwinId = r.q < w.nQ ? `QW-${r.q + 1}` : "ghost";
      const email = r.r < EMAILS.length ? EMAILS[r.r]! : "stranger@x.id";
      const scores: Record<string, number> = {};
      w.criteria.forEach((c, i) => {
        scores[c.id] = c.min + Math.floor(r.values[i]! * (c.max - c.min + 0.999));
      });
      if (r.kind === "missing") delete scores[w.criteria[0]!.id];
      if (r.kind === "out") scores[w.criteria[0]!.id] = w.criteria[0]!.max + 1;
      return {
        quickwinId,
        reviewer: r.upper ? ` ${email.toUpperCase()}` : email,
        scores,
        declaredConflict: r.kind === "conflict",
      };
    });
    return { criteria: w.criteria, quickwins, reviewers, reviews, settings: w.settings };
  });

const close = (a: number | null, b: number | null, tol = 1e-7) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

/** Everything except the ledger-order-dependent order of problems. */
function canonical(r: RankResult) {
  return {
    ...r,
    problems: [...r.problems].sort((a, b) =>
      `${a.code}|${a.quickwinId}|${a.reviewer}`.localeCompare(
        `${b.code}|${b.quickwinId}|${b.reviewer}`,
      ),
    ),
  };
}

function shuffle<T>(xs: readonly T[], keys: number[]): T[] {
  return xs
    .map((x, i) => ({ x, k: keys[i % Math.max(1, keys.length)]! + i * 1e-6 }))
    .sort((a, b) => a.k - b.k)
    .map((e) => e.x);
}

/**
 * A panel for auto: quickwins with a true quality, reviewers with their own leniency and range
 * (narrow 0.3, typical 1, wide 2.5), a complete or a thinned design, integer-rounded 0–100
 * scores clipped at the ends.
 */
const rangedPanelArb = fc
  .record({
    nQ: fc.integer({ min: 3, max: 12 }),
    reviewers: fc.array(
      fc.record({
        leniency: fc.integer({ min: -25, max: 25 }),
        range: fc.constantFrom(0.3, 1, 1, 2.5),
      }),
      { minLength: 2, maxLength: 7 },
    ),
    quality: fc.array(fc.integer({ min: -30, max: 30 }), { minLength: 12, maxLength: 12 }),
    noise: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 84, maxLength: 84 }),
    skip: fc.array(fc.boolean(), { minLength: 84, maxLength: 84 }),
    thin: fc.boolean(),
    shortlistSize: fc.integer({ min: 1, max: 4 }),
    resamples: fc.integer({ min: 1, max: 80 }),
    seed: fc.integer({ min: 1, max: 1000 }),
  })
  .map((w) => {
    const reviews: Review[] = [];
    for (let q = 0; q < w.nQ; q++) {
      w.reviewers.forEach((r, j) => {
        const k = q * 7 + j;
        if (w.thin && w.skip[k]) return;
        const x = 50 + r.leniency + r.range * w.quality[q]! + w.noise[k]!;
        reviews.push(plain(`q${q}`, `r${j}@x.id`, Math.max(0, Math.min(100, Math.round(x)))));
      });
    }
    return {
      criteria: PLAIN,
      quickwins: Array.from({ length: w.nQ }, (_, q) => qw(`q${q}`)),
      reviewers: w.reviewers.map((_, j) => member(`r${j}@x.id`)),
      reviews,
      settings: {
        normalization: "auto" as const,
        minReviews: 1,
        shortlistSize: w.shortlistSize,
        bootstrapResamples: w.resamples,
        seed: w.seed,
      },
    };
  });

describe("rankQuickwins properties", () => {
  it("agrees with the naive reference on random hostile panels (every calibration)", () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const got = rankQuickwins(w);
        const ref = reference(w);
        expect(got.normalizationUsed).toBe(ref.normalizationUsed);
        expect(got.rows.map((r) => r.quickwinId)).toEqual(ref.rows.map((r) => r.quickwinId));
        got.rows.forEach((row, i) => {
          const want = ref.rows[i]!;
          expect(row.rank).toBe(want.rank);
          expect(row.reviewCount).toBe(want.reviewCount);
          expect(close(row.score, want.score), `score ${row.score} vs ${want.score}`).toBe(true);
          expect(close(row.rawScore, want.rawScore)).toBe(true);
          expect(close(row.sd, want.sd, 1e-6), `sd ${row.sd} vs ${want.sd}`).toBe(true);
          expect(close(row.valueForMoney, want.valueForMoney)).toBe(true);
          expect(close(row.minReview, want.minReview)).toBe(true);
          expect(close(row.maxReview, want.maxReview)).toBe(true);
          expect(row.shortlisted).toBe(want.shortlisted);
          expect(row.flags).toEqual(want.flags);
        });
        expect(got.shortlist).toEqual(ref.shortlist);
        expect(close(got.agreement, ref.agreement, 1e-9)).toBe(true);
        expect(
          got.problems.map(({ code, quickwinId, reviewer }) => ({ code, quickwinId, reviewer })),
        ).toEqual(
          ref.problems.map(({ code, quickwinId, reviewer }) =>
            code === "graph-disconnected"
              ? { code, quickwinId: undefined, reviewer: undefined }
              : { code, quickwinId, reviewer },
          ),
        );
      }),
      { numRuns: runs(50, 150), seed: SEED },
    );
  });

  it("auto with leniency and ranges: finite, seeded, order-free, shares adding up, honest words", () => {
    fc.assert(
      fc.property(
        rangedPanelArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (w, keys) => {
          const a = rankQuickwins(w);
          const ranked = a.rows.filter((r) => r.rank !== null);
          for (const row of ranked) {
            expect(Number.isFinite(row.score!)).toBe(true);
            expect(row.pShortlist!).toBeGreaterThanOrEqual(0);
            expect(row.pShortlist!).toBeLessThanOrEqual(1);
            expect(row.rankLow!).toBeLessThanOrEqual(row.rank!);
            expect(row.rankHigh!).toBeGreaterThanOrEqual(row.rank!);
          }
          // Every draw shortlists min(size, ranked) quickwins (no agency cap here).
          const total = ranked.reduce((s, r) => s + r.pShortlist!, 0);
          expect(total).toBeCloseTo(Math.min(w.settings.shortlistSize, ranked.length), 9);
          const c = a.calibration;
          expect(c.rangeSd === null).toBe(c.method !== "bias-range-shrunk");
          if (c.method === "bias-range-shrunk") {
            expect(c.reason).toBe("leniency-range");
            expect(c.rangeSd!).toBeGreaterThanOrEqual(0.05);
            expect(a.normalizationUsed).toBe("zscore");
          }
          expect(rankQuickwins(w)).toEqual(a);
          const b = rankQuickwins({
            ...w,
            quickwins: shuffle(w.quickwins, keys),
            reviewers: shuffle(w.reviewers, keys.slice().reverse()),
            reviews: shuffle(w.reviews, keys),
          });
          expect(canonical(b)).toEqual(canonical(a));
        },
      ),
      // Three rankings with resampling per run: the heaviest property here, so npm test makes a
      // third of its runs and the full tier all (test/support/tier.ts).
      { numRuns: runs(40, 120), seed: SEED },
    );
  });

  it("permuting quickwins, panel, and reviews of distinct pairs changes nothing but problem order", () => {
    fc.assert(
      fc.property(
        worldArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 60 }),
        (w, keys, resamples) => {
          // Keep only the latest review of each pair, so ledger order cannot matter.
          const latest = new Map<string, Review>();
          for (const r of w.reviews)
            latest.set(`${r.quickwinId}|${r.reviewer.trim().toLowerCase()}`, r);
          const distinct = [...latest.values()];
          const s = { ...w.settings, bootstrapResamples: resamples, seed: 3 };
          const a = rankQuickwins({ ...w, reviews: distinct, settings: s });
          const b = rankQuickwins({
            ...w,
            quickwins: shuffle(w.quickwins, keys),
            reviewers: shuffle(w.reviewers, keys.slice().reverse()),
            reviews: shuffle(distinct, keys),
            settings: s,
          });
          expect(canonical(b)).toEqual(canonical(a));
        },
      ),
      { numRuns: runs(33, 100), seed: SEED },
    );
  });

  it("scaling every weight changes nothing (exactly for powers of two)", () => {
    fc.assert(
      fc.property(
        worldArb,
        fc.constantFrom(0.001, 3, 1000),
        fc.constantFrom(0.25, 8),
        (w, k, pow2) => {
          const scaled = (f: number): RankInput => ({
            ...w,
            criteria: w.criteria.map((c) => ({ ...c, weight: c.weight * f })),
          });
          const base = rankQuickwins(w);
          expect(rankQuickwins(scaled(pow2))).toEqual(base);
          const other = rankQuickwins(scaled(k));
          expect(other.rows.map((r) => [r.quickwinId, r.rank, r.flags])).toEqual(
            base.rows.map((r) => [r.quickwinId, r.rank, r.flags]),
          );
          for (const [i, r] of other.rows.entries()) {
            expect(close(r.score, base.rows[i]!.score, 1e-9)).toBe(true);
          }
          expect(other.shortlist).toEqual(base.shortlist);
        },
      ),
      { numRuns: runs(33, 100), seed: SEED },
    );
  });

  /** A full design on PLAIN (R = score): every reviewer scores every quickwin. */
  const fullDesign = fc
    .record({
      nQ: fc.integer({ min: 3, max: 6 }),
      nR: fc.integer({ min: 2, max: 5 }),
      scores: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 30, maxLength: 30 }),
    })
    .map(({ nQ, nR, scores }) => {
      const reviews: Review[] = [];
      for (let q = 0; q < nQ; q++)
        for (let r = 0; r < nR; r++)
          reviews.push({
            quickwinId: `q${q}`,
            reviewer: EMAILS[r]!,
            scores: { x: scores[q * nR + r]! },
          });
      return {
        criteria: PLAIN,
        quickwins: Array.from({ length: nQ }, (_, q) => qw(`q${q}`)),
        reviewers: EMAILS.slice(0, nR).map((e) => member(e)),
        reviews,
      };
    });

  it("bias: adding a constant c to one reviewer's scores only shifts every score by c/J", () => {
    // With Σ b = 0 over the J reviewers, R + c for reviewer j refits as θ + c/J, b_j + c − c/J,
    // b_k − c/J: every R′ moves by c/J. Ranks, shortlist, sd and every gap stay as they were.
    fc.assert(
      fc.property(fullDesign, fc.nat(4), fc.integer({ min: 1, max: 70 }), (d, who, c) => {
        const J = d.reviewers.length;
        const j = EMAILS[who % J]!;
        const s = { normalization: "bias" as const, bootstrapResamples: 0 };
        const base = rankQuickwins({ ...d, settings: s });
        const shifted = rankQuickwins({
          ...d,
          reviews: d.reviews.map((r) =>
            r.reviewer === j ? { ...r, scores: { x: r.scores.x! + c } } : r,
          ),
          settings: s,
        });
        expect(base.normalizationUsed).toBe("bias");
        expect(shifted.rows.map((r) => [r.quickwinId, r.rank])).toEqual(
          base.rows.map((r) => [r.quickwinId, r.rank]),
        );
        shifted.rows.forEach((r, i) => {
          const b = base.rows[i]!;
          expect(Math.abs(r.score! - (b.score! + c / J))).toBeLessThan(1e-9);
          expect(Math.abs(r.sd! - b.sd!)).toBeLessThan(1e-6);
        });
        expect(shifted.shortlist).toEqual(base.shortlist);
      }),
      { numRuns: runs(33, 100), seed: SEED },
    );
  });

  it("zscore: a lenient or stretched reviewer moves no quickwin's standing more than under none", () => {
    // Standing = a quickwin's standardized score among all quickwins, (score − mean)/sd. When
    // every reviewer is calibrated (≥ minReviewsForCalibration reviews with spread), an affine
    // change a·R + c of one reviewer (a > 0) leaves every standing unchanged under zscore; under
    // none it may move them. So |Δ standing| under zscore ≤ under none, quickwin by quickwin.
    const standing = (r: RankResult) => {
      const xs = [...r.rows]
        .sort((a, b) => (a.quickwinId < b.quickwinId ? -1 : 1))
        .map((x) => x.score!);
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      const s = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
      return xs.map((x) => (s > 1e-9 ? (x - m) / s : 0));
    };
    fc.assert(
      fc.property(
        fullDesign,
        fc.nat(4),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 10 }),
        (d, who, a, c) => {
          // Every reviewer needs spread to be calibrated.
          for (const e of d.reviewers) {
            const mine = d.reviews.filter((r) => r.reviewer === e.email).map((r) => r.scores.x!);
            fc.pre(Math.max(...mine) > Math.min(...mine));
          }
          const j = EMAILS[who % d.reviewers.length]!;
          const lenient = d.reviews.map((r) =>
            r.reviewer === j ? { ...r, scores: { x: a * r.scores.x! + c } } : r,
          );
          const run = (reviews: Review[], normalization: "none" | "zscore") =>
            rankQuickwins({
              ...d,
              reviews,
              settings: { normalization, bootstrapResamples: 0, minReviews: 1 },
            });
          const moved = (normalization: "none" | "zscore") => {
            const before = standing(run(d.reviews, normalization));
            const after = standing(run(lenient, normalization));
            return before.map((x, i) => Math.abs(after[i]! - x));
          };
          const z = moved("zscore");
          const n = moved("none");
          z.forEach((dz, i) => {
            expect(dz).toBeLessThan(1e-7);
            expect(dz).toBeLessThanOrEqual(n[i]! + 1e-7);
          });
        },
      ),
      { numRuns: runs(33, 100), seed: SEED },
    );
  });

  it("alpha is 1 when every reviewer agrees on every quickwin (and they differ)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 8 }),
        fc.integer({ min: 2, max: 5 }),
        (values, nR) => {
          fc.pre(new Set(values).size > 1);
          const reviews = values.flatMap((v, q) =>
            EMAILS.slice(0, nR).map((e) => ({
              quickwinId: `q${q}`,
              reviewer: e,
              scores: { x: v },
            })),
          );
          const result = rankQuickwins({
            criteria: PLAIN,
            quickwins: values.map((_, q) => qw(`q${q}`)),
            reviewers: EMAILS.map((e) => member(e)),
            reviews,
            settings: { bootstrapResamples: 0 },
          });
          expect(result.agreement).toBe(1);
        },
      ),
      { numRuns: runs(33, 100), seed: SEED },
    );
  });

  it("is deterministic and does not mutate its input", () => {
    fc.assert(
      fc.property(worldArb, fc.integer({ min: 0, max: 50 }), fc.integer(), (w, resamples, seed) => {
        const inputValue = {
          ...w,
          settings: { ...w.settings, bootstrapResamples: resamples, seed },
        };
        const frozen = JSON.stringify(inputValue);
        const a = rankQuickwins(inputValue);
        expect(JSON.stringify(inputValue)).toBe(frozen);
        expect(rankQuickwins(JSON.parse(frozen) as RankInput)).toEqual(a);
        // JSON-safe output (it crosses google.script.run).
        expect(JSON.parse(JSON.stringify(a))).toEqual(a);
      }),
      { numRuns: runs(30, 60), seed: SEED },
    );
  });

  it("never throws on sheet data: any values inside the arrays", () => {
    const criteria: Criterion[] = [crit("a", 1, 1, 5)];
    fc.assert(
      fc.property(
        fc.array(fc.anything()),
        fc.array(fc.anything()),
        fc.array(
          fc.oneof(
            fc.anything(),
            fc.record({
              quickwinId: fc.oneof(fc.string(), fc.anything()),
              reviewer: fc.oneof(fc.constantFrom(...EMAILS), fc.anything()),
              scores: fc.oneof(
                fc.dictionary(fc.constantFrom("a", "b", "__proto__"), fc.anything()),
                fc.anything(),
              ),
              declaredConflict: fc.anything(),
            }),
          ),
        ),
        fc.anything(),
        (quickwins, reviewers, reviews, settingsValue) => {
          const result = rankQuickwins({
            criteria,
            quickwins: quickwins as never,
            reviewers: reviewers as never,
            reviews: reviews as never,
            settings: (typeof settingsValue === "object" && !Array.isArray(settingsValue)
              ? settingsValue
              : undefined) as never,
          });
          expect(Array.isArray(result.rows)).toBe(true);
          for (const r of result.rows)
            if (r.score !== null) expect(Number.isFinite(r.score)).toBe(true);
        },
      ),
      { numRuns: runs(50, 150), seed: SEED },
    );
  });
});
