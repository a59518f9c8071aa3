// The agency list (DESIGN §2, §3): each agency has a name, an optional short name and aliases,
// and every one of them maps to the agency. Names are compared by identity key (identity.ts) —
// so "Dinkes", " DINKES " and "Dinkes" + U+200B are one name without being listed — while a
// look-alike the key does not fold (a Cyrillic "Dinkеs") stays its own agency until the
// coordinator makes it an alias. A name that is on no agency is its own agency; an empty key is
// no agency at all (no automatic conflict).
import * as z from "zod/mini";
import { identityKey, visibleText } from "./identity";
import { lazy } from "./lazy";
import { LIMITS } from "./schemas";

export interface Agency {
  name: string;
  shortName?: string;
  aliases: string[];
}

/** Aliases share one cell, separated by this (a person can type it); written with a space. */
export const ALIAS_SEPARATOR = ";";

/** The aliases typed in one cell ("Dinas Kesehatan; Dinkes Kab."), empty ones dropped. */
export function splitAliases(cell: string): string[] {
  return cell
    .split(ALIAS_SEPARATOR)
    .map((a) => a.trim())
    .filter((a) => identityKey(a) !== "");
}

export function joinAliases(aliases: readonly string[]): string {
  return aliases.join(`${ALIAS_SEPARATOR} `);
}

const name = () => z.string().check(z.trim(), z.maxLength(LIMITS.agency, { error: "v.tooLong" }));
const aliasText = () =>
  z.string().check(
    z.trim(),
    z.maxLength(LIMITS.agency, { error: "v.tooLong" }),
    z.refine((s: string) => !s.includes(ALIAS_SEPARATOR), { error: "v.aliasSeparator" }),
  );

/** One agency: a name whose key is not empty, an optional short name, its aliases. */
export const AgencySchema = lazy(() =>
  z.object({
    name: name().check(z.refine((s: string) => identityKey(s) !== "", { error: "v.required" })),
    shortName: z.optional(
      z.pipe(
        aliasText(),
        z.transform((s: string) => (identityKey(s) === "" ? undefined : s)),
      ),
    ),
    aliases: z.pipe(
      z.array(aliasText()).check(z.maxLength(100, { error: "v.tooMany" })),
      z.transform((list: string[]) => list.filter((a) => identityKey(a) !== "")),
    ),
  }),
);

export const AgencyListInputSchema = lazy(() =>
  z.array(z.strictObject(AgencySchema.shape)).check(z.maxLength(2_000, { error: "v.tooMany" })),
);
export type AgencyListInput = z.input<typeof AgencyListInputSchema>;

/** Every key an agency answers to: its name's first, then short name and aliases (unique). */
export function agencyKeys(agency: Agency): string[] {
  const keys: string[] = [];
  for (const value of [agency.name, agency.shortName ?? "", ...agency.aliases]) {
    const key = identityKey(value);
    if (key !== "" && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** A name or alias whose key already belongs to an earlier agency of the list. */
export interface AgencyClash {
  /** Index of the later agency, which loses the name. */
  index: number;
  value: string;
  agency: string;
  other: string;
}

/**
 * The list's keys grouped per agency, the agency's own name key first (what the ranking needs:
 * singletons resolve to themselves, so only groups of two or more keys are kept), and every
 * key claimed twice. The first agency that names a key keeps it.
 */
export function agencyGroups(agencies: readonly Agency[]): {
  groups: string[][];
  clashes: AgencyClash[];
} {
  const owner = new Map<string, number>();
  const groups: string[][] = [];
  const clashes: AgencyClash[] = [];
  agencies.forEach((agency, index) => {
    const mine: string[] = [];
    for (const value of [agency.name, agency.shortName ?? "", ...agency.aliases]) {
      const key = identityKey(value);
      if (key === "" || mine.includes(key)) continue;
      const other = owner.get(key);
      if (other !== undefined) {
        clashes.push({ index, value, agency: agency.name, other: agencies[other]!.name });
        continue;
      }
      owner.set(key, index);
      mine.push(key);
    }
    if (mine.length > 1) groups.push(mine);
  });
  return { groups, clashes };
}

/** Typed name → the key of its agency: the agency's name key, the name's own key, or "". */
export type AgencyKey = (name: unknown) => string;

/** The resolver of a list's groups (agencyGroups): one map lookup per name. */
export function keyResolver(groups: readonly (readonly string[])[]): AgencyKey {
  const canonical = new Map<string, string>();
  for (const group of groups) {
    const head = group[0];
    if (head === undefined) continue;
    for (const key of group) if (!canonical.has(key)) canonical.set(key, head);
  }
  return (value) => {
    const key = identityKey(value);
    return canonical.get(key) ?? key;
  };
}

export function agencyResolver(agencies: readonly Agency[]): AgencyKey {
  return keyResolver(agencyGroups(agencies).groups);
}

/** Whether two typed names are one agency: both non-empty, the same agency (DESIGN §4 step 1). */
export function sameAgencyOf(resolve: AgencyKey, a: unknown, b: unknown): boolean {
  const x = resolve(a);
  return x !== "" && x === resolve(b);
}

/** The listed agency a typed name maps to, if any. */
export function findAgency(agencies: readonly Agency[], typed: unknown): Agency | undefined {
  const key = identityKey(typed);
  if (key === "") return undefined;
  return agencies.find((a) => agencyKeys(a).includes(key));
}

/**
 * The typed names on no agency of the list, one per key (the first spelling, its invisible
 * characters removed): the agencies a save adds to the list.
 */
export function newAgencyNames(agencies: readonly Agency[], typed: readonly unknown[]): string[] {
  const known = new Set(agencies.flatMap(agencyKeys));
  const out: string[] = [];
  for (const value of typed) {
    const key = identityKey(value);
    if (key === "" || known.has(key) || typeof value !== "string") continue;
    known.add(key);
    out.push(visibleText(value).replace(/\s+/g, " "));
  }
  return out;
}

/** The names people may pick from as they type (name and short name of each agency). */
export function agencySuggestions(agencies: readonly Agency[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const a of agencies) {
    for (const value of [a.name, a.shortName ?? ""]) {
      const key = identityKey(value);
      if (key === "" || seen.has(key)) continue;
      seen.add(key);
      out.push(value);
    }
  }
  return out;
}

/**
 * Merges agency `from` into agency `into`: its name, short name and aliases become aliases of
 * `into` (keys it already answers to are not repeated), and `from` leaves the list.
 */
export function mergeAgency(agencies: readonly Agency[], from: number, into: number): Agency[] {
  const source = agencies[from];
  const target = agencies[into];
  if (!source || !target || from === into) return agencies.slice();
  const keys = new Set(agencyKeys(target));
  const aliases = target.aliases.slice();
  for (const value of [source.name, source.shortName ?? "", ...source.aliases]) {
    const key = identityKey(value);
    if (key === "" || keys.has(key)) continue;
    keys.add(key);
    aliases.push(value);
  }
  return agencies
    .map((a, i) => (i === into ? { ...target, aliases } : a))
    .filter((_, i) => i !== from);
}
