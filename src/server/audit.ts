// The audit log in words a person can read (an auditor from the Inspektorat): the time as a
// date cell, the user, the action named in the sheet's language, the details as a sentence —
// not JSON — and, like the reviews ledger, a sequence number and a seal on every row.
import { dictionaries, hasKey, type MessageKey, type Translate } from "../core/i18n";
import { clip } from "./cells";
import { nowToSecond, reserveLog, sealedRow } from "./ledger";
import type { Context } from "./runtime";

function known(key: string): key is MessageKey {
  return hasKey(dictionaries.id, key);
}

/** The action's name in the sheet's language (a function without a name keeps its own). */
export function actionWords(t: Translate, action: string): string {
  const key = `log.action.${action}`;
  return known(key) ? t(key) : action;
}

function valueWords(t: Translate, value: unknown): string {
  if (value === true) return t("word.yes");
  if (value === false) return t("word.no");
  if (Array.isArray(value)) {
    return value.length === 0 ? t("log.none") : value.map((v) => valueWords(t, v)).join(", ");
  }
  if (value && typeof value === "object") return detailWords(t, value);
  return String(value);
}

/** "quickwin: QW-003; konflik dinyatakan: tidak" — every field in words, none as JSON. */
export function detailWords(t: Translate, details: unknown): string {
  if (typeof details === "string") return details;
  if (!details || typeof details !== "object") return details === undefined ? "" : String(details);
  const parts: string[] = [];
  for (const [k, v] of Object.entries(details)) {
    if (v === undefined || v === null) continue;
    const key = `log.detail.${k}`;
    parts.push(`${known(key) ? t(key) : k}: ${valueWords(t, v)}`);
  }
  return parts.join("; ");
}

/** Appends one sealed row to the log: one property write (its number) and one appendRow. */
export function appendLog(ctx: Context, details: unknown): void {
  const sheet = ctx.sheet("log");
  if (!sheet) return;
  const reserved = reserveLog(ctx);
  if (!reserved) throw new Error("the log is not sealed yet (setup has not run)");
  const t = ctx.sheetT();
  const line = sealedRow(ctx, reserved.state, "log", reserved.seq, {
    time: nowToSecond(),
    user: ctx.knownEmail(),
    action: actionWords(t, ctx.action),
    details: clip(detailWords(t, details), 49_000),
  });
  ctx.appendLogLine(line);
}
