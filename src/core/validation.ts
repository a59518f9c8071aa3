// Turns zod issues into short, localized words for a person: "Anggaran: tidak boleh negatif".
// Schemas carry i18n keys ("v.*") as their messages; zod's own English defaults are mapped by
// issue code, so nothing technical reaches the user. Only the core dictionary is needed, so the
// server (one line per error) and the sidebar (messages beside each field) share this module.
import type * as z from "zod/mini";
import { hasKey, type Params } from "./i18n/format";
import { coreId } from "./i18n/id/core";
import { isBlankKey } from "./identity";

type CoreKey = keyof typeof coreId;
/** Any translate function that knows the core keys (the server's and the sidebar's both do). */
export type CoreTranslate = (key: CoreKey, params?: Params) => string;

/** The value at an issue's path in the original input (zod does not report inputs by default). */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** At most five names, each short, then "… and N more": a refusal stays a sentence. */
export function fewOf(names: readonly string[], t: CoreTranslate, shown = 5): string {
  const list = names
    .slice(0, shown)
    .map((n) => (n.length > 40 ? `${n.slice(0, 39)}…` : n))
    .join(", ");
  return names.length > shown ? t("v.andMore", { list, n: names.length - shown }) : list;
}

const isNumeric = (expected: string) => expected === "number" || expected === "int";

/** One issue in words, without the field's name. */
export function issueMessage(issue: z.core.$ZodIssue, input: unknown, t: CoreTranslate): string {
  const value = valueAt(input, issue.path);
  // A text left blank is "required" whatever rule it then fails (e.g. a date's format); a
  // choice left blank keeps its own message ("choose one of the six dimensions").
  if (
    typeof value === "string" &&
    isBlankKey(value) &&
    issue.code !== "unrecognized_keys" &&
    issue.code !== "invalid_value"
  ) {
    return t("v.required");
  }
  if (issue.code === "invalid_type") {
    if (value === undefined) return t("v.required");
    if (typeof value === "string" && isNumeric(issue.expected)) return t("v.number");
  }
  if (hasKey(coreId, issue.message)) return t(issue.message);
  switch (issue.code) {
    case "invalid_type":
      return isNumeric(issue.expected) ? t("v.number") : t("v.invalid");
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) <= 1) return t("v.required");
      if (issue.origin === "number" && Number(issue.minimum) === 0) return t("v.nonNegative");
      return t("v.invalid");
    case "too_big":
      if (issue.origin === "string") return t("v.tooLong");
      if (issue.origin === "array" || issue.origin === "set") return t("v.tooMany");
      return t("v.tooLarge");
    case "unrecognized_keys":
      return t("v.unknownField", { keys: fewOf(issue.keys, t) });
    default:
      return t("v.invalid");
  }
}

function labelOf(path: readonly PropertyKey[], t: CoreTranslate): string {
  const parts: string[] = [];
  for (const segment of path) {
    if (typeof segment === "number") parts.push(`#${segment + 1}`);
    else if (typeof segment === "string") {
      const key = `field.${segment}`;
      parts.push(hasKey(coreId, key) ? t(key) : segment.slice(0, 40));
    }
  }
  return parts.join(" ");
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One line describing the first problem of a failed parse (the first is the most useful). */
export function describeIssues(
  error: z.core.$ZodError,
  input: unknown,
  t: CoreTranslate,
  rootLabel?: string,
): string {
  const issue = error.issues[0];
  if (!issue) return t("v.invalid");
  // An unknown field names itself; the payload's label would only mislead ("Scores: … reviewer").
  const fallback = issue.code === "unrecognized_keys" ? "" : (rootLabel ?? "");
  const label = labelOf(issue.path, t) || fallback;
  const message = issueMessage(issue, input, t);
  return label ? `${label}: ${message}` : capitalize(message);
}

/** Field path ("name", "0.weight", "2.levels.1") → the first message for it. "" is the form. */
export type FieldErrors = Record<string, string>;

export function pathKey(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join(".");
}

/** Maps every issue to its field; the message has no field label (it sits beside the field). */
export function fieldErrors(
  error: z.core.$ZodError,
  input: unknown,
  t: CoreTranslate,
): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    // Unknown keys are a form-level problem; list them under "".
    const key = issue.code === "unrecognized_keys" ? "" : pathKey(issue.path);
    if (key in out) continue;
    out[key] = capitalize(issueMessage(issue, input, t));
  }
  return out;
}

/**
 * Parses `value`; on failure returns the errors by field (inline validation as you type). On
 * success `input` is the value itself, now known to be a z.input<S>: what the sidebar sends (the
 * server parses it again), while `data` is the parsed result.
 */
export function validateFields<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  t: CoreTranslate,
): { ok: true; data: z.output<S>; input: z.input<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data, input: value as z.input<S> };
  return { ok: false, errors: fieldErrors(result.error, value, t) };
}
