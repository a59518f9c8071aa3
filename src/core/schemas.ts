// The vocabulary of DESIGN §3 as zod schemas, shared by the server, the sidebar and the engine.
// Two families: *records* (what the engine and the sheets hold; unknown fields are stripped so
// the engine tolerates richer inputs) and *payloads* (what the sidebar sends; strict, so a
// missing or extra field is refused). Custom messages are i18n keys (see validation.ts).
// Every schema is built on first use (lazy.ts): the server script is loaded afresh for every
// call, and a call should build only the schemas it uses. Helpers here are functions for that.
// zod/mini, not classic zod: the same schemas run in the sidebar, where classic costs ~100 KB.
import * as z from "zod/mini";
import { identityKey, isBlankKey } from "./identity";
import { lazy } from "./lazy";
import { isValidScore, SCORE_BOUNDS } from "./scores";

export const DIMENSIONS = [
  "governance",
  "branding",
  "economy",
  "living",
  "society",
  "environment",
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const STAGES = ["initiative", "pilot", "implemented"] as const;
export type Stage = (typeof STAGES)[number];

export const ROLES = ["coordinator", "reviewer"] as const;
export type Role = (typeof ROLES)[number];

/** The calibration setting: `auto` decides from the data (DESIGN §4 step 3). */
export const NORMALIZATIONS = ["auto", "none", "zscore", "bias"] as const;
export type Normalization = (typeof NORMALIZATIONS)[number];
/** The explicit calibrations; what `normalizationUsed` reports (`auto`: the closest one). */
export type NormalizationUsed = Exclude<Normalization, "auto">;

/** Every flag a ranking row can carry (DESIGN §4: the whole vocabulary). */
export const FLAGS = [
  "too-few-reviews",
  "tie-broken",
  "uncertain-shortlist",
  "no-cost",
  "disagreement",
  "long-duration",
] as const;
export type Flag = (typeof FLAGS)[number];

export const PROBLEM_CODES = [
  "unknown-quickwin",
  "unknown-reviewer",
  "conflict-of-interest",
  "incomplete-review",
  "score-out-of-range",
  "graph-disconnected",
  // Reported by the server's ledger check (DESIGN §2) before the engine runs.
  "ledger-tampered",
  "ledger-gap",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Sheets refuses cells longer than this. */
export const CELL_LIMIT = 50_000;
export const LIMITS = {
  id: 64,
  name: 200,
  agency: 200,
  text: 5_000,
  url: 2_000,
  email: 254,
  levelText: 1_000,
  criteria: 30,
  levels: 101,
  panel: 500,
} as const;

/** A quickwin should take one to two months (DESIGN §3, rule 12). */
export const LONG_DURATION_DAYS = 62;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (rejects 2019-02-30). */
/** An ISO 8601 date-time with its offset (2019-10-07T03:00:00.000Z), as the server writes it. */
export function isInstant(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    Number.isFinite(Date.parse(value))
  );
}

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/** Whole days from start to end, both YYYY-MM-DD. */
export function daysBetween(start: string, end: string): number {
  return Math.round(
    (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000,
  );
}

/** True when both dates are given and the quickwin runs longer than two months. */
export function isLongDuration(q: { startDate?: string; endDate?: string }): boolean {
  if (!q.startDate || !q.endDate || !isIsoDate(q.startDate) || !isIsoDate(q.endDate)) return false;
  return daysBetween(q.startDate, q.endDate) > LONG_DURATION_DAYS;
}

/**
 * A record's own value for a key, never an inherited one: a criterion may well be called
 * `constructor`, and `scores.constructor` must not find Object's.
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * A quickwin's status for one reviewer, the same rule on the server and in the sidebar: a
 * conflict (own agency or declared), scored (the latest review covers the whole rubric with
 * integers in range), else still to do.
 */
export function reviewStatus(
  agencyConflict: boolean,
  own: { declaredConflict?: boolean; scores: Readonly<Record<string, number>> } | undefined,
  criteria: readonly Pick<Criterion, "id" | "min" | "max">[],
): "scored" | "todo" | "conflict" {
  if (agencyConflict || own?.declaredConflict) return "conflict";
  const complete =
    own !== undefined && criteria.every((c) => isValidScore(ownValue(own.scores, c.id), c));
  return complete ? "scored" : "todo";
}

const text = (max: number) => z.string().check(z.trim(), z.maxLength(max, { error: "v.tooLong" }));
/** Required text: empty when its identity key is (e.g. only zero-width spaces), §2. */
const requiredText = (max: number) =>
  z.string().check(
    z.trim(),
    z.maxLength(max, { error: "v.tooLong" }),
    z.minLength(1, { error: "v.required" }),
    z.refine((s: string) => !isBlankKey(s), { error: "v.required" }),
  );
const isoDate = () => z.string().check(z.trim(), z.refine(isIsoDate, { error: "v.date" }));
const wholeNumber = () => z.int({ error: "v.integer" }).check(z.gte(0, { error: "v.nonNegative" }));
const integer = (min: number, max: number) =>
  z
    .int({ error: "v.integer" })
    .check(z.gte(min, { error: "v.tooSmall" }), z.lte(max, { error: "v.tooLarge" }));
const httpUrl = () =>
  z.string().check(
    z.trim(),
    z.maxLength(LIMITS.url, { error: "v.tooLong" }),
    z.refine((s) => s === "" || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(s), { error: "v.url" }),
  );
/** Empty text means "not given" for optional fields. */
const optionalText = (schema: z.ZodMiniType<string, string>) =>
  z.optional(
    z.pipe(
      schema,
      z.transform((s: string) => (s === "" ? undefined : s)),
    ),
  );

export const EmailSchema = lazy(() =>
  z.pipe(
    z
      .string({ error: "v.email" })
      .check(z.trim(), z.maxLength(LIMITS.email, { error: "v.tooLong" }), z.toLowerCase()),
    z.email({ error: "v.email" }),
  ),
);

export const SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

const uniqueBy =
  <T>(key: (item: T) => string) =>
  (items: T[]) =>
    new Set(items.map(key)).size === items.length;

// ---------- records ----------

const quickwinFields = () => ({
  name: requiredText(LIMITS.name),
  agency: requiredText(LIMITS.agency),
  dimension: z.enum(DIMENSIONS, { error: "v.dimension" }),
  description: text(LIMITS.text),
  budget: wholeNumber(),
  beneficiaries: z.optional(wholeNumber()),
  stage: z.optional(z.enum(STAGES, { error: "v.stage" })),
  evidenceUrl: optionalText(httpUrl()),
});

const datesInOrder = (q: { startDate?: unknown; endDate?: unknown }) =>
  typeof q !== "object" ||
  q === null ||
  typeof q.startDate !== "string" ||
  typeof q.endDate !== "string" ||
  !q.startDate ||
  !q.endDate ||
  q.endDate >= q.startDate;
const datesInOrderCheck = () =>
  z.refine<{
    startDate?: string | undefined;
    endDate?: string | undefined;
  }>(datesInOrder, {
    error: "v.dateOrder",
    path: ["endDate"],
    // Checked whenever both dates are fine in themselves, even while other fields are not, so
    // the form shows "end before start" at once instead of after the other errors are fixed.
    when: (payload) =>
      typeof payload.value === "object" &&
      payload.value !== null &&
      !payload.issues.some(
        (issue) =>
          (issue.path?.length ?? 0) === 0 ||
          issue.path?.[0] === "startDate" ||
          issue.path?.[0] === "endDate",
      ),
  });

/** A quickwin as stored and ranked; dates may be missing on hand-typed rows. */
export const QuickwinSchema = lazy(() =>
  z
    .object({
      id: requiredText(LIMITS.id),
      ...quickwinFields(),
      startDate: z.optional(isoDate()),
      endDate: z.optional(isoDate()),
      createdBy: z.optional(z.string()),
      /** Where it was imported from: the form response's timestamp (ISO). */
      source: z.optional(z.string()),
    })
    .check(datesInOrderCheck()),
);
export type Quickwin = z.output<typeof QuickwinSchema>;

type Range = { min: number; max: number; levels?: string[] | undefined };
const rangeCheck = () => z.refine<Range>((c) => c.max > c.min, { error: "v.range", path: ["max"] });
const levelsCheck = () =>
  z.refine<Range>((c) => !c.levels || c.levels.length === c.max - c.min + 1, {
    error: "v.levels",
    path: ["levels"],
  });

const criterionFields = () => ({
  id: z
    .string()
    .check(z.trim(), z.maxLength(40, { error: "v.tooLong" }), z.regex(SLUG, { error: "v.slug" })),
  name: requiredText(LIMITS.name),
  description: optionalText(text(LIMITS.text)),
  weight: z
    .number({ error: "v.number" })
    .check(z.gt(0, { error: "v.weight" }), z.lte(1_000_000, { error: "v.tooLarge" })),
  min: integer(SCORE_BOUNDS.min, SCORE_BOUNDS.max),
  max: integer(SCORE_BOUNDS.min, SCORE_BOUNDS.max),
  levels: z.optional(
    z.array(text(LIMITS.levelText)).check(z.maxLength(LIMITS.levels, { error: "v.tooMany" })),
  ),
});

export const CriterionSchema = lazy(() =>
  z.object(criterionFields()).check(rangeCheck(), levelsCheck()),
);
export type Criterion = z.output<typeof CriterionSchema>;

/** The smallest weight allowed next to the largest: a weighted mean that cannot underflow. */
export const WEIGHT_RATIO = 1_000;

/** The first criterion whose weight is below 1/WEIGHT_RATIO of the largest, if any. */
export function tooLightCriterion<C extends { weight: number }>(
  criteria: readonly C[],
): C | undefined {
  let max = 0;
  for (const c of criteria) if (c.weight > max) max = c.weight;
  return criteria.find((c) => !(c.weight * WEIGHT_RATIO >= max));
}

const rubricOf = <S extends z.ZodMiniType<{ id: string; weight: number }>>(criterion: S) =>
  z.array(criterion).check(
    z.minLength(1, { error: "v.rubricEmpty" }),
    z.maxLength(LIMITS.criteria, { error: "v.tooMany" }),
    z.refine(
      uniqueBy((c: { id: string }) => identityKey(c.id)),
      { error: "v.duplicateId" },
    ),
    z.refine((cs: { weight: number }[]) => tooLightCriterion(cs) === undefined, {
      error: "v.weightRatio",
    }),
  );
export const RubricSchema = lazy(() => rubricOf(CriterionSchema));

const panelMemberFields = () => ({
  email: EmailSchema,
  name: optionalText(text(LIMITS.name)),
  agency: optionalText(text(LIMITS.agency)),
  role: z.enum(ROLES, { error: "v.role" }),
});
export const PanelMemberSchema = lazy(() => z.object(panelMemberFields()));
export type PanelMember = z.output<typeof PanelMemberSchema>;

const panelOf = <S extends z.ZodMiniType<{ email: string; role: string }>>(member: S) =>
  z.array(member).check(
    z.minLength(1, { error: "v.noCoordinator" }),
    z.maxLength(LIMITS.panel, { error: "v.tooMany" }),
    z.refine(
      uniqueBy((m: { email: string }) => identityKey(m.email)),
      { error: "v.duplicateEmail" },
    ),
    z.refine((ms: { role: string }[]) => ms.some((m) => m.role === "coordinator"), {
      error: "v.noCoordinator",
    }),
  );
export const PanelSchema = lazy(() => panelOf(PanelMemberSchema));

/**
 * A review as the engine receives it. Deliberately loose: a hand-edited ledger can hold any
 * number, and the engine turns bad scores into problems instead of throwing.
 */
export const ReviewSchema = lazy(() =>
  z.object({
    quickwinId: z.string(),
    reviewer: z.string(),
    scores: z.record(z.string(), z.number()),
    comment: z.optional(z.string()),
    declaredConflict: z.optional(z.boolean()),
    submittedAt: z.optional(z.string()),
  }),
);
export type Review = z.output<typeof ReviewSchema>;

const settingsFields = () => ({
  shortlistSize: integer(1, 1_000),
  maxPerAgency: integer(0, 1_000),
  minReviews: integer(1, 1_000),
  normalization: z.enum(NORMALIZATIONS, { error: "v.invalid" }),
  minReviewsForCalibration: integer(2, 1_000),
  bootstrapResamples: integer(0, 10_000),
  seed: integer(-2_147_483_648, 4_294_967_295),
  disagreementFactor: z
    .number({ error: "v.number" })
    .check(z.gte(0, { error: "v.nonNegative" }), z.lte(100, { error: "v.tooLarge" })),
  reviewsPerQuickwin: integer(1, 50),
  /** Whether a reviewer may score a quickwin not assigned to them. */
  allowUnassigned: z.boolean({ error: "v.boolean" }),
  scoringOpen: z.boolean({ error: "v.boolean" }),
  /** When scoring closes (an ISO 8601 instant), or "" for no closing time. */
  scoringClosesAt: z.string().check(
    z.trim(),
    z.refine((s) => s === "" || isInstant(s), { error: "v.dateTime" }),
  ),
});
export const SettingsSchema = lazy(() => z.object(settingsFields()));
export type Settings = z.output<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  shortlistSize: 4,
  maxPerAgency: 0,
  minReviews: 2,
  normalization: "auto",
  minReviewsForCalibration: 3,
  bootstrapResamples: 1000,
  seed: 1,
  disagreementFactor: 1.5,
  reviewsPerQuickwin: 3,
  allowUnassigned: true,
  scoringOpen: true,
  scoringClosesAt: "",
};

/** Keys of earlier versions that a settings sheet may still hold: read past without a problem
 * (the fixed 25-point disagreement threshold became disagreementFactor). */
export const RETIRED_SETTING_KEYS: readonly string[] = ["disagreementThreshold"];

// ---------- payloads (sidebar → server): strict ----------

/** saveQuickwin: no id creates, an id updates. Dates are required when entering a quickwin. */
export const QuickwinInputSchema = lazy(() =>
  z
    .strictObject({
      id: z.optional(requiredText(LIMITS.id)),
      ...quickwinFields(),
      startDate: isoDate(),
      endDate: isoDate(),
    })
    .check(datesInOrderCheck()),
);
export type QuickwinInput = z.input<typeof QuickwinInputSchema>;

export const CriterionInputSchema = lazy(() =>
  z.strictObject(criterionFields()).check(
    rangeCheck(),
    z.refine<Range>((c) => c.max - c.min <= 100, { error: "v.range", path: ["max"] }),
    levelsCheck(),
  ),
);
export const RubricInputSchema = lazy(() => rubricOf(CriterionInputSchema));
export type CriterionInput = z.input<typeof CriterionInputSchema>;
export type RubricInput = z.input<typeof RubricInputSchema>;

export const PanelInputSchema = lazy(() => panelOf(z.strictObject(panelMemberFields())));
export type PanelInput = z.input<typeof PanelInputSchema>;
export type PanelMemberInput = z.input<typeof PanelMemberSchema>;

export const SettingsPatchSchema = lazy(() => {
  const fields = settingsFields();
  return z.strictObject({
    shortlistSize: z.optional(fields.shortlistSize),
    maxPerAgency: z.optional(fields.maxPerAgency),
    minReviews: z.optional(fields.minReviews),
    normalization: z.optional(fields.normalization),
    minReviewsForCalibration: z.optional(fields.minReviewsForCalibration),
    bootstrapResamples: z.optional(fields.bootstrapResamples),
    seed: z.optional(fields.seed),
    disagreementFactor: z.optional(fields.disagreementFactor),
    reviewsPerQuickwin: z.optional(fields.reviewsPerQuickwin),
    allowUnassigned: z.optional(fields.allowUnassigned),
  });
});
export type SettingsPatch = z.input<typeof SettingsPatchSchema>;

/** A score as sent: the score rule (scores.ts) against the widest range a criterion may have;
 * submitReview then applies the same rule with the criterion's own range. */
const payloadScore = () =>
  z.number({ error: "v.integer" }).check(
    z.refine((v: number) => isValidScore(v, SCORE_BOUNDS), {
      error: (issue) =>
        !Number.isInteger(issue.input)
          ? "v.integer"
          : (issue.input as number) < SCORE_BOUNDS.min
            ? "v.tooSmall"
            : "v.tooLarge",
    }),
  );

export const ReviewInputSchema = lazy(() =>
  z.strictObject({
    quickwinId: requiredText(LIMITS.id),
    scores: z.optional(
      z.record(z.string().check(z.maxLength(40, { error: "v.tooLong" })), payloadScore()),
    ),
    comment: z.optional(text(LIMITS.text)),
    declaredConflict: z.optional(z.boolean({ error: "v.boolean" })),
  }),
);
export type ReviewInput = z.input<typeof ReviewInputSchema>;
