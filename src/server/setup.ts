// setupSpreadsheet: creates the sheets, or repairs them without ever overwriting a data row,
// and changes nothing else on a re-run. Who may run it is decided by the panel sheet: with a
// panel, only a coordinator; with an intact panel that has no data row, anyone (who becomes
// its coordinator); with a panel that is missing, damaged or unreadable, nobody is made
// coordinator — the repair still runs (it only adds what is missing), and says why.

import { UserError } from "../core/errors";
import { type Translate, translator } from "../core/i18n";
import { sameKey } from "../core/identity";
import { defaultRubric } from "../core/rubric";
import { DEFAULT_SETTINGS, type PanelMember } from "../core/schemas";
import type { Locale } from "../core/types";
import { indexIsCurrent, indexProperties, parseAgencies } from "./agencies";
import {
  checkFirstRun,
  finishFirstRun,
  finishLeftDefault,
  listTabs,
  prepareFirstRun,
} from "./first-run";
import { headerRow, SHEET_KEYS, type SheetKey, SPECS, specOf } from "./layout";
import { logNumberTaken, newSealState, SEAL_PROPERTY, saveSealState, sealState } from "./ledger";
import { sealLegacySheet } from "./legacy";
import { repairSheet } from "./repair";
import { parsePanel, settingLines } from "./repo";
import type { Context, Registry } from "./runtime";
import {
  formatNewSheet,
  highlightShortlisted,
  insertChart,
  redrawChart,
  type Sheet,
} from "./sheet-format";
import {
  examine,
  isFault,
  layoutRow,
  matchHeader,
  placeRow,
  type SheetFault,
  type Table,
} from "./table";

/** Who may run setup, as the panel decides (see the header comment). */
interface PanelVerdict {
  /** Nobody is on the panel yet (an intact panel without data rows): the caller claims it. */
  claim: boolean;
  /** Why no one can be made coordinator now (a panel missing, damaged or unreadable). */
  blocked?: string;
}

function panelVerdict(
  ctx: Context,
  email: string,
  found: Table | SheetFault | null,
  tz: string,
): PanelVerdict {
  if (found === null) return { claim: true }; // a brand-new spreadsheet
  if (isFault(found)) return { claim: false, blocked: ctx.faultMessage(found) };
  if (ctx.isEmpty(found)) return { claim: true };
  const panel = parsePanel(found, ctx.rowT, tz);
  if (panel.items.length === 0) {
    // Rows, but none readable (a role typed as "ketua"): never a reason to hand out the role.
    const first = panel.problems[0];
    return {
      claim: false,
      blocked: ctx.t("err.panelUnreadable", {
        sheet: found.name,
        row: first?.row ?? found.headerRow + 1,
        problem: (first?.message ?? "").slice(0, 120),
      }),
    };
  }
  const me = panel.items.find((m) => sameKey(m.email, email));
  if (!me) throw new UserError(ctx.t("err.notPanel"));
  if (me.role !== "coordinator") throw new UserError(ctx.t("err.notCoordinator"));
  return { claim: false };
}

/**
 * Without a registry (first run, or the document properties were lost), a panel sheet may
 * still exist under its Indonesian or English name: its members decide who may run setup,
 * and its language is the one the sheets were set up in, so it is adopted by name.
 */
function orphanPanel(
  ctx: Context,
  tabs: ReadonlySet<string>,
): { found: Table | SheetFault; locale: Locale } | null {
  const ss = ctx.ss();
  for (const locale of ["id", "en"] as const) {
    const name = translator(locale)(SPECS.panel.name);
    if (!tabs.has(name)) continue; // the tabs were listed: no call for a name that is absent
    const sheet = ctx.retry(() => ss.getSheetByName(name));
    if (!sheet) continue;
    return { found: examine("panel", ctx.readValues(sheet), () => name), locale };
  }
  return null;
}

function seedRows(
  key: SheetKey,
  t: Translate,
  locale: Locale,
  members: PanelMember[],
): unknown[][] {
  switch (key) {
    case "criteria":
      return defaultRubric(locale).map((c) => layoutRow(SPECS.criteria, c));
    case "settings":
      return settingLines(DEFAULT_SETTINGS, t).map((l) => layoutRow(SPECS.settings, l));
    case "panel":
      return members.map((m) => layoutRow(SPECS.panel, m, t));
    default:
      return [];
  }
}

/**
 * The sheet's header is another sheet's (an id that points elsewhere): it holds all of another
 * layout, and that layout explains it at least as well as this one's (a ledger that lost a
 * column still names more of its own columns than the assignments' two it shares).
 */
function belongsElsewhere(key: SheetKey, values: unknown[][]): SheetKey | null {
  const own = (header: unknown[]) => {
    const m = matchHeader(key, header);
    return specOf(key).columns.length - m.missing.length;
  };
  for (const other of SHEET_KEYS) {
    if (other === key) continue;
    const header = values[specOf(other).headerRow - 1] ?? [];
    const found = matchHeader(other, header);
    if (found.missing.length > 0) continue;
    const mine = own(values[specOf(key).headerRow - 1] ?? []);
    if (specOf(other).columns.length >= mine) return other;
  }
  return null;
}

interface Outcome {
  created: SheetKey[];
  repaired: SheetKey[];
  /** What was done, one short line each (for the log). */
  actions: string[];
}

/**
 * One registered sheet on a re-run: nothing when intact (the ranking's chart aside), repaired
 * in place when damaged, or reported as gone (null) when deleted or when its id now points at
 * a sheet of another layout — which is left alone.
 */
function checkSheet(ctx: Context, key: SheetKey, t: Translate, outcome: Outcome): "ok" | "gone" {
  const sheet = ctx.sheet(key);
  if (!sheet) {
    outcome.actions.push(`${key}: missing, made anew`);
    return "gone";
  }
  // Tables are read whole (the state after setup needs them); the log and pages, their header.
  const part = key === "log" || SPECS[key].generated;
  const found = part ? ctx.inspectHeader(key) : ctx.inspect(key);
  const values = isFault(found) ? (found.values ?? []) : found.values;
  if (!isFault(found)) {
    if (key === "ranking" && ctx.retry(() => sheet.getCharts()).length === 0) {
      insertChart(ctx, sheet, t, found);
      // Its highlight rule too (a deleted rule alone is cosmetic and not checked for: a call).
      highlightShortlisted(ctx, sheet, t, found);
      outcome.repaired.push(key);
      outcome.actions.push(`${key}: chart and highlight made anew`);
    }
    return "ok";
  }
  const other = belongsElsewhere(key, values);
  if (other) {
    outcome.actions.push(`${key}: its id pointed at the ${other} sheet (left alone), made anew`);
    return "gone";
  }
  outcome.actions.push(repairSheet(ctx, key, sheet, values, found, t));
  outcome.repaired.push(key);
  ctx.rememberSheet(key, sheet);
  if (key === "ranking") rehighlight(ctx, sheet, t, true);
  return "ok";
}

/**
 * A repaired or adopted ranking page gets its highlight rule at its columns as they are now;
 * a repaired one its chart too (a page from before the chart's two series gets them so).
 */
function rehighlight(ctx: Context, sheet: Sheet, t: Translate, chart = false): void {
  const page = ctx.inspectHeader("ranking");
  if (isFault(page)) return;
  highlightShortlisted(ctx, sheet, t, page);
  if (chart) redrawChart(ctx, sheet, t, page);
}

/**
 * A sheet made by setup: inserted under its localized name; if that name is taken (the
 * registry was lost), the sheet of that name is adopted when it is this layout's (repaired if
 * need be), else the new one takes a free name beside it.
 */
function makeSheet(
  ctx: Context,
  key: SheetKey,
  t: Translate,
  seed: unknown[][],
  outcome: Outcome,
  inserted: Sheet[],
  tabs?: ReadonlySet<string>,
): { id: number; name: string } {
  const ss = ctx.ss();
  const base = t(SPECS[key].name);
  for (let n = 1; n <= 20; n++) {
    const name = n === 1 ? base : `${base} (${n})`;
    // With the tabs listed (a first run), a name that is not there needs no lookup.
    const existing = tabs && !tabs.has(name) ? null : ctx.retry(() => ss.getSheetByName(name));
    if (existing) {
      const values = ctx.readValues(existing);
      const found = examine(key, values, () => name);
      if (isFault(found) && belongsElsewhere(key, values)) continue;
      if (isFault(found)) outcome.actions.push(repairSheet(ctx, key, existing, values, found, t));
      ctx.rememberSheet(key, existing);
      if (key === "ranking") rehighlight(ctx, existing, t);
      outcome.repaired.push(key);
      return { id: ctx.retry(() => existing.getSheetId()), name };
    }
    const sheet = ctx.retry(() => ss.insertSheet(name));
    inserted.push(sheet);
    formatNewSheet(ctx, key, sheet, t, seed);
    ctx.rememberSheet(key, sheet);
    // Its rows are what was just written: the state setup returns reads them at no call.
    if (SPECS[key].headerRow === 1 && key !== "log") {
      ctx.knowTable(key, name, [headerRow(key, t), ...seed]);
    }
    outcome.created.push(key);
    return { id: ctx.retry(() => sheet.getSheetId()), name };
  }
  throw new Error(`no free name for the ${key} sheet`);
}

export function runSetup(ctx: Context): void {
  const email = ctx.email();
  const before = ctx.registry();
  // A re-run keeps the zone recorded (exportShortlist and the sidebar follow a changed one).
  const tz = before?.timeZone ?? ctx.timeZone();
  const tabs = before ? null : listTabs(ctx);
  const orphan = tabs ? orphanPanel(ctx, tabs.names) : null;
  const panelFound = before ? ctx.inspect("panel") : (orphan?.found ?? null);
  const verdict = panelVerdict(ctx, email, panelFound, tz);
  const locale = before?.locale ?? orphan?.locale ?? ctx.locale();
  const t = translator(locale);
  const me: PanelMember = { email, role: "coordinator", name: undefined, agency: undefined };
  // A brand-new spreadsheet: its locale and zone for people, before any sheet is written.
  const firstRun = !tabs || orphan ? null : prepareFirstRun(ctx, locale, tabs);
  const registry: Registry = {
    ...(before ?? {}),
    v: 1,
    locale,
    timeZone: firstRun ? firstRun.timeZone.to : tz,
    sheets: { ...(before?.sheets ?? {}) },
  };
  if (verdict.claim) registry.coordinators = [email];
  // An existing spreadsheet without a seal is sealed now, before its sheets are checked (its
  // ledger and log are rewritten in the sealed layout); a new one gets its secret with the
  // registry, in the same write (the commit point).
  const sealed = before && !verdict.blocked ? sealOnce(ctx) : null;
  // A default tab a first run could not remove: removed now (before the registry is saved).
  const removedLeftDefault = before ? finishLeftDefault(ctx, registry) : false;
  let changed =
    !before ||
    before.timeZone !== tz ||
    verdict.claim ||
    sealed !== null ||
    before.defaultTab !== undefined;
  const outcome: Outcome = { created: [], repaired: [], actions: [] };
  // Sheets inserted by this run: removed again if it fails before the registry is saved (the
  // commit point), so a retry starts clean instead of adopting half-formatted sheets.
  const inserted: Sheet[] = [];
  let panelSeeded = false;
  try {
    for (const key of SHEET_KEYS) {
      // The decisions sheet and the minutes page are made by the first setup (so their first
      // use costs no more than any other) and, once registered, not checked again:
      // recordDecision and exportMinutes repair or remake them as setup would.
      if (before && (key === "decisions" || key === "minutes") && before.sheets[key]) continue;
      if (before && checkSheet(ctx, key, t, outcome) === "ok") continue;
      // A lost panel comes back with the coordinators remembered, never with the caller.
      const members =
        key !== "panel"
          ? []
          : verdict.claim
            ? [me]
            : (before?.coordinators ?? []).map((e) => ({ ...me, email: e }));
      const seed = before && key !== "panel" ? [] : seedRows(key, t, locale, members);
      const made = makeSheet(ctx, key, t, seed, outcome, inserted, tabs?.names);
      if (key === "panel" && outcome.created.includes("panel")) panelSeeded = verdict.claim;
      registry.sheets[key] = made;
      changed = true;
    }
    if (firstRun) registry.text = checkFirstRun(ctx, firstRun, inserted).mechanism;
    // A new spreadsheet's seal, with its log row's number already taken (no write of its own);
    // no sealed review names a quickwin yet, so the quickwin numbers taken start at 0.
    const seal = before ? null : { ...newSealState(ctx), log: 1, quickwins: "0" };
    // The agency index (agencies.ts) as the sheet holds it, written with the registry.
    const index = agencyIndexUpdate(ctx, outcome);
    if (index) changed = true;
    if (changed) {
      ctx.saveRegistry(registry, {
        ...(seal ? { [SEAL_PROPERTY]: JSON.stringify(seal) } : {}),
        ...(index ?? {}),
      });
    }
    if (seal) logNumberTaken(ctx, 1);
  } catch (error) {
    removeSheets(ctx, inserted);
    throw error;
  }
  // The panel sheet exists but has no data row: the caller becomes its coordinator.
  if (verdict.claim && !panelSeeded) claimEmptyPanel(ctx, me, locale);
  if (!changed && outcome.actions.length === 0) {
    // A re-run on an intact spreadsheet changes nothing, so it writes nothing, not even a log row.
    ctx.wroteNothing();
    if (verdict.blocked) throw new UserError(ctx.t("err.claimBlocked", { why: verdict.blocked }));
    return;
  }
  const removedDefault = firstRun ? finishFirstRun(ctx, firstRun) : false;
  ctx.log({
    locale,
    created: outcome.created.map((k) => t(SPECS[k].name)),
    repaired: outcome.repaired.map((k) => t(SPECS[k].name)),
    actions: outcome.actions,
    coordinator: verdict.claim ? email : undefined,
    ...(removedLeftDefault && { removedDefaultSheet: true }),
    ...firstRunDetails(firstRun, registry, removedDefault),
    ledger: sealed?.reviews,
    logRows: sealed?.log,
  });
  if (verdict.blocked) refuseClaim(ctx, email, verdict.blocked);
}

function claimEmptyPanel(ctx: Context, me: PanelMember, locale: Locale): void {
  const panel = ctx.table("panel");
  ctx.appendRows(panel, [placeRow(panel, SPECS.panel, me, translator(locale))]);
}

/** What a first run did to the spreadsheet itself, for its log row (nothing on a re-run). */
function firstRunDetails(
  firstRun: ReturnType<typeof prepareFirstRun> | null,
  registry: Registry,
  removedDefault: boolean,
): Record<string, unknown> {
  if (!firstRun) return {};
  return {
    spreadsheetLocale: firstRun.locale,
    timeZone: firstRun.timeZone,
    text: registry.text,
    removedDefaultSheet: removedDefault,
  };
}

/** The agency index's properties when the stored one is not the sheet's (null: current). */
function agencyIndexUpdate(ctx: Context, outcome: Outcome): Record<string, string> | null {
  // A sheet made by this run is empty: no read to learn it.
  const found = outcome.created.includes("agencies") ? null : ctx.inspect("agencies");
  if (found && isFault(found)) return null;
  const groups = found ? parseAgencies(found, ctx).groups : [];
  return indexIsCurrent(ctx, groups) ? null : indexProperties(ctx, groups);
}

/**
 * Whether a re-run would change nothing (checked without the lock, so an intact spreadsheet
 * costs no lock calls): a registry, the caller a coordinator of a readable panel, and every
 * sheet there with its whole header (the ranking with its chart). A permission refusal is
 * thrown as setup itself would.
 */
export function isSetUpIntact(ctx: Context): boolean {
  const registry = ctx.registry();
  if (!registry || registry.defaultTab !== undefined || !sealState(ctx)) return false;
  const verdict = panelVerdict(ctx, ctx.email(), ctx.inspect("panel"), ctx.knownTimeZone());
  if (verdict.claim || verdict.blocked) return false;
  return SHEET_KEYS.every((key) => {
    // Output pages their own writer repairs or makes again (ensureSheet), once registered.
    if (key === "decisions" || key === "minutes" || key === "shortlist") {
      return Boolean(ctx.registry()?.sheets[key]);
    }
    if (key === "agencies") {
      const found = ctx.inspect(key);
      return !isFault(found) && indexIsCurrent(ctx, parseAgencies(found, ctx).groups);
    }
    const sheet = ctx.sheet(key);
    if (!sheet) return false;
    // The ranking page is read whole (still one call): the state setup returns carries the
    // last ranking from it (last-ranking.ts), at no second read.
    const part = key === "log" || (SPECS[key].generated && key !== "ranking");
    if (isFault(part ? ctx.inspectHeader(key) : ctx.inspect(key))) return false;
    return key !== "ranking" || ctx.retry(() => sheet.getCharts()).length > 0;
  });
}

/**
 * The sheet of a meeting output, ready to write (under the caller's lock): as it is when
 * intact; repaired as setup would repair it; or made anew (registered, named as setup names
 * it) when deleted. Intact costs the read only; the rest is a one-time cost.
 */
export function ensureSheet(ctx: Context, key: SheetKey): Table {
  const found = ctx.inspect(key);
  if (!isFault(found)) return found;
  const reg = ctx.registry();
  if (!reg) throw new UserError(ctx.t("err.notSetUp"));
  const t = translator(reg.locale);
  const outcome: Outcome = { created: [], repaired: [], actions: [] };
  const sheet = ctx.sheet(key);
  const values = found.values ?? [];
  if (sheet && found.kind !== "missing" && !belongsElsewhere(key, values)) {
    repairSheet(ctx, key, sheet, values, found, t);
    ctx.rememberSheet(key, sheet);
    return ctx.table(key);
  }
  const made = makeSheet(ctx, key, t, [], outcome, []);
  ctx.saveRegistry({ ...reg, sheets: { ...reg.sheets, [key]: made } });
  return ctx.table(key);
}

/**
 * After a repair with a panel that was missing, damaged or unreadable: fine if the caller is
 * a coordinator of the panel as it is now; otherwise setup says why nobody was made one.
 */
function refuseClaim(ctx: Context, email: string, why: string): void {
  ctx.invalidate("panel");
  const found = ctx.inspect("panel");
  if (!isFault(found)) {
    const panel = parsePanel(found, ctx.rowT, ctx.knownTimeZone());
    const me = panel.items.find((m) => sameKey(m.email, email));
    if (me?.role === "coordinator") return;
  }
  throw new UserError(ctx.t("err.claimBlocked", { why }));
}

/** Best effort: a sheet that cannot be removed now is adopted by the next run. */
function removeSheets(ctx: Context, sheets: Sheet[]): void {
  const ss = ctx.ss();
  for (const sheet of sheets.reverse()) {
    try {
      ctx.retry(() => ss.deleteSheet(sheet));
    } catch {
      // keep removing the others
    }
  }
}

/**
 * A spreadsheet set up before sealing existed gets its secret now (after the caller's right to
 * set up was checked: nothing is written on a refusal), and its reviews ledger and log are
 * rewritten sealed, here, once. Returns how many rows were sealed (null when already sealed).
 */
function sealOnce(ctx: Context): { reviews: number; log: number } | null {
  if (sealState(ctx)) return null;
  const state = newSealState(ctx);
  const counts = {
    reviews: sealLegacySheet(ctx, "reviews", state),
    log: sealLegacySheet(ctx, "log", state),
  };
  saveSealState(ctx, state);
  return counts;
}
