// The sidebar ↔ server contract, checked by `tsc --noEmit` (part of `npm test` and `npm run
// check`; vitest does not run this file). ServerApi (src/client/api.ts) is derived from the
// exports of src/server/main.ts, so:
// - renaming or removing a server function fails here (ServerApi["old name"] no longer exists)
//   and at every sidebar call site that uses it;
// - changing an argument or a result type fails the exact pins below;
// - every server function, present and future, must return a JSON-clean result.
// A new server function needs no change here to be checked for JSON; pin its signature below.
import { expectTypeOf } from "vitest";
import { type ApiName, type ApiResult, call, type ServerApi } from "../../src/client/api";
import { withProgress } from "../../src/client/ui";
import type { Agency, AgencyListInput } from "../../src/core/agencies";
import type { Decision, DecisionInput, MinutesInput } from "../../src/core/decision";
import type { IsJsonClean } from "../../src/core/json";
import type { MeetingData } from "../../src/core/meeting";
import type {
  AssignmentProposalResult,
  ImportPreview,
  ImportResult,
  ProgressResult,
  SaveAssignmentsResult,
  ScoringState,
} from "../../src/core/planning";
import type {
  PanelInput,
  QuickwinInput,
  ReviewInput,
  RubricInput,
  SettingsPatch,
} from "../../src/core/schemas";
import type {
  ComputeRankingResult,
  Criterion,
  ExportResult,
  MyReview,
  PanelMember,
  Quickwin,
  SaveResult,
  Settings,
  SidebarState,
} from "../../src/core/types";
import type { ProposeAssignmentInput, SaveAssignmentsInput } from "../../src/server/assignments";
import type { ImportInput } from "../../src/server/import";
import type { MinutesResult } from "../../src/server/minutes";
import type { SetScoringInput } from "../../src/server/scoring";
import type { SelfCheckReport } from "../../src/server/self-check";

// ---------- each function: its name, its arguments (zod input types), its result ----------

expectTypeOf<ServerApi["getSidebarState"]>().toEqualTypeOf<() => SidebarState>();
expectTypeOf<ServerApi["setupSpreadsheet"]>().toEqualTypeOf<() => SidebarState>();
expectTypeOf<ServerApi["saveSettings"]>().toEqualTypeOf<(patch: SettingsPatch) => Settings>();
expectTypeOf<ServerApi["saveCriteria"]>().toEqualTypeOf<
  (criteria: RubricInput) => SaveResult<Criterion[]>
>();
expectTypeOf<ServerApi["saveReviewers"]>().toEqualTypeOf<(members: PanelInput) => PanelMember[]>();
expectTypeOf<ServerApi["saveAgencies"]>().toEqualTypeOf<(agencies: AgencyListInput) => Agency[]>();
expectTypeOf<ServerApi["saveQuickwin"]>().toEqualTypeOf<(quickwin: QuickwinInput) => Quickwin>();
expectTypeOf<ServerApi["submitReview"]>().toEqualTypeOf<(review: ReviewInput) => MyReview>();
expectTypeOf<ServerApi["computeRanking"]>().toEqualTypeOf<() => ComputeRankingResult>();
expectTypeOf<ServerApi["exportShortlist"]>().toEqualTypeOf<() => ExportResult>();
expectTypeOf<ServerApi["proposeAssignment"]>().toEqualTypeOf<
  (input?: ProposeAssignmentInput) => AssignmentProposalResult
>();
expectTypeOf<ServerApi["saveAssignments"]>().toEqualTypeOf<
  (pairs: SaveAssignmentsInput) => SaveAssignmentsResult
>();
expectTypeOf<ServerApi["getProgress"]>().toEqualTypeOf<() => ProgressResult>();
expectTypeOf<ServerApi["previewImport"]>().toEqualTypeOf<(input: ImportInput) => ImportPreview>();
expectTypeOf<ServerApi["importQuickwins"]>().toEqualTypeOf<(input: ImportInput) => ImportResult>();
expectTypeOf<ServerApi["setScoring"]>().toEqualTypeOf<(input: SetScoringInput) => ScoringState>();
expectTypeOf<ServerApi["selfCheck"]>().toEqualTypeOf<() => SelfCheckReport>();
expectTypeOf<ServerApi["showMeetingView"]>().toEqualTypeOf<() => null>();
expectTypeOf<ServerApi["getMeetingData"]>().toEqualTypeOf<() => MeetingData>();
expectTypeOf<ServerApi["recordDecision"]>().toEqualTypeOf<(decision: DecisionInput) => Decision>();
expectTypeOf<ServerApi["exportMinutes"]>().toEqualTypeOf<
  (options?: MinutesInput) => MinutesResult
>();

// The add-on shell (menus, triggers) is not callable from the sidebar.
expectTypeOf<ApiName>().not.toEqualTypeOf<ApiName | "onOpen">();
expectTypeOf<
  "onOpen" | "onInstall" | "onEdit" | "showSidebar" | "showSelfCheck"
>().not.toExtend<ApiName>();

// ---------- every result survives google.script.run's JSON trip ----------

type NotJsonClean = {
  [K in ApiName]: IsJsonClean<ApiResult<K>> extends true ? never : K;
}[ApiName];
expectTypeOf<NotJsonClean>().toBeNever();

// The check itself: what JSON loses is caught.
expectTypeOf<
  IsJsonClean<{ computedAt: string; rows: { score: number | null }[] }>
>().toEqualTypeOf<true>();
expectTypeOf<IsJsonClean<{ computedAt: Date }>>().toEqualTypeOf<false>();
expectTypeOf<IsJsonClean<{ scores: (number | undefined)[] }>>().toEqualTypeOf<false>();
expectTypeOf<IsJsonClean<{ format: (n: number) => string }>>().toEqualTypeOf<false>();
expectTypeOf<IsJsonClean<unknown>>().toEqualTypeOf<false>();

// ---------- the sidebar's calls are checked against it ----------

/** Never run: these lines only have to compile (or, marked, to fail). */
export function sidebarCalls(out: HTMLElement): void {
  const t = (key: string) => key;
  expectTypeOf(call("saveReviewers", [{ email: "a@b.id", role: "coordinator" }])).toEqualTypeOf<
    Promise<PanelMember[]>
  >();
  expectTypeOf(withProgress({ t }, { out }, "computeRanking")).toEqualTypeOf<
    Promise<ComputeRankingResult | null>
  >();
  // @ts-expect-error: no such server function
  void call("deleteEverything");
  // @ts-expect-error: saveReviewers takes the panel, not an email
  void call("saveReviewers", "a@b.id");
  // @ts-expect-error: a role outside the vocabulary
  void call("saveReviewers", [{ email: "a@b.id", role: "boss" }]);
  // @ts-expect-error: computeRanking takes no argument
  void call("computeRanking", { force: true });
  // @ts-expect-error: submitReview needs its argument
  void withProgress({ t }, { out }, "submitReview");
  // @ts-expect-error: the add-on shell is not part of the sidebar's contract
  void call("onOpen");
}
