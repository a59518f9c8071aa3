// exportShortlist (DESIGN §5) outside the lock (§2): every sheet is read and the ranking computed
// with no lock held; the lock is taken only to write the page. Under it the seal's counters are
// read again (one call); if a review was issued meanwhile the lock is released, the ranking
// recomputed once from the ledger as it is now, and written under a second short lock — which
// says so on the page when yet another review came in (the page is then outdated).
//
// Below the computed shortlist the page shows the panel's decisions beside the computation:
// per quickwin of the computed shortlist or decided on, what the ranking says now, what the
// panel decided and why, and a mark where the two differ (issue #15).
//
// The export writes no log row: with the decisions read and the ranking outside the lock a
// row would take the call count past the budget of 25 (DESIGN §8). The page itself is the
// record: it prints when, by whom and from which ledger it was made.
import { defaultCsvStyle } from "../core/csv";
import { type Decision, departsFromComputed } from "../core/decision";
import type { Translate } from "../core/i18n";
import { identityKey } from "../core/identity";
import type { Quickwin } from "../core/schemas";
import type { ExportResult, RankResult } from "../core/types";
import { loadWorld, rank, requireCoordinator } from "./api";
import { toCsv } from "./csv";
import { decisionsSheetName, latestDecisions, readDecisionsInForce } from "./decisions";
import { ledgerLine, sealState } from "./ledger";
import { formatLongDateTime, shortlistBlock } from "./output";
import { withLedger } from "./ranking";
import type { Context } from "./runtime";
import { ensureSheet } from "./setup";
import { isFault, type Table } from "./table";

/** The quickwins the decisions table lists: the computed shortlist, then the others decided on. */
function decidedIds(result: RankResult, decided: Map<string, Decision>): string[] {
  const listed = new Set(result.shortlist);
  const others = result.rows
    .map((r) => r.quickwinId)
    .filter((id) => !listed.has(id) && decided.has(identityKey(id)));
  // A decision on a quickwin the ranking has no row for (none: every quickwin gets one) is
  // still shown, after the rest, so no recorded decision goes missing from the page.
  const ranked = new Set(result.rows.map((r) => identityKey(r.quickwinId)));
  const unranked = [...decided.values()]
    .filter((d) => !ranked.has(identityKey(d.quickwinId)))
    .map((d) => d.quickwinId);
  return [...result.shortlist, ...others, ...unranked];
}

/**
 * The decisions table, in the page's first six layout columns: heading, header, then one row
 * per quickwin — id, name, the computation now, the panel's decision, its reason, and a note
 * where the decision departs from the computation now, or was taken on another ranking.
 */
export function decisionRows(
  table: Table,
  t: Translate,
  result: RankResult,
  quickwins: readonly Quickwin[],
  decisions: readonly Decision[] | null,
  decisionsSheet = "",
): unknown[][] {
  const at = [...new Set(Object.values(table.columns))].sort((a, b) => a - b);
  const row = (cells: unknown[]) => {
    const out: unknown[] = new Array(table.width).fill(undefined);
    cells.forEach((c, i) => {
      out[at[i]!] = c;
    });
    return out;
  };
  const rows: unknown[][] = [row([t("shortlist.decisionsHeading")])];
  if (decisions === null) {
    rows.push(row([t("shortlist.decisionsUnreadable", { sheet: decisionsSheet })]));
    return rows;
  }
  const decided = latestDecisions(decisions);
  if (decided.size === 0) {
    rows.push(row([t("shortlist.noDecisions")]));
    return rows;
  }
  rows.push(
    row([
      t("col.quickwinId"),
      t("col.name"),
      t("col.computedNow"),
      t("col.decision"),
      t("col.reason"),
      t("col.note"),
    ]),
  );
  const names = new Map(quickwins.map((q) => [q.id, q.name]));
  const listed = new Set(result.shortlist);
  for (const id of decidedIds(result, decided)) {
    const computed = listed.has(id);
    const d = decided.get(identityKey(id));
    const notes = d
      ? [
          departsFromComputed(d.decision, computed) ? t("shortlist.differs") : "",
          d.computed !== computed ? t("minutes.outdated") : "",
        ].filter(Boolean)
      : [];
    rows.push(
      row([
        id,
        names.get(id) ?? "",
        t(computed ? "shortlist.computedIn" : "shortlist.computedOut"),
        d
          ? t(d.decision === "selected" ? "decision.selected" : "decision.notSelected")
          : t("minutes.undecided"),
        d?.reason ?? "",
        notes.join("; "),
      ]),
    );
  }
  return rows;
}

export function handleExportShortlist(ctx: Context): ExportResult {
  ctx.email();
  const { panel, member } = requireCoordinator(ctx);
  // The printed time in the spreadsheet's zone as it is now (one call).
  const zone = ctx.timeZone();
  let world = loadWorld(ctx, panel);
  const known = new Set(world.quickwins.items.map((q) => q.id));
  const decisions = readDecisionsInForce(ctx, known);
  // A damaged or deleted page is repaired or made again under the lock (a setup re-run does
  // not look at this generated page once it is registered: its budget has no room).
  const found = ctx.inspect("shortlist");
  const ledger = ctx.table("reviews");
  let result = rank(ctx, world);
  for (let round = 1; ; round++) {
    const done = ctx.withLock(
      (): ExportResult | null => {
        // The seal's counters as they are now: a review issued since the read shows here.
        ctx.refreshProperties();
        const behind = Math.max(0, (sealState(ctx)?.reviews ?? 0) - world.ledger.check.length);
        if (round === 1 && behind > 0) {
          ctx.wroteNothing();
          return null;
        }
        const page = isFault(found) ? ensureSheet(ctx, "shortlist") : found;
        const st = ctx.sheetT();
        const locale = ctx.registry()?.locale ?? "id";
        const date = st("shortlist.exportedBy", {
          // Date and time: two exports of one day are told apart.
          date: formatLongDateTime(new Date(), zone, locale),
          who: member.name || member.email,
        });
        const ledgerText = ledgerLine(st, world.ledger.check);
        const block = shortlistBlock(
          page,
          st,
          result,
          world,
          date,
          // Reviews issued while this one was recomputed: the page says it is already outdated.
          behind > 0 ? `${ledgerText} — ${st("shortlist.outdated", { n: behind })}` : ledgerText,
          locale,
        );
        const blank: unknown[] = new Array(page.width).fill(undefined);
        const values = [
          ...block.values,
          blank,
          ...decisionRows(
            page,
            st,
            result,
            world.quickwins.items,
            decisions,
            decisionsSheetName(ctx, st),
          ),
        ];
        ctx.rewritePage(page, values);
        // The tab's name as registered (a hint: reading its name now would cost a call).
        const sheetName = ctx.registry()?.sheets.shortlist?.name ?? page.name;
        const csv = toCsv(block.csv, defaultCsvStyle(locale));
        return { sheetName, quickwinIds: result.shortlist, csv, csvRows: block.csv };
      },
      // Written: the lock may stay held to the end (no release call); else released to recompute.
      { last: (written) => written !== null },
    );
    if (done) return done;
    // A review landed between the read and the write: recompute once, with no lock held.
    world = withLedger(ctx, world, ctx.reread(ledger));
    result = rank(ctx, world);
  }
}
