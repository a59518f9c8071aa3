// Step 7 of DESIGN §4: the shortlist walk, the same for the ranking and for every draw of the
// uncertainty step.
import type { QuickwinInfo } from "./counted";

/**
 * Walks order[0..length) and picks items until `size` are taken, skipping an item whose agency
 * already holds `cap` places (when cap > 0). `held` is scratch space with a slot per agency.
 */
export function walkShortlist(
  order: ArrayLike<number>,
  length: number,
  agencyOf: ArrayLike<number>,
  size: number,
  cap: number,
  held: Int32Array,
  pick: (item: number) => void,
): void {
  if (cap > 0) held.fill(0);
  let taken = 0;
  for (let i = 0; i < length && taken < size; i++) {
    const item = order[i]!;
    if (cap > 0) {
      const a = agencyOf[item]!;
      if (held[a]! >= cap) continue;
      held[a]!++;
    }
    pick(item);
    taken++;
  }
}

/** Per quickwin, a small index of its agency key (quickwins with one agency share it). */
export function agencyIndex(qInfo: readonly QuickwinInfo[]): {
  agencyOf: Int32Array;
  agencies: number;
} {
  const agencyOf = new Int32Array(qInfo.length);
  const byKey = new Map<string, number>();
  for (let q = 0; q < qInfo.length; q++) {
    const key = qInfo[q]!.agencyKey;
    let a = byKey.get(key);
    if (a === undefined) {
      a = byKey.size;
      byKey.set(key, a);
    }
    agencyOf[q] = a;
  }
  return { agencyOf, agencies: byKey.size };
}
