// Reading and writing the records of each sheet. Reading tolerates hand-edited sheets: every
// row is converted cell by cell and parsed with the zod record schemas; a bad row is skipped
// and reported as a RowProblem (sheet, row number, what is wrong), blank rows are ignored.
import * as z from "zod/mini";
import type { Translate } from "../core/i18n";
import { identityKey } from "../core/identity";
import { lazy } from "../core/lazy";
import {
  type Criterion,
  CriterionSchema,
  DEFAULT_SETTINGS,
  ownValue,
  type PanelMember,
  PanelMemberSchema,
  type Quickwin,
  QuickwinSchema,
  RETIRED_SETTING_KEYS,
  type Review,
  ReviewSchema,
  type Settings,
  SettingsSchema,
} from "../core/schemas";
import type { RowProblem } from "../core/types";
import { describeIssues } from "../core/validation";
import { cellBoolean, cellNumber, cellText, isDate } from "./cells";
import { type ReadContext, type SettingLine, specOf } from "./layout";
import { dataRows, type Table } from "./table";

export interface Parsed<T> {
  items: T[];
  /** 1-based sheet row of each item. */
  rows: number[];
  problems: RowProblem[];
}

/** A record read from a row: every readable column of the layout, then the sheet's finish. */
function readRecord(table: Table, cells: Record<string, unknown>, ctx: ReadContext) {
  const spec = specOf(table.key);
  let input: Record<string, unknown> = {};
  for (const c of spec.columns) if (c.read) input[c.key] = c.read(cells[c.key], ctx);
  if (spec.finish) input = spec.finish(input);
  return input;
}

export function parseRows<T>(
  table: Table,
  t: Translate,
  tz: string,
  schema: z.ZodMiniType<T>,
  uniqueKey?: (item: T) => string,
): Parsed<T> {
  const out: Parsed<T> = { items: [], rows: [], problems: [] };
  const seen = new Set<string>();
  for (const { row, cells } of dataRows(table)) {
    try {
      const input = readRecord(table, cells, { tz, t });
      const result = schema.safeParse(input);
      if (!result.success) {
        out.problems.push({
          sheet: table.name,
          row,
          message: describeIssues(result.error, input, t),
        });
        continue;
      }
      if (uniqueKey) {
        const k = uniqueKey(result.data);
        if (seen.has(k)) {
          out.problems.push({
            sheet: table.name,
            row,
            message: t("row.duplicate", { id: k.slice(0, 64) }),
          });
          continue;
        }
        seen.add(k);
      }
      out.items.push(result.data);
      out.rows.push(row);
    } catch (error) {
      out.problems.push({
        sheet: table.name,
        row,
        message: error instanceof Error && error.message ? error.message : t("v.invalid"),
      });
    }
  }
  return out;
}

export function parseQuickwins(table: Table, t: Translate, tz: string): Parsed<Quickwin> {
  return parseRows(table, t, tz, QuickwinSchema, (q) => identityKey(q.id));
}

export function parseCriteria(table: Table, t: Translate, tz: string): Parsed<Criterion> {
  return parseRows(table, t, tz, CriterionSchema, (c) => identityKey(c.id));
}

export function parsePanel(table: Table, t: Translate, tz: string): Parsed<PanelMember> {
  return parseRows(table, t, tz, PanelMemberSchema, (m) => identityKey(m.email));
}

export function parseReviews(table: Table, t: Translate, tz: string): Parsed<Review> {
  return parseRows(table, t, tz, ReviewSchema);
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
      // Written with the text prefix (see settingLines); a stored ' is not part of the instant.
      return isDate(cell)
        ? (cell as Date).toISOString()
        : cellText(cell, tz).trim().replace(/^'+/, "");
    default:
      return cellNumber(cell);
  }
}

const SettingsRecordPatch = lazy(() => z.partial(SettingsSchema));

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/** The settings sheet: one key and value per row; keys not on the sheet keep their default. */
export function parseSettings(
  table: Table,
  t: Translate,
  tz: string,
): { settings: Settings; rows: Map<string, number>; problems: RowProblem[] } {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const rows = new Map<string, number>();
  const problems: RowProblem[] = [];
  for (const { row, cells } of dataRows(table)) {
    const typed = cellText(cells.key, tz).trim();
    if (RETIRED_SETTING_KEYS.some((k) => identityKey(k) === identityKey(typed))) continue;
    const key = SETTING_KEYS.find((k) => identityKey(k) === identityKey(typed));
    if (!key) {
      problems.push({
        sheet: table.name,
        row,
        message: t("row.unknownKey", { key: typed.slice(0, 60) }),
      });
      continue;
    }
    const value = settingValue(key, cells.value, tz);
    const input = { [key]: value };
    const result = SettingsRecordPatch.safeParse(input);
    if (!result.success || value === undefined) {
      problems.push({
        sheet: table.name,
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

// ---------- records to write ----------

/** A review's scores in rubric order, then any other ids. */
export function orderedScores(
  scores: Readonly<Record<string, number>>,
  criteriaOrder: readonly string[],
): Record<string, number> {
  // A Map first, so no id can collide with Object's own keys.
  const ordered = new Map<string, number>();
  for (const id of criteriaOrder) {
    const s = ownValue(scores, id);
    if (s !== undefined) ordered.set(id, s);
  }
  for (const [id, s] of Object.entries(scores)) if (!ordered.has(id)) ordered.set(id, s);
  return Object.fromEntries(ordered);
}

/** The settings as the rows of their sheet. */
const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export function settingLines(s: Settings, t: Translate): SettingLine[] {
  return SETTING_KEYS.map((key) => ({
    key,
    // An instant is written as text (the apostrophe), so Sheets never turns it into a date;
    // a yes/no in words ("Ya", "Tidak"), which reading takes back like TRUE/FALSE.
    value:
      key === "scoringClosesAt" && s[key] !== ""
        ? `'${s[key]}`
        : typeof s[key] === "boolean"
          ? capitalized(t(s[key] ? "word.yes" : "word.no"))
          : s[key],
    label: t(`setting.${key}` as Parameters<Translate>[0]),
  }));
}
