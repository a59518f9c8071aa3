// The ranking chart as SVG (built with the dom.ts helpers: names reach the page as text nodes),
// from the geometry of chart.ts. Used by the sidebar (300 px) and the meeting view (wide).
import { formatScore } from "../../core/format";
import type { Locale } from "../../core/types";
import { type ChartInput, type ChartLayout, type ChartOptions, chartLayout } from "../chart";
import { h, s } from "../dom";
import type { T as Translate } from "../i18n";

const COLOURS = {
  shortlist: "#1a73e8",
  other: "#9aa0a6",
  unranked: "#ffffff",
  axis: "#80868b",
  grid: "#e8eaed",
  track: "#dadce0",
  range: "#3c4043",
  text: "#202124",
  muted: "#5f6368",
  flag: "#e37400",
};

const fixed = (v: number) => v.toFixed(1);

/** The accessible sentence of one row (also its tooltip). */
export function chartRowText(t: Translate, locale: Locale, row: ChartInput): string {
  const range =
    row.rank === null || row.score === null
      ? t("chart.rowUnranked")
      : t("chart.rowRange", {
          low: row.rankLow ?? row.rank,
          high: row.rankHigh ?? row.rank,
        });
  const parts = [
    t("chart.row", {
      name: `${row.rank !== null ? `${row.rank}. ` : ""}${row.name}`,
      score: row.score === null ? "–" : formatScore(row.score, locale),
      range,
    }),
  ];
  if (row.shortlisted) parts.push(t("chart.rowShortlist"));
  for (const f of row.flags) parts.push(t(`flag.${f}`));
  return parts.join("; ");
}

function axis(layout: ChartLayout, t: Translate): Element[] {
  const { axis: a, small } = layout;
  const out: Element[] = [
    s("line", {
      x1: fixed(a.x0),
      x2: fixed(a.x1),
      y1: fixed(a.y),
      y2: fixed(a.y),
      stroke: COLOURS.axis,
      "stroke-width": "1",
    }),
    s(
      "text",
      {
        x: fixed(layout.valueX),
        y: fixed(a.y - 3),
        "font-size": String(small),
        fill: COLOURS.muted,
      },
      t("chart.axis"),
    ),
  ];
  a.ticks.forEach((tick, i) => {
    const anchor = i === 0 ? "start" : i === a.ticks.length - 1 ? "end" : "middle";
    out.push(
      s("line", {
        class: "grid",
        x1: fixed(tick.x),
        x2: fixed(tick.x),
        y1: fixed(a.y),
        y2: fixed(layout.height),
        stroke: COLOURS.grid,
        "stroke-width": "1",
      }),
      s(
        "text",
        {
          class: "tick",
          x: fixed(tick.x),
          y: fixed(a.y - 3),
          "text-anchor": anchor,
          "font-size": String(small),
          fill: COLOURS.muted,
        },
        String(tick.value),
      ),
    );
  });
  return out;
}

type ChartRow = ChartLayout["rows"][number];

/** The "to discuss" mark: a filled circle with "!". */
function flagMark(flag: NonNullable<ChartRow["flag"]>, small: number): Element {
  return s(
    "g",
    { class: "chart-flag" },
    s("circle", {
      cx: fixed(flag.x),
      cy: fixed(flag.y),
      r: fixed(small * 0.55),
      fill: COLOURS.flag,
    }),
    s(
      "text",
      {
        x: fixed(flag.x),
        y: fixed(flag.y + small * 0.36),
        "text-anchor": "middle",
        "font-size": String(Math.round(small * 0.9)),
        "font-weight": "bold",
        fill: "#ffffff",
      },
      "!",
    ),
  );
}

/** The score bar (an outlined empty box for an unranked quickwin). */
function scoreBar(bar: ChartRow["bar"], ranked: boolean, fill: string): Element {
  return s("rect", {
    class: "chart-bar",
    x: fixed(bar.x),
    y: fixed(bar.y),
    width: fixed(Math.max(bar.width, ranked ? 1 : 0)),
    height: fixed(bar.height),
    fill,
    stroke: ranked ? "none" : COLOURS.other,
    "stroke-width": "1",
  });
}

/** The plausible ranks in the row's own lane: the track, the range and the rank itself. */
function rankLane(lane: NonNullable<ChartRow["lane"]>, fill: string): Element {
  return s(
    "g",
    { class: "chart-lane" },
    s("line", {
      x1: fixed(lane.x0),
      x2: fixed(lane.x1),
      y1: fixed(lane.y),
      y2: fixed(lane.y),
      stroke: COLOURS.track,
      "stroke-width": "2",
    }),
    s("line", {
      class: "chart-range",
      x1: fixed(lane.low),
      x2: fixed(Math.max(lane.high, lane.low + 0.5)),
      y1: fixed(lane.y),
      y2: fixed(lane.y),
      stroke: COLOURS.range,
      "stroke-width": "3",
      "stroke-linecap": "round",
    }),
    s("circle", {
      cx: fixed(lane.at),
      cy: fixed(lane.y),
      r: "3",
      fill: fill === COLOURS.other ? COLOURS.range : fill,
      stroke: "#ffffff",
      "stroke-width": "1",
    }),
  );
}

/** A small text mark of a row (its score, its rank range). */
function smallText(cls: string, at: { x: number; y: number }, size: number, text: string): Element {
  const fill = cls === "chart-score" ? COLOURS.text : COLOURS.muted;
  return s(
    "text",
    { class: cls, x: fixed(at.x), y: fixed(at.y), "font-size": String(size), fill },
    text,
  );
}

function rowMarks(layout: ChartLayout, r: ChartRow, t: Translate, locale: Locale): Element {
  const { font, small } = layout;
  const ranked = r.row.rank !== null && r.row.score !== null;
  const fill = !ranked ? COLOURS.unranked : r.row.shortlisted ? COLOURS.shortlist : COLOURS.other;
  const score = r.row.score === null ? "" : formatScore(r.row.score, locale);
  const range = r.range
    ? r.range.low === r.range.high
      ? String(r.range.low)
      : `${r.range.low}–${r.range.high}`
    : "";
  return s(
    "g",
    {
      class: r.row.shortlisted ? "chart-row shortlisted" : "chart-row",
      "data-id": r.quickwinId,
      role: "listitem",
      "aria-label": chartRowText(t, locale, r.row),
    },
    s("title", null, chartRowText(t, locale, r.row)),
    s(
      "text",
      {
        class: "chart-name",
        x: fixed(r.name.x),
        y: fixed(r.name.y),
        "font-size": String(font),
        "font-weight": r.row.shortlisted ? "bold" : "normal",
        fill: COLOURS.text,
      },
      r.name.text,
    ),
    r.flag ? flagMark(r.flag, small) : null,
    r.bar.width > 0 || !ranked ? scoreBar(r.bar, ranked, fill) : null,
    r.score ? smallText("chart-score", r.score, small, score) : null,
    r.lane ? rankLane(r.lane, fill) : null,
    r.range ? smallText("chart-range-text", r.range, small, range) : null,
  );
}

/** The chart and its legend; `rows` in any order (drawn by rank, then the unranked). */
export function rankingChart(
  ctx: { t: Translate; locale: Locale },
  rows: readonly ChartInput[],
  opts: ChartOptions,
): HTMLElement {
  const { t, locale } = ctx;
  const layout = chartLayout(rows, opts);
  const svg = s(
    "svg",
    {
      class: "chart",
      viewBox: `0 0 ${layout.width} ${layout.height}`,
      width: String(layout.width),
      height: String(layout.height),
      role: "img",
      "aria-label": t("chart.label"),
      "font-family": "Arial, Roboto, sans-serif",
    },
    s("title", null, t("chart.label")),
    axis(layout, t),
    s(
      "g",
      { role: "list" },
      layout.rows.map((r) => rowMarks(layout, r, t, locale)),
    ),
  );
  const swatch = (cls: string) => h("span", { class: `swatch ${cls}`, "aria-hidden": "true" });
  return h(
    "figure",
    { class: "chart-box" },
    svg,
    h(
      "figcaption",
      { class: "chart-legend help" },
      h("span", null, swatch("sw-shortlist"), t("chart.legendShortlist")),
      h("span", null, swatch("sw-other"), t("chart.legendOther")),
      h("span", null, swatch("sw-flag"), t("chart.legendFlag")),
      h("span", null, swatch("sw-range"), t("chart.legendRange")),
    ),
  );
}
