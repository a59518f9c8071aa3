// The ranking chart's geometry, pure (no DOM): one horizontal band per quickwin holding its name,
// a score bar on a 0–100 axis and, in a lane of its own under the bar, its plausible ranks.
// Bands are stacked without overlap by construction; the SVG is drawn from this in views/chart.ts
// for the sidebar (narrow: the name above the bar) and the meeting view (wide: name beside it).
import { DISCUSS_FIRST } from "../core/meeting";
import type { Flag } from "../core/schemas";

export interface ChartInput {
  quickwinId: string;
  name: string;
  rank: number | null;
  score: number | null;
  rankLow: number | null;
  rankHigh: number | null;
  shortlisted: boolean;
  flags: readonly Flag[];
}

export interface ChartOptions {
  /** Total width in px. */
  width: number;
  /** Font size of names, px; the other sizes follow from it. */
  font: number;
  /** Width of a name column beside the bars; 0 puts each name on a line above its bar. */
  nameWidth: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartRowLayout {
  quickwinId: string;
  /** The band the row owns: every mark of the row lies inside it. */
  band: Box;
  name: { x: number; y: number; text: string; full: string };
  bar: Box;
  score: { x: number; y: number } | null;
  /** The rank lane: a track over ranks 1..n, the plausible range and the rank itself. */
  lane: { y: number; x0: number; x1: number; low: number; high: number; at: number } | null;
  range: { x: number; y: number; low: number; high: number } | null;
  /** Where the "discuss" marker sits (the row has flags that ask for discussion). */
  flag: { x: number; y: number } | null;
  row: ChartInput;
}

export interface ChartLayout {
  width: number;
  height: number;
  font: number;
  small: number;
  /** The score axis at the top: ticks 0, 25, 50, 75, 100. */
  axis: { y: number; x0: number; x1: number; ticks: { x: number; value: number }[] };
  /** Where the score and range columns start (right of the plot). */
  valueX: number;
  rows: ChartRowLayout[];
}

/** Flags the panel should talk about (the others are information, not doubt). */
export const DISCUSS_FLAGS: readonly Flag[] = DISCUSS_FIRST;

/** Rough width of `text` in Arial at `font` px (wide letters count more); errs on the wide side. */
export function textWidth(text: string, font: number): number {
  let units = 0;
  for (const ch of text) {
    if (/[iljtf.,:;'!|()[\] ]/.test(ch)) units += 0.33;
    else if (/[mwMW@%]/.test(ch)) units += 0.95;
    else if (/[A-Z0-9#&]/.test(ch)) units += 0.72;
    else if (/[\u0300-\u036f\u200b-\u200f]/.test(ch)) units += 0;
    else if (ch.charCodeAt(0) > 0x2e80) units += 1.05;
    else units += 0.58;
  }
  return units * font;
}

/** `text` cut (with an ellipsis) so that it fits `width` px. */
export function fitText(text: string, font: number, width: number): string {
  if (textWidth(text, font) <= width) return text;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(`${chars.slice(0, mid).join("").trimEnd()}…`, font) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join("").trimEnd()}…`;
}

const clampScore = (v: number) => Math.max(0, Math.min(100, v));

/** Ranked rows by rank, then the others (scored before unscored) in the order given. */
export function chartOrder(rows: readonly ChartInput[]): ChartInput[] {
  const ranked = rows
    .filter((r) => r.rank !== null && r.score !== null)
    .sort((a, b) => (a.rank as number) - (b.rank as number));
  const rest = rows.filter((r) => !(r.rank !== null && r.score !== null));
  return [
    ...ranked,
    ...rest.filter((r) => r.score !== null),
    ...rest.filter((r) => r.score === null),
  ];
}

export function chartLayout(input: readonly ChartInput[], opts: ChartOptions): ChartLayout {
  const font = opts.font;
  const small = Math.round(font * 0.85);
  const rows = chartOrder(input);
  const rankedCount = rows.filter((r) => r.rank !== null && r.score !== null).length;
  const n = Math.max(rankedCount, ...rows.map((r) => Math.max(r.rankHigh ?? 0, r.rank ?? 0)), 1);
  // Columns: [name] [plot] [value]; the value column holds "100,0" and "10–40".
  const valueWidth = Math.ceil(textWidth("10–40", small)) + 6;
  const inline = opts.nameWidth > 0;
  const plotX0 = (inline ? opts.nameWidth + 8 : 0) + 4;
  const plotX1 = opts.width - valueWidth - 4;
  const valueX = plotX1 + 6;
  const xOfScore = (v: number) => plotX0 + (clampScore(v) / 100) * (plotX1 - plotX0);
  const xOfRank = (r: number) =>
    n <= 1 ? plotX0 : plotX0 + ((Math.min(r, n) - 1) / (n - 1)) * (plotX1 - plotX0);

  // The axis: tick labels above a line.
  const axisY = small + 8;
  const axis = {
    y: axisY,
    x0: plotX0,
    x1: plotX1,
    ticks: [0, 25, 50, 75, 100].map((value) => ({ x: xOfScore(value), value })),
  };
  const nameLine = Math.round(font * 1.35);
  const barH = Math.max(8, Math.round(font * 0.8));
  const laneH = Math.max(6, Math.round(font * 0.55));
  const gap = 3;
  const rowGap = Math.round(font * 0.6);
  const markR = Math.round(small * 0.55);
  let y = axisY + 6;
  const out: ChartRowLayout[] = [];
  for (const row of rows) {
    const top = y;
    const barsTop = inline ? top + Math.max(0, (nameLine - barH) / 2) : top + nameLine;
    const bar: Box = {
      x: plotX0,
      y: barsTop,
      width: row.score === null ? 0 : xOfScore(row.score) - plotX0,
      height: barH,
    };
    const laneY = barsTop + barH + gap + laneH / 2;
    const bottom = Math.max(laneY + laneH / 2, inline ? top + nameLine : 0);
    const ranked = row.rank !== null && row.score !== null;
    const low = row.rankLow ?? row.rank;
    const high = row.rankHigh ?? row.rank;
    const discuss = row.flags.some((f) => DISCUSS_FLAGS.includes(f));
    const prefix = row.rank !== null ? `${row.rank}. ` : "– ";
    const full = `${prefix}${row.name}`;
    const nameRoom = (inline ? opts.nameWidth : opts.width) - (discuss ? markR * 2 + 6 : 0);
    const text = fitText(full, font, nameRoom);
    const nameY = top + Math.round(font * 1.05);
    out.push({
      quickwinId: row.quickwinId,
      band: { x: 0, y: top, width: opts.width, height: bottom - top },
      name: { x: 0, y: nameY, text, full },
      bar,
      score: row.score === null ? null : { x: valueX, y: barsTop + barH - 1 },
      lane:
        ranked && low !== null && high !== null
          ? {
              y: laneY,
              x0: plotX0,
              x1: plotX1,
              low: xOfRank(low),
              high: xOfRank(high),
              at: xOfRank(row.rank as number),
            }
          : null,
      range:
        ranked && low !== null && high !== null
          ? { x: valueX, y: laneY + small * 0.4, low, high }
          : null,
      flag: discuss
        ? {
            x: Math.min(textWidth(text, font) + markR + 4, nameRoom + markR + 4),
            y: nameY - font * 0.35,
          }
        : null,
      row,
    });
    y = bottom + rowGap;
  }
  return { width: opts.width, height: Math.ceil(y), font, small, axis, valueX, rows: out };
}

/** True when two boxes share any area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
