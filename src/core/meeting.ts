// What the meeting view receives (getMeetingData, coordinators only) and which quickwins it
// puts first: those the data do not settle — an uncertain shortlist place, reviewers who
// disagree, or too few reviews.
import type { Decision } from "./decision";
import type { QuickwinEvidence } from "./evidence";
import type { Dimension, Flag, Normalization, Role } from "./schemas";
import type { Locale, RankRow } from "./types";

export interface MeetingData {
  locale: Locale;
  computedAt: string;
  shortlistSize: number;
  minReviews: number;
  normalizationUsed: Normalization;
  agreement: number | null;
  criteria: { id: string; name: string; min: number; max: number; weight: number }[];
  quickwins: { id: string; name: string; agency: string; dimension: Dimension; budget: number }[];
  rows: RankRow[];
  shortlist: string[];
  evidence: QuickwinEvidence[];
  /** The decision in force per quickwin (the latest recorded). */
  decisions: Decision[];
  /** The panel, for the minutes' list of those present. */
  panel: { email: string; name: string; agency: string; role: Role }[];
}

/** Flags that put a quickwin on the "discuss first" list, in the order they are named. */
export const DISCUSS_FIRST: readonly Flag[] = [
  "uncertain-shortlist",
  "disagreement",
  "too-few-reviews",
];

/** The quickwins to discuss first, in the ranking's order (ranked, then the unranked). */
export function discussFirst(rows: readonly RankRow[]): string[] {
  return rows
    .filter((r) => r.flags.some((f) => DISCUSS_FIRST.includes(f)))
    .map((r) => r.quickwinId);
}
