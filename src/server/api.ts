// The server functions of DESIGN §5. Each one: checks its arguments with zod BEFORE taking the
// lock or writing anything, identifies the caller from Session only, takes the document lock
// for a mutation, reads each sheet it needs with one range read, computes everything, writes
// each block with one setValues (ledgers with one atomic appendRow), and logs last.
import type * as z from "zod/mini";
import { type AgencyKey, newAgencyNames, sameAgencyOf } from "../core/agencies";
import { UserError } from "../core/errors";
import type { MessageKey } from "../core/i18n";
import { identityKey, sameKey } from "../core/identity";
import { rankQuickwins } from "../core/ranking";
import {
  CELL_LIMIT,
  type Criterion,
  CriterionSchema,
  DEFAULT_SETTINGS,
  DIMENSIONS,
  isLongDuration,
  ownValue,
  PanelInputSchema,
  type PanelMember,
  PanelMemberSchema,
  type Quickwin,
  QuickwinInputSchema,
  QuickwinSchema,
  type Review,
  ReviewInputSchema,
  RubricInputSchema,
  reviewStatus,
  type Settings,
  SettingsPatchSchema,
  tooLightCriterion,
} from "../core/schemas";
import { scoreIssue } from "../core/scores";
import type {
  MyReview,
  RankResult,
  RowProblem,
  SaveResult,
  SidebarQuickwin,
  SidebarState,
} from "../core/types";
import { describeIssues } from "../core/validation";
import { type AgencyList, indexedResolver, readAgencies, withAgencyNames } from "./agencies";
import { assignmentProblems, parseAssignments, readAssignments } from "./assignments";
import { readLastRanking } from "./last-ranking";
import { SPECS } from "./layout";
import {
  issueQuickwinIds,
  type Ledger,
  ledgerLine,
  noteQuickwinTaken,
  nowToSecond,
  readLedger,
  reserve,
  reviewCells,
  sealedRow,
} from "./ledger";
import {
  orderedScores,
  type Parsed,
  parseCriteria,
  parsePanel,
  parseQuickwins,
  parseSettings,
  settingLines,
} from "./repo";
import { withoutUndefined } from "./rpc-value";
import { Context, SheetFaultError } from "./runtime";
import { requireScoringOpen, scoringState } from "./scoring";
import { isSetUpIntact, runSetup } from "./setup";
import { isBlankDataRow, layoutRow, placeRow } from "./table";

/** One error boundary for every server function: user messages pass, the rest is generic. */
export function serve<T>(
  action: string,
  args: ArrayLike<unknown>,
  arity: number,
  body: (ctx: Context) => T,
): T {
  const ctx = new Context(action);
  try {
    if (args.length > arity) throw new UserError(ctx.t("err.arity"));
    if (!reasonableShape(args)) throw new UserError(ctx.t("err.tooDeep"));
    return withoutUndefined(body(ctx));
  } catch (error) {
    if (error instanceof UserError) throw new Error(clipRefusal(error.message));
    try {
      console.error(
        `${action} failed: ${error instanceof Error ? error.stack || error.message : String(error)}`,
      );
    } catch {
      // logging is best effort
    }
    let message = "Terjadi kesalahan. Silakan coba lagi.";
    try {
      message = ctx.t("err.generic");
    } catch {
      // keep the Indonesian fallback
    }
    throw new Error(message);
  }
}

/** A refusal is one sentence: never longer than this, whatever a payload held. */
export const REFUSAL_LIMIT = 300;

function clipRefusal(message: string): string {
  return message.length <= REFUSAL_LIMIT ? message : `${message.slice(0, REFUSAL_LIMIT - 1)}…`;
}

/** How deep and how large arguments may be (the largest real payload is far below both). */
const MAX_DEPTH = 32;
const MAX_NODES = 500_000;

/**
 * Whether arguments are of a sane size and nesting, walked without recursion (so a value
 * nested 100 000 deep cannot overflow the stack here, or later in zod and the messages).
 */
export function reasonableShape(args: ArrayLike<unknown>): boolean {
  const stack: [unknown, number][] = [];
  for (let i = 0; i < args.length; i++) stack.push([args[i], 1]);
  let nodes = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (++nodes > MAX_NODES) return false;
    if (value === null || typeof value !== "object") continue;
    if (depth > MAX_DEPTH) return false;
    const children = Array.isArray(value) ? value : Object.values(value);
    if (nodes + children.length > MAX_NODES) return false;
    for (const child of children) stack.push([child, depth + 1]);
  }
  return true;
}

// ---------- shared checks ----------

/** zod check of a payload; the message (localized, so it may read the locale) only on failure. */
export function check<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  ctx: Context,
  label: MessageKey,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const detail = describeIssues(result.error, value, ctx.t, ctx.t(label));
  throw new UserError(ctx.t("v.badInput", { detail }));
}

function requireSetup(ctx: Context): void {
  if (!ctx.registry()) throw new UserError(ctx.t("err.notSetUp"));
}

export function findMember(panel: Parsed<PanelMember>, email: string): PanelMember | undefined {
  return panel.items.find((m) => sameKey(m.email, email));
}

export function loadPanel(ctx: Context): Parsed<PanelMember> {
  return parsePanel(ctx.table("panel"), ctx.rowT, ctx.knownTimeZone());
}

export function requireMember(ctx: Context): { member: PanelMember; panel: Parsed<PanelMember> } {
  requireSetup(ctx);
  const email = ctx.email();
  const panel = loadPanel(ctx);
  const member = findMember(panel, email);
  if (!member) throw new UserError(ctx.t("err.notPanel"));
  return { member, panel };
}

export function requireCoordinator(ctx: Context): {
  member: PanelMember;
  panel: Parsed<PanelMember>;
} {
  const found = requireMember(ctx);
  if (found.member.role !== "coordinator") throw new UserError(ctx.t("err.notCoordinator"));
  return found;
}

/** Everything the engine needs, read with one range read per sheet. */
export interface World {
  panel: Parsed<PanelMember>;
  /** The agency of a typed name (agencies.ts): from the sheet when read, else the index. */
  agencyKey: AgencyKey;
  /** The agency list, when this call read its sheet. */
  agencies?: AgencyList;
  quickwins: Parsed<Quickwin>;
  criteria: Parsed<Criterion>;
  /** The verified reviews: only rows whose seal holds, in sequence order. */
  reviews: Parsed<Review>;
  ledger: Ledger;
  settings: Settings;
  problems: RowProblem[];
}

/**
 * `agencies: "sheet"` reads the agency list (and brings its index up to date); the ranking
 * functions, whose budgets have no room for that read, resolve with the index.
 */
export function loadWorld(
  ctx: Context,
  panel: Parsed<PanelMember>,
  lenient = false,
  options: { agencies?: "sheet" | "index" } = {},
): World {
  const tz = ctx.knownTimeZone();
  const agencies = options.agencies === "sheet" ? readAgencies(ctx) : undefined;
  const quickwins = parseQuickwins(ctx.table("quickwins"), ctx.rowT, tz);
  const criteria = parseCriteria(ctx.table("criteria"), ctx.rowT, tz);
  // Only the rows whose seal holds, in sequence order (the latest of a pair is the last).
  const ledger = readLedger(ctx, { lenient });
  const reviews = ledger.reviews;
  const settings = parseSettings(ctx.table("settings"), ctx.rowT, tz);
  return {
    panel,
    agencyKey: agencies ? agencies.resolve : indexedResolver(ctx),
    ...(agencies && { agencies }),
    quickwins,
    criteria,
    reviews,
    ledger,
    settings: settings.settings,
    problems: [
      ...panel.problems,
      ...quickwins.problems,
      ...criteria.problems,
      ...reviews.problems,
      ...settings.problems,
      ...(agencies?.problems ?? []),
    ],
  };
}

/** The engine over the verified ledger; the ledger's own problems come first. */
export function rank(ctx: Context, world: World): RankResult {
  if (world.criteria.items.length === 0) throw new UserError(ctx.t("err.noCriteria"));
  // A weight typed by hand far below the others would underflow the weighted mean.
  const light = tooLightCriterion(world.criteria.items);
  if (light) throw new UserError(ctx.t("err.weightRatio", { name: light.name.slice(0, 60) }));
  const result = rankQuickwins({
    criteria: world.criteria.items,
    quickwins: world.quickwins.items,
    reviewers: world.panel.items,
    reviews: world.reviews.items,
    settings: world.settings,
    locale: ctx.knownLocale(),
    agencyKey: world.agencyKey,
  });
  return { ...result, problems: [...world.ledger.problems, ...result.problems] };
}

// ---------- getSidebarState ----------

/**
 * The sidebar's state in the spreadsheet's current time zone (read live: one call), so a
 * time zone changed after setup shows at once in the dates the sidebar reads and prints.
 */
export function handleGetSidebarState(ctx: Context): SidebarState {
  ctx.noteTimeZone();
  return sidebarState(ctx);
}

/** The spreadsheet's name, for the sidebar's heading only: a failure to read it fails nothing. */
function spreadsheetName(ctx: Context, setupDone: boolean): string {
  // Only the setup view shows it: no call for it once setup has run.
  if (setupDone) return "";
  try {
    return ctx.retry(() => ctx.ss().getName());
  } catch {
    return "";
  }
}

function emptyState(
  ctx: Context,
  email: string,
  setupDone: boolean,
  sheetProblem?: string,
): SidebarState {
  const state: SidebarState = {
    user: { email, role: null },
    locale: ctx.locale(),
    setupDone,
    spreadsheetName: spreadsheetName(ctx, setupDone),
    timeZone: ctx.knownTimeZone(),
    dimensions: [...DIMENSIONS],
    settings: { ...DEFAULT_SETTINGS },
    criteria: [],
    quickwins: [],
    myReviews: [],
    progress: { scored: 0, conflict: 0, todo: 0, total: 0 },
  };
  if (sheetProblem) state.sheetProblem = sheetProblem;
  return state;
}

/**
 * The sidebar's state; a sheet that fails its check gives the setup view with what is wrong
 * (setup repairs it), so the sidebar never shows a partial or defaulted picture.
 */
export function sidebarState(ctx: Context): SidebarState {
  try {
    return memberState(ctx);
  } catch (error) {
    if (error instanceof SheetFaultError) {
      return emptyState(ctx, ctx.email(), false, error.message);
    }
    throw error;
  }
}

function memberState(ctx: Context): SidebarState {
  const email = ctx.email();
  const reg = ctx.registry();
  if (!reg) return emptyState(ctx, email, false);
  const panel = loadPanel(ctx);
  const member = findMember(panel, email);
  if (!member) return emptyState(ctx, email, true);
  const world = loadWorld(ctx, panel, true, { agencies: "sheet" });
  const state = emptyState(ctx, email, true);
  const agencies = world.agencies?.items ?? [];
  state.agencies = agencies;
  state.user = { email, role: member.role };
  if (member.name) state.user.name = member.name;
  if (member.agency) state.user.agency = member.agency;
  state.settings = world.settings;
  state.criteria = world.criteria.items;
  state.scoring = scoringState(world.settings, ctx.knownTimeZone(), ctx.locale());
  const assignments = parseAssignments(ctx.table("assignments"), ctx);
  const assigned = new Set(
    assignments.items
      .filter((p) => sameKey(p.reviewer, email))
      .map((p) => identityKey(p.quickwinId)),
  );
  // The caller's own latest review per quickwin (the ledger is oldest first).
  const mine = new Map<string, Review>();
  for (const r of world.reviews.items) {
    if (sameKey(r.reviewer, email)) mine.set(identityKey(r.quickwinId), r);
  }
  const quickwins: SidebarQuickwin[] = [];
  const progress = { scored: 0, conflict: 0, todo: 0, total: 0 };
  for (const q of world.quickwins.items) {
    const own = mine.get(identityKey(q.id));
    const agencyConflict = sameAgencyOf(world.agencyKey, member.agency, q.agency);
    const status = reviewStatus(agencyConflict, own, world.criteria.items);
    progress[status]++;
    progress.total++;
    quickwins.push({
      ...q,
      status,
      agencyConflict,
      assigned: assigned.has(identityKey(q.id)),
      editable: member.role === "coordinator" || sameKey(q.createdBy, email),
    });
  }
  state.quickwins = quickwins;
  state.progress = progress;
  const known = new Set(world.quickwins.items.map((q) => identityKey(q.id)));
  state.myReviews = [...mine.values()]
    .filter((r) => known.has(identityKey(r.quickwinId)))
    .map((r) => ({
      quickwinId: r.quickwinId,
      scores: r.scores,
      comment: r.comment ?? "",
      declaredConflict: r.declaredConflict === true,
      submittedAt: r.submittedAt ?? "",
    }));
  if (member.role === "coordinator") {
    state.panel = panel.items;
    const unlisted = newAgencyNames(agencies, [
      ...world.quickwins.items.map((q) => q.agency),
      ...panel.items.map((m) => m.agency),
    ]);
    if (unlisted.length) state.unlistedAgencies = unlisted;
    state.problems = [...world.problems, ...assignmentProblems(ctx, assignments, world)];
    state.reviewCount = world.reviews.items.length;
    const last = readLastRanking(ctx, ledgerLine(ctx.sheetT(), world.ledger.check));
    if (last) state.lastRanking = last;
  }
  return state;
}

// ---------- setup ----------

export function handleSetupSpreadsheet(ctx: Context): SidebarState {
  ctx.email();
  // A re-run on an intact spreadsheet writes nothing: checked first without the lock. Anything
  // to create or repair runs under the lock from fresh reads.
  if (isSetUpIntact(ctx)) return sidebarState(ctx);
  const fresh = ctx.freshReads();
  fresh.withLock(() => runSetup(fresh));
  return sidebarState(fresh);
}

// ---------- settings, criteria, panel ----------

export function handleSaveSettings(ctx: Context, patchInput: unknown): Settings {
  const patch = check(SettingsPatchSchema, patchInput, ctx, "field.settings");
  ctx.email();
  return ctx.withLock(() => {
    requireCoordinator(ctx);
    const table = ctx.table("settings");
    const current = parseSettings(table, ctx.rowT, ctx.knownTimeZone()).settings;
    const next: Settings = { ...current };
    for (const [k, v] of Object.entries(patch)) {
      if (v !== undefined) (next as Record<string, unknown>)[k] = v;
    }
    const st = ctx.sheetT();
    ctx.replaceRows(
      table,
      settingLines(next, st).map((line) => placeRow(table, SPECS.settings, line)),
    );
    ctx.log({ changed: Object.keys(patch) });
    return next;
  });
}

export function handleSaveCriteria(ctx: Context, input: unknown): SaveResult<Criterion[]> {
  const parsed = check(RubricInputSchema, input, ctx, "field.criteria");
  // The record form (what the engine and the sheet hold).
  const criteria = parsed.map((c) => CriterionSchema.parse(c));
  // Each criterion is one row: its cells must fit Sheets' 50 000-character limit.
  for (const c of criteria) {
    if (layoutRow(SPECS.criteria, c).some((v) => typeof v === "string" && v.length > CELL_LIMIT)) {
      throw new UserError(`${ctx.t("field.levels")}: ${ctx.t("err.tooLarge")}`);
    }
  }
  ctx.email();
  return ctx.withLock(() => {
    requireCoordinator(ctx);
    const table = ctx.table("criteria");
    const tz = ctx.knownTimeZone();
    const old = parseCriteria(table, ctx.rowT, tz).items;
    const ledger = ctx.table("reviews");
    let reviewCount = 0;
    for (let i = ledger.headerRow; i < ledger.values.length; i++) {
      if (!isBlankDataRow(ledger, ledger.values[i]!)) reviewCount++;
    }
    const warnings: string[] = [];
    if (reviewCount > 0) {
      const before = new Map(old.map((c) => [c.id, c]));
      const after = new Map(criteria.map((c) => [c.id, c]));
      const removed = old.filter((c) => !after.has(c.id)).map((c) => c.id);
      const added = criteria.filter((c) => !before.has(c.id)).map((c) => c.id);
      const rescaled = criteria
        .filter((c) => {
          const b = before.get(c.id);
          return b && (b.min !== c.min || b.max !== c.max);
        })
        .map((c) => c.id);
      if (removed.length || added.length || rescaled.length) {
        warnings.push(ctx.t("warn.criteriaChanged", { reviews: reviewCount }));
        if (removed.length)
          warnings.push(ctx.t("warn.criteriaRemoved", { ids: removed.join(", ") }));
        if (added.length) warnings.push(ctx.t("warn.criteriaAdded", { ids: added.join(", ") }));
        if (rescaled.length)
          warnings.push(ctx.t("warn.criteriaRescaled", { ids: rescaled.join(", ") }));
      }
    }
    ctx.replaceRows(
      table,
      criteria.map((c) => placeRow(table, SPECS.criteria, c)),
    );
    ctx.log({ criteria: criteria.map((c) => c.id), warnings: warnings.length });
    return { value: criteria, warnings };
  });
}

export function handleSaveReviewers(ctx: Context, input: unknown): PanelMember[] {
  const parsed = check(PanelInputSchema, input, ctx, "field.panel");
  const members = parsed.map((m) => PanelMemberSchema.parse(m));
  const email = ctx.email();
  return ctx.withLock(() => {
    requireCoordinator(ctx);
    const self = members.find((m) => sameKey(m.email, email));
    if (self?.role !== "coordinator") throw new UserError(ctx.t("err.selfDemote"));
    const table = ctx.table("panel");
    const rows = members.map((m) => placeRow(table, SPECS.panel, m, ctx.sheetT()));
    // Remembered beside the registry, so a deleted panel sheet comes back with them (setup);
    // saved before the panel, and put back if the panel's write fails: never half a change.
    // New agency names join the list first, and leave it again if the panel's write fails.
    const registry = ctx.registry();
    const { added } = withAgencyNames(
      ctx,
      members.map((m) => m.agency),
      () => {
        if (!registry) return ctx.replaceRows(table, rows);
        const coordinators = members.filter((m) => m.role === "coordinator").map((m) => m.email);
        return ctx.saveRegistryWith({ ...registry, coordinators }, () =>
          ctx.replaceRows(table, rows),
        );
      },
    );
    ctx.log({
      members: members.length,
      coordinators: members.filter((m) => m.role === "coordinator").length,
      added: orNone(added),
    });
    return members;
  });
}

/** A log detail that is left out when empty. */
function orNone(names: string[]): string[] | undefined {
  return names.length ? names : undefined;
}

// ---------- quickwins ----------

export function handleSaveQuickwin(ctx: Context, input: unknown): Quickwin {
  const q = check(QuickwinInputSchema, input, ctx, "field.quickwinId");
  const email = ctx.email();
  return ctx.withLock(() => {
    const { member } = requireMember(ctx);
    const table = ctx.table("quickwins");
    const parsed = parseQuickwins(table, ctx.rowT, ctx.knownTimeZone());
    const now = new Date().toISOString();
    const { id: _ignored, ...fields } = q;
    if (q.id !== undefined) {
      const index = parsed.items.findIndex((x) => sameKey(x.id, q.id));
      if (index < 0) throw new UserError(ctx.t("err.unknownQuickwin", { id: q.id.slice(0, 64) }));
      const existing = parsed.items[index]!;
      if (member.role !== "coordinator" && !sameKey(existing.createdBy, email)) {
        throw new UserError(ctx.t("err.notEditable"));
      }
      const saved = QuickwinSchema.parse({
        ...fields,
        id: existing.id,
        createdBy: existing.createdBy,
        source: existing.source,
      });
      const { added } = withAgencyNames(ctx, [saved.agency], () =>
        ctx.writeRows(table, parsed.rows[index]!, [
          placeRow(table, SPECS.quickwins, { quickwin: saved, updatedAt: now }, ctx.sheetT()),
        ]),
      );
      ctx.log({ update: saved.id, longDuration: isLongDuration(saved), added: orNone(added) });
      return saved;
    }
    const id = issueQuickwinIds(ctx, table, 1)[0]!;
    const saved = QuickwinSchema.parse({ ...fields, id, createdBy: email });
    // A name not on the agency list joins it, and leaves it again if the quickwin's write fails.
    const { added } = withAgencyNames(ctx, [saved.agency], () =>
      ctx.appendRows(table, [
        placeRow(table, SPECS.quickwins, { quickwin: saved, updatedAt: now }, ctx.sheetT()),
      ]),
    );
    ctx.log({ create: id, longDuration: isLongDuration(saved), added: orNone(added) });
    return saved;
  });
}

// ---------- reviews ----------

export function handleSubmitReview(ctx: Context, input: unknown): MyReview {
  const review = check(ReviewInputSchema, input, ctx, "field.review");
  const email = ctx.email();
  return ctx.withLock(() => {
    const { member } = requireMember(ctx);
    const tz = ctx.knownTimeZone();
    const quickwins = parseQuickwins(ctx.table("quickwins"), ctx.rowT, tz);
    const q = quickwins.items.find((x) => sameKey(x.id, review.quickwinId));
    if (!q)
      throw new UserError(ctx.t("err.unknownQuickwin", { id: review.quickwinId.slice(0, 64) }));
    const declared = review.declaredConflict === true;
    // One agency however it is spelled: the list maps names, short names and aliases to it.
    if (!declared && sameAgencyOf(readAgencies(ctx).resolve, member.agency, q.agency)) {
      throw new UserError(ctx.t("err.conflict", { name: q.name, agency: q.agency }));
    }
    requireScoringAllowed(ctx, q, email);
    const criteria = parseCriteria(ctx.table("criteria"), ctx.rowT, tz).items;
    if (criteria.length === 0) throw new UserError(ctx.t("err.noCriteria"));
    const ledger = ctx.tableHeader("reviews");
    // Scores are stored under the rubric's own ids; a sent id is matched by its identity key.
    const byKey = new Map(criteria.map((c) => [identityKey(c.id), c]));
    const scores: Record<string, number> = {};
    for (const [id, value] of Object.entries(review.scores ?? {})) {
      const c = byKey.get(identityKey(id));
      if (!c) throw new UserError(ctx.t("err.unknownCriterion", { id: id.slice(0, 40) }));
      scores[c.id] = value;
    }
    for (const c of criteria) {
      const issue = scoreIssue(ownValue(scores, c.id), c);
      if (issue === "missing") {
        if (declared) continue;
        throw new UserError(ctx.t("err.missingScore", { name: c.name }));
      }
      if (issue === "out-of-range") {
        throw new UserError(ctx.t("err.scoreRange", { name: c.name, min: c.min, max: c.max }));
      }
    }
    const submittedAt = nowToSecond();
    const stored: Review = {
      quickwinId: q.id,
      reviewer: email,
      scores: orderedScores(
        scores,
        criteria.map((c) => c.id),
      ),
      comment: review.comment ?? "",
      declaredConflict: declared,
      submittedAt: submittedAt.toISOString(),
    };
    // Its number (and the log row's) reserved first, then the sealed row in one appendRow; the
    // quickwin's own number is taken with them, so it is never issued again (ids.ts).
    noteQuickwinTaken(ctx, q.id);
    const { state, firstReview } = reserve(ctx, 1);
    const cells = reviewCells(stored, criteria, submittedAt, ctx.sheetT());
    const line = sealedRow(ctx, state, "reviews", firstReview, cells);
    ctx.appendRow(ledger, placeRow(ledger, SPECS.reviews, line));
    ctx.log({ quickwinId: q.id, seq: firstReview, declaredConflict: declared });
    return {
      quickwinId: stored.quickwinId,
      scores: stored.scores,
      comment: stored.comment ?? "",
      declaredConflict: declared,
      submittedAt: stored.submittedAt ?? "",
    };
  });
}

/**
 * Scoring closed (now, or at its closing time) refuses every review; with unassigned scoring
 * turned off, a quickwin not assigned to the caller is refused too.
 */
function requireScoringAllowed(ctx: Context, q: Quickwin, email: string): void {
  const settings = parseSettings(ctx.table("settings"), ctx.rowT, ctx.knownTimeZone());
  requireScoringOpen(ctx, settings.settings);
  if (settings.settings.allowUnassigned) return;
  const pairs = readAssignments(ctx).items;
  if (!pairs.some((p) => sameKey(p.quickwinId, q.id) && sameKey(p.reviewer, email)))
    throw new UserError(ctx.t("err.notAssigned", { name: q.name }));
}
