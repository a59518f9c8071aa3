// Reading and writing the records of each sheet. Reading tolerates hand-edited sheets: every
// row is converted cell by cell and parsed with the zod record schemas; a bad row is skipped
// and reported as a RowProblem (sheet, row number, what is wrong), blank rows are ignored.
import * as z from "zod/mini";
import { type Translate, translator } from "../core/i18n";
import {
  type Criterion,
  CriterionSchema,
  DEFAULT_SETTINGS,
  DIMENSIONS,
  ownValue,
  type PanelMember,
  PanelMemberSchema,
  type Quickwin,
  QuickwinSchema,
  type Review,
  ReviewSchema,
  ROLES,
  type Settings,
  SettingsSchema,
  STAGES,
} from "../core/schemas";
import type { RowProblem } from "../core/types";
import { describeIssues } from "../core/validation";
import { cellBoolean, cellDate, cellNumber, cellText, isBlankRow, isDate } from "./cells";
import { colIndex, type SheetKey, SPECS } from "./layout";
import type { SheetData } from "./runtime";

export interface Parsed<T> {
  items: T[];
  /** 1-based sheet row of each item. */
  rows: number[];
  problems: RowProblem[];
}

type Cells = Record<string, unknown>;

function rowObject(key: SheetKey, row: readonly unknown[]): Cells {
  const out: Cells = {};
  SPECS[key].columns.forEach((c, i) => {
    out[c.key] = row[i];
  });
  return out;
}

/** Optional text: undefined when empty. */
function opt(value: unknown, tz: string): string | undefined {
  const s = cellText(value, tz).trim();
  return s === "" ? undefined : s;
}

function optNumber(value: unknown): number | undefined {
  return cellNumber(value);
}

/** A key or any of its localized labels ("Uji coba", "Smart Governance", "Koordinator"). */
function enumValue(
  value: unknown,
  keys: readonly string[],
  prefixes: string[],
  tz: string,
): string | undefined {
  const s = cellText(value, tz).trim();
  if (s === "") return undefined;
  const lower = s.toLowerCase();
  for (const k of keys) if (k === lower) return k;
  for (const locale of ["id", "en"] as const) {
    const t = translator(locale) as (key: string) => string;
    for (const k of keys) {
      for (const p of prefixes) {
        const label = t(`${p}.${k}`);
        if (typeof label === "string" && label.toLowerCase() === lower) return k;
      }
    }
  }
  return s;
}

export function parseRows<T>(
  data: SheetData | null,
  t: Translate,
  convert: (cells: Cells, row: number) => unknown,
  schema: z.ZodMiniType<T>,
  uniqueKey?: (item: T) => string,
): Parsed<T> {
  const out: Parsed<T> = { items: [], rows: [], problems: [] };
  if (!data) return out;
  const seen = new Set<string>();
  for (let i = 1; i < data.values.length; i++) {
    const raw = data.values[i]!;
    if (isBlankRow(raw)) continue;
    const row = i + 1;
    try {
      const input = convert(rowObject(data.key, raw), row);
      const result = schema.safeParse(input);
      if (!result.success) {
        out.problems.push({
          sheet: data.name,
          row,
          message: describeIssues(result.error, input, t),
        });
        continue;
      }
      if (uniqueKey) {
        const k = uniqueKey(result.data);
        if (seen.has(k)) {
          out.problems.push({ sheet: data.name, row, message: t("row.duplicate", { id: k }) });
          continue;
        }
        seen.add(k);
      }
      out.items.push(result.data);
      out.rows.push(row);
    } catch (error) {
      out.problems.push({
        sheet: data.name,
        row,
        message: error instanceof Error && error.message ? error.message : t("v.invalid"),
      });
    }
  }
  return out;
}

export function parseQuickwins(data: SheetData | null, t: Translate, tz: string): Parsed<Quickwin> {
  return parseRows(
    data,
    t,
    (c) => ({
      id: cellText(c.id, tz).trim(),
      name: cellText(c.name, tz),
      agency: cellText(c.agency, tz),
      dimension: enumValue(c.dimension, DIMENSIONS, ["dimension", "dimensionShort"], tz),
      description: cellText(c.description, tz),
      startDate: cellDate(c.startDate, tz),
      endDate: cellDate(c.endDate, tz),
      budget: cellNumber(c.budget),
      beneficiaries: optNumber(c.beneficiaries),
      stage: enumValue(c.stage, STAGES, ["stage"], tz),
      evidenceUrl: opt(c.evidenceUrl, tz),
      createdBy: opt(c.createdBy, tz)?.toLowerCase(),
      source: isDate(c.source) ? (c.source as Date).toISOString() : opt(c.source, tz),
    }),
    QuickwinSchema,
    (q) => q.id,
  );
}

/** Level descriptors: a JSON array of strings, or one per line. */
export function parseLevels(value: unknown, tz: string): string[] | undefined {
  const s = cellText(value, tz);
  if (s.trim() === "") return undefined;
  if (s.trim().startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(s);
      if (Array.isArray(parsed) && parsed.every((x) => typeof x === "string")) return parsed;
    } catch {
      // not JSON: one per line
    }
  }
  return s.split(/\r?\n/).map((l) => l.trim());
}

export function formatLevels(levels: string[] | undefined): string {
  if (!levels || levels.length === 0) return "";
  return levels.some((l) => /[\r\n]/.test(l) || l.trim() !== l) || levels[0]?.startsWith("[")
    ? JSON.stringify(levels)
    : levels.join("\n");
}

export function parseCriteria(data: SheetData | null, t: Translate, tz: string): Parsed<Criterion> {
  const parsed = parseRows(
    data,
    t,
    (c) => {
      const min = cellNumber(c.min);
      const max = cellNumber(c.max);
      let levels = parseLevels(c.levels, tz);
      // A levels cell that does not match the range is dropped, not the whole criterion.
      if (levels && (min === undefined || max === undefined || levels.length !== max - min + 1))
        levels = undefined;
      return {
        id: cellText(c.id, tz).trim(),
        name: cellText(c.name, tz),
        description: opt(c.description, tz),
        weight: cellNumber(c.weight),
        min,
        max,
        levels,
      };
    },
    CriterionSchema,
    (x) => x.id,
  );
  return parsed;
}

export function parsePanel(data: SheetData | null, t: Translate, tz: string): Parsed<PanelMember> {
  return parseRows(
    data,
    t,
    (c) => ({
      email: cellText(c.email, tz),
      name: opt(c.name, tz),
      agency: opt(c.agency, tz),
      role: enumValue(c.role, ROLES, ["role"], tz),
    }),
    PanelMemberSchema,
    (m) => m.email,
  );
}

const StoredScores = z.record(z.string(), z.number());

export function parseScores(value: unknown, tz: string): Record<string, number> | undefined {
  const s = cellText(value, tz).trim();
  if (s === "") return {};
  try {
    const parsed: unknown = JSON.parse(s);
    const result = StoredScores.safeParse(parsed);
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

export function parseReviews(data: SheetData | null, t: Translate, tz: string): Parsed<Review> {
  return parseRows(
    data,
    t,
    (c) => {
      const scores = parseScores(c.scores, tz);
      if (scores === undefined) throw new Error(t("row.invalidJson"));
      const conflict = cellBoolean(c.declaredConflict);
      return {
        submittedAt: isDate(c.submittedAt)
          ? (c.submittedAt as Date).toISOString()
          : opt(c.submittedAt, tz),
        quickwinId: cellText(c.quickwinId, tz).trim(),
        reviewer: cellText(c.reviewer, tz).trim().toLowerCase(),
        scores,
        comment: cellText(c.comment, tz),
        declaredConflict: conflict === undefined ? c.declaredConflict : conflict,
      };
    },
    ReviewSchema,
  );
}

/** A settings cell as its key reads it: text, a yes/no, an instant, or a number. */
function settingValue(key: keyof Settings, cell: unknown, tz: string): unknown {
  switch (key) {
    case "normalization":
      return cellText(cell, tz).trim().toLowerCase();
    case "allowUnassigned":
    case "scoringOpen":
      return cellBoolean(cell);
    case "scoringClosesAt":
      // Written with the text prefix (see settingsRows); a stored ' is not part of the instant.
      return isDate(cell) ? cell.toISOString() : cellText(cell, tz).trim().replace(/^'+/, "");
    default:
      return cellNumber(cell);
  }
}

const SettingsRecordPatch = z.partial(SettingsSchema);

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

export function parseSettings(
  data: SheetData | null,
  t: Translate,
  tz: string,
): { settings: Settings; rows: Map<string, number>; problems: RowProblem[] } {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const rows = new Map<string, number>();
  const problems: RowProblem[] = [];
  if (!data) return { settings, rows, problems };
  for (let i = 1; i < data.values.length; i++) {
    const raw = data.values[i]!;
    if (isBlankRow(raw)) continue;
    const row = i + 1;
    const key = cellText(raw[0], tz).trim();
    if (!(SETTING_KEYS as string[]).includes(key)) {
      problems.push({
        sheet: data.name,
        row,
        message: t("row.unknownKey", { key: key.slice(0, 60) }),
      });
      continue;
    }
    const value = settingValue(key as keyof Settings, raw[1], tz);
    const input = { [key]: value };
    const result = SettingsRecordPatch.safeParse(input);
    if (!result.success || value === undefined) {
      problems.push({
        sheet: data.name,
        row,
        message: result.success
          ? `${key}: ${t("v.required")}`
          : describeIssues(result.error, input, t),
      });
      continue;
    }
    Object.assign(settings, result.data);
    rows.set(key, row);
  }
  return { settings, rows, problems };
}

// ---------- rows to write ----------

export function headerRow(key: SheetKey, t: Translate): string[] {
  return SPECS[key].columns.map((c) => t(c.header));
}

export function quickwinRow(q: Quickwin, updatedAt: string): unknown[] {
  return [
    q.id,
    q.name,
    q.agency,
    q.dimension,
    q.description,
    q.startDate ?? "",
    q.endDate ?? "",
    q.budget,
    q.beneficiaries ?? "",
    q.stage ?? "",
    q.evidenceUrl ?? "",
    q.createdBy ?? "",
    updatedAt,
    q.source ?? "",
  ];
}

export function criterionRow(c: Criterion): unknown[] {
  return [c.id, c.name, c.description ?? "", c.weight, c.min, c.max, formatLevels(c.levels)];
}

export function panelRow(m: PanelMember): unknown[] {
  return [m.email, m.name ?? "", m.agency ?? "", m.role];
}

export function reviewRow(r: Review, criteriaOrder: string[]): unknown[] {
  // Criteria order first, then any other ids; a Map, so no id can collide with Object's keys.
  const ordered = new Map<string, number>();
  for (const id of criteriaOrder) {
    const s = ownValue(r.scores, id);
    if (s !== undefined) ordered.set(id, s);
  }
  for (const [id, s] of Object.entries(r.scores)) if (!ordered.has(id)) ordered.set(id, s);
  return [
    r.submittedAt ?? "",
    r.quickwinId,
    r.reviewer,
    JSON.stringify(Object.fromEntries(ordered)),
    r.comment ?? "",
    r.declaredConflict === true,
  ];
}

export function settingsRows(s: Settings, t: Translate): unknown[][] {
  // An instant is written as text (the apostrophe), so Sheets never turns it into a date.
  const cell = (k: keyof Settings) => (k === "scoringClosesAt" && s[k] !== "" ? `'${s[k]}` : s[k]);
  return SETTING_KEYS.map((k) => [k, cell(k), t(`setting.${k}` as Parameters<Translate>[0])]);
}

export const QUICKWIN_ID_COLUMN = colIndex("quickwins", "id");
export const REVIEW_QUICKWIN_COLUMN = colIndex("reviews", "quickwinId");
