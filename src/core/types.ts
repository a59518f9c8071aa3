// Result types of the engine (DESIGN §4) and of the server functions (DESIGN §5).
// Shared by the server, the sidebar and the preview; only JSON-like values (no Date).
import type { ScoringState } from "./planning";
import type {
  Criterion,
  Dimension,
  Flag,
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
  /** Counted review scores R (before calibration), for the disagreement view. */
  minReview: number | null;
  maxReview: number | null;
}

export interface RankProblem {
  code: ProblemCode;
  message: string;
  quickwinId?: string;
  reviewer?: string;
}

export interface RankResult {
  rows: RankRow[];
  shortlist: string[];
  agreement: number | null;
  problems: RankProblem[];
  /** The calibration actually used (bias falls back to none on a disconnected graph). */
  normalizationUsed: Settings["normalization"];
}

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
  /** Coordinators only: the whole panel, and rows of any sheet that could not be read. */
  panel?: PanelMember[];
  problems?: RowProblem[];
  /** Coordinators only: how many reviews the ledger holds (for the rubric-change warning). */
  reviewCount?: number;
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
}

export interface ExportResult {
  sheetName: string;
  quickwinIds: string[];
  csv: string;
}

export type { Criterion, PanelMember, Quickwin, Review, Settings };
