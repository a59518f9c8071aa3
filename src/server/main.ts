// The server entry: every export becomes a top-level Apps Script function (scripts/build.mjs).
// Nothing here may touch an Apps Script service at load time.
export { onInstall, onOpen, showSidebar } from "./addon";
