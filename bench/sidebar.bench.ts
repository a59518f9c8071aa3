// Sidebar benchmark (DESIGN §8): the built files' sizes against their budgets, and the sidebar's
// first render in Chromium (navigation start → first view painted), over repeated loads of the
// demo workbook served by the preview.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPreview } from "../src/preview/server";
import { findChromium, launch } from "../test/client/support/browser";

const root = join(import.meta.dirname, "..");
const LOADS = 15;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export async function run(): Promise<void> {
  const sizes = [
    ["dist/sidebar.html", 150],
    ["dist/meeting.html", 150],
    ["dist/server.js", 500],
  ] as const;
  for (const [file, budgetKb] of sizes) {
    const kb = readFileSync(join(root, file)).byteLength / 1024;
    console.log(
      `${file.padEnd(18)} ${kb.toFixed(1).padStart(6)} KB  (budget ${budgetKb} KB: ${kb <= budgetKb ? `ok, ${(budgetKb - kb).toFixed(1)} KB to spare` : "OVER"})`,
    );
  }
  const chromium = findChromium();
  if (!chromium) {
    console.log("first render: not measured (no Chromium; apt-get install chromium)");
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "qw-bench-sidebar-"));
  const preview = await startPreview({ port: 0, dataFile: join(dir, "wb.json"), demo: true });
  const browser = await launch(chromium);
  try {
    const shell: number[] = [];
    const ready: number[] = [];
    const url = new URL(
      `/sidebar?user=${encodeURIComponent("koordinator@patikab.go.id")}&locale=id`,
      preview.url,
    ).href;
    for (let i = 0; i < LOADS + 2; i++) {
      const page = await browser.newPage({ viewport: { width: 300, height: 800 } });
      await page.goto(url);
      await page.waitForSelector("#app[data-view]:not([data-view=loading])");
      // A string, not a function: tsx would add helpers the page does not have.
      const marks = (await page.evaluate(`(() => {
        const at = (name) => (performance.getEntriesByName(name)[0] || { startTime: NaN }).startTime;
        return { shell: at("qw-shell-rendered"), ready: at("qw-state-rendered") };
      })()`)) as { shell: number; ready: number };
      await page.close();
      if (i < 2) continue; // warm-up: the first loads compile the page and the server script
      shell.push(marks.shell);
      ready.push(marks.ready);
    }
    for (const [label, values, budget] of [
      ["first render (loading view painted)", shell, 300],
      ["ready (server state rendered)", ready, null],
    ] as const) {
      const sorted = [...values].sort((a, b) => a - b);
      const verdict =
        budget === null
          ? ""
          : `  (budget ${budget} ms: ${percentile(sorted, 50) < budget ? "ok" : "OVER"})`;
      console.log(
        `${label.padEnd(36)} median ${percentile(sorted, 50).toFixed(0)} ms, p90 ${percentile(sorted, 90).toFixed(0)} ms over ${sorted.length} loads${verdict}`,
      );
    }
  } finally {
    await browser.close();
    await preview.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
