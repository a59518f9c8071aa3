// The values the planning functions return (assignments, progress board, closing time,
// import): JSON-clean, as they cross google.script.run.
import type { AssignmentPair } from "./assignment";
import type { ImportField } from "./import";

export type { AssignmentPair };

/** proposeAssignment's answer: the whole proposal (kept and new pairs), not saved. */
export interface AssignmentProposalResult {
  reviewsPerQuickwin: number;
  pairs: AssignmentPair[];
  kept: number;
  added: number;
  loads: { reviewer: string; load: number; conflicts: number }[];
  /** Per reviewer email: quickwin ids they may not be assigned (agency or declared conflict). */
  conflicts: Record<string, string[]>;
  /** What could not be met, one sentence each, in the caller's language. */
  unmet: string[];
}

export interface SaveAssignmentsResult {
  pairs: AssignmentPair[];
}

/** Whether reviews are accepted now, and the closing time in words (spreadsheet's zone). */
export interface ScoringState {
  /** Accepting reviews at this moment. */
  open: boolean;
  /** The coordinator's switch (scoringOpen). */
  scoringOpen: boolean;
  /** ISO instant, or "" when no closing time is set. */
  closesAt: string;
  /** "Senin, 7 Oktober 2019 pukul 10.00 WIB", or "". */
  closesAtText: string;
  allowUnassigned: boolean;
}

export type GridCell = "done" | "todo" | "conflict" | "none";

export interface ReviewerProgress {
  email: string;
  name: string;
  assigned: number;
  /** Assigned quickwins scored. */
  done: number;
  /** Every quickwin this reviewer has scored, assigned or not. */
  scored: number;
  conflict: number;
  missing: number;
  /** Quickwin ids assigned and not yet scored. */
  missingIds: string[];
  /** Last review in the spreadsheet's time zone, as text ("" when none). */
  lastActivity: string;
  /** A prefilled mailto: link listing what is left ("" when nothing is). */
  remind: string;
}

export interface QuickwinProgress {
  id: string;
  name: string;
  assigned: number;
  /** Reviews that count (complete, no conflict), by anyone. */
  counted: number;
  /** What it needs: its assigned reviewers, and at least minReviews. */
  needed: number;
  /** Assigned reviewers who have not scored it yet. */
  missing: string[];
}

export interface ProgressResult {
  reviewers: ReviewerProgress[];
  quickwins: QuickwinProgress[];
  /** grid[r][q]: reviewers × quickwins, in the order above. */
  grid: GridCell[][];
  minReviews: number;
  scoring: ScoringState;
  /** Sentences for the ranking view: who has not scored what, and thin quickwins. */
  warnings: string[];
}

/** One row of the source sheet as it would be saved. */
export interface ImportRow {
  /** 1-based row of the source sheet. */
  row: number;
  /** The response's timestamp (ISO for a date cell), kept as the quickwin's source. */
  source: string;
  /** The fields as read (valid rows: exactly as saved). */
  values: Record<string, string | number>;
  status: "valid" | "invalid" | "duplicate";
  /** What is wrong, or what it duplicates, in words. */
  problems: string[];
}

export interface ImportPreview {
  sheetName: string;
  headers: string[];
  /** Field → 0-based column (null: not imported): the mapping used. */
  mapping: Record<ImportField, number | null>;
  rows: ImportRow[];
  counts: { valid: number; invalid: number; duplicate: number };
}

export interface ImportResult extends ImportPreview {
  imported: { row: number; id: string }[];
}
