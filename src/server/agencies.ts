// The agency list (DESIGN §2, §3): the agencies sheet, which people may edit by hand, read and
// checked like every sheet; names typed anywhere resolved to their agency through it; names not
// yet on it added in the same locked write that saves them; and saveAgencies, the coordinator's
// whole-list edit (merging look-alikes = making one name an alias of another).
//
// The index: the list's multi-name agencies as groups of identity keys, kept in a document
// property (read with the registry, at no call). The ranking functions resolve agencies with it,
// since their budgets (DESIGN §8) have no room for one more sheet read; every function that does
// read the sheet brings the index up to date when it differs, so a hand edit of the sheet counts
// for the ranking from the next sidebar load or save on.
import {
  type Agency,
  type AgencyKey,
  AgencyListInputSchema,
  AgencySchema,
  agencyGroups,
  keyResolver,
  newAgencyNames,
} from "../core/agencies";
import { UserError } from "../core/errors";
import { identityKey } from "../core/identity";
import type { RowProblem } from "../core/types";
import { check, requireCoordinator } from "./api";
import { SPECS } from "./layout";
import { type Parsed, parseRows } from "./repo";
import { type Context, SheetFaultError } from "./runtime";
import { ensureSheet } from "./setup";
import { placeRow, type Table } from "./table";

export const AGENCY_INDEX_PROPERTY = "quickwin.agencies";
/** Document property values are limited (9 kB each): a long index takes several. */
const CHUNK = 8_000;
const MAX_CHUNKS = 40;

/** The agency list as read: its agencies, their rows, problems in words, and the resolver. */
export interface AgencyList extends Parsed<Agency> {
  resolve: AgencyKey;
  groups: string[][];
}

/** The sheet's rows: a bad row or a repeated name is skipped, a name two agencies claim reported. */
export function parseAgencies(table: Table, ctx: Context): AgencyList {
  const parsed = parseRows(table, ctx.rowT, ctx.knownTimeZone(), AgencySchema, (a) =>
    identityKey(a.name),
  );
  const { groups, clashes } = agencyGroups(parsed.items);
  const problems: RowProblem[] = [...parsed.problems];
  for (const c of clashes) {
    problems.push({
      sheet: table.name,
      row: parsed.rows[c.index]!,
      message: ctx.rowT("row.agencyClash", { value: c.value.slice(0, 60), other: c.other }),
    });
  }
  problems.sort((a, b) => a.row - b.row);
  return { ...parsed, problems, groups, resolve: keyResolver(groups) };
}

/** The index as the document properties hold it (null: never written, i.e. setup has not run). */
function storedIndex(ctx: Context): string | null {
  const first = ctx.property(AGENCY_INDEX_PROPERTY);
  if (first === null) return null;
  let json = first;
  for (let i = 1; i < MAX_CHUNKS; i++) {
    const part = ctx.property(`${AGENCY_INDEX_PROPERTY}.${i}`);
    if (!part) break;
    json += part;
  }
  return json;
}

/** The properties that store an index (stale chunks emptied), for one setProperties. */
export function indexProperties(ctx: Context, groups: string[][]): Record<string, string> {
  const json = JSON.stringify(groups);
  const out: Record<string, string> = {};
  const count = Math.max(1, Math.ceil(json.length / CHUNK));
  if (count > MAX_CHUNKS) throw new UserError(ctx.t("err.tooLarge"));
  for (let i = 0; i < count; i++) {
    out[i === 0 ? AGENCY_INDEX_PROPERTY : `${AGENCY_INDEX_PROPERTY}.${i}`] = json.slice(
      i * CHUNK,
      (i + 1) * CHUNK,
    );
  }
  for (let i = count; i < MAX_CHUNKS; i++) {
    const name = `${AGENCY_INDEX_PROPERTY}.${i}`;
    if (!ctx.property(name)) break;
    out[name] = "";
  }
  return out;
}

/** The index's properties as stored now (every chunk name, "" where absent), to put back. */
function indexSnapshot(ctx: Context): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < MAX_CHUNKS; i++) {
    const name = i === 0 ? AGENCY_INDEX_PROPERTY : `${AGENCY_INDEX_PROPERTY}.${i}`;
    const value = ctx.property(name);
    if (i > 0 && !value) break;
    out[name] = value ?? "";
  }
  return out;
}

/** Whether the stored index is this list's (nothing to write). */
export function indexIsCurrent(ctx: Context, groups: string[][]): boolean {
  return storedIndex(ctx) === JSON.stringify(groups);
}

/** Writes the index when it differs from the list (one call, only then). */
export function syncIndex(ctx: Context, groups: string[][]): void {
  if (!indexIsCurrent(ctx, groups)) ctx.setProperties(indexProperties(ctx, groups));
}

/** The agencies sheet read and checked; the index brought up to date with it. */
export function readAgencies(ctx: Context): AgencyList {
  const list = parseAgencies(ctx.table("agencies"), ctx);
  syncIndex(ctx, list.groups);
  return list;
}

/**
 * The resolver of the index (no sheet read): for the ranking functions. Without an index the
 * agencies sheet was never made: refused like a missing sheet, so setup makes it.
 */
export function indexedResolver(ctx: Context): AgencyKey {
  const json = storedIndex(ctx);
  let groups: unknown;
  try {
    groups = json === null ? null : JSON.parse(json);
  } catch {
    groups = null;
  }
  if (
    !Array.isArray(groups) ||
    !groups.every((g) => Array.isArray(g) && g.every((k) => typeof k === "string"))
  ) {
    const fault = { key: "agencies" as const, kind: "missing" as const, missing: [] };
    throw new SheetFaultError(ctx.faultMessage(fault), fault);
  }
  return keyResolver(groups as string[][]);
}

/**
 * Adds the typed names that are on no agency to the sheet (under the caller's lock), then runs
 * the caller's write: one appendRow for one name, one quoted block below the list for more (two
 * calls, whatever their number: an import may bring many). A write that fails takes
 * the added rows out again (best effort), so a save is never half done. New names are agencies
 * of one name: the index does not change. Returns the write's value and the names added.
 */
export function withAgencyNames<T>(
  ctx: Context,
  typed: readonly unknown[],
  write: () => T,
  options: { indexLater?: (properties: Record<string, string>) => void } = {},
): { value: T; added: string[] } {
  // `indexLater`: an index to bring up to date is handed to the caller, to write with its own
  // property write (an import's log reservation) instead of a call of its own.
  const list = parseAgencies(ctx.table("agencies"), ctx);
  if (!indexIsCurrent(ctx, list.groups)) {
    const properties = indexProperties(ctx, list.groups);
    if (options.indexLater) options.indexLater(properties);
    else ctx.setProperties(properties);
  }
  const added = newAgencyNames(list.items, typed);
  if (added.length === 0) return { value: write(), added };
  const table = ctx.table("agencies");
  const rows = added.map((name) => placeRow(table, SPECS.agencies, { name, aliases: [] }));
  let first: number | null = null;
  if (rows.length === 1) ctx.appendRow(table, rows[0]!, { quote: true });
  else first = ctx.appendQuoted(table, rows);
  try {
    return { value: write(), added };
  } catch (error) {
    try {
      ctx.clearRows(table, first, rows.length);
    } catch {
      // the write's error is the one to report
    }
    throw error;
  }
}

/** saveAgencies(agencies[]): the whole list; a name that two agencies claim is refused. */
export function handleSaveAgencies(ctx: Context, input: unknown): Agency[] {
  const parsed = check(AgencyListInputSchema, input, ctx, "field.agencies");
  const agencies = parsed.map((a) => AgencySchema.parse(a));
  const clash = agencyGroups(agencies).clashes[0];
  if (clash) {
    throw new UserError(
      ctx.t("err.agencyClash", {
        value: clash.value.slice(0, 60),
        agency: clash.agency.slice(0, 60),
        other: clash.other.slice(0, 60),
      }),
    );
  }
  ctx.email();
  return ctx.withLock(() => {
    requireCoordinator(ctx);
    // Repaired or made again here if need be, as setup would (like the decisions sheet).
    const table = ensureSheet(ctx, "agencies");
    // The index first, put back if the sheet's write fails: never one without the other.
    const previous = indexSnapshot(ctx);
    syncIndex(ctx, agencyGroups(agencies).groups);
    try {
      ctx.replaceRows(
        table,
        agencies.map((a) => placeRow(table, SPECS.agencies, a)),
      );
    } catch (error) {
      try {
        ctx.setProperties(previous);
      } catch {
        // the write's error is the one to report
      }
      throw error;
    }
    ctx.log({
      agencies: agencies.length,
      aliases: agencies.reduce((n, a) => n + a.aliases.length + (a.shortName ? 1 : 0), 0),
    });
    return agencies;
  });
}
