// The server entry: every export becomes a top-level Apps Script function (scripts/build.mjs).
// Nothing here may touch an Apps Script service at load time.
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
} from "../core/types";
import * as api from "./api";

export { onInstall, onOpen, showSidebar } from "./addon";

export function getSidebarState(...args: unknown[]): SidebarState {
  return api.serve("getSidebarState", args, 0, (ctx) => api.handleGetSidebarState(ctx));
}

export function setupSpreadsheet(...args: unknown[]): SidebarState {
  return api.serve("setupSpreadsheet", args, 0, (ctx) => api.handleSetupSpreadsheet(ctx));
}

export function saveSettings(...args: unknown[]): Settings {
  return api.serve("saveSettings", args, 1, (ctx) => api.handleSaveSettings(ctx, args[0]));
}

export function saveCriteria(...args: unknown[]): SaveResult<Criterion[]> {
  return api.serve("saveCriteria", args, 1, (ctx) => api.handleSaveCriteria(ctx, args[0]));
}

export function saveReviewers(...args: unknown[]): PanelMember[] {
  return api.serve("saveReviewers", args, 1, (ctx) => api.handleSaveReviewers(ctx, args[0]));
}

export function saveQuickwin(...args: unknown[]): Quickwin {
  return api.serve("saveQuickwin", args, 1, (ctx) => api.handleSaveQuickwin(ctx, args[0]));
}

export function submitReview(...args: unknown[]): MyReview {
  return api.serve("submitReview", args, 1, (ctx) => api.handleSubmitReview(ctx, args[0]));
}

export function computeRanking(...args: unknown[]): ComputeRankingResult {
  return api.serve("computeRanking", args, 0, (ctx) => api.handleComputeRanking(ctx));
}

export function exportShortlist(...args: unknown[]): ExportResult {
  return api.serve("exportShortlist", args, 0, (ctx) => api.handleExportShortlist(ctx));
}
