// Identity keys (DESIGN §2): how emails, agency names, criterion ids and quickwin ids are
// compared. Two values are the same thing when their keys are equal; a value whose key is empty
// is empty, however many invisible characters it holds.

/** Unicode format characters (category Cf): zero-width spaces and joiners, bidi controls, BOM. */
const FORMAT_CHARACTERS = /\p{Cf}/gu;
const WHITESPACE_RUN = /\s+/g;

/** NFKC, format characters removed, trimmed, inner whitespace collapsed, lower-cased. */
export function identityKey(value: unknown): string {
  if (typeof value !== "string") {
    return typeof value === "number" && Number.isFinite(value) ? String(value) : "";
  }
  return value
    .normalize("NFKC")
    .replace(FORMAT_CHARACTERS, "")
    .replace(WHITESPACE_RUN, " ")
    .trim()
    .toLowerCase();
}

/** True when both values are non-empty and have the same identity key. */
export function sameKey(a: unknown, b: unknown): boolean {
  const x = identityKey(a);
  return x !== "" && x === identityKey(b);
}

/** True when the value holds nothing a person could see or type as an identity. */
export function isBlankKey(value: unknown): boolean {
  return identityKey(value) === "";
}

/** Text for display: format characters removed (no hidden reversal), whitespace trimmed. */
export function visibleText(value: string): string {
  return value.replace(FORMAT_CHARACTERS, "").trim();
}
