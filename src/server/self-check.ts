// selfCheck (DESIGN §5): what this live spreadsheet does, measured rather than assumed. Probe
// values are written by script into a temporary sheet under each text mechanism — the
// plain-text format "@" and the leading apostrophe — and read back with getValues and
// getFormulas; the caller's email, the document lock, flush, the spreadsheet's locale and time
// zone, and the time of one spreadsheet read are reported. The text finding chooses the
// mechanism the server's writes use (kept in the sheet registry).
import type { Translate } from "../core/i18n";
import { translator } from "../core/i18n";
import type { Locale } from "../core/types";
import { requireCoordinator } from "./api";
import { quoted } from "./layout";
import type { Context, TextMechanism } from "./runtime";

/** Typed-looking text that Sheets would otherwise turn into a formula, number, boolean, date. */
export const PROBES = ["=1+1", "007", "TRUE", "2019-09-05"] as const;

export interface ProbeResult {
  input: string;
  /** What getValues returned: its type and its text. */
  type: "text" | "number" | "boolean" | "date" | "empty" | "other";
  value: string;
  /** What getFormulas returned ("" when the cell holds no formula). */
  formula: string;
  kept: boolean;
}

export interface SelfCheckFindings {
  email: string;
  lock: boolean;
  flush: { ok: boolean; error?: string };
  locale: string;
  timeZone: string;
  /** Milliseconds one getValues of the probe range took. */
  readMs: number;
  format: ProbeResult[];
  quote: ProbeResult[];
  mechanism: TextMechanism;
}

export interface SelfCheckReport extends SelfCheckFindings {
  checkedAt: string;
  /** The report in words, in the caller's language: what the coordinator copies. */
  text: string;
}

function probeResult(input: string, got: unknown, formula: string): ProbeResult {
  const kept = typeof got === "string" && got === input && formula === "";
  const base = { input, formula, kept };
  if (got === "" || got === null || got === undefined) return { ...base, type: "empty", value: "" };
  if (typeof got === "string") return { ...base, type: "text", value: got };
  if (typeof got === "number") return { ...base, type: "number", value: String(got) };
  if (typeof got === "boolean") return { ...base, type: "boolean", value: String(got) };
  if (got instanceof Object && typeof (got as Date).getTime === "function")
    return { ...base, type: "date", value: new Date((got as Date).getTime()).toISOString() };
  return { ...base, type: "other", value: String(got) };
}

function message(error: unknown): string {
  return error instanceof Object && "message" in error ? String(error.message) : String(error);
}

/**
 * The measurements, under the caller's document lock (so `lock` is true by construction).
 * One temporary sheet, removed again; about ten service calls. A removal that fails hands the
 * sheet to `leftover` (setup's rollback removes it with the sheets it made) before the error
 * goes on, so a failed first setup leaves no stray tab behind.
 */
export function probeSpreadsheet(
  ctx: Context,
  knownLocale?: string,
  leftover?: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => void,
): SelfCheckFindings {
  const ss = ctx.ss();
  const email = ctx.email();
  const locale = knownLocale ?? ctx.retry(() => ss.getSpreadsheetLocale());
  const timeZone = ctx.timeZone();
  const name = `~qw-check-${Date.now().toString(36)}`;
  const sheet = ctx.retry(() => ss.insertSheet(name));
  try {
    const n = PROBES.length;
    // Column A: plain-text format, then the text as it is; column B: the leading apostrophe.
    ctx.retry(() => sheet.getRange(1, 1, n, 1).setNumberFormat("@"));
    const range = ctx.retry(() => sheet.getRange(1, 1, n, 2));
    const rows = PROBES.map((p) => [p, quoted(p)]);
    ctx.retry(() => range.setValues(rows));
    let flush: SelfCheckFindings["flush"] = { ok: true };
    try {
      ctx.retry(() => SpreadsheetApp.flush());
    } catch (error) {
      flush = { ok: false, error: message(error) };
    }
    const started = Date.now();
    const values = ctx.retry(() => range.getValues()) as unknown[][];
    const readMs = Date.now() - started;
    const formulas = ctx.retry(() => range.getFormulas()) as string[][];
    const format = PROBES.map((p, i) => probeResult(p, values[i]![0], formulas[i]![0] ?? ""));
    const quote = PROBES.map((p, i) => probeResult(p, values[i]![1], formulas[i]![1] ?? ""));
    const mechanism: TextMechanism = format.every((r) => r.kept) ? "format" : "quote";
    return { email, lock: true, flush, locale, timeZone, readMs, format, quote, mechanism };
  } finally {
    try {
      ctx.retry(() => ss.deleteSheet(sheet));
    } catch (error) {
      leftover?.(sheet);
      // biome-ignore lint/correctness/noUnsafeFinally: the removal's own failure is the error
      throw error;
    }
  }
}

function probeLine(t: Translate, r: ProbeResult): string {
  const got = r.formula
    ? t("check.gotFormula", { formula: r.formula })
    : t(`check.got.${r.type}`, { value: r.value });
  return `  ${r.input} → ${got}${r.kept ? "" : ` ✗`}`;
}

/** The findings in words, one line each, in the given language. */
export function reportText(findings: SelfCheckFindings, locale: Locale, checkedAt: string): string {
  const t = translator(locale);
  const verdict = (rs: ProbeResult[]) =>
    t(rs.every((r) => r.kept) ? "check.kept" : "check.notKept");
  return [
    t("check.title", { at: checkedAt }),
    t("check.email", { email: findings.email }),
    t(findings.lock ? "check.lockOk" : "check.lockFailed"),
    findings.flush.ok
      ? t("check.flushOk")
      : t("check.flushFailed", { error: findings.flush.error ?? "" }),
    t("check.locale", { locale: findings.locale, timeZone: findings.timeZone }),
    t("check.read", { ms: findings.readMs }),
    `${t("check.format")}: ${verdict(findings.format)}`,
    ...findings.format.map((r) => probeLine(t, r)),
    `${t("check.quote")}: ${verdict(findings.quote)}`,
    ...findings.quote.map((r) => probeLine(t, r)),
    t(findings.mechanism === "format" ? "check.useFormat" : "check.useQuote"),
  ].join("\n");
}

/** selfCheck(): coordinator; measures, keeps the text mechanism it chose, logs, reports. */
export function handleSelfCheck(ctx: Context): SelfCheckReport {
  ctx.email();
  return ctx.withLock(() => {
    requireCoordinator(ctx);
    const findings = probeSpreadsheet(ctx);
    const registry = ctx.registry();
    if (registry && registry.text !== findings.mechanism)
      ctx.saveRegistry({ ...registry, text: findings.mechanism });
    const checkedAt = new Date().toISOString();
    ctx.log({
      text: findings.mechanism,
      locale: findings.locale,
      timeZone: findings.timeZone,
      readMs: findings.readMs,
      flush: findings.flush.ok,
    });
    return { ...findings, checkedAt, text: reportText(findings, ctx.locale(), checkedAt) };
  });
}
