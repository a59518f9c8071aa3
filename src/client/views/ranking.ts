// Ranking and export (coordinators): compute, a compact ranked list, a small SVG chart with
// rank-range whiskers, problems, and the shortlist export with a client-side CSV download.

import { CSV_STYLES, defaultCsvStyle, toCsv } from "../../core/csv";
import {
  csvFileName,
  formatDateTimeWib,
  formatPercent,
  formatRupiah,
  formatScore,
} from "../../core/format";
import { agreementWords, calibrationWords } from "../../core/ranking/words";
import type { ComputeRankingResult, RankProblem, RankRow, RowProblem } from "../../core/types";
import { call } from "../api";
import type { ChartInput } from "../chart";
import { bdi, downloadLink, h } from "../dom";
import { isClientKey } from "../i18n";
import { csvForDownload } from "../model";
import { button, flagLabel, notice, type ViewContext, withProgress } from "../ui";
import { rankingChart } from "./chart";

/** The engine's rows as the chart draws them (names from the sidebar's state). */
export function chartRows(
  rows: readonly RankRow[],
  names: ReadonlyMap<string, string>,
): ChartInput[] {
  return rows.map((r) => ({
    quickwinId: r.quickwinId,
    name: names.get(r.quickwinId) ?? r.quickwinId,
    rank: r.rank,
    score: r.score,
    rankLow: r.rankLow,
    rankHigh: r.rankHigh,
    shortlisted: r.shortlisted,
    flags: r.flags,
  }));
}

export function rankingView(ctx: ViewContext): HTMLElement {
  const { t, ui } = ctx;
  const out = h("div", { class: "call-status", "aria-live": "polite" });
  const compute = button(
    ui.ranking ? t("rank.recompute") : t("rank.compute"),
    "action",
    async () => {
      const result = await withProgress(
        ctx,
        { button: compute, region: body, out },
        "computeRanking",
      );
      if (!result) return;
      ui.ranking = result;
      ui.exported = null;
      ui.focusId = "rank-summary";
      ctx.render();
      // Who has not scored what they were asked: the board's warnings, fetched fresh.
      try {
        ui.plan.progress = await call("getProgress");
        ui.plan.stale = false;
        ctx.render();
      } catch {
        // The ranking stands; the warnings come with the next reload.
      }
      // Quickwins added by others since the sidebar loaded: fetch their names.
      const known = new Set(ctx.state.quickwins.map((q) => q.id));
      if (result.rows.some((r) => !known.has(r.quickwinId))) void ctx.refresh();
    },
    { id: "compute-ranking" },
  );
  const warnings = ui.ranking ? (ui.plan.progress?.warnings ?? []) : [];
  const body = h(
    "div",
    { class: "rank-body" },
    warnings.length
      ? notice(
          "warn",
          h("strong", { id: "rank-missing" }, t("ranking.missingTitle")),
          h(
            "ul",
            null,
            warnings.map((w) => h("li", { dir: "auto" }, w)),
          ),
        )
      : null,
    ui.ranking ? rankingResult(ctx, ui.ranking) : h("p", { class: "help" }, t("rank.intro")),
    !ui.ranking ? skippedRows(ctx) : null,
    !ui.ranking ? lastRankingSection(ctx) : null,
  );
  return h(
    "section",
    { class: "view" },
    h("h2", { id: "view-heading", tabindex: "-1" }, t("rank.title")),
    h("div", { class: "buttons" }, compute),
    out,
    body,
  );
}

/**
 * A reopened sidebar: the ranking the ranking sheet holds (computed earlier) keeps the meeting
 * and the export reachable, without recomputing first.
 */
function lastRankingSection(ctx: ViewContext): HTMLElement | null {
  const { t, state } = ctx;
  const last = state.lastRanking;
  if (!last) return null;
  const names = new Map(state.quickwins.map((q) => [q.id, q.name]));
  return h(
    "div",
    { id: "last-ranking" },
    h(
      "p",
      { class: "help" },
      t("rank.lastOnSheet", { ranked: last.ranked, total: last.rows }),
      " ",
      last.outdated ? [h("strong", { id: "last-outdated" }, t("rank.lastOutdated")), " "] : "",
      last.shortlist.length > 0
        ? [
            t("rank.lastShortlist"),
            " ",
            joinIsolated(last.shortlist.map((id) => names.get(id) ?? id)),
          ]
        : t("rank.lastNoShortlist"),
    ),
    meetingSection(ctx),
    exportSection(ctx),
  );
}

/** Names joined by commas, each bidi-isolated. */
function joinIsolated(names: string[]): (Node | string)[] {
  const out: (Node | string)[] = [];
  names.forEach((n, i) => {
    if (i > 0) out.push(", ");
    out.push(bdi(n));
  });
  return out;
}

function rankingResult(ctx: ViewContext, r: ComputeRankingResult): HTMLElement {
  const { t, locale, state } = ctx;
  const byId = new Map(state.quickwins.map((q) => [q.id, q]));
  const names = new Map(state.quickwins.map((q) => [q.id, q.name]));
  const rankedCount = r.rows.filter((row) => row.rank !== null).length;
  return h(
    "div",
    null,
    h(
      "p",
      { class: "help", id: "rank-summary", tabindex: "-1" },
      t("rank.summary", {
        when: formatDateTimeWib(r.computedAt, locale) || r.computedAt,
        ranked: rankedCount,
        total: r.rows.length,
      }),
      " ",
      r.agreement === null
        ? t("rank.agreementNone")
        : t("rank.agreement", { alpha: agreementWords(r.agreement, t, locale) }),
      " ",
      calibrationWords(r.calibration, t),
    ),
    rankedCount > 0
      ? rankingChart(ctx, chartRows(r.rows, names), { width: 268, font: 12, nameWidth: 0 })
      : // Nothing to show yet: say what is missing and where it is done, not just "0 of 0".
        notice(
          "info",
          r.rows.length === 0
            ? t("score.none")
            : t("rank.nothingRanked", { min: state.settings.minReviews }),
        ),
    h(
      "ol",
      { class: "rank-list", "aria-label": t("rank.listLabel") },
      r.rows.map((row) => rankItem(ctx, row, byId.get(row.quickwinId))),
    ),
    ledgerLine(ctx, r),
    problems(ctx, r),
    meetingSection(ctx),
    exportSection(ctx),
  );
}

function rankItem(
  ctx: ViewContext,
  row: RankRow,
  q: { name: string; agency: string; budget: number } | undefined,
): HTMLElement {
  const { t, locale } = ctx;
  const range =
    row.rankLow !== null && row.rankHigh !== null
      ? row.rankLow === row.rankHigh
        ? t("rank.rangeExact")
        : t("rank.range", { low: row.rankLow, high: row.rankHigh })
      : null;
  return h(
    "li",
    { class: row.shortlisted ? "rank-item shortlisted" : "rank-item", "data-id": row.quickwinId },
    h(
      "div",
      { class: "rank-head" },
      row.rank === null
        ? h(
            "span",
            { class: "rank-no" },
            h("span", { "aria-hidden": "true" }, "–"),
            h("span", { class: "sr-only" }, t("rank.unranked")),
          )
        : h("span", { class: "rank-no" }, `${row.rank}`),
      h(
        "span",
        { class: "rank-name" },
        h("span", { class: "qw-name" }, q?.name ?? row.quickwinId),
        h("span", { class: "qw-meta" }, q ? [bdi(q.agency), ` · ${formatRupiah(q.budget)}`] : ""),
      ),
      h(
        "span",
        { class: "rank-score", title: t("rank.scoreTitle") },
        row.score === null ? "–" : formatScore(row.score, locale),
      ),
    ),
    h(
      "p",
      { class: "rank-facts" },
      row.shortlisted ? h("span", { class: "badge shortlist" }, t("rank.shortlisted")) : null,
      range ? h("span", null, range) : null,
      row.pShortlist !== null
        ? h("span", null, t("rank.chance", { p: formatPercent(row.pShortlist) }))
        : null,
      h("span", null, t("rank.reviews", { n: row.reviewCount })),
    ),
    row.flags.length > 0
      ? h(
          "ul",
          { class: "flags", "aria-label": t("rank.flags") },
          row.flags.map((f) => h("li", null, flagLabel(t, f))),
        )
      : null,
  );
}

/** The rank.rowProblem line of a sheet row that could not be read. */
function rowProblemText(ctx: ViewContext, p: RowProblem): string {
  return ctx.t("rank.rowProblem", { sheet: p.sheet, row: p.row, message: p.message });
}

/** A "problems" section listing `items`, or nothing when there are none. */
function problemSection(ctx: ViewContext, headingId: string, items: string[]): HTMLElement | null {
  if (items.length === 0) return null;
  return h(
    "section",
    { class: "problems", "aria-labelledby": headingId },
    h("h3", { id: headingId }, ctx.t("rank.problems", { n: items.length })),
    h(
      "ul",
      null,
      items.map((m) => h("li", null, m)),
    ),
  );
}

/**
 * An excluded review in the sidebar's language (the engine's message is in the server's),
 * naming the quickwin rather than only its id.
 */
function problemText(ctx: ViewContext, p: RankProblem): string {
  const key = `problem.${p.code}`;
  if (!isClientKey(key)) return p.message;
  const q = p.quickwinId ? ctx.state.quickwins.find((x) => x.id === p.quickwinId) : undefined;
  const quickwinId = q ? `${q.name} (${q.id})` : (p.quickwinId ?? "");
  return ctx.t(key, { quickwinId, reviewer: p.reviewer ?? "" });
}

/** Whether the sealed ledger held, in words: verified with its count, or what failed. */
function ledgerLine(ctx: ViewContext, r: ComputeRankingResult): HTMLElement | null {
  const check = r.ledger;
  if (!check) return null;
  const missing = check.gaps.reduce((n, [from, to]) => n + to - from + 1, 0);
  if (check.tampered.length === 0 && missing === 0) {
    return h("p", { class: "help ledger-ok" }, ctx.t("rank.ledgerVerified", { n: check.sealed }));
  }
  return h(
    "p",
    { class: "notice warn ledger-failed", role: "status" },
    ctx.t("rank.ledgerFailed", { tampered: check.tampered.length, missing }),
  );
}

function problems(ctx: ViewContext, r: ComputeRankingResult): HTMLElement | null {
  // Conflicts of interest are the rules working, not data to fix: counted in one line.
  const conflicts = r.problems.filter((p) => p.code === "conflict-of-interest").length;
  const section = problemSection(ctx, "problems-heading", [
    ...r.problems.filter((p) => p.code !== "conflict-of-interest").map((p) => problemText(ctx, p)),
    ...r.rowProblems.map((p) => rowProblemText(ctx, p)),
  ]);
  const note =
    conflicts > 0 ? h("p", { class: "help" }, ctx.t("rank.conflicts", { n: conflicts })) : null;
  return section || note ? h("div", null, note, section) : null;
}

/** Rows of the sheets that could not be read (coordinators see them before ranking too). */
function skippedRows(ctx: ViewContext): HTMLElement | null {
  return problemSection(
    ctx,
    "skipped-heading",
    (ctx.state.problems ?? []).map((p) => rowProblemText(ctx, p)),
  );
}

/** Opens the meeting view: a large dialog over the spreadsheet, for the projector. */
function meetingSection(ctx: ViewContext): HTMLElement {
  const { t } = ctx;
  const out = h("div", { class: "call-status", "aria-live": "polite" });
  const open = button(
    t("meeting.open"),
    "action",
    async () => {
      const done = await withProgress(ctx, { button: open, out }, "showMeetingView");
      if (done === null && !out.querySelector(".notice.error")) {
        out.replaceChildren(notice("ok", t("meeting.opened")));
      }
    },
    { id: "open-meeting" },
  );
  return h(
    "section",
    { class: "export", "aria-labelledby": "meeting-heading" },
    h("h3", { id: "meeting-heading" }, t("meeting.title")),
    h("p", { class: "help" }, t("meeting.openHelp")),
    h("div", { class: "buttons" }, open),
    out,
  );
}

function exportSection(ctx: ViewContext): HTMLElement {
  const { t, ui, locale } = ctx;
  const out = h("div", { class: "call-status", "aria-live": "polite" });
  const result = h("div", null);
  const showExport = () => {
    const e = ui.exported;
    if (!e) return;
    const fileName = csvFileName(Date.now(), locale);
    const style = ui.csvStyle ?? defaultCsvStyle(locale);
    const link = () =>
      downloadLink(
        csvForDownload(toCsv(e.csvRows, style)),
        fileName,
        "text/csv;charset=utf-8",
        t("rank.download", { file: fileName }),
      );
    const select = h(
      "select",
      {
        id: "csv-style",
        on: {
          change: () => {
            ui.csvStyle = select.value === "comma" ? "comma" : "semicolon";
            showExport();
            document.getElementById("csv-style")?.focus();
          },
        },
      },
      CSV_STYLES.map((s) => h("option", { value: s, selected: s === style }, t(`csv.${s}`))),
    );
    result.replaceChildren(
      notice("ok", t("rank.exported", { sheet: e.sheetName, n: e.quickwinIds.length })),
      h("div", { class: "field" }, h("label", { for: "csv-style" }, t("csv.style")), select),
      h("div", { class: "buttons" }, link()),
    );
  };
  const exportButton = button(
    t("rank.export"),
    "action",
    async () => {
      const value = await withProgress(
        ctx,
        { button: exportButton, region: section, out },
        "exportShortlist",
      );
      if (!value) return;
      ui.exported = value;
      showExport();
      result.querySelector<HTMLElement>("a")?.focus();
    },
    { id: "export-shortlist" },
  );
  const section = h(
    "section",
    { class: "export", "aria-labelledby": "export-heading" },
    h("h3", { id: "export-heading" }, t("rank.exportTitle")),
    h("p", { class: "help" }, t("rank.exportHelp")),
    h("div", { class: "buttons" }, exportButton),
    out,
    result,
  );
  showExport();
  return section;
}
