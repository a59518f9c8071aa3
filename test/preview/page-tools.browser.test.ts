// The preview page's hand tools and dialogs in real Chromium: adding, renaming and deleting a
// tab and inserting rows with the controls beside the grid; a dialog opened from the add-on
// menu shown over the grid, talking to the server, and closed by google.script.host.close().
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Preview, startPreview } from "../../src/preview/server";
import { DIALOG_SCRIPT } from "./dialog-script";
import { send, tempFile } from "./http-support";

const CHROMIUM = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]
  .filter((p): p is string => Boolean(p))
  .find((p) => existsSync(p));
if (!CHROMIUM)
  console.warn("Preview page tool tests skipped: no Chromium (apt-get install chromium).");

describe.skipIf(!CHROMIUM)("the preview page's tools and dialogs in Chromium", () => {
  let browser: Browser;
  let preview: Preview;
  let page: Page;

  beforeAll(async () => {
    // Started here, not with start(): it must outlive each test (start() closes after each).
    preview = await startPreview({
      port: 0,
      dataFile: tempFile(),
      demo: false,
      code: DIALOG_SCRIPT,
      sidebarHtml: "<!DOCTYPE html><html><head></head><body>sidebar</body></html>",
    });
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM!,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu"],
    });
    page = await browser.newPage({ viewport: { width: 1300, height: 800 } });
    page.on("dialog", (d) => void d.accept());
    await page.goto(`${preview.url}?user=koordinator%40patikab.go.id`);
    await page.waitForSelector("#tabs button");
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  const tabs = () => page.locator("#tabs button").allTextContents();
  const sheets = async () =>
    (
      (await send(preview, "GET", "/preview/sheets")).data as {
        sheets: { name: string; values: unknown[][] }[];
      }
    ).sheets;

  it("adds, renames and deletes a tab, and inserts rows at the selection", async () => {
    await page.fill("#sheet-name", "Catatan");
    await page.click("#add-sheet");
    await expect.poll(tabs).toEqual(["Sheet1", "Catatan"]);
    expect(await page.getAttribute("#tabs button:nth-child(2)", "aria-selected")).toBe("true");
    await page.fill("#sheet-name", "Catatan rapat");
    await page.click("#rename-sheet");
    await expect.poll(tabs).toEqual(["Sheet1", "Catatan rapat"]);
    await page.click("#delete-sheet"); // confirm() accepted
    await expect.poll(tabs).toEqual(["Sheet1"]);

    await send(preview, "PUT", "/preview/sheets/Sheet1", {
      body: { range: "A1:A2", values: [["a"], ["b"]] },
    });
    await page.click("#refresh");
    await page.click("td[data-r='1'][data-c='0']"); // A2
    expect(await page.inputValue("#edit-at")).toBe("2");
    await page.selectOption("#edit-op", "insertRows");
    await page.fill("#edit-count", "2");
    await page.click("#apply-edit");
    await expect.poll(async () => (await sheets())[0]!.values).toEqual([["a"], [""], [""], ["b"]]);
    await expect.poll(() => page.locator("td[data-r='3'][data-c='0']").textContent()).toBe("b");
  });

  it("opens a dialog from the add-on menu over the grid; host.close() closes it", async () => {
    expect(await page.isHidden("#overlay")).toBe(true);
    await expect
      .poll(() => page.locator("#addon-menu option").allTextContents())
      .toContain("Buka rapat");
    await page.selectOption("#addon-menu", "showMeeting");
    await page.waitForSelector("#overlay:not(.hidden)");
    expect(await page.textContent("#dialog-title-text")).toBe("Rapat panel");
    const frame = page.frameLocator("#dialog-frame");
    // The dialog's own google.script.run reached the server as the page's user.
    await expect
      .poll(() => frame.locator("#who").textContent())
      .toBe("rapat: koordinator@patikab.go.id");
    await frame.locator("#done").click();
    await page.waitForSelector("#overlay.hidden", { state: "attached" });
    expect(await page.isHidden("#overlay")).toBe(true);
    // The sidebar stayed open (only the dialog closed).
    expect(await page.isVisible("#sidebar")).toBe(true);
  });

  it("a page on another localhost port cannot drive it, with no-cors text/plain or with JSON", async () => {
    const attacker = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<!DOCTYPE html><script>
        var target = ${JSON.stringify(preview.url)} + "preview/sheets";
        var body = JSON.stringify({ name: "PWNED" });
        Promise.allSettled([
          fetch(target, { method: "POST", mode: "no-cors", body: body }),
          fetch(target, { method: "POST", headers: { "content-type": "application/json" }, body: body }),
        ]).then(function () { document.title = "done"; });
      </script>`);
    });
    await new Promise<void>((done) => attacker.listen(0, "127.0.0.1", () => done()));
    try {
      const other = await browser.newPage();
      await other.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
      await expect.poll(() => other.title()).toBe("done");
      await other.close();
      expect((await sheets()).map((s) => s.name)).not.toContain("PWNED");
    } finally {
      await new Promise<void>((done) => attacker.close(() => done()));
    }
  });
});
