// A1 notation: "A1", "A1:C3", "A:C", "2:5", "A2:C" (open at the bottom), "$A$1",
// optionally sheet-qualified ("Sheet1!A1", "'My sheet'!A1:B2"). Case-insensitive like Sheets.

export function columnLetters(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A parsed reference; undefined bounds are open (whole column / whole row). */
export interface A1Ref {
  sheet?: string;
  row1?: number;
  col1?: number;
  row2?: number;
  col2?: number;
}

const PART = /^\$?([A-Za-z]{1,3})?\$?([0-9]+)?$/;

function parsePart(s: string): { row?: number; col?: number } | null {
  const m = PART.exec(s);
  if (!m || (!m[1] && !m[2])) return null;
  const out: { row?: number; col?: number } = {};
  if (m[1]) out.col = lettersToColumn(m[1]);
  if (m[2]) {
    const row = Number(m[2]);
    if (!Number.isSafeInteger(row) || row < 1) return null;
    out.row = row;
  }
  return out;
}

/** Splits "Sheet!A1" into sheet and cell part; null when the sheet name is malformed. */
export function splitSheet(a1: string): { sheet?: string; cells: string } | null {
  const s = a1.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < s.length) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += s[i];
      i++;
    }
    if (s[i] !== "'" || s[i + 1] !== "!") return null;
    return { sheet: name, cells: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf("!");
  if (bang < 0) return { cells: s };
  return { sheet: s.slice(0, bang), cells: s.slice(bang + 1) };
}

export function parseA1(a1: string): A1Ref | null {
  if (typeof a1 !== "string") return null;
  const split = splitSheet(a1);
  if (!split) return null;
  const pieces = split.cells.trim().split(":");
  if (pieces.length > 2) return null;
  const first = parsePart(pieces[0] ?? "");
  if (!first) return null;
  const ref: A1Ref = {};
  if (split.sheet !== undefined) ref.sheet = split.sheet;
  if (pieces.length === 1) {
    // A single reference must name one cell.
    if (first.row === undefined || first.col === undefined) return null;
    ref.row1 = ref.row2 = first.row;
    ref.col1 = ref.col2 = first.col;
    return ref;
  }
  const second = parsePart(pieces[1] ?? "");
  if (!second) return null;
  // "A:C" (columns), "2:5" (rows), "A2:C" / "A:C5" (open), "A1:C3".
  const hasCols = first.col !== undefined || second.col !== undefined;
  const hasRows = first.row !== undefined || second.row !== undefined;
  if (!hasCols && !hasRows) return null;
  if (first.col === undefined && second.col === undefined) {
    // whole rows
    if (first.row === undefined || second.row === undefined) return null;
  } else if (first.col === undefined || second.col === undefined) {
    return null;
  }
  const r = [first.row, second.row].filter((x): x is number => x !== undefined);
  const c = [first.col, second.col].filter((x): x is number => x !== undefined);
  if (r.length === 2) {
    ref.row1 = Math.min(r[0]!, r[1]!);
    ref.row2 = Math.max(r[0]!, r[1]!);
  } else if (r.length === 1) {
    ref.row1 = r[0]!;
  }
  if (c.length === 2) {
    ref.col1 = Math.min(c[0]!, c[1]!);
    ref.col2 = Math.max(c[0]!, c[1]!);
  }
  return ref;
}

/** "A1" or "A1:C3" for a bounded rectangle. */
export function a1Of(row: number, col: number, numRows: number, numCols: number): string {
  const start = `${columnLetters(col)}${row}`;
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${columnLetters(col + numCols - 1)}${row + numRows - 1}`;
}

/** A sheet name as it must appear in an A1 reference. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}
