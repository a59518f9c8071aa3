// Turns zod issues into one short, localized sentence for a person: "Anggaran: tidak boleh
// negatif". Schemas carry i18n keys ("v.*") as their messages; zod's own English defaults are
// mapped by issue code, so nothing technical reaches the user.
import type * as z from "zod/mini";
import { isMessageKey, type MessageKey, type Translate } from "./i18n";

/** An error whose message is meant for the user, already localized. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}

/** The value at an issue's path in the original input (zod does not report inputs by default). */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function messageOf(issue: z.core.$ZodIssue, input: unknown, t: Translate): string {
  if (isMessageKey(issue.message)) return t(issue.message);
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

function labelOf(path: readonly PropertyKey[], t: Translate): string {
  const parts: string[] = [];
  for (const segment of path) {
    if (typeof segment === "number") parts.push(`#${segment + 1}`);
    else if (typeof segment === "string") {
      const key = `field.${segment}`;
      parts.push(isMessageKey(key) ? t(key as MessageKey) : segment.slice(0, 40));
    }
  }
  return parts.join(" ");
}

/** One line describing the first problem of a failed parse (the first is the most useful). */
export function describeIssues(
  error: z.core.$ZodError,
  input: unknown,
  t: Translate,
  rootLabel?: string,
): string {
  const issue = error.issues[0];
  if (!issue) return t("v.invalid");
  const label = labelOf(issue.path, t) || rootLabel || "";
  const message = messageOf(issue, input, t);
  return label ? `${label}: ${message}` : message.charAt(0).toUpperCase() + message.slice(1);
}

/** Parses or throws a UserError with a localized, human message. */
export function parseOrThrow<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  t: Translate,
  rootLabel?: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new UserError(
    t("v.badInput", { detail: describeIssues(result.error, value, t, rootLabel) }),
  );
}
