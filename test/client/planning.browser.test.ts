// Before the meeting, in real Chromium against the local preview: the coordinator proposes
// assignments, adjusts one and saves; a reviewer sees theirs first and scores; the board shows
// it; closing refuses a late review with the time in words; reopening accepts it. Then an
// import from a form-like sheet with bad, duplicate and good rows, imported twice. Every view is
// checked with axe-core; screenshots of the board and the import go to docs/screenshots/.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProgressResult } from "../../src/core/planning";
import {
  axeSerious,
  findChromium,
  launch,
  type Pages,
  type Preview,
  picture,
  release,
  reusablePages,
  screenshotDir,
  startPreview,
  watchErrors,
} from "./support/browser";

const chromium = findChromium();
const shots = screenshotDir();

const COORDINATOR = "koordinator@patikab.go.id";
const ANI = "ani@patikab.go.id"; // Dinkes
const BUDI = "budi@patikab.go.id"; // Bappeda
const CITRA = "citra@patikab.go.id"; // no agency
const QUICKWINS = [
  ["Satrio Pasar", "Disdagperin", "economy"],
  ["Sipipa", "Dislautkan", "environment"],
  ["Pregnancy Tools", "Dinkes", "living"],
  ["Peta Anggaran", "Bappeda", "governance"],
] as const;

describe.skipIf(!chromium)("before the meeting in Chromium", () => {
  let preview: Preview;
  let browser: Browser;
  let context: BrowserContext;
  let pages: Pages;
  const errors: string[] = [];
  const axeFindings: string[] = [];

  async function rpc<T>(name: string, args: unknown[], user = COORDINATOR): Promise<T> {
    const res = await fetch(`${preview.url}/rpc/${name}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ args, user, locale: "id" }),
    });
    const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
    return body.value as T;
  }

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    [preview, browser] = await Promise.all([startPreview(), launch(chromium as string)]);
    context = await browser.newContext({
      viewport: { width: 300, height: 800 },
      deviceScaleFactor: 1,
    });
    pages = reusablePages(context, (page) => watchErrors(page, errors));
    await rpc("setupSpreadsheet", []);
    await rpc("saveReviewers", [
      [
        { email: COORDINATOR, role: "coordinator", name: "Koordinator" },
        { email: ANI, role: "reviewer", name: "Ani", agency: "Dinkes" },
        { email: BUDI, role: "reviewer", name: "Budi", agency: "Bappeda" },
        { email: CITRA, role: "reviewer", name: "Citra" },
      ],
    ]);
    for (const [name, agency, dimension] of QUICKWINS) {
      await rpc("saveQuickwin", [
        {
          name,
          agency,
          dimension,
          description: `${name}.`,
          startDate: "2019-09-02",
          endDate: "2019-10-15",
          budget: 1_500_000,
        },
      ]);
    }
  }, 90_000);

  afterAll(async () => {
    await context?.close();
    await release(browser);
    await preview?.stop();
  });

  async function open(user: string): Promise<Page> {
    const page = await pages.take();
    await page.goto(`${preview.url}/sidebar?user=${encodeURIComponent(user)}&locale=id`);
    await page.waitForSelector("#app[data-view]:not([data-view=loading])");
    return page;
  }

  async function settle(page: Page): Promise<void> {
    await page.waitForFunction(() => !document.querySelector("[aria-busy=true]"));
  }

  /**
   * The user at `page` turns to it: Chromium draws only the tab in front, and Playwright waits
   * for a drawn frame before it clicks, so acting in a tab behind costs a second or two.
   */
  async function turnTo(page: Page): Promise<Page> {
    await page.bringToFront();
    return page;
  }

  async function clickAndWait(page: Page, selector: string): Promise<void> {
    await turnTo(page);
    await page.click(selector);
    await settle(page);
  }

  /** The id of the element holding the focus ("" for none, i.e. the page's top). */
  async function focused(page: Page): Promise<string> {
    return page.evaluate(() => document.activeElement?.id ?? "");
  }

  async function planTab(page: Page): Promise<void> {
    await page.click("#tab-plan");
    await page.waitForSelector("#board .board-reviewers");
    await settle(page);
  }

  async function checkA11y(page: Page, view: string): Promise<void> {
    for (const v of await axeSerious(page)) {
      axeFindings.push(
        `${view}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      );
    }
  }

  async function scoreFirst(page: Page, items: string): Promise<string> {
    await turnTo(page);
    const item = page.locator(items).first();
    const id = (await item.getAttribute("data-id")) as string;
    await item.click();
    const sets = page.locator("fieldset.criterion");
    for (let c = 0; c < (await sets.count()); c++)
      await sets.nth(c).locator("input[type=radio]").last().check();
    await clickAndWait(page, '.score-form button:has-text("Kirim nilai")');
    return id;
  }

  it("propose → adjust → save; a reviewer sees theirs first and scores; the board shows it; closing refuses a late review in words; reopen; the ranking names what is missing", async () => {
    const coord = await open(COORDINATOR);
    await planTab(coord);
    // A count that is not a whole number above zero is refused in words, nothing proposed.
    await coord.fill("#assignments input[inputmode=numeric]", "abc");
    await clickAndWait(coord, "#assign-propose");
    expect(await coord.textContent("#assignments .notice.error")).toBe(
      "Penilai per quickwin: harus bilangan bulat.",
    );
    expect(await coord.locator("fieldset.assign-card").count()).toBe(0);
    await coord.fill("#assignments input[inputmode=numeric]", "2");
    await clickAndWait(coord, "#assign-propose");
    // After each action the focus lands on its result, never back at the top of the page.
    expect(await focused(coord)).toBe("assign-summary");
    // Ani (Dinkes) cannot be ticked for Pregnancy Tools (Dinkes): a conflict.
    const pregnancy = coord.locator("fieldset.assign-card", { hasText: "Pregnancy Tools" });
    expect(await pregnancy.locator(`input[data-reviewer="${ANI}"]`).isDisabled()).toBe(true);
    expect(await coord.locator("fieldset.assign-card input:checked").count()).toBe(8);
    // Adjust: on Satrio Pasar, swap one ticked reviewer for the unticked one.
    const satrio = coord.locator("fieldset.assign-card", { hasText: "Satrio Pasar" });
    const ticked = satrio.locator("input:checked").first();
    const out = (await ticked.getAttribute("data-reviewer")) as string;
    const free = satrio.locator("input:not(:checked):enabled").first();
    const into = (await free.getAttribute("data-reviewer")) as string;
    await satrio.locator(`input[data-reviewer="${out}"]`).uncheck();
    await satrio.locator(`input[data-reviewer="${into}"]`).check();
    await checkA11y(coord, "assignments proposal");
    await clickAndWait(coord, "#assign-save");
    expect(await coord.textContent(".notice.ok")).toContain("Penugasan disimpan: 8 pasangan.");
    expect(await focused(coord)).toBe("assign-heading");
    await coord.waitForSelector("#board .board-grid");
    const board = await rpc<ProgressResult>("getProgress", []);
    const satrioId = board.quickwins.find((q) => q.name === "Satrio Pasar")!.id;
    const assignedTo = (email: string) =>
      board.grid[board.reviewers.findIndex((r) => r.email === email)]!;
    expect(assignedTo(into)[board.quickwins.findIndex((q) => q.id === satrioId)]).toBe("todo");
    expect(assignedTo(out)[board.quickwins.findIndex((q) => q.id === satrioId)]).toBe("none");

    const budi = await open(BUDI);
    expect(await budi.textContent("#assigned-heading")).toBe("Ditugaskan kepada Anda");
    const mine = board.reviewers.find((r) => r.email === BUDI)!;
    const shown = await budi
      .locator("#score-assigned .qw-item")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-id")));
    expect(shown).toEqual(
      board.quickwins
        .filter((_, qi) => board.grid[board.reviewers.indexOf(mine)]![qi] === "todo")
        .map((q) => q.id),
    );
    await checkA11y(budi, "reviewer's assigned list");
    const scored = await scoreFirst(budi, "#score-assigned .qw-item");
    expect(await budi.textContent(".notice.ok")).toContain("tersimpan");

    await clickAndWait(coord, "#board-reload");
    const row = coord.locator(`.board-reviewers li[data-email="${BUDI}"]`);
    expect(await row.textContent()).toContain(`1 dari ${mine.assigned} tugas selesai`);
    expect(await row.textContent()).toMatch(/Terakhir: \w+, \d+ \w+ \d{4} pukul \d\d\.\d\d WIB/);
    const remind = row.locator("a.mailto");
    const href = decodeURIComponent((await remind.getAttribute("href")) as string);
    expect(href).toContain(
      `mailto:budi@patikab.go.id?subject=Pengingat: ${mine.assigned - 1} quickwin menunggu penilaian Anda&body=Yth. Budi,`,
    );
    expect(href).not.toContain(`- ${scored} `);
    await checkA11y(coord, "progress board");
    await picture(() =>
      coord.locator("#board").screenshot({ path: join(shots, "10-papan-kemajuan.png") }),
    );

    // Closing now: a late review is refused with the time in words; reopening accepts it.
    await clickAndWait(coord, "#closing-now");
    expect(await focused(coord)).toBe("closing-heading");
    expect(await coord.textContent("#scoring-state")).toMatch(
      /^Penilaian ditutup pada \w+, \d+ \w+ \d{4} pukul \d\d\.\d\d WIB\.$/,
    );
    await clickAndWait(budi, "button.back");
    await scoreFirst(budi, `#score-assigned .qw-item:not([data-id="${scored}"])`);
    const refusal = await budi.textContent(".notice.error");
    // After a reload the reviewer's sidebar says so before anything is filled in.
    await clickAndWait(budi, "#reload-button");
    expect(await budi.textContent("#scoring-state")).toMatch(/^Penilaian ditutup pada /);
    expect(refusal).toMatch(
      /Penilaian ditutup pada \w+, \d+ \w+ \d{4} pukul \d\d\.\d\d WIB\. Penilaian Anda tidak disimpan\./,
    );
    await clickAndWait(coord, "#closing-reopen");
    expect(await coord.getAttribute("#scoring-state", "data-open")).toBe("true");
    // "Close at this time" with no time picked asks for one, instead of saving "no time".
    await clickAndWait(coord, "#closing-at");
    expect(await coord.textContent("#closing .notice.error")).toBe(
      "Pilih tanggal dan jam penutupan dulu, lalu tekan lagi.",
    );
    expect(await coord.getAttribute("#closing input[type=datetime-local]", "aria-invalid")).toBe(
      "true",
    );
    expect(await coord.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe(
      "datetime-local",
    );
    expect(await coord.getAttribute("#scoring-state", "data-open")).toBe("true");
    // A closing time ahead: both sidebars show it in words, with the time left.
    await coord.fill("#closing input[type=datetime-local]", "2099-10-07T10:00");
    await clickAndWait(coord, "#closing-at");
    const until =
      /^Penilaian dibuka sampai Rabu, 7 Oktober 2099 pukul 10\.00 WIB \(sisa \d+ hari( \d+ jam)?\)\.$/;
    expect(await coord.textContent("#scoring-state")).toMatch(until);
    await clickAndWait(budi, "#reload-button");
    expect(await budi.textContent("#scoring-state")).toMatch(until);
    await clickAndWait(budi, '.score-form button:has-text("Kirim nilai")');
    expect(await budi.textContent(".notice.ok")).toContain("tersimpan");
    await clickAndWait(coord, "#board-reload");
    expect(await row.textContent()).toContain(`2 dari ${mine.assigned} tugas selesai`);
    // The ranking names who has not scored what they were asked.
    await coord.click("#tab-ranking");
    await clickAndWait(coord, "#compute-ranking");
    await coord.waitForSelector("#rank-missing");
    // The warnings arrive in a second redraw, which keeps the focus on the result's summary.
    expect(await focused(coord)).toBe("rank-summary");
    const warnings = await coord.locator(".rank-body .notice.warn li").allTextContents();
    expect(warnings).toContain(
      `Ani belum menilai ${board.reviewers.find((r) => r.email === ANI)!.assigned} quickwin yang ditugaskan: ${board.quickwins
        .filter((_, qi) => assignedTo(ANI)[qi] === "todo")
        .map((q) => `${q.id} ${q.name}`)
        .join(", ")}.`,
    );
    await checkA11y(coord, "ranking with missing assigned reviews");
    pages.give(coord);
    pages.give(budi);
  }, 180_000);

  it("imports a form-like sheet: bad, duplicate and good rows; the second import adds nothing", async () => {
    const form = "Jawaban Formulir 1";
    const post = (path: string, method: string, body: unknown) =>
      fetch(`${preview.url}${path}`, {
        method,
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    // Typed as a short-answer form keeps them: dates and Rupiah as people write them.
    const added = await post("/preview/sheets", "POST", { name: form });
    expect(added.ok, await added.clone().text()).toBe(true);
    const typed = await post(`/preview/sheets/${encodeURIComponent(form)}`, "PUT", {
      range: "A1:I5",
      values: [
        [
          "Stempel waktu",
          "Nama OPD",
          "Nama Quickwin",
          "Dimensi",
          "Deskripsi",
          "Tanggal mulai",
          "Tanggal selesai",
          "Anggaran",
          "Tahapan",
        ],
        [
          "2019-09-05 10:12:45",
          "Dinas Sosial",
          "Kartu Lansia Digital",
          "Smart Society",
          "Kartu",
          "'5/9/2019",
          "'20 Oktober 2019",
          "'Rp 1.500.000",
          "Uji coba",
        ],
        [
          "2019-09-05 11:00:00",
          "Dinkes",
          "Pregnancy Tools",
          "Smart Living",
          "Sudah ada",
          "'1/9/2019",
          "'1/10/2019",
          "'2.000.000",
          "",
        ],
        [
          "2019-09-05 12:30:00",
          "Bappeda",
          "Peta Jalan",
          "Ekonomi",
          "Salah isi",
          "'5 September 2019",
          "'4 September 2019",
          "'murah",
          "",
        ],
        [
          "2019-09-06 08:00:00",
          "Diskominfo",
          "Satu Data Pati",
          "Smart Governance",
          "Portal data",
          "'6 September 2019",
          "'30/10/2019",
          "'0",
          "Penerapan",
        ],
      ],
    });
    expect(typed.ok, await typed.clone().text()).toBe(true);
    const coord = await open(COORDINATOR);
    await planTab(coord);
    expect(await coord.inputValue("#import input[type=text]")).toBe(form);
    await clickAndWait(coord, "#import-preview");
    expect(await coord.textContent("#import-counts")).toBe(
      "2 siap diimpor · 1 bermasalah · 1 duplikat",
    );
    expect(await focused(coord)).toBe("import-counts");
    const bad = coord.locator('.import-rows li[data-row="4"]');
    expect(await bad.locator(".problems").textContent()).toContain(
      "Tanggal selesai: Tidak boleh sebelum tanggal mulai",
    );
    expect(await coord.locator('.import-rows li[data-row="3"] .problems').textContent()).toBe(
      "Sudah ada quickwin Pregnancy Tools dari Dinkes.",
    );
    expect(await coord.locator('.import-rows li[data-row="2"]').textContent()).toContain(
      "Dinas Sosial · 5 September 2019 – 20 Oktober 2019 · Rp1.500.000",
    );
    await checkA11y(coord, "import preview");
    await picture(() => coord.locator("#import").screenshot({ path: join(shots, "11-impor.png") }));
    await clickAndWait(coord, "#import-run");
    expect(await coord.textContent(".notice.ok")).toContain("2 quickwin diimpor.");
    // The rows say what became of them, and no button offers to import them again.
    expect(await coord.textContent("#import-counts")).toBe("2 diimpor · 1 bermasalah · 1 duplikat");
    expect(await focused(coord)).toBe("import-counts");
    expect(await coord.locator("#import-run").count()).toBe(0);
    expect(await coord.locator(".import-rows li.import-imported .badge").allTextContents()).toEqual(
      [expect.stringMatching(/^diimpor: QW-\d+$/), expect.stringMatching(/^diimpor: QW-/)],
    );
    const state = await rpc<{ quickwins: { name: string }[] }>("getSidebarState", []);
    expect(state.quickwins.map((q) => q.name)).toEqual([
      ...QUICKWINS.map((q) => q[0]),
      "Kartu Lansia Digital",
      "Satu Data Pati",
    ]);
    // Again: every response is now a duplicate, and nothing is imported twice.
    await clickAndWait(coord, "#import-preview");
    expect(await coord.textContent("#import-counts")).toBe(
      "0 siap diimpor · 1 bermasalah · 3 duplikat",
    );
    await clickAndWait(coord, "#import-run");
    expect(await coord.textContent(".notice.ok")).toContain(
      "Tidak ada quickwin baru untuk diimpor.",
    );
    const after = await rpc<{ quickwins: unknown[] }>("getSidebarState", []);
    expect(after.quickwins).toHaveLength(6);
    pages.give(coord);
  }, 180_000);

  it("reported no console errors, no page errors and no serious axe findings", () => {
    expect(errors).toEqual([]);
    expect(axeFindings).toEqual([]);
  });
});
