// The meeting in Chromium as a coordinator runs it in the preview: the sidebar's ranking opens
// the meeting view as a dialog over the grid; the chart there gives every quickwin its own row;
// a quickwin outside the computed shortlist is selected (refused without a reason, recorded with
// one), a shortlisted one is selected by keyboard, the minutes are made and the sheets hold it
// all. Screenshots of the meeting view and the minutes sheet go to docs/screenshots/.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MeetingData } from "../../src/core/meeting";
import {
  findChromium,
  launch,
  type Preview,
  picture,
  release,
  rpcOver,
  screenshotDir,
  startPreview,
  watchErrors,
} from "./support/browser";
import { SEED_COORDINATOR, seedMeeting } from "./support/seed";

const chromium = findChromium();
const shots = screenshotDir();

describe.skipIf(!chromium)("the meeting view, driven from the sidebar", () => {
  let preview: Preview;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    [preview, browser] = await Promise.all([startPreview(), launch(chromium as string)]);
    await seedMeeting(preview, 10);
    page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    watchErrors(page, errors);
  }, 120_000);

  afterAll(async () => {
    await release(browser);
    await preview?.stop();
    expect(errors).toEqual([]);
  });

  async function meetingFrame(): Promise<Frame> {
    await page.waitForSelector("#overlay:not(.hidden) #dialog-frame[src]");
    const frame = page.frames().find((f) => f.url().includes("/dialog/"));
    if (!frame) throw new Error("no dialog frame");
    await frame.waitForSelector("#app[data-view=meeting]");
    return frame;
  }

  it("opens from the sidebar, shows the chart, records decisions and makes the minutes", async () => {
    await page.goto(preview.url);
    await page.waitForFunction(
      (email) =>
        [...document.querySelectorAll("#user option")].some((o) => o.textContent?.includes(email)),
      SEED_COORDINATOR,
    );
    await page.selectOption("#user", SEED_COORDINATOR);
    const sidebar = page.frameLocator("#sidebar");
    await sidebar.locator("#tab-ranking").click();
    await sidebar.locator("#compute-ranking").click();
    await sidebar.locator("svg.chart").waitFor();
    await sidebar.locator("#open-meeting").click();
    const meeting = await meetingFrame();

    // The large chart: every quickwin in its own row, none overlapping another.
    const rows = await meeting.evaluate(() =>
      [...document.querySelectorAll("svg.chart g.chart-row")].map((g) => {
        const r = g.getBoundingClientRect();
        return { id: g.getAttribute("data-id"), y: r.y, h: r.height };
      }),
    );
    expect(rows).toHaveLength(10);
    const sorted = [...rows].sort((a, b) => a.y - b.y);
    for (let i = 1; i < sorted.length; i++) {
      expect(sorted[i]!.y).toBeGreaterThanOrEqual(sorted[i - 1]!.y + sorted[i - 1]!.h);
    }
    // Evidence names nobody: reviewers are A, B, C.
    const evidence = await meeting.evaluate(() =>
      [...document.querySelectorAll(".evidence")].map((e) => e.textContent ?? "").join("\n"),
    );
    expect(evidence).toContain("Penilai A");
    expect(evidence).toContain("Catatan ke-");
    expect(evidence).not.toMatch(/penilai\.[a-z]+@patikab|Ibu |Bapak /);

    const data = await rpcOver<MeetingData>(preview.url, "getMeetingData", [], SEED_COORDINATOR);
    const listed = data.shortlist[0] as string;
    const outside = data.rows.find((r) => r.rank !== null && !r.shortlisted)!.quickwinId;

    // Selecting a quickwin outside the computed shortlist asks for the reason first.
    const card = meeting.locator(`article.qw-card[data-id="${outside}"]`);
    const fold = meeting.locator(`details[data-id="${outside}"]`);
    if ((await fold.count()) > 0) await fold.locator("summary").click();
    await card.locator("button[data-decision=selected]").click();
    await expect(card.locator(".notice.error").textContent()).resolves.toContain("alasan");
    await card.locator("textarea").fill("Paling siap dipamerkan di expo; dampaknya langsung.");
    // An eager double click records the decision once (the Keputusan rows are checked below).
    await card.locator("button[data-decision=selected]").dblclick();
    await meeting.waitForSelector(".notice.ok");
    expect(await meeting.locator(".notice.ok").first().textContent()).toContain("dipilih");
    await picture(() => page.screenshot({ path: join(shots, "12-rapat-di-atas-grid.png") }));
    // The meeting view itself at the dialog's size (as a projector shows it), for the README.
    await picture(async () => {
      const direct = await browser.newPage({ viewport: { width: 1200, height: 760 } });
      await direct.goto(meeting.url());
      await direct.waitForSelector("#app[data-view=meeting]");
      await direct.screenshot({ path: join(shots, "12-tampilan-rapat.png") });
      await direct.evaluate(() => document.getElementById("m-discuss")?.scrollIntoView());
      await direct.screenshot({ path: join(shots, "12-bukti-per-quickwin.png") });
      await direct.close();
    });

    // A shortlisted quickwin, selected by keyboard only.
    const listedFold = meeting.locator(`details[data-id="${listed}"]`);
    if ((await listedFold.count()) > 0) {
      await listedFold.locator("summary").focus();
      await page.keyboard.press("Enter");
    }
    await meeting
      .locator(`article.qw-card[data-id="${listed}"] button[data-decision=selected]`)
      .focus();
    await page.keyboard.press("Enter");
    await meeting.waitForFunction(
      (id) =>
        document
          .querySelector(`article.qw-card[data-id="${id}"] button[data-decision=selected]`)
          ?.getAttribute("aria-pressed") === "true",
      listed,
    );
    // Focus came back to the decided card's heading.
    expect(await meeting.evaluate(() => document.activeElement?.id)).toBe(`card-${listed}`);

    // The minutes.
    await meeting.locator("#minutes-place").fill("Ruang Rapat Bappeda, Pati");
    await meeting.locator("#make-minutes").click();
    await meeting.waitForSelector(
      "#m-minutes ~ .call-status .notice.ok, .notice.ok >> text=Berita Acara",
    );
    // The button was disabled while the sheet was written; the focus is back on it.
    expect(await meeting.evaluate(() => document.activeElement?.id)).toBe("make-minutes");

    const sheets = (await (await fetch(`${preview.url}/preview/sheets`)).json()) as {
      sheets: { name: string; values: unknown[][] }[];
    };
    const decisions = sheets.sheets.find((s) => s.name === "Keputusan")!.values;
    expect(decisions.slice(1).map((r) => [r[1], r[3], r[5]])).toEqual([
      [outside, "Dipilih", "ya"],
      [listed, "Dipilih", "tidak"],
    ]);
    const minutes = sheets.sheets.find((s) => s.name === "Berita Acara")!.values;
    const page1 = minutes.map((r) => r.join(" ")).join("\n");
    expect(page1).toContain("BERITA ACARA");
    expect(page1).toContain("Ruang Rapat Bappeda, Pati");
    expect(page1).toContain("Paling siap dipamerkan di expo; dampaknya langsung.");

    // Switching the language (or the user) on the page closes the dialog: it was the
    // coordinator's, in Indonesian, and must not stay open for the next person.
    await page.selectOption("#locale", "en");
    expect(await page.locator("#overlay").getAttribute("class")).toContain("hidden");
    await page.selectOption("#locale", "id");
    // The minutes sheet as the grid shows it.
    await page.locator("#refresh").click();
    await page.locator("#tabs button", { hasText: "Berita Acara" }).click();
    await picture(() => page.screenshot({ path: join(shots, "13-berita-acara.png") }));
  }, 120_000);
});
