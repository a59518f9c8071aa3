// computeRanking end to end (DESIGN §8): dist/server.js in the emulator, 1 000 quickwins with 5
// and with 50 reviews each, scores on 1–5 scales (so many ties), default settings, against its
// own time with resampling off. Budgets: at most 3× that time, and < 3 s.
import { mulberry32 } from "../src/core/stats";
import {
  appendSealedReviews,
  COORD,
  type LedgerReview,
  ok,
  type World,
  world,
} from "../test/server/helpers";

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
  const reviews: LedgerReview[] = [];
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
      reviews.push({ quickwinId: id, reviewer: email(j), scores });
    }
  }
  // Sealed with the spreadsheet's own secret, as the add-on writes them: an unsealed row would
  // be excluded as tampered, and the ranking would time an empty ledger.
  appendSealedReviews(w.rt, reviews);
  return w;
}

function timeRanking(w: World, settings: Record<string, unknown>, reviews: number): number {
  ok(w.call("saveSettings", [settings]));
  const times: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    const result = ok<{ rows: { reviewCount: number }[] }>(w.call("computeRanking", []));
    times.push(performance.now() - t0);
    const counted = result.rows.reduce((n, r) => n + r.reviewCount, 0);
    if (counted !== reviews) throw new Error(`counted ${counted} reviews of ${reviews}`);
  }
  return times.sort((a, b) => a - b)[1]!;
}

export function run(): void {
  for (const per of [5, 50]) {
    const w = tieHeavyWorld(per);
    const off = timeRanking(w, { bootstrapResamples: 0 }, 1000 * per);
    const on = timeRanking(w, { bootstrapResamples: 1000 }, 1000 * per);
    const ratio = on / off;
    console.log(
      `1000 quickwins × ${per} reviews: resampling off ${off.toFixed(0)} ms, default ${on.toFixed(0)} ms = ${ratio.toFixed(2)}× (budget 3×: ${ratio <= 3 ? "OK" : "OVER"}; < 3000 ms: ${on < 3000 ? "OK" : "OVER"})`,
    );
  }
}
