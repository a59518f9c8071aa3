// The ranking chart as Chromium draws it in the 300 px sidebar, for 4, 10 and 40 quickwins (a
// size sweep: npm test draws the smallest and the largest, the full tier all three):
// every quickwin has a row with its name (whole, or cut with an ellipsis and whole in its
// tooltip), no two rows' marks overlap, nothing leaves the sidebar's width, the score axis is
// labelled 0–100 and the shortlist and the flags are marked.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sample } from "../support/tier";
import {
  findChromium,
  launch,
  type Pages,
  picture,
  release,
  reusablePages,
  screenshotDir,
  startPreview,
  watchErrors,
} from "./support/browser";
import { SEED_COORDINATOR, seedMeeting } from "./support/seed";

const chromium = findChromium();
const shots = screenshotDir();
// The README's picture is the chart of 10: `npm run screenshots` draws every size.
const SIZES = process.env.QW_SCREENSHOTS === "1" ? [4, 10, 40] : sample([4, 10, 40], 2);

interface DrawnRow {
  id: string;
  text: string;
  title: string;
  box: { x: number; y: number; width: number; height: number };
  marks: { x: number; y: number; width: number; height: number }[];
  shortlisted: boolean;
  flagged: boolean;
}

/** What the page drew: each row's name, tooltip, bounding box and the boxes of its marks. */
async function drawnChart(page: Page) {
  return page.evaluate(() => {
    const svg = document.querySelector("svg.chart") as SVGSVGElement;
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const rows = [...svg.querySelectorAll("g.chart-row")].map((g) => ({
      id: g.getAttribute("data-id") ?? "",
      text: g.querySelector(".chart-name")?.textContent ?? "",
      title: g.querySelector("title")?.textContent ?? "",
      box: rect(g),
      marks: [...g.querySelectorAll("text, rect, line, circle")].map(rect),
      shortlisted: g.classList.contains("shortlisted"),
      flagged: g.querySelector(".chart-flag") !== null,
    }));
    return {
      svg: rect(svg),
      viewport: document.documentElement.clientWidth,
      scrollWidth: document.documentElement.scrollWidth,
      ticks: [...svg.querySelectorAll("text.tick")].map((t) => t.textContent),
      rows,
    };
  });
}

const intersects = (a: DrawnRow["box"], b: DrawnRow["box"]) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.skipIf(!chromium)("the ranking chart in the 300 px sidebar", () => {
  let browser: Browser;
  let context: BrowserContext;
  let pages: Pages;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    browser = await launch(chromium as string);
    context = await browser.newContext({ viewport: { width: 300, height: 800 } });
    pages = reusablePages(context, (page) => watchErrors(page, errors));
  }, 60_000);

  afterAll(async () => {
    await release(browser);
    expect(errors).toEqual([]);
  });

  it.each(SIZES)(
    "%i quickwins: every name in its own row, no marks overlapping, within 300 px",
    async (n) => {
      const preview = await startPreview();
      const page = await pages.take();
      try {
        const seeded = await seedMeeting(preview, n);
        await page.goto(`${preview.url}/sidebar?user=${SEED_COORDINATOR}&locale=id`);
        await page.waitForSelector("#app[data-view]:not([data-view=loading])");
        await page.click("#tab-ranking");
        await page.click("#compute-ranking");
        await page.waitForSelector("svg.chart");
        const drawn = await drawnChart(page);

        expect(drawn.ticks).toEqual(["0", "25", "50", "75", "100"]);
        expect(drawn.rows.map((r) => r.id).sort()).toEqual([...seeded.ids].sort());
        for (const [i, id] of seeded.ids.entries()) {
          const row = drawn.rows.find((r) => r.id === id) as DrawnRow;
          const name = seeded.names[i] as string;
          // The tooltip names it whole; the row shows it whole or cut with an ellipsis.
          expect(row.title).toContain(name);
          const shown = row.text.replace(/^(\d+\.|–) /, "");
          if (shown.endsWith("…")) expect(name.startsWith(shown.slice(0, -1).trimEnd())).toBe(true);
          else expect(shown).toBe(name);
          // Every mark inside its row, and inside the sidebar's width.
          for (const m of row.marks) {
            expect(m.x).toBeGreaterThanOrEqual(drawn.svg.x - 0.5);
            expect(m.x + m.width).toBeLessThanOrEqual(drawn.svg.x + drawn.svg.width + 0.5);
          }
        }
        for (let i = 0; i < drawn.rows.length; i++) {
          for (let j = i + 1; j < drawn.rows.length; j++) {
            const a = drawn.rows[i] as DrawnRow;
            const b = drawn.rows[j] as DrawnRow;
            expect(intersects(a.box, b.box), `${a.id} and ${b.id} overlap`).toBe(false);
          }
        }
        expect(drawn.svg.x + drawn.svg.width).toBeLessThanOrEqual(drawn.viewport);
        expect(drawn.scrollWidth).toBeLessThanOrEqual(drawn.viewport);
        // The shortlist (4 by default) and the last quickwin (one review: unranked) are told.
        expect(drawn.rows.filter((r) => r.shortlisted)).toHaveLength(Math.min(4, n - 1));
        const last = drawn.rows.find((r) => r.id === seeded.ids[n - 1]) as DrawnRow;
        expect(last.text.startsWith("– ")).toBe(true);
        expect(last.title).toContain("belum berperingkat");
        if (n === 10) {
          const chart = page.locator("figure.chart-box");
          await picture(() => chart.screenshot({ path: join(shots, "09-grafik-peringkat.png") }));
        }
      } finally {
        pages.give(page);
        await preview.stop();
      }
    },
    120_000,
  );
});
