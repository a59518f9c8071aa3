// The ranking chart's geometry: every row in its own band (no mark of one row reaches another's),
// names present (cut with an ellipsis only when too wide), bars on the 0–100 axis, ranges in rank
// order. The drawn SVG is checked in Chromium (chart.browser.test.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ChartInput, chartLayout, fitText, overlaps, textWidth } from "../../src/client/chart";
import { FLAGS } from "../../src/core/schemas";
import { runs, SEED } from "../support/tier";

const rowArb = (i: number) =>
  fc
    .record({
      name: fc.string({ minLength: 1, maxLength: 90 }),
      score: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
      spread: fc.nat(8),
      shortlisted: fc.boolean(),
      flags: fc.subarray([...FLAGS]),
    })
    .map((r) => ({ ...r, quickwinId: `QW-${i}` }));

const rowsArb = fc.integer({ min: 1, max: 45 }).chain((n) =>
  fc.tuple(...Array.from({ length: n }, (_, i) => rowArb(i))).map((rows) => {
    let rank = 0;
    return rows.map((r): ChartInput => {
      const ranked = r.score !== null && r.spread !== 8;
      const own = ranked ? ++rank : null;
      return {
        quickwinId: r.quickwinId,
        name: r.name,
        rank: own,
        score: r.score,
        rankLow: own === null ? null : Math.max(1, own - r.spread),
        rankHigh: own === null ? null : own + r.spread,
        shortlisted: r.shortlisted,
        flags: r.flags,
      };
    });
  }),
);

const optionsArb = fc.constantFrom(
  { width: 268, font: 12, nameWidth: 0 },
  { width: 1000, font: 18, nameWidth: 300 },
  { width: 420, font: 14, nameWidth: 140 },
);

const inside = (outer: { y: number; height: number }, y0: number, y1: number) =>
  y0 >= outer.y - 1e-9 && y1 <= outer.y + outer.height + 1e-9;

describe("chartLayout", () => {
  it("gives every row its own band, holding all of its marks", () => {
    fc.assert(
      fc.property(rowsArb, optionsArb, (rows, opts) => {
        const layout = chartLayout(rows, opts);
        expect(layout.rows).toHaveLength(rows.length);
        for (let i = 0; i < layout.rows.length; i++) {
          const r = layout.rows[i]!;
          expect(r.band.y).toBeGreaterThan(layout.axis.y);
          expect(r.band.y + r.band.height).toBeLessThanOrEqual(layout.height);
          expect(inside(r.band, r.bar.y, r.bar.y + r.bar.height)).toBe(true);
          expect(inside(r.band, r.name.y - opts.font, r.name.y)).toBe(true);
          if (r.lane) expect(inside(r.band, r.lane.y - 2, r.lane.y + 2)).toBe(true);
          for (let j = i + 1; j < layout.rows.length; j++) {
            expect(overlaps(r.band, layout.rows[j]!.band)).toBe(false);
          }
        }
      }),
      { numRuns: runs(50, 150), seed: SEED },
    );
  });

  it("keeps names whole when they fit and cuts them with an ellipsis when they do not", () => {
    fc.assert(
      fc.property(rowsArb, optionsArb, (rows, opts) => {
        for (const r of chartLayout(rows, opts).rows) {
          const room = opts.nameWidth > 0 ? opts.nameWidth : opts.width;
          expect(textWidth(r.name.text, opts.font)).toBeLessThanOrEqual(room + 1e-9);
          if (r.name.text !== r.name.full) {
            expect(r.name.text.endsWith("…")).toBe(true);
            expect(r.name.full.startsWith(r.name.text.slice(0, -1))).toBe(true);
          }
        }
      }),
      { numRuns: runs(33, 100), seed: SEED },
    );
  });

  it("draws scores on the 0–100 axis and ranges in rank order", () => {
    const rows: ChartInput[] = [
      {
        quickwinId: "b",
        name: "B",
        rank: 2,
        score: 50,
        rankLow: 1,
        rankHigh: 3,
        shortlisted: false,
        flags: [],
      },
      {
        quickwinId: "a",
        name: "A",
        rank: 1,
        score: 100,
        rankLow: 1,
        rankHigh: 2,
        shortlisted: true,
        flags: [],
      },
      {
        quickwinId: "z",
        name: "Z",
        rank: null,
        score: null,
        rankLow: null,
        rankHigh: null,
        shortlisted: false,
        flags: ["too-few-reviews"],
      },
      {
        quickwinId: "c",
        name: "C",
        rank: 3,
        score: 0,
        rankLow: 2,
        rankHigh: 3,
        shortlisted: false,
        flags: ["disagreement"],
      },
    ];
    const layout = chartLayout(rows, { width: 268, font: 12, nameWidth: 0 });
    expect(layout.rows.map((r) => r.quickwinId)).toEqual(["a", "b", "c", "z"]);
    const [a, b, c, z] = layout.rows;
    const plot = layout.axis.x1 - layout.axis.x0;
    expect(a!.bar.width).toBeCloseTo(plot);
    expect(b!.bar.width).toBeCloseTo(plot / 2);
    expect(c!.bar.width).toBe(0);
    expect(layout.axis.ticks.map((t) => t.value)).toEqual([0, 25, 50, 75, 100]);
    expect(layout.axis.ticks[2]!.x).toBeCloseTo(layout.axis.x0 + plot / 2);
    // Ranks 1..3 across the plot: b's range 1–3 spans it all, a's rank 1 sits at the left.
    expect(b!.lane).toMatchObject({ low: layout.axis.x0, high: layout.axis.x1 });
    expect(a!.lane!.at).toBe(layout.axis.x0);
    expect(z!.lane).toBeNull();
    expect(z!.name.full).toBe("– Z");
    expect(c!.flag).not.toBeNull();
    expect(a!.flag).toBeNull();
  });

  it("fits text by cutting whole characters", () => {
    expect(fitText("Satrio Pasar", 12, 500)).toBe("Satrio Pasar");
    const cut = fitText("Sistem Informasi Perikanan dan Pantai Kabupaten Pati", 12, 120);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut, 12)).toBeLessThanOrEqual(120);
  });
});
