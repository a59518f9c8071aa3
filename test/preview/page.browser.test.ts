// The preview page (GET /) in real Chromium: sheets as tabs with a grid, formulas in the bar,
// typing a cell as a person would, the sidebar iframe following the user and locale switches,
// and hostile text shown as text. Skips (saying so) where no Chromium is installed.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Preview, startPreview } from "../../src/preview/server";

const CHROMIUM = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]
  .filter((p): p is string => Boolean(p))
  .find((p) => existsSync(p));
if (!CHROMIUM) console.warn("Preview page tests skipped: no Chromium (apt-get install chromium).");

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

describe.skipIf(!CHROMIUM)("the preview page in Chromium", () => {
  let browser: Browser;
  let preview: Preview;
  let page: Page;
  let dir: string;
  const errors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "qw-page-"));
    preview = await startPreview({ port: 0, dataFile: join(dir, "wb.json"), demo: false });
    const post = (name: string, args: unknown[], user: string) =>
      fetch(new URL(`/rpc/${name}`, preview.url), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ args, user, locale: "id" }),
      });
    // Typed before setup: a Sheet1 that holds something is kept (an empty one is removed).
    await fetch(new URL("/preview/sheets/Sheet1", preview.url), {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ range: "A1:C1", values: [[HOSTILE, "=1+2", "2019-09-05"]] }),
    });
    await post("setupSpreadsheet", [], "koordinator@patikab.go.id");
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM!,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu"],
    });
    page = await browser.newPage({ viewport: { width: 1300, height: 800 } });
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(preview.url);
    await page.waitForSelector("#tabs button");
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("shows every sheet as a tab and the first one's values, hostile text as text", async () => {
    const tabs = await page.locator("#tabs button").allTextContents();
    expect(tabs[0]).toBe("Sheet1");
    expect(tabs.length).toBeGreaterThan(3);
    // Each sheet's name on one line, however narrow the grid (with the sidebar beside it, "Tim
    // Penilai" wrapped in two); the bar scrolls instead. Lines counted on the text itself: the
    // flex row stretches every button to the tallest.
    await page.setViewportSize({ width: 700, height: 800 });
    const lines = await page.locator("#tabs button").evaluateAll((els) =>
      els.map((e) => {
        const range = document.createRange();
        range.selectNodeContents(e);
        return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;
      }),
    );
    await page.setViewportSize({ width: 1300, height: 800 });
    expect(lines).toEqual(tabs.map(() => 1));
    await expect.poll(() => page.locator("td[data-r='0'][data-c='0']").textContent()).toBe(HOSTILE);
    expect(await page.locator("td[data-r='0'][data-c='1']").textContent()).toBe("3");
    expect(await page.locator("#grid img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(
      undefined,
    );
  });

  it("shows a cell's formula in the bar and on hover", async () => {
    await page.locator("td[data-r='0'][data-c='1']").click();
    expect(await page.locator("#ref").textContent()).toBe("B1");
    expect(await page.locator("#cell-input").inputValue()).toBe("=1+2");
    expect(await page.locator("td[data-r='0'][data-c='1']").getAttribute("title")).toBe("=1+2");
  });

  it("typing into the bar writes the cell as a person typing", async () => {
    await page.locator("td[data-r='1'][data-c='0']").click();
    await page.locator("#cell-input").fill("007");
    await page.locator("#cell-input").press("Enter");
    await expect.poll(() => page.locator("td[data-r='1'][data-c='0']").textContent()).toBe("7");
    const sheets = (await (await fetch(new URL("/preview/sheets", preview.url))).json()) as {
      sheets: { name: string; values: unknown[][] }[];
    };
    expect(sheets.sheets[0]!.values[1]![0]).toBe(7);
  });

  it("shows a date as Sheets does and text with its ' in the bar; Enter on them changes nothing", async () => {
    await fetch(new URL("/preview/sheets/Sheet1", preview.url), {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ range: "D1:E1", values: [["'007", "TRUE"]] }),
    });
    await page.locator("#refresh").click();
    await page.locator("#tabs button", { hasText: "Sheet1" }).click();
    await expect.poll(() => page.locator("td[data-r='0'][data-c='3']").textContent()).toBe("007");
    const before = await (await fetch(new URL("/preview/sheets", preview.url))).text();
    // C1 was typed 2019-09-05: a date, shown and retyped as such (not as a UTC instant).
    await expect
      .poll(() => page.locator("td[data-r='0'][data-c='2']").textContent())
      .toBe("2019-09-05");
    for (const [col, input] of [
      [2, "2019-09-05"],
      [3, "'007"],
      [4, "TRUE"],
    ] as const) {
      await page.locator(`td[data-r='0'][data-c='${col}']`).click();
      expect(await page.locator("#cell-input").inputValue()).toBe(input);
      await page.locator("#cell-input").press("Enter");
      expect(await page.locator("#ref").textContent()).toMatch(/2$/);
    }
    expect(await (await fetch(new URL("/preview/sheets", preview.url))).text()).toBe(before);
    expect(await page.locator("td[data-r='0'][data-c='3']").textContent()).toBe("007");
  });

  it("the sidebar follows the user and the locale, and lists each user's role", async () => {
    const options = await page.locator("#user option").allTextContents();
    expect(options[0]).toMatch(/^koordinator@patikab\.go\.id — koordinator/);
    expect(options.some((o) => o.startsWith("tamu@example.com"))).toBe(true);
    const src = () => page.locator("#sidebar").getAttribute("src");
    expect(await src()).toBe("/sidebar?user=koordinator%40patikab.go.id&locale=id");
    await page.selectOption("#locale", "en");
    expect(await src()).toBe("/sidebar?user=koordinator%40patikab.go.id&locale=en");
    await page.selectOption("#user", "tamu@example.com");
    expect(await src()).toBe("/sidebar?user=tamu%40example.com&locale=en");
    const frame = page.frameLocator("#sidebar");
    await expect
      .poll(() => frame.locator("#app").textContent(), { timeout: 10_000 })
      .not.toMatch(/Memuat… \/ Loading…/);
  });

  it("a newcomer's first view: setup removed the blank Sheet1, the first tab holds data", async () => {
    const blankDir = mkdtempSync(join(tmpdir(), "qw-page-blank-"));
    const fresh = await startPreview({ port: 0, dataFile: join(blankDir, "wb.json"), demo: false });
    try {
      await fetch(new URL("/rpc/setupSpreadsheet", fresh.url), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ args: [], user: "koordinator@patikab.go.id", locale: "id" }),
      });
      const other = await browser.newPage({ viewport: { width: 1300, height: 800 } });
      await other.goto(fresh.url);
      await other.waitForSelector("#tabs button");
      const selected = other.locator('#tabs button[aria-selected="true"]');
      await expect.poll(() => selected.textContent()).not.toBe("Sheet1");
      const tabs = await other.locator("#tabs button").allTextContents();
      expect(tabs).not.toContain("Sheet1");
      expect(await other.locator("td[data-r='0'][data-c='0']").textContent()).not.toBe("");
      await other.close();
    } finally {
      await fresh.close();
      rmSync(blankDir, { recursive: true, force: true });
    }
  });

  it("reported no errors", () => {
    expect(errors).toEqual([]);
  });
});
