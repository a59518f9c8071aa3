// Apps Script enums: each value is an object whose toString() and name() give its name, so
// `x === SpreadsheetApp.ProtectionType.SHEET` and `String(x) === "SHEET"` both work.

export interface EnumValue {
  readonly __enum: string;
  name(): string;
  toString(): string;
  toJSON(): string;
  ordinal(): number;
}

export type EnumOf<K extends string> = Readonly<Record<K, EnumValue>>;

export function makeEnum<K extends string>(names: readonly K[]): EnumOf<K> {
  const out: Partial<Record<K, EnumValue>> = {};
  names.forEach((n, i) => {
    out[n] = Object.freeze({
      __enum: n,
      name: () => n,
      toString: () => n,
      toJSON: () => n,
      ordinal: () => i,
    });
  });
  return Object.freeze(out as Record<K, EnumValue>);
}

/** The name of an enum value, or of a string naming one (lenient, as scripts pass both). */
export function enumName(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "__enum" in value) {
    const n = (value as { __enum: unknown }).__enum;
    return typeof n === "string" ? n : null;
  }
  return null;
}

export const DataValidationCriteria = makeEnum([
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_BETWEEN",
  "DATE_EQUAL_TO",
  "DATE_IS_VALID_DATE",
  "DATE_NOT_BETWEEN",
  "DATE_ON_OR_AFTER",
  "DATE_ON_OR_BEFORE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_IS_VALID_EMAIL",
  "TEXT_IS_VALID_URL",
  "VALUE_IN_LIST",
  "VALUE_IN_RANGE",
  "CUSTOM_FORMULA",
  "CHECKBOX",
]);
export const ProtectionType = makeEnum(["RANGE", "SHEET"]);
export const ChartType = makeEnum([
  "AREA",
  "BAR",
  "BUBBLE",
  "CANDLESTICK",
  "COLUMN",
  "COMBO",
  "GAUGE",
  "GEO",
  "HISTOGRAM",
  "RADAR",
  "LINE",
  "ORG",
  "PIE",
  "SCATTER",
  "SPARKLINE",
  "STEPPED_AREA",
  "TABLE",
  "TIMELINE",
  "TREEMAP",
  "WATERFALL",
]);
export const AuthMode = makeEnum(["NONE", "CUSTOM_FUNCTION", "LIMITED", "FULL"]);
export const Button = makeEnum(["CLOSE", "OK", "CANCEL", "YES", "NO"]);
export const ButtonSet = makeEnum(["OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL"]);
export const SandboxMode = makeEnum(["EMULATED", "IFRAME", "NATIVE"]);
export const XFrameOptionsMode = makeEnum(["ALLOWALL", "DEFAULT"]);
export const DigestAlgorithm = makeEnum(["MD2", "MD5", "SHA_1", "SHA_256", "SHA_384", "SHA_512"]);
export const MacAlgorithm = makeEnum([
  "HMAC_MD5",
  "HMAC_SHA_1",
  "HMAC_SHA_256",
  "HMAC_SHA_384",
  "HMAC_SHA_512",
]);
export const Charset = makeEnum(["US_ASCII", "UTF_8"]);
