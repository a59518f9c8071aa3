// Builders for engine tests: small panels written by hand.
import type { Criterion, PanelMember, Quickwin, Review, Settings } from "../../src/core/schemas";
import type { RankInput, RankResult, RankRow } from "../../src/core/types";

/** A criterion from its essentials (zod's output type wants every optional key spelled out). */
export function crit(id: string, weight: number, min: number, max: number): Criterion {
  return { id, name: id.toUpperCase(), description: undefined, weight, min, max };
}

/** One criterion scored 0–100 with weight 1: the review score R equals the score itself. */
export const PLAIN: Criterion[] = [crit("x", 1, 0, 100)];

export function qw(id: string, extra: Partial<Quickwin> = {}): Quickwin {
  return {
    id,
    name: `Quickwin ${id}`,
    agency: `OPD ${id}`,
    dimension: "governance",
    description: "",
    budget: 1_000_000,
    evidenceUrl: undefined,
    ...extra,
  } as Quickwin;
}

export function member(email: string, extra: Partial<PanelMember> = {}): PanelMember {
  return { email, name: undefined, agency: undefined, role: "reviewer", ...extra } as PanelMember;
}

export function review(
  quickwinId: string,
  reviewer: string,
  scores: Record<string, number>,
  extra: Partial<Review> = {},
): Review {
  return { quickwinId, reviewer, scores, ...extra };
}

/** A review on the PLAIN rubric. */
export function plain(quickwinId: string, reviewer: string, x: number): Review {
  return review(quickwinId, reviewer, { x });
}

/** Settings with the uncertainty off and no calibration unless asked for (keeps hand examples
 * exact and quick; `auto` has its own tests). */
export function settings(patch: Partial<Settings> = {}): Partial<Settings> {
  return { bootstrapResamples: 0, normalization: "none", ...patch };
}

export function input(parts: Partial<RankInput> & Pick<RankInput, "reviews">): RankInput {
  const reviews = parts.reviews;
  const qids = [...new Set(reviews.map((r) => r.quickwinId))];
  const emails = [...new Set(reviews.map((r) => r.reviewer.trim().toLowerCase()))];
  return {
    criteria: parts.criteria ?? PLAIN,
    quickwins: parts.quickwins ?? qids.map((id) => qw(id)),
    reviewers: parts.reviewers ?? emails.map((e) => member(e)),
    reviews,
    settings: parts.settings ?? settings(),
    ...(parts.locale ? { locale: parts.locale } : {}),
  };
}

export function row(result: RankResult, id: string): RankRow {
  const found = result.rows.find((r) => r.quickwinId === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
}

/** Sample sd, written the textbook way (for expectations). */
export function sd(xs: number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
}
