// The whole meeting in real Chromium against the local preview (the built server script on the
// emulator): a coordinator sets up, sets the panel and enters quickwins (hostile text included),
// three reviewers score (one by keyboard only), an own-agency review is refused with the
// server's message, the coordinator ranks and exports and the CSV downloads. Every view is
// checked with axe-core; no console or page errors; screenshots go to docs/screenshots/.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  tabTo,
  watchErrors,
} from "./support/browser";

const chromium = findChromium();
const shots = screenshotDir();

const COORDINATOR = "koordinator@patikab.go.id";
const REVIEWERS = {
  bappeda: "penilai.bappeda@patikab.go.id",
  inspektorat: "penilai.inspektorat@patikab.go.id",
  disdagperin: "penilai.disdagperin@patikab.go.id",
};
const HOSTILE_NAME = "<img src=x onerror=alert(1)>";
const HOSTILE_AGENCY = '=HYPERLINK("x")';
/** The sidebar's error red (#c5221f), as getComputedStyle reports it. */
const INVALID_RED = "rgb(197, 34, 31)";
/** Disdagperin with a Cyrillic і: a look-alike the identity key does not fold. */
const LOOK_ALIKE = "Disdagper\u0456n";

interface QuickwinEntry {
  name: string;
  agency: string;
  dimension: string;
  description: string;
  start: string;
  end: string;
  budget: string;
  beneficiaries?: string;
  stage?: string;
  url?: string;
}

const QUICKWINS: QuickwinEntry[] = [
  {
    name: "Satrio Pasar",
    agency: "Disdagperin",
    dimension: "economy",
    description: "Informasi harga dan los pasar tradisional secara daring.",
    start: "2019-09-02",
    end: "2019-10-15",
    budget: "Rp 15.000.000",
    stage: "pilot",
    url: "https://patikab.go.id/satrio-pasar",
  },
  {
    name: "Sipipa",
    agency: "Dislautkan",
    dimension: "environment",
    description: "Sistem informasi perikanan dan pantai.",
    start: "2019-09-01",
    end: "2019-10-20",
    budget: "7500000",
  },
  {
    name: "Pregnancy Tools",
    agency: "Puskesmas Cluwak",
    dimension: "living",
    description: "Pemantauan ibu hamil oleh bidan desa.",
    start: "2019-09-05",
    end: "2019-10-30",
    budget: "2.500.000",
    beneficiaries: "1.200",
    stage: "implemented",
  },
  {
    name: HOSTILE_NAME,
    agency: HOSTILE_AGENCY,
    dimension: "governance",
    description: "<script>alert(2)</script> & 'kutip'",
    start: "2019-09-10",
    end: "2019-10-10",
    budget: "0",
  },
];

describe.skipIf(!chromium)("sidebar in Chromium against the preview", () => {
  let preview: Preview;
  let browser: Browser;
  let context: BrowserContext;
  let pages: Pages;
  const errors: string[] = [];
  const axeFindings: string[] = [];
  const renderTimes: number[] = [];
  const shellTimes: number[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    [preview, browser] = await Promise.all([startPreview(), launch(chromium as string)]);
    context = await browser.newContext({
      viewport: { width: 300, height: 800 },
      deviceScaleFactor: 1,
      acceptDownloads: true,
    });
    pages = reusablePages(context, (page) => watchErrors(page, errors));
  }, 90_000);

  afterAll(async () => {
    await context?.close();
    await release(browser);
    await preview?.stop();
    const summary = (label: string, values: number[]) => {
      if (values.length === 0) return;
      const sorted = [...values].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
      const max = sorted[sorted.length - 1] ?? 0;
      console.log(
        `${label}, ${sorted.length} loads: median ${median.toFixed(0)} ms, max ${max.toFixed(0)} ms`,
      );
    };
    summary("Sidebar first render (navigation start → loading view painted)", shellTimes);
    summary("Sidebar ready (navigation start → state loaded and rendered)", renderTimes);
  });

  /** Opens the sidebar as `user`; waits for the first real view and records its render time. */
  async function open(user: string, locale: "id" | "en" = "id"): Promise<Page> {
    const page = await pages.take();
    await page.goto(`${preview.url}/sidebar?user=${encodeURIComponent(user)}&locale=${locale}`);
    await page.waitForSelector("#app[data-view]:not([data-view=loading])");
    const times = await page.evaluate(() => {
      const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? null;
      return {
        shell: mark("qw-shell-rendered"),
        state: mark("qw-state-rendered"),
      };
    });
    expect(times.shell).not.toBeNull();
    if (times.shell !== null) shellTimes.push(times.shell);
    if (times.state !== null) renderTimes.push(times.state);
    return page;
  }

  /** Clicks and waits until every call it started has finished (nothing is aria-busy). */
  async function clickAndWait(page: Page, selector: string): Promise<void> {
    await page.click(selector);
    await page.waitForFunction(() => !document.querySelector("[aria-busy=true]"));
  }

  async function checkA11y(page: Page, view: string): Promise<void> {
    const found = await axeSerious(page);
    for (const v of found) {
      axeFindings.push(
        `${view}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      );
    }
  }

  async function shot(page: Page, name: string): Promise<void> {
    await picture(() => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true }));
  }

  async function view(page: Page): Promise<string | null> {
    return page.getAttribute("#app", "data-view");
  }

  it("a coordinator sets up the spreadsheet and the panel", async () => {
    const page = await open(COORDINATOR);
    expect(await view(page)).toBe("setup");
    await checkA11y(page, "setup");
    await shot(page, "01-siapkan");
    await clickAndWait(page, "#setup-run");
    expect(await view(page)).toBe("settings");
    expect(await page.textContent(".who")).toContain("Koordinator");

    // The coordinator's own card: give the agency (Diskominfo).
    const panel = "section[aria-labelledby=panel-heading]";
    await page.click(`${panel} details >> nth=0 >> summary`);
    await page.fill(`${panel} fieldset[data-index="0"] input[type=text] >> nth=1`, "Diskominfo");
    const members = [
      [REVIEWERS.bappeda, "Ibu Bappeda", "Bappeda"],
      [REVIEWERS.inspektorat, "Bapak Inspektorat", "Inspektorat"],
      [REVIEWERS.disdagperin, "Ibu Disdagperin", "Disdagperin"],
    ] as const;
    for (const [i, [email, name, agency]] of members.entries()) {
      await page.click(`${panel} button:has-text("Tambah anggota")`);
      const card = `${panel} fieldset[data-index="${i + 1}"]`;
      await page.fill(`${card} input[type=email]`, i === 0 ? "bukan-email" : email);
      await page.fill(`${card} input[type=text] >> nth=0`, name);
      await page.fill(`${card} input[type=text] >> nth=1`, agency);
    }
    // Inline validation with the server's schema: a bad email is named at once.
    const bad = page.locator(`${panel} fieldset[data-index="1"] input[type=email]`);
    expect(await bad.getAttribute("aria-invalid")).toBe("true");
    // …and drawn red: text fields' own border rule must not win over the invalid one.
    expect(await bad.evaluate((e) => getComputedStyle(e).borderTopColor)).toBe(INVALID_RED);
    await shot(page, "02-tim-penilai");
    await bad.fill(REVIEWERS.bappeda);
    expect(await bad.getAttribute("aria-invalid")).toBeNull();
    await clickAndWait(page, `${panel} button:has-text("Simpan tim penilai")`);
    expect(await page.textContent(".notice.ok")).toContain("4 anggota");
    // The agencies just typed joined the list (the server adds them): the agency editor below,
    // not edited yet, shows them at once — no "no agency yet" beside a panel that names four.
    const typedAgencies = await page.$$eval(
      "section[aria-labelledby=agency-heading] input[id^=agency-name-]",
      (els) => els.map((e) => (e as HTMLInputElement).value),
    );
    expect(typedAgencies).toEqual(expect.arrayContaining(["Diskominfo", "Bappeda", "Disdagperin"]));

    // Settings: a shortlist of two; each field explained in one line.
    const settings = "section[aria-labelledby=settings-heading]";
    expect(await page.locator(`${settings} .help`).count()).toBeGreaterThanOrEqual(4);
    await page.fill(`${settings} input >> nth=0`, "0");
    expect(await page.getAttribute(`${settings} input >> nth=0`, "aria-invalid")).toBe("true");
    // Saving it anyway sends nothing and puts the focus on the field to correct.
    await page.click(`${settings} button:has-text("Simpan pengaturan")`);
    expect(
      await page.evaluate(
        (sel) => document.activeElement === document.querySelector(`${sel} input`),
        settings,
      ),
    ).toBe(true);
    await page.fill(`${settings} input >> nth=0`, "2");
    // Reviewers per quickwin (what an assignment proposal asks for) is a setting too.
    const perQuickwin = page.getByLabel("Penilai per quickwin");
    expect(await perQuickwin.inputValue()).toBe("3");
    await perQuickwin.fill("0");
    expect(await perQuickwin.getAttribute("aria-invalid")).toBe("true");
    await perQuickwin.fill("2");
    await clickAndWait(page, `${settings} button:has-text("Simpan pengaturan")`);
    expect(await page.textContent(".notice.ok")).toContain("Pengaturan tersimpan");
    expect(await page.inputValue(`${settings} input >> nth=0`)).toBe("2");
    expect(await page.getByLabel("Penilai per quickwin").inputValue()).toBe("2");
    await checkA11y(page, "settings");

    // The rubric (the server's default) shows its total weight.
    expect(await page.textContent("section[aria-labelledby=rubric-heading] .total")).toMatch(
      /Total bobot: \d/,
    );
    await shot(page, "08-pengaturan");
    // A rubric card open: weight, range and one descriptor per level; validated as typed.
    const rubric = "section[aria-labelledby=rubric-heading]";
    await page.click(`${rubric} details >> nth=0 >> summary`);
    const card = `${rubric} fieldset[data-index="0"]`;
    const levels = await page.locator(`${card} .levels-edit input`).count();
    expect(levels).toBeGreaterThanOrEqual(2);
    const weight = page.locator(`${card} input[inputmode=decimal] >> nth=0`);
    const before = await weight.inputValue();
    await weight.fill("0");
    expect(await weight.getAttribute("aria-invalid")).toBe("true");
    // A decimal comma is a decimal point, never a tenfold weight.
    await weight.fill("1,5");
    expect(await weight.getAttribute("aria-invalid")).toBeNull();
    await expect
      .poll(() => page.textContent(`${rubric} .total`))
      .toMatch(/Total bobot: \d+,50?(\D|$)/);
    await weight.fill(before);
    expect(await weight.getAttribute("aria-invalid")).toBeNull();
    await checkA11y(page, "settings, rubric card open");
    pages.give(page);
  }, 120_000);

  it("the coordinator enters quickwins with inline validation; hostile text stays text", async () => {
    const page = await open(COORDINATOR);
    await page.click("#tab-quickwin");
    await checkA11y(page, "quickwin list (empty)");
    for (const [i, q] of QUICKWINS.entries()) {
      await page.click("#add-quickwin");
      if (i === 0) {
        // Saving an empty form names every missing field and sends nothing.
        await page.click('button:has-text("Simpan quickwin")');
        expect(await page.locator("[aria-invalid=true]").count()).toBeGreaterThanOrEqual(5);
        const borders = await page
          .locator("[aria-invalid=true]")
          .evaluateAll((els) => els.map((e) => getComputedStyle(e).borderTopColor));
        expect(new Set(borders)).toEqual(new Set([INVALID_RED]));
        expect(await page.isVisible(".field-error:has-text('Wajib diisi')")).toBe(true);
      }
      await page.fill("[name=name]", q.name);
      await page.fill("[name=agency]", q.agency);
      await page.selectOption("[name=dimension]", q.dimension);
      await page.fill("[name=description]", q.description);
      await page.fill("[name=startDate]", q.start);
      await page.fill("[name=endDate]", i === 1 ? "2019-12-20" : q.end);
      await page.fill("[name=budget]", q.budget);
      if (q.beneficiaries) await page.fill("[name=beneficiaries]", q.beneficiaries);
      if (q.stage) await page.selectOption("[name=stage]", q.stage);
      if (i === 0) {
        await page.fill("[name=evidenceUrl]", "javascript:alert(1)");
        expect(await page.getAttribute("[name=evidenceUrl]", "aria-invalid")).toBe("true");
        expect(await page.textContent(".qw-form")).toContain("http:// atau https://");
      }
      if (q.url) await page.fill("[name=evidenceUrl]", q.url);
      if (i === 1) {
        // More than two months: a warning, not an error; then shortened.
        expect(await page.isVisible(".field-warning")).toBe(true);
        expect(await page.locator("[aria-invalid=true]").count()).toBe(0);
        await page.fill("[name=endDate]", q.end);
        expect(await page.isVisible(".field-warning")).toBe(false);
      }
      await page.locator("[name=budget]").blur();
      if (i === 0) {
        expect(await page.inputValue("[name=budget]")).toBe("Rp15.000.000");
        await checkA11y(page, "quickwin form");
        await shot(page, "03-form-quickwin");
      }
      await clickAndWait(page, 'button:has-text("Simpan quickwin")');
      expect(await page.textContent(".notice.ok")).toContain("tersimpan");
    }
    const rows = page.locator(".qw-row");
    expect(await rows.count()).toBe(QUICKWINS.length);
    // The hostile name and agency are shown verbatim, as text.
    expect(await page.locator(`.qw-name:text-is("${HOSTILE_NAME}")`).count()).toBe(1);
    expect(await page.textContent(".qw-list")).toContain(HOSTILE_AGENCY);
    expect(await page.locator("#app img").count()).toBe(0);
    await checkA11y(page, "quickwin list");
    await shot(page, "04-daftar-quickwin");

    // Edit: the stored values come back into the form.
    await page.click(`.qw-row >> nth=2 >> button:has-text("Ubah")`);
    expect(await page.inputValue("[name=name]")).toBe("Pregnancy Tools");
    expect(await page.inputValue("[name=beneficiaries]")).toBe("1200");
    await page.fill("[name=description]", "Pemantauan ibu hamil oleh bidan desa (diperbarui).");
    await clickAndWait(page, 'button:has-text("Simpan")');
    expect(await page.textContent(".notice.ok")).toContain("Pregnancy Tools");
    pages.give(page);
  }, 120_000);

  /** Picks a level in every criterion of the open quickwin, with the mouse. */
  async function fillScores(page: Page, pick: (levels: number) => number) {
    const sets = page.locator("fieldset.criterion");
    const n = await sets.count();
    expect(n).toBeGreaterThan(0);
    for (let c = 0; c < n; c++) {
      const radios = sets.nth(c).locator("input[type=radio]");
      await radios.nth(pick(await radios.count())).check();
    }
  }

  async function scoreWithMouse(page: Page, index: number, pick: (levels: number) => number) {
    await page.click(`.qw-item >> nth=${index}`);
    await fillScores(page, pick);
  }

  it("a reviewer scores every quickwin with the mouse; re-scoring shows the old scores", async () => {
    const page = await open(REVIEWERS.bappeda);
    expect(await view(page)).toBe("score");
    expect(await page.textContent(".progress-text")).toContain("0 dari 4");
    await checkA11y(page, "scoring list");
    await shot(page, "05-daftar-penilaian");
    for (let i = 0; i < QUICKWINS.length; i++) {
      await scoreWithMouse(page, i, (levels) => (i === 3 ? 0 : levels - 1 - (i % 2)));
      await page.fill(".score-form textarea", `Catatan ${i} <b>tebal</b>`);
      if (i === 0) {
        await checkA11y(page, "scoring form");
        await shot(page, "06-penilaian");
      }
      await clickAndWait(page, '.score-form button:has-text("Kirim nilai")');
      expect(await page.textContent(".notice.ok")).toContain("tersimpan");
      await page.click("button.back");
    }
    expect(await page.textContent(".progress-text")).toContain("4 dari 4");
    // Re-scoring: the previous scores and comment are there.
    await page.click(".qw-item >> nth=1");
    expect(await page.inputValue(".score-form textarea")).toBe("Catatan 1 <b>tebal</b>");
    expect(await page.locator(".score-form input[type=radio]:checked").count()).toBe(
      await page.locator("fieldset.criterion").count(),
    );
    expect(await page.isVisible('button:has-text("Perbarui nilai")')).toBe(true);
    pages.give(page);
  }, 120_000);

  it("a reviewer scores by keyboard only: Tab between criteria, arrows between levels", async () => {
    const page = await open(REVIEWERS.inspektorat);
    await tabTo(page, ".qw-item");
    await page.keyboard.press("Enter");
    for (let q = 0; q < QUICKWINS.length; q++) {
      await page.waitForSelector("fieldset.criterion");
      const ids = await page.$$eval("fieldset.criterion", (fs) =>
        fs.map((f) => f.getAttribute("data-criterion") ?? ""),
      );
      for (const [c, id] of ids.entries()) {
        await tabTo(page, `fieldset.criterion[data-criterion="${id}"] input[type=radio]`);
        const steps = (q + c) % 3;
        if (steps === 0) await page.keyboard.press("Space");
        for (let s = 0; s < steps; s++) await page.keyboard.press("ArrowRight");
      }
      await tabTo(page, ".score-form button.action");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => !document.querySelector("[aria-busy=true]"));
      // The confirmation, at the bottom beside "next", has focus and is on screen (not
      // 1 600 px above, where the page starts); Tab then reaches "next", Enter goes on.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("score-saved");
      expect(await page.textContent("#score-saved")).toContain("tersimpan");
      const onScreen = await page.$eval("#score-saved", (el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
      expect(onScreen).toBe(true);
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("next-button");
      await page.keyboard.press("Enter");
    }
    await page.waitForSelector(".progress-text");
    expect(await page.textContent(".progress-text")).toContain("4 dari 4");
    pages.give(page);
  }, 120_000);

  it("a reviewer from the proposing agency records a conflict; scoring it is refused", async () => {
    const page = await open(REVIEWERS.disdagperin);
    const own = page.locator(".qw-item", { hasText: "Satrio Pasar" });
    expect(await own.locator(".badge").textContent()).toBe("OPD sendiri");
    for (const q of QUICKWINS.slice(1)) {
      await page.locator(".qw-item", { hasText: q.name }).click();
      await fillScores(page, () => 1);
      await clickAndWait(page, '.score-form button:has-text("Kirim nilai")');
      expect(await page.textContent(".notice.ok")).toContain("tersimpan");
      await page.click("button.back");
    }
    const ownId = (await own.getAttribute("data-id")) as string;
    await own.click();
    expect(await page.textContent(".notice.warn")).toContain("Disdagperin");
    // No rubric to score it: one sentence, and the button that records the conflict.
    expect(await page.locator(".score-form input, .score-form fieldset").count()).toBe(0);
    expect(await page.textContent(".score-form")).toContain("Nilai tidak diperlukan");
    await checkA11y(page, "scoring an own-agency quickwin");
    await clickAndWait(page, '.score-form button:has-text("Catat konflik")');
    // Said as a conflict recorded, not as scores saved.
    expect(await page.textContent(".notice.ok")).toBe(
      "Konflik kepentingan untuk “Satrio Pasar” tercatat.",
    );
    expect(await page.textContent(".notice.info")).toMatch(
      /^Anda sudah mencatat konflik kepentingan untuk quickwin ini \(.+ WIB\)/,
    );
    // Scores sent anyway (a hostile or stale client) are refused with the server's words.
    const direct = (await (
      await fetch(`${preview.url}/rpc/submitReview`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          args: [{ quickwinId: ownId, scores: {}, declaredConflict: false }],
          user: REVIEWERS.disdagperin,
          locale: "id",
        }),
      })
    ).json()) as { ok: boolean; error?: { message: string } };
    expect(direct.ok).toBe(false);
    expect(direct.error?.message).toMatch(/OPD yang sama \(Disdagperin\)/);
    pages.give(page);
  }, 120_000);

  it("the coordinator ranks, sees the shortlist and downloads the CSV", async () => {
    const page = await open(COORDINATOR);
    await page.click("#tab-ranking");
    await clickAndWait(page, "#compute-ranking");
    const items = page.locator(".rank-item");
    expect(await items.count(), "ranked rows").toBe(QUICKWINS.length);
    expect(await page.locator(".rank-item.shortlisted").count(), "shortlisted rows").toBe(2);
    expect(await page.locator(".rank-item .badge.shortlist").first().textContent()).toBe(
      "Terpilih",
    );
    // One chart row per quickwin, each with its bar and its rank-range lane.
    expect(await page.locator("svg.chart g.chart-row").count(), "chart rows").toBe(
      QUICKWINS.length,
    );
    expect(await page.locator("svg.chart .chart-lane").count(), "rank lanes").toBe(
      QUICKWINS.length,
    );
    const firstName = await items.first().locator(".qw-name").textContent();
    expect(await page.locator("svg.chart .chart-name").first().textContent()).toBe(
      `1. ${firstName}`,
    );
    const first = await items.first().textContent();
    expect(first).toMatch(/peringkat|pasti/);
    expect(await page.locator(`.rank-item .qw-name:text-is("${HOSTILE_NAME}")`).count()).toBe(1);
    // Satrio Pasar was refused for one reviewer, so it has two counted reviews.
    expect(await page.locator(".rank-item", { hasText: "Satrio Pasar" }).textContent()).toContain(
      "2 penilaian",
    );
    await checkA11y(page, "ranking");
    await clickAndWait(page, "#export-shortlist");
    expect(await page.textContent(".export .notice.ok"), "export notice").toContain("2 quickwin");
    await shot(page, "07-peringkat");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click(".export a[download]"),
    ]);
    expect(download.suggestedFilename(), "file name").toMatch(
      /^daftar-pendek-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = readFileSync((await download.path()) as string, "utf8");
    expect(csv.charCodeAt(0), "byte order mark").toBe(0xfeff);
    const shortlisted = await page.$$eval(".rank-item.shortlisted .qw-name", (els) =>
      els.map((e) => e.textContent ?? ""),
    );
    for (const name of shortlisted)
      expect(csv, "CSV holds the shortlist").toContain(name.replace(/"/g, '""'));
    // No cell starts with a formula character (the server escapes them).
    expect(csv.slice(1), "no formula cell").not.toMatch(/(^|[,;\t\n])"?[=+@]/);
    pages.give(page);
  }, 120_000);

  it("the coordinator merges a look-alike agency; agency fields suggest the list", async () => {
    const page = await open(COORDINATOR);
    await page.click("#tab-settings");
    const list = "section[aria-labelledby=agency-heading]";
    // The names typed into the panel and the quickwins are on the list already.
    const names = await page.$$eval(`${list} input[id^=agency-name-]`, (els) =>
      els.map((e) => (e as HTMLInputElement).value),
    );
    expect(names).toEqual(expect.arrayContaining(["Bappeda", "Disdagperin", HOSTILE_AGENCY]));
    // A look-alike is added, then merged into Disdagperin: it becomes an alias there.
    await page.click(`${list} button:has-text("Tambah OPD")`);
    const n = names.length;
    await page.fill(`#agency-name-${n}`, LOOK_ALIKE);
    const into = names.indexOf("Disdagperin");
    await page.selectOption(`#agency-merge-${n}`, String(into));
    await page.click(`${list} button[aria-label="Gabungkan: ${LOOK_ALIKE}"]`);
    expect(await page.inputValue(`#agency-aliases-${into}`)).toBe(LOOK_ALIKE);
    expect(await page.locator(`${list} input[id^=agency-name-]`).count()).toBe(n);
    await checkA11y(page, "agency list");
    await shot(page, "14-daftar-opd");
    await clickAndWait(page, `${list} button:has-text("Simpan daftar OPD")`);
    expect(await page.textContent(".notice.ok")).toContain("Daftar OPD disimpan");
    expect(await page.inputValue(`#agency-aliases-${into}`)).toBe(LOOK_ALIKE);
    // The panel form and the quickwin form suggest the list as people type.
    const panelInputs = "section[aria-labelledby=panel-heading] input[list=agency-suggestions]";
    expect(await page.locator(panelInputs).count()).toBeGreaterThan(0);
    await page.click("#tab-quickwin");
    await page.click("#add-quickwin");
    expect(await page.getAttribute("[name=agency]", "list")).toBe("agency-suggestions");
    const options = await page.$$eval("#agency-suggestions option", (els) =>
      els.map((e) => (e as HTMLOptionElement).value),
    );
    expect(options).toEqual(expect.arrayContaining(["Disdagperin", "Bappeda", "Inspektorat"]));
    expect(options).not.toContain(LOOK_ALIKE);
    pages.give(page);
  }, 60_000);

  it("works in English too", async () => {
    const page = await open(REVIEWERS.bappeda, "en");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.$$eval("[role=tab]", (tabs) => tabs.map((t) => t.textContent))).toEqual([
      "Score",
      "Quickwins",
    ]);
    expect(await page.textContent(".progress-text")).toContain("4 of 4 quickwins done");
    await page.click(".qw-item >> nth=0");
    expect(await page.isVisible('button:has-text("Update scores")')).toBe(true);
    await checkA11y(page, "scoring (en)");
    // The switch back to Indonesian keeps the view.
    await page.click("#lang-id");
    expect(await page.isVisible('button:has-text("Perbarui nilai")')).toBe(true);
    const coordinator = await open(COORDINATOR, "en");
    await coordinator.click("#tab-settings");
    expect(await coordinator.textContent("#tabpanel")).toContain("0 means no cap");
    await checkA11y(coordinator, "settings (en)");
    pages.give(coordinator);
    pages.give(page);
  }, 60_000);

  it("a visitor not on the panel is told whom to ask", async () => {
    const page = await open("tamu@contoh.id");
    expect(await view(page)).toBe("not-member");
    expect(await page.textContent("#app")).toContain("tamu@contoh.id");
    await checkA11y(page, "not on the panel");
    pages.give(page);
  });

  it("reported no console errors, no page errors, no dialogs and no serious axe findings", () => {
    expect(errors).toEqual([]);
    expect(axeFindings).toEqual([]);
  });
});
