// `npm test` and `npm run test:full`: the typecheck and vitest side by side. tsc takes about
// 1.5 s on a fresh clone, while vitest spends its first seconds building dist/ and starting
// its workers, so run in turn they cost a second more. A type error stops the run at once:
// vitest is stopped and tsc's report printed. The exit code is non-zero when either fails.
//
//   node scripts/test.mjs [--full] [vitest arguments…]
//
// --full runs the full tier (QW_FULL=1, test/support/tier.ts); other arguments go to vitest
// (`npm test -- test/core` runs one folder).
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const full = args.includes("--full");
const vitestArgs = args.filter((a) => a !== "--full");

const tsc = spawn(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "--noEmit"], {
  cwd: root,
  stdio: ["ignore", "pipe", "pipe"],
});
const report = [];
tsc.stdout.on("data", (chunk) => report.push(chunk));
tsc.stderr.on("data", (chunk) => report.push(chunk));

const vitest = spawn(
  process.execPath,
  [join(root, "node_modules/vitest/vitest.mjs"), "run", ...vitestArgs],
  {
    cwd: root,
    stdio: "inherit",
    env: full ? { ...process.env, QW_FULL: "1" } : process.env,
  },
);

const exited = (child) =>
  new Promise((resolve) => {
    child.on("error", (error) => {
      console.error(`${child === tsc ? "tsc" : "vitest"} could not start: ${error.message}`);
      resolve(1);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const typecheck = exited(tsc).then((code) => {
  if (code !== 0) {
    // No point testing code that does not compile: stop vitest, then say why.
    vitest.kill("SIGTERM");
    process.stderr.write(Buffer.concat(report));
    console.error(`\ntsc --noEmit failed (exit ${code}): the tests were stopped.`);
  }
  return code;
});
const tests = exited(vitest);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    tsc.kill(signal);
    vitest.kill(signal);
  });
}

const [typeCode, testCode] = await Promise.all([typecheck, tests]);
process.exitCode = typeCode !== 0 ? typeCode : testCode;
