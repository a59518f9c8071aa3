// Server-assigned quickwin ids: QW-001, QW-002, … of any length. A new id is beyond every id
// ever seen — in the quickwins sheet (bad rows too) and in the review ledger, so the id of a
// quickwin deleted by hand is never given again (its reviews would count for the new one) —
// and never has the identity key of any id there, whatever a person typed.
import { identityKey } from "../core/identity";
import { cellText } from "./cells";
import { cellOf, type Table } from "./table";

const SERVER_ID = /^qw-(\d+)$/;

/** Decimal digit strings without leading zeros, compared as numbers of any size. */
function compareDigits(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
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

/** Every id seen: the quickwins' id column and the ledger's quickwin column, as identity keys. */
function seenIds(quickwins: Table, ledger: Table): Set<string> {
  const seen = new Set<string>();
  const scan = (table: Table, column: string) => {
    for (let i = table.headerRow; i < table.values.length; i++) {
      const key = identityKey(cellText(cellOf(table, table.values[i]!, column), "UTC"));
      if (key) seen.add(key);
    }
  };
  scan(quickwins, "id");
  scan(ledger, "quickwinId");
  return seen;
}

/** The next `count` server ids, in order: each beyond every id seen and every one before it. */
export function nextQuickwinIds(quickwins: Table, ledger: Table, count: number): string[] {
  const seen = seenIds(quickwins, ledger);
  let max = "0";
  for (const key of seen) {
    const m = SERVER_ID.exec(key);
    if (!m) continue;
    const digits = m[1]!.replace(/^0+(?=\d)/, "");
    if (compareDigits(digits, max) > 0) max = digits;
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

export function nextQuickwinId(quickwins: Table, ledger: Table): string {
  return nextQuickwinIds(quickwins, ledger, 1)[0]!;
}
