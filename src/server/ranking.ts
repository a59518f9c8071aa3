// computeRanking outside the lock (DESIGN §2): the sheets are read and the ranking computed with
// no lock held; the lock is taken only to write. Under it the ledger is read again (one call,
// the same range); if a review landed meanwhile, the lock is released, the ranking recomputed
// once from the ledger as it is now, and written under a second, equally short lock. A review
// submitted during a ranking therefore waits at most for one write, never for the engine.

import type { ComputeRankingResult, RankResult } from "../core/types";
import { loadWorld, rank, requireCoordinator, type World } from "./api";
import { rankingRows } from "./output";
import { parseReviews } from "./repo";
import type { Context } from "./runtime";
import type { Table } from "./table";

/** A ledger's values as comparable text (a Date by its instant, as JSON writes it). */
export function ledgerMark(values: readonly (readonly unknown[])[]): string {
  return JSON.stringify(values);
}

function withLedger(ctx: Context, world: World, ledger: Table): World {
  const reviews = parseReviews(ledger, ctx.t, ctx.knownTimeZone());
  const others = world.problems.filter((p) => !world.reviews.problems.includes(p));
  return { ...world, reviews, problems: [...others, ...reviews.problems] };
}

export function computeRanking(ctx: Context): ComputeRankingResult {
  ctx.email();
  const { panel } = requireCoordinator(ctx);
  let world = loadWorld(ctx, panel);
  const target = ctx.table("ranking");
  const ledger = ctx.table("reviews");
  let result: RankResult = rank(ctx, world);
  let read = ledger;
  for (let round = 1; ; round++) {
    const fresh = ctx.withLock(() => {
      if (round === 1) {
        const now = ctx.reread(read);
        if (ledgerMark(now.values) !== ledgerMark(read.values)) {
          ctx.wroteNothing();
          return now;
        }
      }
      const { values, backgrounds } = rankingRows(
        target,
        ctx.sheetT(),
        result,
        world.quickwins.items,
      );
      ctx.rewritePage(target, values, backgrounds);
      ctx.log({
        ranked: result.rows.filter((r) => r.rank !== null).length,
        shortlist: result.shortlist,
        recomputed: round > 1,
      });
      return null;
    });
    if (!fresh) break;
    // A review landed between the read and the write: recompute once, with no lock held.
    read = fresh;
    world = withLedger(ctx, world, fresh);
    result = rank(ctx, world);
  }
  return { ...result, rowProblems: world.problems, computedAt: new Date().toISOString() };
}
