// Server benchmark (DESIGN §8): emulated service calls and wall time of every server function
// at 10, 100 and 1 000 quickwins (two reviews each), run through dist/server.js in the emulator
// exactly as google.script.run calls it. The calls must not grow with the data (budget ≤ 25;
// setupSpreadsheet's first run creates and formats eight sheets: reported on its own, above 25).
import { createEmulator } from "../src/preview/emulator";
import { loadServer } from "../src/preview/script-host";
import { BUDGET_CASES, COORD, ok, sizedWorld } from "../test/server/helpers";

export function run(): void {
  const sizes = [10, 100, 1000];
  const worlds = sizes.map((n) => sizedWorld(n));
  const table: string[][] = [
    ["function", ...sizes.map((n) => `calls@${n}`), ...sizes.map((n) => `ms@${n}`)],
  ];
  for (const [label, name, args, email] of BUDGET_CASES) {
    const calls: number[] = [];
    const ms: number[] = [];
    for (const w of worlds) {
      const t0 = performance.now();
      const r = w.call(name, args(w), email);
      ms.push(performance.now() - t0);
      ok(r);
      calls.push(r.serviceCalls);
    }
    table.push([label, ...calls.map(String), ...ms.map((m) => m.toFixed(0))]);
  }
  const t0 = performance.now();
  const first = loadServer({ emulator: createEmulator() }).call("setupSpreadsheet", [], {
    email: COORD,
    locale: "id",
  });
  const firstMs = performance.now() - t0;
  ok(first);
  table.push([
    "setupSpreadsheet (first run)",
    ...sizes.map(() => String(first.serviceCalls)),
    ...sizes.map(() => firstMs.toFixed(0)),
  ]);
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  for (const row of table)
    console.log(
      row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "),
    );
  const over = table
    .slice(1, -1)
    .filter((r) => r.slice(1, 4).some((c) => Number(c) > 25) || new Set(r.slice(1, 4)).size > 1);
  if (over.length)
    throw new Error(`over budget or not constant: ${over.map((r) => r[0]).join(", ")}`);
}
