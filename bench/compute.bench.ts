// computeRanking end to end (DESIGN §8): dist/server.js in the emulator, 1 000 quickwins with 5
// and with 50 reviews each, scores on 1–5 scales (so many ties), default settings, against its
// own time with resampling off. Budgets: at most 3× that time, and < 3 s.
import { mulberry32 } from "../src/core/stats";
import { COORD, ensureRows, ok, type World, world } from "../test/server/helpers";

const REVIEWERS = 50;
const email = (j: number) => `penilai${j + 1}@patikab.go.id`;

/** 1 000 quickwins, a panel of 50, `perQuickwin` reviews each typed into the ledger. */
function tieHeavyWorld(perQuickwin: number): World {
  const w = world({ quickwins: 1000 });
  const members = [
    { email: COORD, role: "coordinator" },
    ...Array.from({ length: REVIEWERS }, (_, j) => ({ email: email(j), role: "reviewer" })),
  ];
  ok(w.call("saveReviewers", [members]));
  const rnd = mulberry32(7);
  const u = () => rnd() / 4294967296;
  const lenient = Array.from({ length: REVIEWERS }, () => u() - 0.5);
  const rows: unknown[][] = [];
  for (let i = 1; i <= 1000; i++) {
    const quality = u() * 3 - 1.5;
    for (let k = 0; k < perQuickwin; k++) {
      const j = (i * 7 + k) % REVIEWERS;
      const scores = Object.fromEntries(
        w.criteria.map((c) => [
          c,
          Math.min(5, Math.max(1, Math.round(3 + quality + lenient[j]! + (u() - 0.5) * 2))),
        ]),
      );
      const id = `QW-${String(i).padStart(3, "0")}`;
      rows.push(["2019-09-05T01:00:00.000Z", id, email(j), JSON.stringify(scores), "", false]);
    }
  }
  ensureRows(w.rt, "Penilaian", rows.length + 1);
  w.rt.emulator.typeInto("Penilaian", `A2:F${rows.length + 1}`, rows);
  return w;
}

function timeRanking(w: World, settings: Record<string, unknown>): number {
  ok(w.call("saveSettings", [settings]));
  const times: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    ok(w.call("computeRanking", []));
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[1]!;
}

export function run(): void {
  for (const per of [5, 50]) {
    const w = tieHeavyWorld(per);
    const off = timeRanking(w, { bootstrapResamples: 0 });
    const on = timeRanking(w, { bootstrapResamples: 1000 });
    const ratio = on / off;
    console.log(
      `1000 quickwins × ${per} reviews: resampling off ${off.toFixed(0)} ms, default ${on.toFixed(0)} ms = ${ratio.toFixed(2)}× (budget 3×: ${ratio <= 3 ? "OK" : "OVER"}; < 3000 ms: ${on < 3000 ? "OK" : "OVER"})`,
    );
  }
}
