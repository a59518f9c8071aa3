import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The longest files first (as vitest orders them when a previous run timed them), the browser
 * suites interleaved with the rest. A browser suite mostly waits (for Chromium, for the page):
 * beside it, a worker running a server suite uses the CPU it leaves idle, whereas browser suites
 * side by side left both cores half idle. The browser suites still start early: they are the
 * longest files, and one started last would leave a worker running alone at the end.
 *
 * The few files in another environment (happy-dom) run together right after the first file:
 * a worker runs files of one environment, so each change of environment starts a new worker
 * that imports everything again. Left where their short durations put them (at the end), they
 * started four new workers in the run's last seconds.
 */
class BrowserSuitesInterleaved extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isBrowser = (f: TestSpecification) => f.moduleId.endsWith(".browser.test.ts");
    const otherEnvironment: TestSpecification[] = [];
    const browser: TestSpecification[] = [];
    const slow: TestSpecification[] = [];
    const rest: TestSpecification[] = [];
    for (const f of sorted) {
      if (inOtherEnvironment(f)) otherEnvironment.push(f);
      else if (isBrowser(f)) browser.push(f);
      // The slowest of the rest first even without timings (a fresh clone orders by file size).
      else (isSlow(f) ? slow : rest).push(f);
    }
    rest.unshift(...slow);
    const order: TestSpecification[] = [];
    while (browser.length > 0 || rest.length > 0) {
      const b = browser.shift();
      const r = rest.shift();
      if (b) order.push(b);
      if (r) order.push(r);
    }
    order.splice(1, 0, ...otherEnvironment);
    return order;
  }
}

/**
 * The suites that take seconds besides the browser ones. Vitest orders by the last run's
 * timings when it has them; a fresh clone has none and orders by file size, which left the
 * service-call budget suite (1 000 quickwins) to run alone at the end: 2–3 s more.
 */
const SLOW_SUITES = [
  "test/server/budget.test.ts",
  "test/server/concurrency.test.ts",
  "test/server/meeting.test.ts",
  "test/server/ledger.test.ts",
  "test/server/integrity.test.ts",
  "test/server/sheets.test.ts",
  "test/server/ranking.test.ts",
];
function isSlow(file: TestSpecification): boolean {
  return SLOW_SUITES.some((suite) => file.moduleId.endsWith(suite));
}

/** A file that asks for another environment in its first line (`// @vitest-environment …`). */
function inOtherEnvironment(file: TestSpecification): boolean {
  const head = readFileSync(file.moduleId, "utf8").slice(0, 200);
  return /@vitest-environment\s+(?!node\b)\S+/.test(head);
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    environment: "node",
    // Browser suites start Chromium and a preview server; keep the 2-core machine unclogged.
    maxWorkers: 2,
    sequence: { sequencer: BrowserSuitesInterleaved },
    // Files in a worker share its loaded modules instead of importing everything afresh (a
    // third of the suite's CPU time): suites keep no state of their own in module scope.
    isolate: false,
    // The server suites allocate fast (a fresh script realm per call, workbook copies): a larger
    // young generation spends about a sixth less CPU in the garbage collector. A V8 flag, so it
    // needs child processes (vitest's default pool); --pool=threads needs an --execArgv of its own
    // (e.g. --execArgv=--cpu-prof), which replaces this one.
    pool: "forks",
    execArgv: ["--max-semi-space-size=64"],
    // A whole browser journey is one test (~20 s on an idle machine): room for a loaded CI box.
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
