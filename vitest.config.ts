import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    environment: "node",
    // Browser suites start Chromium and a preview server; keep the 2-core machine unclogged.
    maxWorkers: 2,
    // Files in a worker share its loaded modules instead of importing everything afresh (a
    // third of the suite's CPU time): suites keep no state of their own in module scope.
    isolate: false,
    // A whole browser journey is one test (~20 s on an idle machine): room for a loaded CI box.
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
