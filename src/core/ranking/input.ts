// The call itself: a malformed call (no criteria, bad weights, non-arrays) throws a clear Error;
// settings merge over the defaults, an unusable value keeping its default.
import { DEFAULT_SETTINGS, NORMALIZATIONS, type Normalization, type Settings } from "../schemas";

/** Upper bound on resamples, so a hostile setting cannot hang the script. */
export const MAX_RESAMPLES = 100_000;

/** One criterion as the engine uses it. */
export interface CriterionSpec {
  id: string;
  weight: number;
  min: number;
  range: number;
}

/** The rubric, checked: its criteria, their weight sum and the tie-break order (rule 6). */
export interface Rubric {
  crits: CriterionSpec[];
  weightSum: number;
  /** Criterion indices by descending weight, rubric order among equal weights. */
  tieOrder: number[];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Compares strings by UTF-16 code units (locale-independent, like the sheets' ids). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Throws a clear Error on a malformed call; returns the rubric as the engine uses it. */
export function checkCall(input: unknown): Rubric {
  if (!isRecord(input)) throw new Error("rankQuickwins: the input must be an object");
  const { criteria, quickwins, reviewers, reviews, settings } = input;
  if (!Array.isArray(criteria)) throw new Error("rankQuickwins: criteria must be an array");
  if (!Array.isArray(quickwins)) throw new Error("rankQuickwins: quickwins must be an array");
  if (!Array.isArray(reviewers)) throw new Error("rankQuickwins: reviewers must be an array");
  if (!Array.isArray(reviews)) throw new Error("rankQuickwins: reviews must be an array");
  if (settings !== undefined && settings !== null && !isRecord(settings)) {
    throw new Error("rankQuickwins: settings must be an object");
  }
  if (criteria.length === 0) throw new Error("rankQuickwins: the rubric has no criteria");
  const seen = new Set<string>();
  const crits = criteria.map((c: unknown, i) => {
    const spec = checkCriterion(c, i);
    if (seen.has(spec.id)) throw new Error(`rankQuickwins: duplicate criterion id "${spec.id}"`);
    seen.add(spec.id);
    return spec;
  });
  let weightSum = 0;
  for (const c of crits) weightSum += c.weight;
  const tieOrder = crits
    .map((c, i) => ({ w: c.weight, i }))
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .map((x) => x.i);
  return { crits, weightSum, tieOrder };
}

function checkCriterion(c: unknown, i: number): CriterionSpec {
  if (!isRecord(c)) throw new Error(`rankQuickwins: criterion #${i + 1} is not an object`);
  const { id, weight, min, max } = c;
  if (typeof id !== "string" || id === "") {
    throw new Error(`rankQuickwins: criterion #${i + 1} has no id`);
  }
  if (typeof weight !== "number" || !Number.isFinite(weight) || weight <= 0) {
    throw new Error(`rankQuickwins: criterion "${id}" needs a weight > 0`);
  }
  if (
    typeof min !== "number" ||
    typeof max !== "number" ||
    !Number.isFinite(min) ||
    !Number.isFinite(max)
  ) {
    throw new Error(`rankQuickwins: criterion "${id}" needs numeric min and max`);
  }
  if (max <= min) throw new Error(`rankQuickwins: criterion "${id}" needs max > min`);
  return { id, weight, min, range: max - min };
}

/** input.settings over DEFAULT_SETTINGS; a missing or unusable value keeps the default. */
export function mergeSettings(patch: unknown): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS };
  if (!isRecord(patch)) return s;
  const num = (key: keyof Settings, lo: number, integer: boolean): number | undefined => {
    const v = patch[key];
    if (typeof v !== "number" || !Number.isFinite(v) || v < lo) return undefined;
    return integer ? Math.floor(v) : v;
  };
  s.shortlistSize = num("shortlistSize", 0, true) ?? s.shortlistSize;
  s.maxPerAgency = num("maxPerAgency", 0, true) ?? s.maxPerAgency;
  s.minReviews = num("minReviews", 0, true) ?? s.minReviews;
  s.minReviewsForCalibration =
    num("minReviewsForCalibration", 0, true) ?? s.minReviewsForCalibration;
  s.bootstrapResamples = Math.min(
    MAX_RESAMPLES,
    num("bootstrapResamples", 0, true) ?? s.bootstrapResamples,
  );
  s.disagreementFactor = num("disagreementFactor", 0, false) ?? s.disagreementFactor;
  const seed = patch.seed;
  if (typeof seed === "number" && Number.isFinite(seed)) s.seed = Math.trunc(seed);
  const norm = patch.normalization;
  if (typeof norm === "string" && (NORMALIZATIONS as readonly string[]).includes(norm)) {
    s.normalization = norm as Normalization;
  }
  return s;
}
