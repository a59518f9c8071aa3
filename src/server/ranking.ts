// computeRanking outside the lock (DESIGN §2): the sheets are read and the ranking computed with
// no lock held; the lock is taken only to write. Under it the ledger is read again (one call,
// the same range); if a review landed meanwhile, the lock is released, the ranking recomputed
// once from the ledger as it is now, and written under a second, equally short lock. A review
// submitted during a ranking therefore waits at most for one write, never for the engine.

import type { ComputeRankingResult, RankResult } from "../core/types";
import { loadWorld, rank, requireCoordinator, type World } from "./api";
import { ledgerLine, sealState, verifiedLedger } from "./ledger";
import { rankingRows } from "./output";
import type { Context } from "./runtime";
import type { Table } from "./table";

/** A ledger's values as comparable text (a Date by its instant, as JSON writes it). */
export function ledgerMark(values: readonly (readonly unknown[])[]): string {
  return JSON.stringify(values);
}

/** The world with the ledger read again (its problems replace the earlier read's). */
export function withLedger(ctx: Context, world: World, table: Table): World {
  const ledger = verifiedLedger(ctx, table);
  const reviews = ledger.reviews;
  const others = world.problems.filter((p) => !world.reviews.problems.includes(p));
  return { ...world, reviews, ledger, problems: [...others, ...reviews.problems] };
}

export function computeRanking(ctx: Context): ComputeRankingResult {
  ctx.email();
  const { panel } = requireCoordinator(ctx);
  let world = loadWorld(ctx, panel);
  const target = ctx.table("ranking");
  const ledger = ctx.table("reviews");
  let result: RankResult = rank(ctx, world);
  const issued = world.ledger.check.length;
  for (let round = 1; ; round++) {
    const changed = ctx.withLock(
      () => {
        // The seal's counters as they are now (the log row's number is taken from them); a
        // review issued since the read shows as a higher count (one call, as a re-read).
        ctx.refreshProperties();
        if (round === 1 && (sealState(ctx)?.reviews ?? 0) !== issued) {
          ctx.wroteNothing();
          return true;
        }
        const st = ctx.sheetT();
        const values = rankingRows(
          target,
          st,
          result,
          world.quickwins.items,
          ledgerLine(st, world.ledger.check),
        );
        // Values only: the page's conditional-format rule (set by setup) highlights the shortlist.
        ctx.rewritePage(target, values);
        ctx.log({
          ranked: result.rows.filter((r) => r.rank !== null).length,
          shortlist: result.shortlist,
          recomputed: round > 1,
        });
        return false;
      },
      // Written: the lock may stay held to the end (no release call); else released to recompute.
      { last: (again) => !again },
    );
    if (!changed) break;
    // A review landed between the read and the write: recompute once, with no lock held.
    world = withLedger(ctx, world, ctx.reread(ledger));
    result = rank(ctx, world);
  }
  return {
    ...result,
    rowProblems: world.problems,
    computedAt: new Date().toISOString(),
    ledger: world.ledger.check,
  };
}
