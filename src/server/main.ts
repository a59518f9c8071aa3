// The server entry: every export becomes a top-level Apps Script function (scripts/build.mjs).
// Nothing here may touch an Apps Script service at load time.
//
// These signatures ARE the sidebar's contract: src/client/api.ts derives `ServerApi` from this
// module's exports (all but the add-on shell), so a rename, a removal or a changed argument or
// result fails `tsc` wherever the sidebar calls it (and in test/build/rpc-contract.test-d.ts).
// To add a server function, put its logic in a new module under src/server/ and add here:
//
//   export function doThing(...args: [input: ThingInput]): ThingResult {
//     return serve("doThing", args, 1, (ctx) => handleDoThing(ctx, args[0]));
//   }
//
// - arguments: a rest tuple (so `serve` sees every argument actually sent, and refuses extras)
//   typed by the zod INPUT type of the schema the handler checks them with (z.input<typeof S>,
//   e.g. ReviewInput). The handler still takes `unknown` and validates: JSON from a browser;
// - result: a declared type that survives JSON unchanged (no Date, function or undefined in an
//   array; the contract test checks every result with JsonClean, src/core/json.ts).

import type { Agency, AgencyListInput } from "../core/agencies";
import type { Decision, DecisionInput, MinutesInput } from "../core/decision";
import type { MeetingData } from "../core/meeting";
import type {
  AssignmentProposalResult,
  ImportPreview,
  ImportResult,
  ProgressResult,
  SaveAssignmentsResult,
  ScoringState,
} from "../core/planning";
import type {
  PanelInput,
  QuickwinInput,
  ReviewInput,
  RubricInput,
  SettingsPatch,
} from "../core/schemas";
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
  VerifyLedgerResult,
} from "../core/types";
import { handleSaveAgencies } from "./agencies";
import {
  handleGetSidebarState,
  handleSaveCriteria,
  handleSaveQuickwin,
  handleSaveReviewers,
  handleSaveSettings,
  handleSetupSpreadsheet,
  handleSubmitReview,
  serve,
} from "./api";
import {
  handleProposeAssignment,
  handleSaveAssignments,
  type ProposeAssignmentInput,
  type SaveAssignmentsInput,
} from "./assignments";
import { handleRecordDecision } from "./decisions";
import { handleImportQuickwins, handlePreviewImport, type ImportInput } from "./import";
import { handleGetMeetingData, handleShowMeetingView } from "./meeting";
import { handleExportMinutes, type MinutesResult } from "./minutes";
import { handleGetProgress } from "./progress";
import { computeRanking as handleComputeRanking } from "./ranking";
import { handleSetScoring, type SetScoringInput } from "./scoring";
import { handleSelfCheck, type SelfCheckReport } from "./self-check";
import { handleExportShortlist } from "./shortlist-export";
import { verifyLedger as handleVerifyLedger } from "./verify";

export { onEdit, onInstall, onOpen, showSelfCheck, showSidebar } from "./addon";

export function getSidebarState(...args: []): SidebarState {
  return serve("getSidebarState", args, 0, (ctx) => handleGetSidebarState(ctx));
}

export function setupSpreadsheet(...args: []): SidebarState {
  return serve("setupSpreadsheet", args, 0, (ctx) => handleSetupSpreadsheet(ctx));
}

export function saveSettings(...args: [patch: SettingsPatch]): Settings {
  return serve("saveSettings", args, 1, (ctx) => handleSaveSettings(ctx, args[0]));
}

export function saveCriteria(...args: [criteria: RubricInput]): SaveResult<Criterion[]> {
  return serve("saveCriteria", args, 1, (ctx) => handleSaveCriteria(ctx, args[0]));
}

export function saveReviewers(...args: [members: PanelInput]): PanelMember[] {
  return serve("saveReviewers", args, 1, (ctx) => handleSaveReviewers(ctx, args[0]));
}

/** The whole agency list (coordinator): names, short names, aliases; merges are aliases. */
export function saveAgencies(...args: [agencies: AgencyListInput]): Agency[] {
  return serve("saveAgencies", args, 1, (ctx) => handleSaveAgencies(ctx, args[0]));
}

export function saveQuickwin(...args: [quickwin: QuickwinInput]): Quickwin {
  return serve("saveQuickwin", args, 1, (ctx) => handleSaveQuickwin(ctx, args[0]));
}

export function submitReview(...args: [review: ReviewInput]): MyReview {
  return serve("submitReview", args, 1, (ctx) => handleSubmitReview(ctx, args[0]));
}

export function computeRanking(...args: []): ComputeRankingResult {
  return serve("computeRanking", args, 0, (ctx) => handleComputeRanking(ctx));
}

export function exportShortlist(...args: []): ExportResult {
  return serve("exportShortlist", args, 0, (ctx) => handleExportShortlist(ctx));
}

// ---------- before the meeting: assignments, progress, closing time, import ----------

export function proposeAssignment(
  ...args: [input?: ProposeAssignmentInput]
): AssignmentProposalResult {
  return serve("proposeAssignment", args, 1, (ctx) => handleProposeAssignment(ctx, args[0]));
}

export function saveAssignments(...args: [pairs: SaveAssignmentsInput]): SaveAssignmentsResult {
  return serve("saveAssignments", args, 1, (ctx) => handleSaveAssignments(ctx, args[0]));
}

export function getProgress(...args: []): ProgressResult {
  return serve("getProgress", args, 0, (ctx) => handleGetProgress(ctx));
}

export function setScoring(...args: [input: SetScoringInput]): ScoringState {
  return serve("setScoring", args, 1, (ctx) => handleSetScoring(ctx, args[0]));
}

export function previewImport(...args: [input: ImportInput]): ImportPreview {
  return serve("previewImport", args, 1, (ctx) => handlePreviewImport(ctx, args[0]));
}

export function importQuickwins(...args: [input: ImportInput]): ImportResult {
  return serve("importQuickwins", args, 1, (ctx) => handleImportQuickwins(ctx, args[0]));
}

export function selfCheck(...args: []): SelfCheckReport {
  return serve("selfCheck", args, 0, (ctx) => handleSelfCheck(ctx));
}

// ---------- in the meeting: the meeting view, decisions, minutes ----------

/** Opens the meeting view: a large dialog over the spreadsheet, for the projector. */
export function showMeetingView(...args: []): null {
  return serve("showMeetingView", args, 0, (ctx) => {
    handleShowMeetingView(ctx);
    return null;
  });
}

export function getMeetingData(...args: []): MeetingData {
  return serve("getMeetingData", args, 0, (ctx) => handleGetMeetingData(ctx));
}

export function recordDecision(...args: [decision: DecisionInput]): Decision {
  return serve("recordDecision", args, 1, (ctx) => handleRecordDecision(ctx, args[0]));
}

export function exportMinutes(...args: [options?: MinutesInput]): MinutesResult {
  return serve("exportMinutes", args, 1, (ctx) => handleExportMinutes(ctx, args[0]));
}

export function verifyLedger(...args: []): VerifyLedgerResult {
  return serve("verifyLedger", args, 0, (ctx) => handleVerifyLedger(ctx));
}
