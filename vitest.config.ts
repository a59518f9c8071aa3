import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The browser suites first (longest first when a previous run timed them, as vitest does): they
 * are the longest files, and started last on a clean clone (no timings yet) they left one
 * worker running alone at the end.
 */
class BrowserSuitesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const browser = (f: TestSpecification) => f.moduleId.endsWith(".browser.test.ts");
    return [...sorted.filter(browser), ...sorted.filter((f) => !browser(f))];
  }
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    environment: "node",
    // Browser suites start Chromium and a preview server; keep the 2-core machine unclogged.
    maxWorkers: 2,
    sequence: { sequencer: BrowserSuitesFirst },
    // Files in a worker share its loaded modules instead of importing everything afresh (a
    // third of the suite's CPU time): suites keep no state of their own in module scope.
    isolate: false,
    // The server suites allocate fast (a fresh script realm per call, workbook copies): a larger
    // young generation spends about a sixth less CPU in the garbage collector.
    execArgv: ["--max-semi-space-size=64"],
    // A whole browser journey is one test (~20 s on an idle machine): room for a loaded CI box.
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
