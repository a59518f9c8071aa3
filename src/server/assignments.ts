// Assignments (DESIGN §5): proposeAssignment — a proposal from the core algorithm, not saved —
// and saveAssignments, which writes the assignments sheet (quickwin id, reviewer email) that a
// coordinator may also edit by hand; reading it back goes through the same row checks.
import * as z from "zod/mini";
import { type AgencyKey, sameAgencyOf } from "../core/agencies";
import { type AssignmentPair, describeProposal, proposeAssignment } from "../core/assignment";
import { UserError } from "../core/errors";
import { identityKey, sameKey } from "../core/identity";
import { lazy } from "../core/lazy";
import type { AssignmentProposalResult, SaveAssignmentsResult } from "../core/planning";
import { EmailSchema, LIMITS, type PanelMember, type Quickwin, type Review } from "../core/schemas";
import type { RowProblem } from "../core/types";
import { readAgencies } from "./agencies";
import { check, loadWorld, requireCoordinator, type World } from "./api";
import { SPECS } from "./layout";
import { readLedger } from "./ledger";
import { type Parsed, parseQuickwins, parseRows } from "./repo";
import type { Context } from "./runtime";
import { placeRow, type Table } from "./table";

const StoredPair = lazy(() =>
  z.object({
    quickwinId: z.string().check(z.trim(), z.minLength(1, { error: "v.required" })),
    reviewer: EmailSchema,
  }),
);

/** The assignments sheet, row by row: a bad or repeated row is skipped and reported. */
export function parseAssignments(table: Table, ctx: Context): Parsed<AssignmentPair> {
  return parseRows(
    table,
    ctx.rowT,
    ctx.knownTimeZone(),
    StoredPair,
    (p) => `${identityKey(p.quickwinId)}|${identityKey(p.reviewer)}`,
  );
}

/** Rows that do not parse, and pairs naming a quickwin or a reviewer that does not exist. */
export function assignmentProblems(
  ctx: Context,
  parsed: Parsed<AssignmentPair>,
  world: Pick<World, "quickwins" | "panel">,
): RowProblem[] {
  const out = [...parsed.problems];
  // Worded like every row problem: the tab's known name, the sheets' language (no call).
  parsed.items.forEach((p, i) => {
    const row = parsed.rows[i]!;
    if (!world.quickwins.items.some((q) => sameKey(q.id, p.quickwinId)))
      out.push({
        sheet: ctx.sheetNameHint("assignments"),
        row,
        message: ctx.rowT("err.unknownQuickwin", { id: p.quickwinId.slice(0, 64) }),
      });
    else if (!world.panel.items.some((m) => sameKey(m.email, p.reviewer)))
      out.push({
        sheet: ctx.sheetNameHint("assignments"),
        row,
        message: ctx.rowT("err.assignNotPanel", { reviewer: p.reviewer }),
      });
  });
  return out.sort((a, b) => a.row - b.row);
}

/** The assignments sheet; a function that needs it refuses when it is missing. */
export function readAssignments(ctx: Context): Parsed<AssignmentPair> {
  return parseAssignments(ctx.table("assignments"), ctx);
}

/** Conflicts a reviewer declared: their latest review of the quickwin says so. */
export function declaredConflicts(reviews: readonly Review[]): AssignmentPair[] {
  const latest = new Map<string, Review>();
  for (const r of reviews) latest.set(`${identityKey(r.quickwinId)}|${identityKey(r.reviewer)}`, r);
  return [...latest.values()]
    .filter((r) => r.declaredConflict === true)
    .map((r) => ({ quickwinId: r.quickwinId, reviewer: r.reviewer }));
}

/**
 * Whether a panel member may not be asked to score a quickwin: the same agency as the agency
 * list resolves it (however either is spelled), or a conflict they declared.
 */
export function hasConflict(
  agencyKey: AgencyKey,
  member: Pick<PanelMember, "email" | "agency">,
  q: Pick<Quickwin, "id" | "agency">,
  declared: readonly AssignmentPair[],
): boolean {
  if (sameAgencyOf(agencyKey, member.agency, q.agency)) return true;
  return declared.some((d) => sameKey(d.quickwinId, q.id) && sameKey(d.reviewer, member.email));
}

/** "QW-003 Satrio Pasar" and "Ani (ani@…)": how the coordinator reads a pair. */
export function labels(world: Pick<World, "quickwins" | "panel">) {
  const qName = new Map(world.quickwins.items.map((q) => [identityKey(q.id), q.name]));
  const rName = new Map(world.panel.items.map((m) => [identityKey(m.email), m.name]));
  return {
    quickwin: (id: string) => {
      const name = qName.get(identityKey(id));
      return name ? `${id} ${name}` : id;
    },
    reviewer: (email: string) => rName.get(identityKey(email)) || email,
  };
}

const ProposeInput = lazy(() =>
  z.optional(
    z.strictObject({
      reviewsPerQuickwin: z.optional(
        z
          .int({ error: "v.integer" })
          .check(z.gte(1, { error: "v.tooSmall" }), z.lte(50, { error: "v.tooLarge" })),
      ),
    }),
  ),
);

export type ProposeAssignmentInput = z.input<typeof ProposeInput>;

export function handleProposeAssignment(ctx: Context, input: unknown): AssignmentProposalResult {
  const args = check(ProposeInput, input, ctx, "field.reviewsPerQuickwin");
  ctx.email();
  // The proposal is described in the caller's language: read up front, so the count is flat.
  ctx.locale();
  const { panel } = requireCoordinator(ctx);
  const world = loadWorld(ctx, panel, false, { agencies: "sheet" });
  const existing = readAssignments(ctx).items;
  const declared = declaredConflicts(world.reviews.items);
  const reviewers = panel.items.filter((m) => m.role === "reviewer");
  const k = args?.reviewsPerQuickwin ?? world.settings.reviewsPerQuickwin;
  const proposal = proposeAssignment({
    reviewers,
    quickwins: world.quickwins.items,
    reviewsPerQuickwin: k,
    existing,
    declared,
    agencyKey: world.agencyKey,
  });
  const conflicts: Record<string, string[]> = {};
  for (const m of reviewers) {
    const ids = world.quickwins.items
      .filter((q) => hasConflict(world.agencyKey, m, q, declared))
      .map((q) => q.id);
    if (ids.length) conflicts[m.email] = ids;
  }
  return {
    reviewsPerQuickwin: k,
    pairs: proposal.pairs,
    kept: proposal.kept,
    added: proposal.added,
    loads: proposal.loads,
    conflicts,
    unmet: describeProposal(proposal, ctx.t, labels(world)),
  };
}

const SaveInput = lazy(() =>
  z
    .array(
      z.strictObject({
        quickwinId: z
          .string()
          .check(
            z.trim(),
            z.minLength(1, { error: "v.required" }),
            z.maxLength(LIMITS.id, { error: "v.tooLong" }),
          ),
        reviewer: EmailSchema,
      }),
    )
    .check(z.maxLength(20_000, { error: "v.tooMany" })),
);

export type SaveAssignmentsInput = z.input<typeof SaveInput>;

/** saveAssignments(pairs[]): the whole table, checked against the panel and the quickwins. */
export function handleSaveAssignments(ctx: Context, input: unknown): SaveAssignmentsResult {
  const pairs = check(SaveInput, input, ctx, "field.assignments");
  ctx.email();
  return ctx.withLock(() => {
    const { panel } = requireCoordinator(ctx);
    // Only what the checks need: the quickwins and the ledger's declared conflicts.
    const tz = ctx.knownTimeZone();
    const world = {
      panel,
      quickwins: parseQuickwins(ctx.table("quickwins"), ctx.rowT, tz),
      reviews: readLedger(ctx).reviews,
    };
    const table = ctx.table("assignments");
    const agencyKey = readAgencies(ctx).resolve;
    const declared = declaredConflicts(world.reviews.items);
    const name = labels(world);
    const out: AssignmentPair[] = [];
    const seen = new Set<string>();
    for (const p of pairs) {
      const q = world.quickwins.items.find((x) => sameKey(x.id, p.quickwinId));
      if (!q) throw new UserError(ctx.t("err.unknownQuickwin", { id: p.quickwinId.slice(0, 64) }));
      const m = panel.items.find((x) => sameKey(x.email, p.reviewer));
      if (!m) throw new UserError(ctx.t("err.assignNotPanel", { reviewer: p.reviewer }));
      if (hasConflict(agencyKey, m, q, declared))
        throw new UserError(
          ctx.t("err.assignConflict", {
            reviewer: name.reviewer(m.email),
            quickwin: name.quickwin(q.id),
          }),
        );
      const key = `${identityKey(q.id)}|${identityKey(m.email)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ quickwinId: q.id, reviewer: m.email });
    }
    ctx.replaceRows(
      table,
      out.map((p) => placeRow(table, SPECS.assignments, p)),
    );
    ctx.log({ assignments: out.length });
    return { pairs: out };
  });
}
