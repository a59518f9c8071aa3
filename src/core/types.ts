// Result types of the engine (DESIGN §4) and of the server functions (DESIGN §5).
// Shared by the server, the sidebar and the preview; only JSON-like values (no Date).
import type { Agency } from "./agencies";
import type { LedgerCheck } from "./ledger";
import type { ScoringState } from "./planning";
import type {
  Criterion,
  Dimension,
  Flag,
  NormalizationUsed,
  PanelMember,
  ProblemCode,
  Quickwin,
  Review,
  Role,
  Settings,
} from "./schemas";

export type Locale = "id" | "en";

export interface RankInput {
  criteria: Criterion[];
  quickwins: Quickwin[];
  reviewers: PanelMember[];
  /** Ledger order, oldest first. */
  reviews: Review[];
  settings?: Partial<Settings>;
  /**
   * Language of problem messages: "id" (default) or "en"; Google locales such as "en_US" or
   * "in_ID" are accepted too.
   */
  locale?: Locale | string;
  /**
   * The agency of a typed name, for conflicts (step 1) and the per-agency cap (step 7): the
   * agency list's resolver (agencies.ts). Default: the name's own identity key.
   */
  agencyKey?: (name: unknown) => string;
}

export interface RankRow {
  quickwinId: string;
  rank: number | null;
  score: number | null;
  rawScore: number | null;
  reviewCount: number;
  sd: number | null;
  rankLow: number | null;
  rankHigh: number | null;
  pShortlist: number | null;
  valueForMoney: number | null;
  shortlisted: boolean;
  flags: Flag[];
  /** Per criterion id: the mean raw score s_c of the counted reviews (null with none). */
  criterionMeans: Record<string, number | null>;
  /** Counted review scores R (before calibration), for the disagreement view. */
  minReview: number | null;
  maxReview: number | null;
}

export interface RankProblem {
  code: ProblemCode;
  message: string;
  quickwinId?: string;
  reviewer?: string;
  /** The sheet row a ledger problem is about. */
  row?: number;
}

export interface RankResult {
  rows: RankRow[];
  shortlist: string[];
  agreement: number | null;
  problems: RankProblem[];
  /** The explicit calibration used, or the closest one to what `auto` did (bias falls back to
   * none on a disconnected graph). */
  normalizationUsed: NormalizationUsed;
  /** Exactly what step 3 did and why. */
  calibration: CalibrationInfo;
  /** Krippendorff's reading of `agreement` (null when agreement is). */
  agreementReading: AgreementReading | null;
}

/**
 * How step 3 corrected the review scores: `bias-shrunk` is `auto`'s bias with shrinkage,
 * `bias-range-shrunk` the same with each reviewer's range (how much of the scale they use).
 */
export type CalibrationMethod = NormalizationUsed | "bias-shrunk" | "bias-range-shrunk";
/**
 * Why: `setting` (the coordinator chose the method), `graph-disconnected` (bias needs one
 * connected reviewer–quickwin graph), and for `auto`: `leniency` (reviewers differ in leniency
 * beyond noise: corrected, shrunk toward none by how sure the data are), `no-leniency` (no
 * difference beyond noise: nothing to correct), `cannot-separate` (the design cannot tell
 * leniency from noise: no reviewer scored several quickwins that others scored too),
 * `leniency-range` (reviewers also differ in how much of the scale they use beyond chance: each
 * reviewer's range corrected too, shrunk likewise).
 */
export type CalibrationReason =
  | "setting"
  | "graph-disconnected"
  | "leniency"
  | "leniency-range"
  | "no-leniency"
  | "cannot-separate";

export interface CalibrationInfo {
  method: CalibrationMethod;
  reason: CalibrationReason;
  /** bias-shrunk: the share (0–1) of a typical reviewer's apparent leniency that is corrected. */
  shrinkage: number | null;
  /** auto: the estimated sd of reviewer leniency and of the noise of one review (R points). */
  leniencySd: number | null;
  noiseSd: number | null;
  /** auto with ranges: the estimated sd of reviewers' ranges, as a share of the typical range
   * (0.3: a reviewer typically uses 30 % more or less of the scale); null otherwise. */
  rangeSd: number | null;
}

/** Krippendorff's guidance: ≥ 0.8 high, ≥ 0.667 moderate, below that low. */
export type AgreementReading = "high" | "moderate" | "low";

/** A row of a sheet that could not be read: skipped and reported. */
export interface RowProblem {
  sheet: string;
  row: number;
  message: string;
}

export interface MyReview {
  quickwinId: string;
  scores: Record<string, number>;
  comment: string;
  declaredConflict: boolean;
  submittedAt: string;
}

export type ReviewStatus = "scored" | "todo" | "conflict";

export interface SidebarQuickwin extends Quickwin {
  /** The caller's status on this quickwin. */
  status: ReviewStatus;
  /** True when the caller's agency matches (an automatic conflict: scoring is refused). */
  agencyConflict: boolean;
  /** True when the caller may edit it (its creator, or a coordinator). */
  editable: boolean;
  /** True when the coordinator assigned it to the caller (shown first). */
  assigned?: boolean;
}

export interface SidebarState {
  user: { email: string; role: Role | null; name?: string; agency?: string };
  locale: Locale;
  /** Whether setup has run on this spreadsheet (false too while a sheet needs repair). */
  setupDone: boolean;
  /** Why setup must run (again): a sheet missing or damaged, in one sentence. */
  sheetProblem?: string;
  spreadsheetName: string;
  timeZone: string;
  dimensions: Dimension[];
  settings: Settings;
  criteria: Criterion[];
  quickwins: SidebarQuickwin[];
  myReviews: MyReview[];
  progress: { scored: number; conflict: number; todo: number; total: number };
  /** Whether reviews are accepted now, and until when (members only). */
  scoring?: ScoringState;
  /** The agency list (suggested as people type; a name maps to its agency). */
  agencies?: Agency[];
  /** Coordinators only: agency names in use (e.g. imported) that are on no agency of the list. */
  unlistedAgencies?: string[];
  /** Coordinators only: the whole panel, and rows of any sheet that could not be read. */
  panel?: PanelMember[];
  problems?: RowProblem[];
  /** Coordinators only: how many reviews the ledger holds (for the rubric-change warning). */
  reviewCount?: number;
  /** Coordinators only: the ranking on the ranking sheet, so a reopened sidebar keeps it. */
  lastRanking?: LastRanking;
}

/** The ranking sheet's content in short: its rows, the ranked ones, the shortlisted ids. */
export interface LastRanking {
  rows: number;
  ranked: number;
  shortlist: string[];
  /** Computed from a ledger other than today's (reviews came in since): recompute. */
  outdated: boolean;
}

export interface SaveResult<T> {
  value: T;
  /** Localized warnings the sidebar shows (e.g. the rubric changed after scoring began). */
  warnings: string[];
}

export interface ComputeRankingResult extends RankResult {
  /** Rows that could not be read, with sheet and row number. */
  rowProblems: RowProblem[];
  computedAt: string;
  /** The check of the reviews ledger the ranking was computed from. */
  ledger: LedgerCheck;
}

/** verifyLedger's report: the reviews ledger, and the log checked the same way. */
export interface VerifyLedgerResult extends LedgerCheck {
  log: LedgerCheck;
}

export interface ExportResult {
  sheetName: string;
  quickwinIds: string[];
  /** The CSV in the sheets' language's default style (core/csv.ts). */
  csv: string;
  /** The CSV's cells (header first; numbers as numbers), for the style the user picks. */
  csvRows: CsvValue[][];
}

import type { CsvValue } from "./csv";

export type { Criterion, LedgerCheck, PanelMember, Quickwin, Review, Settings };
