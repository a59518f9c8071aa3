// CSV for the shortlist download: RFC 4180 quoting, CRLF lines, and formula-injection escaping
// (a text cell starting with = + - @, a tab or a carriage return gets a leading apostrophe, so a
// spreadsheet program opening the file shows it as text instead of running it).

const DANGEROUS_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let s: string;
  if (value === null || value === undefined) s = "";
  else if (typeof value === "number") s = Number.isFinite(value) ? String(value) : "";
  else if (typeof value === "boolean") s = value ? "TRUE" : "FALSE";
  else {
    s = String(value);
    if (DANGEROUS_START.test(s)) s = `'${s}`;
  }
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return `${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
