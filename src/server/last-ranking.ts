// The ranking last written to the ranking sheet, as the coordinator's sidebar state carries it:
// reopening the sidebar keeps the export and the meeting reachable without recomputing. Read
// from the sheet computeRanking writes (one range read), so it is whatever that sheet holds.
import type { LastRanking } from "../core/types";
import type { Context } from "./runtime";
import { dataRows, isFault } from "./table";

/**
 * The ranked rows and shortlist on the ranking sheet; null when it holds none or is unreadable.
 * `ledgerNow` is the ledger line (ledger.ts ledgerLine) of the ledger as it is now: the sheet
 * prints the line of the ledger it was computed from, so a sheet without this line was computed
 * from an older ledger (or before sheets printed it) and is marked outdated.
 */
export function readLastRanking(ctx: Context, ledgerNow: string): LastRanking | null {
  const found = ctx.inspect("ranking");
  if (isFault(found)) return null;
  const shortlist: string[] = [];
  let rows = 0;
  let ranked = 0;
  for (const { cells } of dataRows(found)) {
    const id = typeof cells.quickwinId === "string" ? cells.quickwinId.trim() : "";
    // The calibration note below the table has no quickwin id.
    if (id === "") continue;
    rows++;
    if (typeof cells.rank === "number" && Number.isFinite(cells.rank)) ranked++;
    // The shortlisted column holds the sheet's "yes" word, or nothing.
    if (cells.shortlisted !== "" && cells.shortlisted !== undefined && cells.shortlisted !== null)
      shortlist.push(id);
  }
  if (rows === 0) return null;
  const outdated = !found.values.some((row) => row.some((cell) => cell === ledgerNow));
  return { rows, ranked, shortlist, outdated };
}
