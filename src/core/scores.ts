// The one score-validity rule (DESIGN §3, §4 rule 1), shared by the sidebar's form, the review
// payload schema, the server's submitReview, the engine's counted reviews and reviewStatus.

/** Bounds of any criterion's min and max, so of any score a payload may carry. */
export const SCORE_BOUNDS = { min: -1_000, max: 1_000 } as const;

/** Why a score does not count: none given, or not an integer in [min, max]. */
export type ScoreIssue = "missing" | "out-of-range";

/**
 * What is wrong with one criterion's score (`undefined`: not given), or null when it counts:
 * an integer from the criterion's min to its max, both included.
 */
export function scoreIssue(value: unknown, range: { min: number; max: number }): ScoreIssue | null {
  if (value === undefined) return "missing";
  if (typeof value !== "number" || !Number.isInteger(value)) return "out-of-range";
  return value < range.min || value > range.max ? "out-of-range" : null;
}

/** True when the score counts for a criterion with this range. */
export function isValidScore(value: unknown, range: { min: number; max: number }): boolean {
  return scoreIssue(value, range) === null;
}
