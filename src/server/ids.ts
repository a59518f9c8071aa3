// Server-assigned quickwin ids: QW-001, QW-002, … of any length. A new id is beyond every id
// in the quickwins sheet (bad rows too) and beyond the highest number ever taken — issued, or
// named by a sealed review (the seal state keeps it: ledger.ts) — so the id of a quickwin
// deleted by hand is never given again (its reviews would count for the new one), and never
// has the identity key of any id in the sheet, whatever a person typed. Only when that number
// is unknown (a ledger sealed from an older layout) is the ledger read for its ids instead.
import { identityKey } from "../core/identity";
import { cellText } from "./cells";
import { cellOf, type Table } from "./table";

const SERVER_ID = /^qw-(\d+)$/;

/** Decimal digit strings without leading zeros, compared as numbers of any size. */
export function compareDigits(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

/** The larger of two decimal digit strings without leading zeros. */
export function maxDigits(a: string, b: string): string {
  return compareDigits(a, b) >= 0 ? a : b;
}

/** The number of a server id ("QW-007" → "7"), or null for any other text. */
export function serverIdNumber(id: string): string | null {
  const m = SERVER_ID.exec(identityKey(id));
  return m ? m[1]!.replace(/^0+(?=\d)/, "") : null;
}

/** n + 1 for a decimal digit string of any length. */
function increment(digits: string): string {
  const out = digits.split("");
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== "9") {
      out[i] = String(Number(out[i]) + 1);
      return out.join("");
    }
    out[i] = "0";
  }
  return `1${out.join("")}`;
}

/** The id of a number: at least three digits (QW-001). */
function idOf(digits: string): string {
  return `QW-${digits.padStart(3, "0")}`;
}

/** Every id seen: the quickwins' id column (and the ledger's quickwin column), as identity keys. */
function seenIds(quickwins: Table, ledger: Table | null): Set<string> {
  const seen = new Set<string>();
  const scan = (table: Table, column: string) => {
    for (let i = table.headerRow; i < table.values.length; i++) {
      const key = identityKey(cellText(cellOf(table, table.values[i]!, column), "UTC"));
      if (key) seen.add(key);
    }
  };
  scan(quickwins, "id");
  if (ledger) scan(ledger, "quickwinId");
  return seen;
}

/**
 * The next `count` server ids, in order: each beyond `taken` (the highest number taken; with
 * `taken` null, `ledger` must be the review ledger), every id seen and every one before it.
 */
export function nextQuickwinIds(
  quickwins: Table,
  taken: { number: string } | { ledger: Table },
  count: number,
): string[] {
  const seen = seenIds(quickwins, "ledger" in taken ? taken.ledger : null);
  let max = "number" in taken ? taken.number : "0";
  for (const key of seen) {
    const digits = serverIdNumber(key);
    if (digits !== null && compareDigits(digits, max) > 0) max = digits;
  }
  const out: string[] = [];
  let next = max;
  while (out.length < count) {
    next = increment(next);
    // Beyond the highest, so taken only if typed in another spelling: step on until free.
    if (!seen.has(identityKey(idOf(next)))) out.push(idOf(next));
  }
  return out;
}
