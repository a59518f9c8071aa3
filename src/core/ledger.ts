// The sealed ledgers (DESIGN §2): each row of the reviews ledger and of the log carries a
// sequence number and a seal — HMAC-SHA-256, under a per-spreadsheet secret, of the kind of
// ledger, the sequence number, the row's time and every other column the server relies on.
// Verifying is pure: which rows count, which were tampered with (typed, edited, copied or
// moved by hand), and which sequence numbers are missing (deleted rows).
import { base64WebSafe, hmacSha256Key } from "./hmac";

export type LedgerKind = "reviews" | "log";

/** One non-blank row as read from a sealed sheet, its cells already made canonical text. */
export interface SealedRow {
  /** 1-based sheet row. */
  row: number;
  /** The sequence number cell: a whole number ≥ 1, else null. */
  seq: number | null;
  /** The row's time in whole seconds since 1970 (null when the cell holds no time). */
  time: number | null;
  /** Every other sealed column, as canonical text, in layout order. */
  fields: readonly string[];
  seal: string;
}

export type TamperReason = "seal" | "copy" | "order";

export interface LedgerTamper {
  row: number;
  seq: number | null;
  /** seal: typed or edited; copy: a second row with the same number; order: moved. */
  reason: TamperReason;
}

/** What verifyLedger reports (DESIGN §5). */
export interface LedgerCheck {
  /** Non-blank data rows read. */
  rows: number;
  /** Rows whose seal holds, in place: the rows that count. */
  sealed: number;
  tampered: LedgerTamper[];
  /** Missing sequence numbers, as inclusive ranges. */
  gaps: [number, number][];
  /** The ledger's length: the highest sequence number issued. */
  length: number;
  /** The seal of the row with the highest sequence number that holds ("" when none). */
  lastSeal: string;
}

/** Quarter hours within ±26 hours: the shifts a change of the spreadsheet's zone can cause. */
const ZONE_STEP = 900;
const ZONE_STEPS = 104;

/** How many failing rows may search every zone shift (the shifts found are tried on all). */
const FULL_SEARCHES = 8;

export type Sealer = (
  kind: LedgerKind,
  seq: number,
  time: number | null,
  fields: readonly string[],
) => string;

/** The sealing function of one secret (its key blocks hashed once). */
export function sealer(secret: string): Sealer {
  const mac = hmacSha256Key(secret);
  return (kind, seq, time, fields) =>
    base64WebSafe(mac(JSON.stringify([kind, seq, time, ...fields])));
}

/** The seal of one row. */
export function sealRow(
  secret: string,
  kind: LedgerKind,
  seq: number,
  time: number | null,
  fields: readonly string[],
): string {
  return sealer(secret)(kind, seq, time, fields);
}

/**
 * The rows whose seal holds. Sheets keeps a date cell's clock time when the spreadsheet's
 * time zone is changed, so the instant read back may then differ from the sealed one by a
 * whole number of quarter hours (at most 26 hours): such a shift is accepted, nothing else.
 * Every row written before a zone change moves by the same few shifts, so once found a shift
 * is tried first; only a few failing rows search them all (typed rows cost little).
 */
function holding(seal: Sealer, kind: LedgerKind, rows: readonly SealedRow[]): Set<SealedRow> {
  const ok = new Set<SealedRow>();
  const failing: SealedRow[] = [];
  for (const r of rows) {
    if (r.seq === null || r.seal === "") continue;
    if (seal(kind, r.seq, r.time, r.fields) === r.seal) ok.add(r);
    else if (r.time !== null) failing.push(r);
  }
  const known: number[] = [];
  let searches = 0;
  for (const r of failing) {
    const t = r.time!;
    const matches = (shift: number) => seal(kind, r.seq!, t + shift, r.fields) === r.seal;
    let found = known.find(matches);
    if (found === undefined && searches < FULL_SEARCHES) {
      searches++;
      for (let k = 1; k <= ZONE_STEPS && found === undefined; k++) {
        if (matches(k * ZONE_STEP)) found = k * ZONE_STEP;
        else if (matches(-k * ZONE_STEP)) found = -k * ZONE_STEP;
      }
      if (found !== undefined) known.push(found);
    }
    if (found !== undefined) ok.add(r);
  }
  return ok;
}

/** Indices (into `seqs`) of a longest strictly increasing subsequence, earliest rows kept. */
function longestIncreasing(seqs: readonly number[]): Set<number> {
  const tails: number[] = []; // index of the smallest tail of each length
  const previous = new Array<number>(seqs.length).fill(-1);
  for (let i = 0; i < seqs.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seqs[tails[mid]!]! < seqs[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    if (lo === tails.length) tails.push(i);
    // An equal or later row never replaces an earlier one of the same value.
    else if (seqs[tails[lo]!]! > seqs[i]!) tails[lo] = i;
  }
  const kept = new Set<number>();
  let i = tails.length > 0 ? tails[tails.length - 1]! : -1;
  while (i >= 0) {
    kept.add(i);
    i = previous[i]!;
  }
  return kept;
}

function ranges(missing: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of missing) {
    const last = out[out.length - 1];
    if (last && last[1] === n - 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

/**
 * Verifies the rows of one sealed sheet, in sheet order. `issued` is the highest sequence
 * number the add-on has handed out (kept outside the sheet), so deleting the last rows shows
 * as a gap too. Returns the report and the rows that count, in sequence order.
 */
export function verifyRows(
  secret: string,
  kind: LedgerKind,
  rows: readonly SealedRow[],
  issued: number,
): { check: LedgerCheck; valid: SealedRow[] } {
  const tampered: LedgerTamper[] = [];
  const authentic: SealedRow[] = [];
  const ok = holding(sealer(secret), kind, rows);
  for (const r of rows) {
    if (ok.has(r)) authentic.push(r);
    else tampered.push({ row: r.row, seq: r.seq, reason: "seal" });
  }
  // Authentic rows out of sequence were copied or moved by hand.
  const kept = longestIncreasing(authentic.map((r) => r.seq!));
  const valid: SealedRow[] = [];
  const validSeqs = new Set<number>();
  authentic.forEach((r, i) => {
    if (kept.has(i)) {
      valid.push(r);
      validSeqs.add(r.seq!);
    }
  });
  authentic.forEach((r, i) => {
    if (!kept.has(i)) {
      tampered.push({ row: r.row, seq: r.seq, reason: validSeqs.has(r.seq!) ? "copy" : "order" });
    }
  });
  tampered.sort((a, b) => a.row - b.row);
  const maxValid = valid.reduce((m, r) => Math.max(m, r.seq!), 0);
  const length = Math.max(issued, maxValid);
  // A number is missing when no row holds it at all (a tampered row that holds it is
  // reported as tampered, not again as a gap).
  const present = new Set<number>();
  for (const r of rows) if (r.seq !== null) present.add(r.seq);
  const missing: number[] = [];
  for (let n = 1; n <= length; n++) if (!present.has(n)) missing.push(n);
  const last = valid.reduce<SealedRow | null>((m, r) => (!m || r.seq! > m.seq! ? r : m), null);
  valid.sort((a, b) => a.seq! - b.seq!);
  return {
    check: {
      rows: rows.length,
      sealed: valid.length,
      tampered,
      gaps: ranges(missing),
      length,
      lastSeal: last?.seal ?? "",
    },
    valid,
  };
}

/** A whole number ≥ 1 from a cell (a number, or text of digits), else null. */
export function sequenceNumber(value: unknown): number | null {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^\s*\d{1,15}\s*$/.test(value)
        ? Number(value)
        : Number.NaN;
  return Number.isSafeInteger(n) && n >= 1 ? n : null;
}
