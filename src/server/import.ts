// Quickwins imported from a sheet (DESIGN §5): previewImport shows every row as it would be
// saved — valid, with its problems in words, or a duplicate (same name and agency, or a
// response already imported: its timestamp is kept as the quickwin's source) — and
// importQuickwins saves the valid rows in one block, the agencies they name that are not on the
// agency list yet joining it in the same locked change (DESIGN §2). Importing the same sheet
// again adds nothing. Row problems are worded in the sheets' language, as every row problem is
// (no read of the caller's language: an import has no call to spare for it).
import * as z from "zod/mini";
import { UserError } from "../core/errors";
import { dictionaries, hasKey } from "../core/i18n";
import { identityKey } from "../core/identity";
import {
  guessMapping,
  IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
  parseBudgetCell,
  parseCountCell,
  parseTypedDate,
  vocabularyValue,
} from "../core/import";
import { lazy } from "../core/lazy";
import type { ImportPreview, ImportResult, ImportRow } from "../core/planning";
import {
  DIMENSIONS,
  type Quickwin,
  QuickwinInputSchema,
  QuickwinSchema,
  STAGES,
} from "../core/schemas";
import { fieldErrors } from "../core/validation";
import { withAgencyNames } from "./agencies";
import { check, requireCoordinator } from "./api";
import { cellText, dateInZone, isBlankRow, isDate } from "./cells";
import { SPECS } from "./layout";
import { issueQuickwinIds, reserveLogWith } from "./ledger";
import { parseQuickwins } from "./repo";
import type { Context } from "./runtime";
import { placeRow } from "./table";

const column = () =>
  z.nullable(
    z
      .int({ error: "v.integer" })
      .check(z.gte(0, { error: "v.tooSmall" }), z.lte(200, { error: "v.tooLarge" })),
  );
const MappingSchema = lazy(() =>
  z.strictObject(
    Object.fromEntries(IMPORT_FIELDS.map((f) => [f, z.optional(column())])) as Record<
      ImportField,
      z.ZodMiniOptional<ReturnType<typeof column>>
    >,
  ),
);
const ImportInput = lazy(() =>
  z.strictObject({
    sheetName: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, { error: "v.required" }),
        z.maxLength(100, { error: "v.tooLong" }),
      ),
    /** Omitted: guessed from the header row. */
    mapping: z.optional(MappingSchema),
  }),
);
export type ImportInput = z.input<typeof ImportInput>;

/** The source sheet's rows (one range read); ours are refused: they are not forms. */
function readSource(ctx: Context, sheetName: string): unknown[][] {
  const reg = ctx.registry();
  const own = Object.values(reg?.sheets ?? {}).some(
    (e) => e && identityKey(e.name) === identityKey(sheetName),
  );
  if (own) throw new UserError(ctx.t("err.importOwnSheet", { sheet: sheetName }));
  const ss = ctx.ss();
  const sheet = ctx.retry(() => ss.getSheetByName(sheetName));
  if (!sheet) throw new UserError(ctx.t("err.importNoSheet", { sheet: sheetName }));
  // Its used area in one read (as every sheet is read).
  return ctx.readValues(sheet);
}

const labelDicts = () => [dictionaries.id, dictionaries.en] as unknown as Record<string, string>[];

/** One source row as a quickwin payload, each cell read as a person means it. */
function candidate(row: readonly unknown[], mapping: ImportMapping, tz: string) {
  const cell = (f: ImportField): unknown => {
    const i = mapping[f];
    return i === null || i === undefined ? "" : row[i];
  };
  const text = (f: ImportField) => cellText(cell(f), tz).trim();
  const date = (f: ImportField) => {
    const v = cell(f);
    if (isDate(v)) return dateInZone(v, tz);
    const s = text(f);
    return parseTypedDate(s) ?? s;
  };
  const budget = parseBudgetCell(cell("budget"));
  const beneficiaries = parseCountCell(cell("beneficiaries"));
  const stage = vocabularyValue(text("stage"), STAGES, labelDicts(), ["stage"]);
  const evidenceUrl = text("evidenceUrl");
  const stamp = cell("timestamp");
  return {
    source: isDate(stamp) ? stamp.toISOString() : text("timestamp"),
    payload: {
      name: text("name"),
      agency: text("agency"),
      dimension: vocabularyValue(text("dimension"), DIMENSIONS, labelDicts(), [
        "dimension",
        "dimensionShort",
      ]),
      description: text("description"),
      startDate: date("startDate"),
      endDate: date("endDate"),
      budget: budget === null ? text("budget") : (budget ?? 0),
      ...(beneficiaries === undefined
        ? {}
        : { beneficiaries: beneficiaries ?? text("beneficiaries") }),
      ...(stage ? { stage } : {}),
      ...(evidenceUrl ? { evidenceUrl } : {}),
    } as Record<string, unknown>,
  };
}

/** Every data row of the source: valid, invalid (problems in words) or a duplicate. */
function previewRows(
  ctx: Context,
  values: unknown[][],
  mapping: ImportMapping,
  existing: readonly Quickwin[],
): ImportRow[] {
  const tz = ctx.knownTimeZone();
  const pairKey = (name: unknown, agency: unknown) => `${identityKey(name)}|${identityKey(agency)}`;
  // Name-and-agency key → the quickwin it names first (an existing one, or an earlier row).
  const names = new Map<string, { name: string; agency: string }>(
    existing.map((q) => [pairKey(q.name, q.agency), q]),
  );
  const sources = new Set(existing.map((q) => identityKey(q.source ?? "")).filter((s) => s !== ""));
  const rows: ImportRow[] = [];
  for (let i = 1; i < values.length; i++) {
    if (isBlankRow(values[i]!)) continue;
    const { source, payload } = candidate(values[i]!, mapping, tz);
    const base = { row: i + 1, source, values: payload as ImportRow["values"] };
    const sourceKey = identityKey(source);
    const nameKey = pairKey(payload.name, payload.agency);
    if (sourceKey !== "" && sources.has(sourceKey)) {
      rows.push({
        ...base,
        status: "duplicate",
        problems: [ctx.rowT("import.dupSource", { source })],
      });
      continue;
    }
    const same = names.get(nameKey);
    if (same) {
      const params = { name: same.name, agency: same.agency };
      rows.push({ ...base, status: "duplicate", problems: [ctx.rowT("import.dupName", params)] });
      continue;
    }
    const parsed = QuickwinInputSchema.safeParse(payload);
    if (!parsed.success) {
      const problems = Object.entries(fieldErrors(parsed.error, payload, ctx.rowT)).map(
        ([field, message]) => {
          const key = `field.${field}`;
          return hasKey(dictionaries.id, key) ? `${ctx.rowT(key)}: ${message}` : message;
        },
      );
      rows.push({ ...base, status: "invalid", problems });
      continue;
    }
    names.set(nameKey, parsed.data);
    if (sourceKey !== "") sources.add(sourceKey);
    rows.push({
      ...base,
      values: parsed.data as ImportRow["values"],
      status: "valid",
      problems: [],
    });
  }
  return rows;
}

function preview(ctx: Context, input: unknown, existing: readonly Quickwin[]): ImportPreview {
  const args = check(ImportInput, input, ctx, "field.import");
  const values = readSource(ctx, args.sheetName);
  const headers = (values[0] ?? []).map((h) => cellText(h, ctx.knownTimeZone()));
  const mapping: ImportMapping = args.mapping ?? guessMapping(headers);
  const rows = previewRows(ctx, values, mapping, existing);
  const count = (s: ImportRow["status"]) => rows.filter((r) => r.status === s).length;
  return {
    sheetName: args.sheetName,
    headers,
    mapping: Object.fromEntries(
      IMPORT_FIELDS.map((f) => [f, mapping[f] ?? null]),
    ) as ImportPreview["mapping"],
    rows,
    counts: { valid: count("valid"), invalid: count("invalid"), duplicate: count("duplicate") },
  };
}

export function handlePreviewImport(ctx: Context, input: unknown): ImportPreview {
  check(ImportInput, input, ctx, "field.import");
  ctx.email();
  requireCoordinator(ctx);
  const table = ctx.table("quickwins");
  return preview(ctx, input, parseQuickwins(table, ctx.rowT, ctx.knownTimeZone()).items);
}

/** Saves the valid rows of the preview, computed again under the lock, in one block. */
export function handleImportQuickwins(ctx: Context, input: unknown): ImportResult {
  check(ImportInput, input, ctx, "field.import");
  const email = ctx.email();
  return ctx.withLock(
    () => {
      requireCoordinator(ctx);
      const table = ctx.table("quickwins");
      const result = preview(
        ctx,
        input,
        parseQuickwins(table, ctx.rowT, ctx.knownTimeZone()).items,
      );
      const valid = result.rows.filter((r) => r.status === "valid");
      const now = new Date().toISOString();
      const ids = issueQuickwinIds(ctx, table, valid.length);
      const imported: { row: number; id: string }[] = [];
      const block = valid.map((r, i) => {
        const id = ids[i]!;
        imported.push({ row: r.row, id });
        const q = QuickwinSchema.parse({
          ...r.values,
          id,
          createdBy: email,
          source: r.source || undefined,
        });
        return placeRow(table, SPECS.quickwins, { quickwin: q, updatedAt: now }, ctx.sheetT());
      });
      // Agencies not on the list yet join it in the same change, and leave it again if the
      // quickwins' write fails. A stale agency index is written with the log's reservation.
      let index: Record<string, string> | null = null;
      const { added } = withAgencyNames(
        ctx,
        valid.map((r) => r.values.agency),
        () => block.length > 0 && ctx.appendRows(table, block),
        {
          indexLater: (properties) => {
            index = properties;
          },
        },
      );
      if (index) reserveLogWith(ctx, index);
      ctx.log({
        sheet: result.sheetName,
        imported: imported.length,
        ...result.counts,
        ...(added.length > 0 && { added }),
      });
      return { ...result, imported };
    },
    // Its last step: flushed, the lock kept to the end of the execution (no release call).
    { last: () => true },
  );
}
