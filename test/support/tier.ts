// Test tiers. `npm test` samples the exhaustive suites (every call boundary, every injected
// failure, long fuzz runs) with a fixed seed, so it stays quick; `npm run test:full` (which sets
// QW_FULL=1) runs them whole, and CI runs both. A heavy suite picks its size here:
//
//   fc.assert(property, { numRuns: runs(15, 50), seed: SEED });
//   for (const k of sample(range(1, total), 6)) { … }
//
// QW_SEED=<integer> samples other items (and seeds fast-check differently) for exploring; a
// failure prints the seed to reproduce it.
import { mulberry32 } from "../../src/core/stats";

/** True in the full tier (QW_FULL=1). */
export const FULL = process.env.QW_FULL === "1";

/** The sampling seed: fixed, so `npm test` checks the same cases every run. */
export const SEED = Number.parseInt(process.env.QW_SEED ?? "", 10) || 20261130;

/** How many runs a property or fuzz suite makes: `quick` in npm test, `full` in the full tier. */
export function runs(quick: number, full: number): number {
  return FULL ? full : Math.min(quick, full);
}

/** The integers from..to, both included. */
export function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/**
 * `items` in the full tier; otherwise `count` of them chosen with SEED, always with the first
 * and the last (the edges are where lock, commit and log happen), in their original order.
 */
export function sample<T>(items: readonly T[], count: number): T[] {
  const wanted = Math.max(2, count);
  if (FULL || items.length <= wanted) return [...items];
  const last = items.length - 1;
  const picked = new Set<number>([0, last]);
  const next = mulberry32(SEED);
  while (picked.size < wanted) picked.add(1 + (next() % (last - 1)));
  return [...picked].sort((a, b) => a - b).map((i) => items[i]!);
}

/** "all 18" or "6 sampled of 18": test names say what they cover. */
export function coverage(covered: number, total: number): string {
  return covered === total ? `all ${total}` : `${covered} sampled of ${total}`;
}
