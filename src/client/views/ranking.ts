// Ranking and export (coordinators): compute, a compact ranked list, a small SVG chart with
// rank-range whiskers, problems, and the shortlist export with a client-side CSV download.

import {
  csvFileName,
  formatDateTimeWib,
  formatDecimal,
  formatPercent,
  formatRupiah,
} from "../../core/format";
import type { ComputeRankingResult, RankProblem, RankRow, RowProblem } from "../../core/types";
import { downloadLink, h, s } from "../dom";
import { isClientKey } from "../i18n";
import { chartBars, csvForDownload } from "../model";
import { button, flagLabel, notice, type ViewContext, withProgress } from "../ui";

const CHART = { width: 260, height: 80, maxBars: 20 };

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
      // Quickwins added by others since the sidebar loaded: fetch their names.
      const known = new Set(ctx.state.quickwins.map((q) => q.id));
      if (result.rows.some((r) => !known.has(r.quickwinId))) void ctx.refresh();
    },
    { id: "compute-ranking" },
  );
  const body = h(
    "div",
    { class: "rank-body" },
    ui.ranking ? rankingResult(ctx, ui.ranking) : h("p", { class: "help" }, t("rank.intro")),
    !ui.ranking ? skippedRows(ctx) : null,
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
        : t("rank.agreement", { alpha: formatDecimal(r.agreement, 2, locale) }),
      " ",
      t("rank.calibration", { method: t(`normalization.${r.normalizationUsed}`) }),
    ),
    rankedCount > 0 ? chart(ctx, r.rows, names) : null,
    h(
      "ol",
      { class: "rank-list", "aria-label": t("rank.listLabel") },
      r.rows.map((row) => rankItem(ctx, row, byId.get(row.quickwinId))),
    ),
    problems(ctx, r),
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
        h("span", { class: "qw-meta" }, q ? `${q.agency} · ${formatRupiah(q.budget)}` : ""),
      ),
      h(
        "span",
        { class: "rank-score", title: t("rank.scoreTitle") },
        row.score === null ? "–" : formatDecimal(row.score, 1, locale),
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

/** Bars by rank (height: score), each with a whisker over its plausible ranks. */
function chart(ctx: ViewContext, rows: RankRow[], names: Map<string, string>): Element {
  const { t, locale } = ctx;
  const bars = chartBars(rows, names, CHART);
  const pad = { top: 6, bottom: 16, left: 8 };
  const total = { w: CHART.width + pad.left * 2, h: CHART.height + pad.top + pad.bottom };
  const svg = s(
    "svg",
    {
      class: "chart",
      viewBox: `0 0 ${total.w} ${total.h}`,
      width: String(total.w),
      height: String(total.h),
      role: "img",
      "aria-label": t("rank.chartLabel"),
    },
    s("title", null, t("rank.chartLabel")),
    s("line", {
      x1: String(pad.left),
      x2: String(pad.left + CHART.width),
      y1: String(pad.top + CHART.height),
      y2: String(pad.top + CHART.height),
      stroke: "#80868b",
      "stroke-width": "1",
    }),
    bars.map((b) => {
      const y = pad.top + b.y;
      const label = t("rank.barLabel", {
        rank: b.rank,
        name: b.label,
        score: formatDecimal(b.score, 1, locale),
      });
      return s(
        "g",
        { "data-id": b.quickwinId },
        s("title", null, label),
        s("rect", {
          x: (pad.left + b.x).toFixed(1),
          y: y.toFixed(1),
          width: b.width.toFixed(1),
          height: Math.max(1, b.height).toFixed(1),
          rx: "1",
          fill: b.shortlisted ? "#1a73e8" : "#9aa0a6",
        }),
        s("line", {
          class: "whisker",
          x1: (pad.left + b.whiskerX1).toFixed(1),
          x2: (pad.left + b.whiskerX2).toFixed(1),
          y1: (y - 3).toFixed(1),
          y2: (y - 3).toFixed(1),
          stroke: "#202124",
          "stroke-width": "1.5",
        }),
        [b.whiskerX1, b.whiskerX2].map((x) =>
          s("line", {
            x1: (pad.left + x).toFixed(1),
            x2: (pad.left + x).toFixed(1),
            y1: (y - 6).toFixed(1),
            y2: y.toFixed(1),
            stroke: "#202124",
            "stroke-width": "1.5",
          }),
        ),
        s(
          "text",
          {
            x: (pad.left + b.x + b.width / 2).toFixed(1),
            y: String(total.h - 4),
            "text-anchor": "middle",
            "font-size": "9",
            fill: "#3c4043",
          },
          String(b.rank),
        ),
      );
    }),
  );
  return h(
    "figure",
    { class: "chart-box" },
    svg,
    h("figcaption", { class: "help" }, t("rank.chartCaption")),
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

function exportSection(ctx: ViewContext): HTMLElement {
  const { t, ui, locale } = ctx;
  const out = h("div", { class: "call-status", "aria-live": "polite" });
  const result = h("div", null);
  const showExport = () => {
    const e = ui.exported;
    if (!e) return;
    const fileName = csvFileName(Date.now(), locale);
    result.replaceChildren(
      notice("ok", t("rank.exported", { sheet: e.sheetName, n: e.quickwinIds.length })),
      h(
        "div",
        { class: "buttons" },
        downloadLink(
          csvForDownload(e.csv),
          fileName,
          "text/csv;charset=utf-8",
          t("rank.download", { file: fileName }),
        ),
      ),
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
