// The panel's decision on a quickwin (DESIGN §3 Decision, §5 recordDecision) and the minutes'
// input: the payload schemas, and the one rule of when a decision departs from the computed
// shortlist (then a reason is required, and the decisions sheet and the minutes say so).
import * as z from "zod/mini";
import { lazy } from "./lazy";
import { LIMITS } from "./schemas";

export const DECISIONS = ["selected", "not-selected"] as const;
export type DecisionValue = (typeof DECISIONS)[number];

/** A reason long enough for a sentence or two, short enough for one sheet cell. */
export const REASON_LIMIT = 2_000;

const trimmed = (max: number) =>
  z.string().check(z.trim(), z.maxLength(max, { error: "v.tooLong" }));

export const DecisionInputSchema = lazy(() =>
  z.strictObject({
    quickwinId: z
      .string()
      .check(
        z.trim(),
        z.maxLength(LIMITS.id, { error: "v.tooLong" }),
        z.minLength(1, { error: "v.required" }),
      ),
    decision: z.enum(DECISIONS, { error: "v.decision" }),
    reason: z.optional(trimmed(REASON_LIMIT)),
  }),
);
export type DecisionInput = z.input<typeof DecisionInputSchema>;

export const MinutesInputSchema = lazy(() =>
  z.strictObject({
    /** Where the meeting was held; blank leaves a line to fill in by hand. */
    place: z.optional(trimmed(LIMITS.name)),
    /** Emails of the panel members present; absent means the whole panel. */
    present: z.optional(z.array(trimmed(LIMITS.email)).check(z.maxLength(1_000))),
  }),
);
export type MinutesInput = z.input<typeof MinutesInputSchema>;

/** A decision departs from the computation when it selects an unlisted or drops a listed one. */
export function departsFromComputed(decision: DecisionValue, shortlisted: boolean): boolean {
  return decision === "selected" ? !shortlisted : shortlisted;
}

/** A decision as recorded (the latest per quickwin counts). JSON-clean. */
export interface Decision {
  quickwinId: string;
  decision: DecisionValue;
  reason: string;
  /** Whether the computed shortlist held it when the decision was recorded. */
  computed: boolean;
  departs: boolean;
  /** Who recorded it (email) and when (ISO 8601). */
  by: string;
  at: string;
}
