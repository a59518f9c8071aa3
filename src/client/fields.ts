// Inline validation with the server's own schemas: every issue of a parse, mapped to the field
// it belongs to, in the same words as src/core/validation.ts (which the sidebar does not import:
// it would pull in the server's dictionaries).
import type * as z from "zod/mini";
import { isClientKey, type T } from "./i18n";

/** Field path ("name", "0.weight", "2.levels.1") → the first message for it. "" is the form. */
export type FieldErrors = Record<string, string>;

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

export function pathKey(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join(".");
}

/** One issue in words, like the server says it (schema messages are i18n keys "v.*"). */
export function issueMessage(issue: z.core.$ZodIssue, input: unknown, t: T): string {
  // A field left empty is "required", and text where a number belongs "must be a number",
  // whatever the schema's own message (it speaks of the server's payload, not of typing).
  const value = valueAt(input, issue.path);
  // A field left blank is "required" whatever rule it then fails (e.g. a date's format);
  // a choice left blank keeps its own message ("choose one of the six dimensions").
  if (
    typeof value === "string" &&
    value.trim() === "" &&
    issue.code !== "unrecognized_keys" &&
    issue.code !== "invalid_value"
  ) {
    return t("v.required");
  }
  if (issue.code === "invalid_type") {
    if (value === undefined) return t("v.required");
    if (typeof value === "string" && (issue.expected === "number" || issue.expected === "int")) {
      return t("v.number");
    }
  }
  if (isClientKey(issue.message)) return t(issue.message);
  switch (issue.code) {
    case "invalid_type":
      if (valueAt(input, issue.path) === undefined) return t("v.required");
      return issue.expected === "number" || issue.expected === "int"
        ? t("v.number")
        : t("v.invalid");
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) <= 1) return t("v.required");
      if (issue.origin === "number" && Number(issue.minimum) === 0) return t("v.nonNegative");
      return t("v.invalid");
    case "too_big":
      if (issue.origin === "string") return t("v.tooLong");
      if (issue.origin === "array" || issue.origin === "set") return t("v.tooMany");
      return t("v.tooLarge");
    case "unrecognized_keys":
      return t("v.unknownField", { keys: issue.keys.join(", ") });
    default:
      return t("v.invalid");
  }
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Maps every issue of `error` to its field; the message has no field label (it sits beside it). */
export function fieldErrors(error: z.core.$ZodError, input: unknown, t: T): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    // Unknown keys are a form-level problem; list them under "".
    const key = issue.code === "unrecognized_keys" ? "" : pathKey(issue.path);
    if (key in out) continue;
    out[key] = capitalize(issueMessage(issue, input, t));
  }
  return out;
}

/** Parses `value`; on failure returns the errors by field. */
export function validate<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  t: T,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: fieldErrors(result.error, value, t) };
}
