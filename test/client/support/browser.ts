// Shared by the browser suites: Debian's Chromium through playwright-core, a preview server of
// our own (`npm start`'s entry, on a free port, with a fresh workbook), axe-core, and helpers to
// drive the sidebar like a person (including keyboard only).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";

export const root = join(import.meta.dirname, "../../..");

/**
 * Where a browser suite writes its pictures: the README's folder on request (`npm run
 * screenshots`), else one folder under the system's temp dir that stays empty (`picture` takes
 * none then), so that `npm test` leaves the work tree clean and no folder per run behind.
 */
export function screenshotDir(): string {
  return process.env.QW_SCREENSHOTS === "1"
    ? join(root, "docs/screenshots")
    : join(tmpdir(), "qw-screenshots");
}

/**
 * Takes a picture for the README only when asked (`npm run screenshots`): in `npm test` a
 * picture nobody looks at is only Chromium's time. Nothing a test checks depends on it.
 */
export async function picture(take: () => Promise<unknown>): Promise<void> {
  if (process.env.QW_SCREENSHOTS === "1") await take();
}

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/lib/chromium/chromium",
].filter((p): p is string => Boolean(p));

/** The Chromium to use, or null (with the reason printed) so the suite can skip. */
export function findChromium(): string | null {
  const found = CANDIDATES.find((p) => existsSync(p)) ?? null;
  if (!found) {
    console.warn(
      `Browser tests skipped: no Chromium at ${CANDIDATES.join(", ")} (apt-get install chromium).`,
    );
  }
  return found;
}

/**
 * One Chromium per worker process, shared by the browser suites it runs one after another
 * (vitest runs several files in a worker): starting and stopping one is ~0.4 s of CPU and a
 * few hundred ms per suite. A suite gives it back with `release`, which closes what it opened.
 * Playwright stops it when the worker exits.
 */
export function launch(executablePath: string): Promise<Browser> {
  const shared = globalThis as { [SHARED]?: Promise<Browser> | undefined };
  shared[SHARED] ??= start(executablePath).then(
    (browser) => {
      browser.on("disconnected", () => {
        shared[SHARED] = undefined;
      });
      return browser;
    },
    (error: unknown) => {
      shared[SHARED] = undefined;
      throw error;
    },
  );
  return shared[SHARED];
}

/** Process-wide, not module-wide: a module may be evaluated again for another suite. */
const SHARED = Symbol.for("quickwin.test.chromium");

/**
 * A suite's pages, reused. A suite that opens the sidebar for one user after another gives a
 * page back when done and the next user's `goto` navigates it, instead of opening a new page:
 * a new page is a new renderer process that compiles the sidebar, Playwright's injected script
 * and axe-core afresh (about a third of a browser suite's CPU time), whereas a navigation gives
 * the same fresh document and script realm in a process that has compiled them before. Pages in
 * use at the same time are different pages. Nothing a test checks lives in a page across a
 * navigation (the sidebar keeps no storage; the context, shared anyway, holds the cookies).
 */
export interface Pages {
  /** A page given back earlier, or a new one (`prepare` runs once for each new page). */
  take(): Promise<Page>;
  /** The test is done with `page`: the next `take` may navigate it. */
  give(page: Page): void;
}

export function reusablePages(context: BrowserContext, prepare: (page: Page) => void): Pages {
  const free: Page[] = [];
  return {
    async take() {
      const reused = free.pop();
      if (reused) return reused;
      const page = await context.newPage();
      prepare(page);
      return page;
    },
    give(page) {
      if (!page.isClosed() && !free.includes(page)) free.push(page);
    },
  };
}

/** Ends a suite's use of the shared Chromium: every page and context it opened is closed. */
export async function release(browser: Browser | undefined): Promise<void> {
  await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
}

async function start(executablePath: string): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

export interface Preview {
  url: string;
  /**
   * One server function as `user`, as google.script.run would make it (a refusal throws). In
   * this process when the preview is ours — no HTTP round trip and no workbook file written
   * per call, so seeding a meeting is quick; over /rpc/ for a preview at QW_PREVIEW_URL.
   */
  call<T>(name: string, args: unknown[], user: string, locale?: string): Promise<T>;
  stop(): Promise<void>;
}

/** POST /rpc/NAME on a preview at `url` (what the sidebar's google.script.run shim does). */
export async function rpcOver<T>(
  url: string,
  name: string,
  args: unknown[],
  user: string,
  locale = "id",
): Promise<T> {
  const response = await fetch(`${url}/rpc/${name}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ args, user, locale }),
  });
  const data = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!data.ok) throw new Error(`${name}: ${data.error?.message}`);
  return data.value as T;
}

/**
 * Starts the preview server of `npm start` (src/preview/server.ts) in this process, on a free
 * port, with a new empty workbook in a temp dir (QW_DEMO=0: a clean meeting), serving the built
 * dist/ (vitest's global setup has just built it). QW_PREVIEW_URL points the suite at an
 * already running preview instead.
 */
export async function startPreview(): Promise<Preview> {
  if (process.env.QW_PREVIEW_URL) {
    const url = process.env.QW_PREVIEW_URL.replace(/\/$/, "");
    return {
      url,
      call: (name, args, user, locale) => rpcOver(url, name, args, user, locale),
      stop: async () => {},
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), "qw-preview-"));
  const { startPreview: start } = await import("../../../src/preview/server");
  const preview = await start({
    port: 0,
    host: "127.0.0.1",
    dataFile: join(dataDir, "workbook.json"),
    demo: false,
    log: () => {},
  });
  return {
    url: preview.url.replace(/\/$/, ""),
    async call<T>(name: string, args: unknown[], user: string, locale = "id"): Promise<T> {
      const result = preview.runtime.call(name, args, { email: user, locale });
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
      return result.value as T;
    },
    async stop() {
      await preview.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Everything the page reported that a user should never see: console errors, page errors. */
export function watchErrors(page: Page, sink: string[]): void {
  page.on("console", (msg) => {
    if (msg.type() === "error") sink.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (error) => sink.push(`pageerror: ${error.message}`));
  page.on("dialog", (dialog) => {
    sink.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
}

const axeSource = readFileSync(join(root, "node_modules/axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => "axe" in window);
  if (!hasAxe) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> };
    };
    const result = await w.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 200) })),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Presses Tab until the focused element matches `selector` (keyboard-only navigation). */
export async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    const matches = await page.evaluate(
      (sel) => document.activeElement?.matches(sel) ?? false,
      selector,
    );
    if (matches) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}
