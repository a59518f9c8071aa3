// Sealing, once, a reviews ledger and a log written before sealing existed (DESIGN §2). Setup
// does it on the first run that finds no seal in the document properties: every row is kept,
// in its order, rewritten in the sealed layout (a number, a date cell, the scores also in
// words, details in words) and sealed. Afterwards an unsealed row is never sealed again — it is
// a row someone typed, and is reported as such.
import { translator } from "../core/i18n";
import type { LedgerKind } from "../core/ledger";
import { actionWords, detailWords } from "./audit";
import { cellText, isBlankRow, isDate } from "./cells";
import { parseScores, quoted, specOf } from "./layout";
import { type SealState, scoresInWords, sealedRow } from "./ledger";
import { parseCriteria } from "./repo";
import type { Context } from "./runtime";
import { layoutRow } from "./table";

/** Column index of each layout key, found by its header text in either language. */
function columnsByHeader(key: LedgerKind, header: readonly unknown[]): Map<string, number> {
  const found = new Map<string, number>();
  const texts = header.map((h) => cellText(h, "UTC").trim().toLowerCase());
  for (const c of specOf(key).columns) {
    for (const locale of ["id", "en"] as const) {
      const i = texts.indexOf(translator(locale)(c.header).toLowerCase());
      if (i >= 0 && !found.has(c.key)) found.set(c.key, i);
    }
  }
  return found;
}

function legacyTime(value: unknown): Date | string {
  if (isDate(value)) return new Date(Math.round(value.getTime() / 1000) * 1000);
  const ms = Date.parse(cellText(value, "UTC").trim());
  return Number.isFinite(ms) ? new Date(Math.round(ms / 1000) * 1000) : cellText(value, "UTC");
}

/** The cells of one legacy row in the sealed layout (without seq and seal). */
function legacyCells(
  ctx: Context,
  key: LedgerKind,
  get: (column: string) => unknown,
): Record<string, unknown> {
  const t = ctx.sheetT();
  const text = (column: string) => cellText(get(column), ctx.knownTimeZone());
  if (key === "log") {
    const details = text("details");
    let words = details;
    try {
      const parsed: unknown = JSON.parse(details);
      if (parsed && typeof parsed === "object") words = detailWords(t, parsed);
    } catch {
      // already words
    }
    return {
      time: legacyTime(get("time")),
      user: text("user"),
      action: actionWords(t, text("action")),
      details: words,
    };
  }
  const criteria = parseCriteria(ctx.table("criteria"), ctx.rowT, ctx.knownTimeZone()).items;
  const scores = parseScores(get("scores"), ctx.knownTimeZone());
  return {
    submittedAt: legacyTime(get("submittedAt")),
    quickwinId: text("quickwinId"),
    reviewer: text("reviewer"),
    scoresText: scores ? scoresInWords(scores, criteria) : "",
    scores: text("scores"),
    comment: text("comment"),
    declaredConflict: get("declaredConflict"),
  };
}

/**
 * Rewrites one legacy sheet sealed (one read, one write). Returns how many rows it sealed;
 * the state's counter for that ledger is set to it.
 */
export function sealLegacySheet(ctx: Context, key: LedgerKind, state: SealState): number {
  const sheet = ctx.sheet(key);
  if (!sheet) return 0;
  const spec = specOf(key);
  const width = spec.columns.length;
  const values = ctx.readValues(sheet);
  if (values.length === 0) return 0;
  const columns = columnsByHeader(key, values[0]!);
  if (columns.has("seal") && columns.has("seq")) return 0; // already in the sealed layout
  const rows: unknown[][] = [];
  for (let i = 1; i < values.length; i++) {
    const raw = values[i]!;
    if (isBlankRow(raw)) continue;
    const get = (column: string) => {
      const at = columns.get(column);
      return at === undefined ? "" : raw[at];
    };
    const line = sealedRow(ctx, state, key, rows.length + 1, legacyCells(ctx, key, get));
    rows.push(layoutRow(spec, line));
  }
  const header = spec.columns.map((c) => ctx.sheetT()(c.header));
  // The old, narrower or wider table is replaced whole; leftover cells are cleared in the pass.
  const oldWidth = values[0]!.length;
  const full = Math.max(width, oldWidth);
  const pad = (r: unknown[]) => [...r, ...new Array(full - r.length).fill("")];
  const block = [header, ...rows].map(pad);
  while (block.length < values.length) block.push(new Array(full).fill(""));
  const columnsNow = ctx.retry(() => sheet.getMaxColumns());
  if (columnsNow < full) ctx.retry(() => sheet.insertColumnsAfter(columnsNow, full - columnsNow));
  const quotedBlock = block.map((r) => r.map((v) => (v === undefined ? "" : quoted(v))));
  ctx.retry(() => sheet.getRange(1, 1, quotedBlock.length, full).setValues(quotedBlock));
  ctx.invalidate(key);
  state[key] = rows.length;
  return rows.length;
}
