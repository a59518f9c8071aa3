// Server benchmark (DESIGN §8): emulated service calls and wall time of every server function
// at 10, 100 and 1 000 quickwins (two reviews each), run through dist/server.js in the emulator
// exactly as google.script.run calls it. The calls must not grow with the data (budget ≤ 25;
// setupSpreadsheet's first run creates and formats eight sheets and is reported on its own).
import { createEmulator } from "../src/preview/emulator";
import { loadServer } from "../src/preview/runtime";
import { COORD, ensureRows, ok, QUICKWIN, REV_B, REV_C, world } from "../test/server/helpers";

type W = ReturnType<typeof world>;

function sized(n: number): W {
  const w = world({ quickwins: n });
  const rows: unknown[][] = [];
  for (let i = 1; i <= n; i++) {
    const id = `QW-${String(i).padStart(3, "0")}`;
    for (const email of [REV_B, REV_C]) {
      rows.push([
        "2019-09-05T01:00:00.000Z",
        id,
        email,
        JSON.stringify(w.scores(1 + (i % 5))),
        "",
        false,
      ]);
    }
  }
  ensureRows(w.rt, "Penilaian", rows.length + 1);
  w.rt.emulator.typeInto("Penilaian", `A2:F${rows.length + 1}`, rows);
  return w;
}

const CASES: [string, string, (w: W) => unknown[], string][] = [
  ["getSidebarState", "getSidebarState", () => [], COORD],
  ["saveSettings", "saveSettings", () => [{ shortlistSize: 4 }], COORD],
  [
    "saveCriteria",
    "saveCriteria",
    (w) => [w.criteria.map((id) => ({ id, name: id, weight: 1, min: 1, max: 5 }))],
    COORD,
  ],
  [
    "saveReviewers",
    "saveReviewers",
    () => [
      [
        { email: COORD, role: "coordinator" },
        { email: REV_B, role: "reviewer" },
        { email: REV_C, role: "reviewer" },
      ],
    ],
    COORD,
  ],
  ["saveQuickwin (create)", "saveQuickwin", () => [QUICKWIN], REV_B],
  ["saveQuickwin (update)", "saveQuickwin", () => [{ ...QUICKWIN, id: "QW-002" }], COORD],
  ["submitReview", "submitReview", (w) => [{ quickwinId: "QW-003", scores: w.scores(4) }], REV_B],
  ["computeRanking", "computeRanking", () => [], COORD],
  ["exportShortlist", "exportShortlist", () => [], COORD],
  ["setupSpreadsheet (re-run)", "setupSpreadsheet", () => [], COORD],
];

export function run(): void {
  const sizes = [10, 100, 1000];
  const worlds = sizes.map(sized);
  const table: string[][] = [
    ["function", ...sizes.map((n) => `calls@${n}`), ...sizes.map((n) => `ms@${n}`)],
  ];
  for (const [label, name, args, email] of CASES) {
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
    .slice(1, -2)
    .filter((r) => r.slice(1, 4).some((c) => Number(c) > 25) || new Set(r.slice(1, 4)).size > 1);
  if (over.length)
    throw new Error(`over budget or not constant: ${over.map((r) => r[0]).join(", ")}`);
}
