// Shared by the browser suites: Debian's Chromium through playwright-core, a preview server of
// our own (`npm start`'s entry, on a free port, with a fresh workbook), axe-core, and helpers to
// drive the sidebar like a person (including keyboard only).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";

export const root = join(import.meta.dirname, "../../..");

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

export async function launch(executablePath: string): Promise<Browser> {
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

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Preview {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the preview (`src/preview/start.ts`, what `npm start` runs after the build) on a free
 * port with an empty workbook in a temp dir (QW_DEMO=0: a clean meeting). QW_PREVIEW_URL points
 * the suite at an already running preview instead.
 */
export async function startPreview(): Promise<Preview> {
  if (process.env.QW_PREVIEW_URL) {
    return { url: process.env.QW_PREVIEW_URL.replace(/\/$/, ""), stop: async () => {} };
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "qw-preview-"));
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, "node_modules/tsx/dist/cli.mjs"), join(root, "src/preview/start.ts")],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        QW_DATA: join(dataDir, "workbook.json"),
        QW_DEMO: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (d) => {
    output += String(d);
  });
  child.stderr?.on("data", (d) => {
    output += String(d);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the preview server exited (${child.exitCode}):\n${output}`);
    }
    try {
      const res = await fetch(`${url}/preview/users`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`the preview server did not start within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      }
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
