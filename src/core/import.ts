// Quickwins imported from any sheet of the spreadsheet (DESIGN §5 previewImport,
// importQuickwins), typically a Google Forms response sheet: which column holds which field
// (guessed from Indonesian or English headers, corrected by the coordinator), and each cell
// read as a person means it — "Rp 1.500.000", "5/9/2019" (5 September), "5 September 2019".
import { parseRupiah } from "./format";
import { identityKey } from "./identity";
import { DIMENSIONS, STAGES } from "./schemas";

export const IMPORT_FIELDS = [
  "timestamp",
  "name",
  "agency",
  "dimension",
  "description",
  "startDate",
  "endDate",
  "budget",
  "beneficiaries",
  "stage",
  "evidenceUrl",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** Field → 0-based column of the source sheet, or null when not imported. */
export type ImportMapping = Partial<Record<ImportField, number | null>>;

/** Header words per field, Indonesian and English (matched on the header's identity key). */
const HEADER_WORDS: Record<ImportField, RegExp> = {
  timestamp: /^(stempel waktu|cap waktu|timestamp|waktu pengisian|tanggal pengisian)$/,
  name: /\b(nama (quickwin|program|kegiatan|inovasi)|judul|quickwin name|program name|name of|nama|name|title)\b/,
  agency: /\b(opd|perangkat daerah|instansi|dinas|badan|agency|department|unit kerja)\b/,
  dimension: /\b(dimensi|dimension|kategori smart city)\b/,
  description: /\b(deskripsi|uraian|penjelasan|keterangan|description|summary)\b/,
  startDate: /\b(tanggal mulai|mulai|start date|start|dimulai)\b/,
  endDate: /\b(tanggal selesai|selesai|berakhir|end date|end|finish)\b/,
  budget: /\b(anggaran|biaya|budget|dana|cost)\b/,
  beneficiaries: /\b(penerima manfaat|jumlah penerima|beneficiar\w*)\b/,
  stage: /\b(tahap|tahapan|status|stage)\b/,
  evidenceUrl: /\b(tautan|link|url|bukti|dokumentasi|evidence)\b/,
};

/** Headers that look like a field's but name something else ("Nama OPD" is not the name). */
const NOT_WORDS: Partial<Record<ImportField, RegExp>> = {
  name: /\b(opd|perangkat daerah|instansi|dinas|agency|department|email|pengisi|penanggung jawab|kontak|contact)\b/,
  startDate: /\b(stempel|timestamp)\b/,
  endDate: /\b(stempel|timestamp)\b/,
};

/**
 * A first mapping from the header row: each field takes the first column whose header names
 * it and that no earlier field took (fields in the order above: the timestamp first, so
 * "Stempel waktu" is never read as a date of the quickwin).
 */
export function guessMapping(headers: readonly unknown[]): ImportMapping {
  const keys = headers.map((h) => identityKey(typeof h === "string" ? h : String(h ?? "")));
  const taken = new Set<number>();
  const out: ImportMapping = {};
  for (const field of IMPORT_FIELDS) {
    const i = keys.findIndex(
      (k, index) =>
        !taken.has(index) && k !== "" && HEADER_WORDS[field].test(k) && !NOT_WORDS[field]?.test(k),
    );
    out[field] = i >= 0 ? i : null;
    if (i >= 0) taken.add(i);
  }
  return out;
}

const MONTH_WORDS: [RegExp, number][] = [
  [/^jan(uari|uary)?$/, 1],
  [/^feb(ruari|ruary)?$/, 2],
  [/^mar(et|ch)?$/, 3],
  [/^apr(il)?$/, 4],
  [/^mei|may$/, 5],
  [/^jun(i|e)?$/, 6],
  [/^jul(i|y)?$/, 7],
  [/^(agu(stus)?|agt|aug(ust)?)$/, 8],
  [/^sep(t(ember)?)?$/, 9],
  [/^(okt(ober)?|oct(ober)?)$/, 10],
  [/^nov(ember)?$/, 11],
  [/^(des(ember)?|dec(ember)?)$/, 12],
];

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  for (const [re, m] of MONTH_WORDS) if (re.test(w)) return m;
  return null;
}

function isoOf(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null; // 31 September
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * A date typed the Indonesian way: "5/9/2019" and "05-09-2019" (day first), "5 September
 * 2019", "5 Sept 2019", "2019-09-05", or "September 5, 2019". Null when it is not a date.
 */
export function parseTypedDate(text: string): string | null {
  const s = text.trim().replace(/\s+/g, " ");
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return isoOf(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return isoOf(+m[3]!, +m[2]!, +m[1]!);
  m = /^(?:[A-Za-z]+,? )?(\d{1,2}) ([A-Za-z]+\.?) (\d{4})$/.exec(s);
  if (m) {
    const month = monthOf(m[2]!);
    return month ? isoOf(+m[3]!, month, +m[1]!) : null;
  }
  m = /^([A-Za-z]+\.?) (\d{1,2}),? (\d{4})$/.exec(s);
  if (m) {
    const month = monthOf(m[1]!);
    return month ? isoOf(+m[3]!, month, +m[2]!) : null;
  }
  return null;
}

/** A whole amount of Rupiah from a number cell or typed text ("Rp 1.500.000"). */
export function parseBudgetCell(value: unknown): number | null | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const s = typeof value === "string" ? value.trim() : "";
  if (s === "") return undefined;
  return parseRupiah(s);
}

/** A count ("1.200 orang" reads 1200). */
export function parseCountCell(value: unknown): number | null | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const s = typeof value === "string" ? value.trim() : "";
  if (s === "") return undefined;
  const m = /^([\d.,\s]+)(?:\s*[A-Za-z]+)?$/.exec(s);
  return m ? parseRupiah(m[1]!) : null;
}

/**
 * One of a vocabulary from its key or any label in either language ("Uji coba", "Smart
 * Economy — Perekonomian cerdas", "Economy"); the text unchanged when nothing matches.
 */
export function vocabularyValue(
  text: string,
  keys: readonly string[],
  labels: readonly Record<string, string>[],
  prefixes: readonly string[],
): string {
  const k = identityKey(text);
  if (k === "") return "";
  for (const key of keys) if (key === k) return key;
  for (const dict of labels) {
    for (const key of keys) {
      for (const p of prefixes) {
        const label = dict[`${p}.${key}`];
        if (!label) continue;
        const lk = identityKey(label);
        // "Smart Economy" also names "Smart Economy — Perekonomian cerdas".
        if (lk === k || lk.split(" — ")[0] === k || `smart ${lk}` === k) return key;
      }
    }
  }
  return text.trim();
}

export const IMPORT_VOCABULARIES = { dimensions: DIMENSIONS, stages: STAGES };
