// recordDecision (DESIGN §5): the panel's call on one quickwin. The ranking is computed with no
// lock held (what the computation says now decides whether the call departs from it, and then
// a reason is required); under the lock the seal's counters are read again, and if a review
// was issued meanwhile the lock is released and the call judged once more against the ranking
// as it is now (DESIGN §2) — a reason may then be required after all. Then one row is appended
// to the decisions sheet (made by setup; remade if deleted) and one to the log. The decisions
// sheet is append-only: the latest row per quickwin is the decision.
import {
  DECISIONS,
  type Decision,
  DecisionInputSchema,
  type DecisionValue,
  departsFromComputed,
} from "../core/decision";
import { UserError } from "../core/errors";
import type { Translate } from "../core/i18n";
import { identityKey, sameKey } from "../core/identity";
import { check, loadWorld, rank, requireCoordinator } from "./api";
import { type DecisionLine, SPECS } from "./layout";
import { sealState } from "./ledger";
import { withLedger } from "./ranking";
import type { Context } from "./runtime";
import { ensureSheet } from "./setup";
import { dataRows, isFault, placeRow, type Table } from "./table";

/** Every readable decision row, in sheet order (a row that cannot be read is skipped). */
export function parseDecisions(table: Table | null, t: Translate, tz: string): Decision[] {
  if (!table) return [];
  const out: Decision[] = [];
  for (const { cells } of dataRows(table)) {
    const read = (key: string) => {
      const c = SPECS.decisions.columns.find((x) => x.key === key)!;
      return c.read ? c.read(cells[key], { tz, t }) : cells[key];
    };
    const decision = read("decision") as string;
    const quickwinId = read("quickwinId") as string;
    if (!(DECISIONS as readonly string[]).includes(decision) || quickwinId === "") continue;
    out.push({
      quickwinId,
      decision: decision as DecisionValue,
      reason: read("reason") as string,
      computed: read("computed") as boolean,
      departs: read("departs") as boolean,
      by: read("user") as string,
      at: read("time") as string,
    });
  }
  return out;
}

/** The decision in force per quickwin (the latest row), keyed by the quickwin's identity key. */
export function latestDecisions(decisions: readonly Decision[]): Map<string, Decision> {
  const out = new Map<string, Decision>();
  for (const d of decisions) out.set(identityKey(d.quickwinId), d);
  return out;
}

/** The decisions in force on quickwins that still exist (none while the sheet is unreadable). */
export function decisionsInForce(ctx: Context, known: ReadonlySet<string>): Decision[] {
  return readDecisionsInForce(ctx, known) ?? [];
}

/**
 * The decisions in force on quickwins that still exist, or null when the decisions sheet is
 * missing or fails its check: a page that prints the decisions must then say they could not be
 * read, never print "no decision" (recordDecision repairs or remakes the sheet).
 */
export function readDecisionsInForce(ctx: Context, known: ReadonlySet<string>): Decision[] | null {
  const found = ctx.inspect("decisions");
  // Never registered: no decision was ever recorded (recordDecision registers the sheet).
  if (isFault(found)) return ctx.registry()?.sheets.decisions ? null : [];
  return [...latestDecisions(parseDecisions(found, ctx.t, ctx.knownTimeZone())).values()].filter(
    (d) => known.has(d.quickwinId),
  );
}

/** The decisions sheet's name for a message, as registered (reading it now would cost a call). */
export function decisionsSheetName(ctx: Context, t: Translate): string {
  return ctx.registry()?.sheets.decisions?.name ?? t(SPECS.decisions.name);
}

export function handleRecordDecision(ctx: Context, input: unknown): Decision {
  const payload = check(DecisionInputSchema, input, ctx, "field.decision");
  const email = ctx.email();
  const { panel } = requireCoordinator(ctx);
  let world = loadWorld(ctx, panel);
  const q = world.quickwins.items.find((x) => sameKey(x.id, payload.quickwinId));
  if (!q) {
    throw new UserError(ctx.t("err.unknownQuickwin", { id: payload.quickwinId.slice(0, 64) }));
  }
  const ledger = ctx.table("reviews");
  /** The decision as the ranking of `world` judges it (a reason required when it departs). */
  const judged = (): Decision => {
    const computed = rank(ctx, world).shortlist.includes(q.id);
    const departs = departsFromComputed(payload.decision, computed);
    const reason = payload.reason ?? "";
    if (departs && reason === "") {
      throw new UserError(
        ctx.t(computed ? "err.reasonToDrop" : "err.reasonToAdd", { name: q.name.slice(0, 80) }),
      );
    }
    const at = new Date().toISOString();
    return {
      quickwinId: q.id,
      decision: payload.decision,
      reason,
      computed,
      departs,
      by: email,
      at,
    };
  };
  let decision = judged();
  for (let round = 1; ; round++) {
    const recorded = ctx.withLock(
      (): Decision | null => {
        // A review issued since the read may change what the computation says (DESIGN §2).
        ctx.refreshProperties();
        if (round === 1 && (sealState(ctx)?.reviews ?? 0) !== world.ledger.check.length) {
          ctx.wroteNothing();
          return null;
        }
        const table = ensureSheet(ctx, "decisions");
        const line: DecisionLine = { ...decision, name: q.name, t: ctx.sheetT() };
        ctx.appendRow(table, placeRow(table, SPECS.decisions, line));
        const { departs, reason } = decision;
        ctx.log({ quickwinId: q.id, decision: decision.decision, departs, reason });
        return decision;
      },
      // Recorded: the lock may stay held to the end (no release call); else released.
      { last: (done) => done !== null },
    );
    if (recorded) return recorded;
    // Recomputed once with no lock held: the decision judged against the ranking as it is now.
    world = withLedger(ctx, world, ctx.reread(ledger));
    decision = judged();
  }
}
