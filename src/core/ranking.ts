// The scoring engine (DESIGN §4): counted reviews → review scores R → calibrated R′ → ranking,
// shortlist, bootstrap uncertainty, value for money, flags and Krippendorff's alpha.
// Pure and deterministic: the same input gives the same output in Node, the browser and Apps
// Script. Data problems (bad reviews, odd quickwins) never throw; they become problems or are
// skipped. Only a malformed call (no criteria, bad weights, non-arrays) throws an Error.
//
// Internally every quickwin and every reviewer gets a *canonical* index (quickwins by id, code-
// unit order; reviewers by normalized email), and counted reviews are stored sorted by
// (quickwin, reviewer). All sums run in that order, so permuting the input arrays changes
// nothing but which review of a pair is the latest (ledger order) and the order of problems.
import { resolveLocale, translator } from "./i18n";
import {
  DEFAULT_SETTINGS,
  FLAGS,
  type Flag,
  isLongDuration,
  NORMALIZATIONS,
  type Normalization,
  type Settings,
} from "./schemas";
import {
  fitAdditive,
  krippendorffAlphaInterval,
  mean,
  nearestRankIndex,
  sampleSd,
  UnionFind,
  ZERO_SPREAD,
} from "./stats";
import type { RankInput, RankProblem, RankResult, RankRow } from "./types";

/** Scores closer than this are ties (DESIGN §4 rule 6). */
export const TIE_EPSILON = 1e-9;
/** 2^-32 (a local copy: an imported binding is a getter call under some loaders). */
const SCALE = 2.3283064365386963e-10;
/** Upper bound on resamples, so a hostile setting cannot hang the script. */
const MAX_RESAMPLES = 100_000;

type ExcludeCode =
  | "unknown-quickwin"
  | "unknown-reviewer"
  | "conflict-of-interest"
  | "incomplete-review"
  | "score-out-of-range";

interface CriterionSpec {
  id: string;
  weight: number;
  min: number;
  range: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** Compares strings by UTF-16 code units (locale-independent, like the sheets' ids). */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function normalizeKey(value: unknown): string {
  return typeof value === "string" ? value.trim().toLowerCase() : "";
}

function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return "";
}

/** Throws a clear Error on a malformed call; returns the rubric as the engine uses it. */
function checkCall(input: unknown): CriterionSpec[] {
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
  return criteria.map((c: unknown, i) => {
    if (!isRecord(c)) throw new Error(`rankQuickwins: criterion #${i + 1} is not an object`);
    const { id, weight, min, max } = c;
    if (typeof id !== "string" || id === "") {
      throw new Error(`rankQuickwins: criterion #${i + 1} has no id`);
    }
    if (seen.has(id)) throw new Error(`rankQuickwins: duplicate criterion id "${id}"`);
    seen.add(id);
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
  });
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
  s.disagreementThreshold = num("disagreementThreshold", 0, false) ?? s.disagreementThreshold;
  const seed = patch.seed;
  if (typeof seed === "number" && Number.isFinite(seed)) s.seed = Math.trunc(seed);
  const norm = patch.normalization;
  if (typeof norm === "string" && (NORMALIZATIONS as readonly string[]).includes(norm)) {
    s.normalization = norm as Normalization;
  }
  return s;
}

interface QuickwinInfo {
  id: string;
  agencyKey: string;
  /** Budget for the tie-break (lower first); +∞ when unusable. */
  budgetKey: number;
  budget: number | null;
  longDuration: boolean;
}

/** Sorts the members of one tie group (indices into per-quickwin arrays) by the tie-break chain. */
function tieBreakComparator(
  means: Float64Array, // member-major, C per member, criteria in tie-break order
  memberOf: Map<number, number>,
  budgetKey: ArrayLike<number>,
  count: ArrayLike<number>,
  idOrder: ArrayLike<number>,
  nCrit: number,
): (a: number, b: number) => number {
  return (a, b) => {
    const ma = memberOf.get(a)! * nCrit;
    const mb = memberOf.get(b)! * nCrit;
    for (let c = 0; c < nCrit; c++) {
      const d = means[mb + c]! - means[ma + c]!;
      if (d !== 0) return d; // higher mean first
    }
    const bd = budgetKey[a]! - budgetKey[b]!;
    if (bd !== 0 && !Number.isNaN(bd)) return bd; // lower budget first
    if (count[a] !== count[b]) return count[b]! - count[a]!; // more reviews first
    return idOrder[a]! - idOrder[b]!; // id ascending
  };
}

/**
 * Ranks quickwins by the method of DESIGN §4. See README "Scoring method" for the rules in
 * words. Throws only on a malformed call.
 */
export function rankQuickwins(input: RankInput): RankResult {
  const crits = checkCall(input);
  const settings = mergeSettings(input.settings);
  const t = translator(resolveLocale(typeof input.locale === "string" ? input.locale : undefined));
  const nCrit = crits.length;
  let weightSum = 0;
  for (const c of crits) weightSum += c.weight;
  // Criteria in tie-break order: descending weight, rubric order among equal weights.
  const tieOrder = crits
    .map((c, i) => ({ w: c.weight, i }))
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .map((x) => x.i);

  // ---- quickwins: unique ids (first wins), canonical index = id order ----
  const byId = new Map<string, Record<string, unknown>>();
  for (const q of input.quickwins as unknown[]) {
    if (!isRecord(q)) continue;
    const id = textOf(q.id);
    if (id === "" || byId.has(id)) continue;
    byId.set(id, q);
  }
  const ids = Array.from(byId.keys()).sort(compareStrings);
  const nQ = ids.length;
  const qIndex = new Map<string, number>();
  const qInfo: QuickwinInfo[] = ids.map((id, i) => {
    qIndex.set(id, i);
    const q = byId.get(id)!;
    const budget = typeof q.budget === "number" && Number.isFinite(q.budget) ? q.budget : null;
    let longDuration = false;
    try {
      longDuration = isLongDuration({
        startDate: typeof q.startDate === "string" ? q.startDate : undefined,
        endDate: typeof q.endDate === "string" ? q.endDate : undefined,
      });
    } catch {
      longDuration = false;
    }
    return {
      id,
      agencyKey: normalizeKey(q.agency),
      budgetKey: budget === null ? Number.POSITIVE_INFINITY : budget,
      budget,
      longDuration,
    };
  });

  // ---- panel: unique normalized emails (first wins), canonical index = email order ----
  const panelAgency = new Map<string, string>();
  for (const m of input.reviewers as unknown[]) {
    if (!isRecord(m)) continue;
    const email = normalizeKey(m.email);
    if (email === "" || panelAgency.has(email)) continue;
    panelAgency.set(email, normalizeKey(m.agency));
  }
  const emails = Array.from(panelAgency.keys()).sort(compareStrings);
  const nR = emails.length;
  const rIndex = new Map<string, number>();
  for (let i = 0; i < nR; i++) rIndex.set(emails[i]!, i);
  const rAgency = emails.map((e) => panelAgency.get(e)!);

  // ---- pass 1: index every review; unknown quickwins / reviewers get indices past the end ----
  const reviews = input.reviews as unknown[];
  const nReviews = reviews.length;
  const revQ = new Int32Array(nReviews);
  const revR = new Int32Array(nReviews);
  const unknownQ = new Map<string, number>();
  const rawReviewer = new Map<string, number>(); // raw string → reviewer index (cache)
  const unknownEmails: string[] = [];
  const unknownQIds: string[] = [];
  for (let i = 0; i < nReviews; i++) {
    const rv = reviews[i];
    const rec = isRecord(rv) ? rv : undefined;
    const qid = textOf(rec?.quickwinId);
    let qi = qIndex.get(qid);
    if (qi === undefined) {
      qi = unknownQ.get(qid);
      if (qi === undefined) {
        qi = nQ + unknownQIds.length;
        unknownQ.set(qid, qi);
        unknownQIds.push(qid);
      }
    }
    revQ[i] = qi;
    const raw = typeof rec?.reviewer === "string" ? rec.reviewer : "";
    let ri = rawReviewer.get(raw);
    if (ri === undefined) {
      const email = normalizeKey(raw);
      ri = rIndex.get(email);
      if (ri === undefined) {
        ri = nR + unknownEmails.length;
        rIndex.set(email, ri);
        unknownEmails.push(email);
      }
      rawReviewer.set(raw, ri);
    }
    revR[i] = ri;
  }
  const allQ = nQ + unknownQIds.length;
  const allR = nR + unknownEmails.length;
  const emailOf = (ri: number) => (ri < nR ? emails[ri]! : unknownEmails[ri - nR]!);
  const qidOf = (qi: number) => (qi < nQ ? ids[qi]! : unknownQIds[qi - nQ]!);

  // ---- latest review per (quickwin, reviewer) pair: the last one in ledger order ----
  const pairSpace = allQ * allR;
  const denseLatest = pairSpace <= 1 << 22 ? new Int32Array(pairSpace).fill(-1) : null;
  const sparseLatest = denseLatest ? null : new Map<number, number>();
  for (let i = 0; i < nReviews; i++) {
    const key = revQ[i]! * allR + revR[i]!;
    if (denseLatest) denseLatest[key] = i;
    else sparseLatest!.set(key, i);
  }

  // ---- pass 2: exclusions (first code that applies) and review scores R ----
  const problems: RankProblem[] = [];
  const cntQ = new Int32Array(nReviews);
  const cntR = new Int32Array(nReviews);
  const cntRaw = new Float64Array(nReviews);
  const cntCrit = new Float64Array(nReviews * nCrit); // s − min per criterion (rubric order)
  let counted = 0;
  for (let i = 0; i < nReviews; i++) {
    const qi = revQ[i]!;
    const ri = revR[i]!;
    const key = qi * allR + ri;
    const latest = denseLatest ? denseLatest[key] : sparseLatest!.get(key);
    if (latest !== i) continue;
    const rec = reviews[i] as Record<string, unknown> | undefined;
    let code: ExcludeCode | null = null;
    if (qi >= nQ) code = "unknown-quickwin";
    else if (ri >= nR) code = "unknown-reviewer";
    else if (
      rec?.declaredConflict === true ||
      (qInfo[qi]!.agencyKey !== "" && qInfo[qi]!.agencyKey === rAgency[ri])
    ) {
      code = "conflict-of-interest";
    } else {
      const scores = isRecord(rec?.scores) ? (rec!.scores as Record<string, unknown>) : undefined;
      if (!scores) code = "incomplete-review";
      else {
        let missing = false;
        let outOfRange = false;
        let acc = 0;
        const base = counted * nCrit;
        // A plain object cannot inherit a number; anything else is checked key by key.
        const proto = Object.getPrototypeOf(scores);
        const plainObject = proto === Object.prototype || proto === null;
        for (let c = 0; c < nCrit; c++) {
          const spec = crits[c]!;
          const s = scores[spec.id];
          if (typeof s !== "number" || (!plainObject && !has(scores, spec.id))) {
            if (s === undefined || !has(scores, spec.id)) missing = true;
            else outOfRange = true;
            continue;
          }
          const d = s - spec.min;
          if (!Number.isInteger(s) || d < 0 || d > spec.range) {
            outOfRange = true;
            continue;
          }
          cntCrit[base + c] = d;
          acc += (spec.weight * d) / spec.range;
        }
        if (missing) code = "incomplete-review";
        else if (outOfRange) code = "score-out-of-range";
        else {
          cntQ[counted] = qi;
          cntR[counted] = ri;
          cntRaw[counted] = (100 * acc) / weightSum;
          counted++;
        }
      }
    }
    if (code !== null) {
      const quickwinId = qidOf(qi);
      const reviewer = emailOf(ri);
      problems.push({
        code,
        message: t(`problem.${code}`, { quickwinId, reviewer }),
        quickwinId,
        reviewer,
      });
    }
  }

  // ---- canonical order of counted reviews: by quickwin, then reviewer (two counting sorts) ----
  const qCount = new Int32Array(nQ);
  const rCountAll = new Int32Array(nR);
  for (let k = 0; k < counted; k++) {
    qCount[cntQ[k]!]!++;
    rCountAll[cntR[k]!]!++;
  }
  const rStart = new Int32Array(nR + 1);
  for (let r = 0; r < nR; r++) rStart[r + 1] = rStart[r]! + rCountAll[r]!;
  const byR = new Int32Array(counted);
  {
    const fill = rStart.slice(0, nR);
    for (let k = 0; k < counted; k++) byR[fill[cntR[k]!]!++] = k;
  }
  const qStart = new Int32Array(nQ + 1);
  for (let q = 0; q < nQ; q++) qStart[q + 1] = qStart[q]! + qCount[q]!;
  const order = new Int32Array(counted);
  {
    const fill = qStart.slice(0, nQ);
    for (let j = 0; j < counted; j++) {
      const k = byR[j]!;
      order[fill[cntQ[k]!]!++] = k;
    }
  }
  const revOfQ = new Int32Array(counted); // canonical position → quickwin
  const reverOf = new Int32Array(counted); // canonical position → reviewer
  const R = new Float64Array(counted);
  const crit = new Float64Array(counted * nCrit);
  for (let p = 0; p < counted; p++) {
    const k = order[p]!;
    revOfQ[p] = cntQ[k]!;
    reverOf[p] = cntR[k]!;
    R[p] = cntRaw[k]!;
    crit.set(cntCrit.subarray(k * nCrit, k * nCrit + nCrit), p * nCrit);
  }

  // ---- calibration R′ ----
  let normalizationUsed: Normalization = settings.normalization;
  let Rp: Float64Array = R;
  if (normalizationUsed === "zscore") {
    Rp = zscoreCalibrate(R, reverOf, nR, settings.minReviewsForCalibration);
  } else if (normalizationUsed === "bias") {
    const uf = new UnionFind(nQ + nR);
    for (let p = 0; p < counted; p++) uf.union(revOfQ[p]!, nQ + reverOf[p]!);
    let nodes = 0;
    for (let q = 0; q < nQ; q++) if (qCount[q]! > 0) nodes++;
    for (let r = 0; r < nR; r++) if (rCountAll[r]! > 0) nodes++;
    const isolated = nQ + nR - nodes; // singleton sets of nodes without a counted review
    if (uf.components - isolated > 1) {
      normalizationUsed = "none";
      problems.push({ code: "graph-disconnected", message: t("problem.graph-disconnected") });
    } else {
      const { bias } = fitAdditive(revOfQ, reverOf, R, nQ, nR);
      Rp = new Float64Array(counted);
      for (let p = 0; p < counted; p++) Rp[p] = R[p]! - bias[reverOf[p]!]!;
    }
  }

  // ---- per quickwin: score, rawScore, sd, min/max R ----
  const score = new Float64Array(nQ);
  const rawScore = new Float64Array(nQ);
  const sd: (number | null)[] = new Array(nQ).fill(null);
  const minR = new Float64Array(nQ);
  const maxR = new Float64Array(nQ);
  for (let q = 0; q < nQ; q++) {
    const from = qStart[q]!;
    const to = qStart[q + 1]!;
    const n = to - from;
    if (n === 0) continue;
    let s = 0;
    let sr = 0;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let p = from; p < to; p++) {
      s += Rp[p]!;
      const r = R[p]!;
      sr += r;
      if (r < lo) lo = r;
      if (r > hi) hi = r;
    }
    score[q] = s / n;
    rawScore[q] = sr / n;
    minR[q] = lo;
    maxR[q] = hi;
    sd[q] = sampleSd(Rp, from, to);
  }

  // ---- ranking ----
  const minRank = Math.max(1, settings.minReviews);
  const rankedQ: number[] = [];
  for (let q = 0; q < nQ; q++) if (qCount[q]! >= minRank) rankedQ.push(q);
  rankedQ.sort((a, b) => score[b]! - score[a]! || a - b);
  const budgetKey = Float64Array.from(qInfo, (q) => q.budgetKey);
  const idOrder = Int32Array.from({ length: nQ }, (_, i) => i);
  const tieBroken = new Uint8Array(nQ);
  resolveTies(
    rankedQ,
    (q) => score[q]!,
    (group) => {
      const means = new Float64Array(group.length * nCrit);
      const memberOf = new Map<number, number>();
      group.forEach((q, m) => {
        memberOf.set(q, m);
        tieBroken[q] = 1;
        const from = qStart[q]!;
        const n = qStart[q + 1]! - from;
        for (let c = 0; c < nCrit; c++) {
          const ci = tieOrder[c]!;
          let sum = 0;
          for (let p = from; p < from + n; p++) sum += crit[p * nCrit + ci]!;
          means[m * nCrit + c] = sum / (crits[ci]!.range * n);
        }
      });
      return tieBreakComparator(means, memberOf, budgetKey, qCount, idOrder, nCrit);
    },
  );
  const rankOf = new Int32Array(nQ); // 0 = unranked
  rankedQ.forEach((q, i) => {
    rankOf[q] = i + 1;
  });

  // ---- shortlist ----
  const agencyIdx = new Int32Array(nQ);
  {
    const agencies = new Map<string, number>();
    for (let q = 0; q < nQ; q++) {
      const key = qInfo[q]!.agencyKey;
      let a = agencies.get(key);
      if (a === undefined) {
        a = agencies.size;
        agencies.set(key, a);
      }
      agencyIdx[q] = a;
    }
  }
  const agencyHeld = new Int32Array(nQ + 1);
  const shortlisted = new Uint8Array(nQ);
  const shortlist: string[] = [];
  for (const q of rankedQ) {
    if (shortlist.length >= settings.shortlistSize) break;
    const a = agencyIdx[q]!;
    if (settings.maxPerAgency > 0 && agencyHeld[a]! >= settings.maxPerAgency) continue;
    agencyHeld[a]!++;
    shortlisted[q] = 1;
    shortlist.push(ids[q]!);
  }

  // ---- bootstrap ----
  const boot =
    settings.bootstrapResamples > 0 && rankedQ.length > 0
      ? bootstrap({
          rankedQ,
          qStart,
          Rp,
          crit,
          nCrit,
          tieOrder,
          ranges: crits.map((c) => c.range),
          budgetKey,
          qCount,
          agencyIdx,
          resamples: settings.bootstrapResamples,
          seed: settings.seed,
          shortlistSize: settings.shortlistSize,
          maxPerAgency: settings.maxPerAgency,
        })
      : null;

  // ---- agreement: Krippendorff's alpha over counted R ----
  const units: Float64Array[] = [];
  for (let q = 0; q < nQ; q++) {
    if (qCount[q]! >= 2) units.push(R.subarray(qStart[q]!, qStart[q + 1]!));
  }
  const agreement = krippendorffAlphaInterval(units);

  // ---- rows ----
  const rowOf = (q: number): RankRow => {
    const n = qCount[q]!;
    const info = qInfo[q]!;
    const has = n > 0;
    const s = has ? score[q]! : null;
    const flags = new Set<Flag>();
    const ranked = rankOf[q]! > 0;
    if (!ranked) flags.add("too-few-reviews");
    if (tieBroken[q]) flags.add("tie-broken");
    let rankLow: number | null = null;
    let rankHigh: number | null = null;
    let pShortlist: number | null = null;
    if (ranked && boot) {
      const pos = rankOf[q]! - 1;
      rankLow = Math.min(boot.low[pos]!, rankOf[q]!);
      rankHigh = Math.max(boot.high[pos]!, rankOf[q]!);
      pShortlist = boot.shortlisted[pos]! / settings.bootstrapResamples;
      if (pShortlist >= 0.1 && pShortlist <= 0.9) flags.add("uncertain-shortlist");
    }
    let valueForMoney: number | null = null;
    if (info.budget === 0) flags.add("no-cost");
    else if (s !== null && info.budget !== null && info.budget > 0) {
      valueForMoney = s / (info.budget / 1e6);
    }
    // Strictly above the threshold, in exact arithmetic: a spread equal to the threshold up to
    // rounding (R is a sum of fractions) does not count.
    if (n >= 2 && maxR[q]! - minR[q]! - settings.disagreementThreshold > TIE_EPSILON) {
      flags.add("disagreement");
    }
    if (info.longDuration) flags.add("long-duration");
    return {
      quickwinId: info.id,
      rank: ranked ? rankOf[q]! : null,
      score: s,
      rawScore: has ? rawScore[q]! : null,
      reviewCount: n,
      sd: sd[q]!,
      rankLow,
      rankHigh,
      pShortlist,
      valueForMoney,
      shortlisted: shortlisted[q] === 1,
      flags: FLAGS.filter((f) => flags.has(f)),
      minReview: has ? minR[q]! : null,
      maxReview: has ? maxR[q]! : null,
    };
  };
  const rows: RankRow[] = rankedQ.map(rowOf);
  for (let q = 0; q < nQ; q++) if (rankOf[q] === 0) rows.push(rowOf(q));

  return { rows, shortlist, agreement, problems, normalizationUsed };
}

/** zscore: R′ = μ + σ(R − μ_j)/σ_j for reviewers with enough reviews and σ_j > 0. */
function zscoreCalibrate(
  R: Float64Array,
  reviewerOf: Int32Array,
  nR: number,
  minReviews: number,
): Float64Array {
  const n = R.length;
  const out = Float64Array.from(R);
  const sigma = sampleSd(R);
  if (sigma === null || sigma === 0) return out; // no spread to map onto: keep R
  const mu = mean(R);
  const cnt = new Int32Array(nR);
  const sum = new Float64Array(nR);
  const lo = new Float64Array(nR).fill(Number.POSITIVE_INFINITY);
  const hi = new Float64Array(nR).fill(Number.NEGATIVE_INFINITY);
  for (let p = 0; p < n; p++) {
    const r = reviewerOf[p]!;
    const v = R[p]!;
    cnt[r]!++;
    sum[r]! += v;
    if (v < lo[r]!) lo[r] = v;
    if (v > hi[r]!) hi[r] = v;
  }
  const muJ = new Float64Array(nR);
  const ss = new Float64Array(nR);
  for (let r = 0; r < nR; r++) if (cnt[r]! > 0) muJ[r] = sum[r]! / cnt[r]!;
  for (let p = 0; p < n; p++) {
    const r = reviewerOf[p]!;
    const d = R[p]! - muJ[r]!;
    ss[r]! += d * d;
  }
  for (let p = 0; p < n; p++) {
    const r = reviewerOf[p]!;
    const c = cnt[r]!;
    if (c < minReviews || c < 2 || hi[r]! - lo[r]! <= ZERO_SPREAD) continue;
    const sdJ = Math.sqrt(ss[r]! / (c - 1));
    out[p] = mu + (sigma * (R[p]! - muJ[r]!)) / sdJ;
  }
  return out;
}

/**
 * Orders `sorted` (already by score, descending) within tie groups. A tie group is a maximal run
 * of consecutive scores each within TIE_EPSILON of the next (ties chain: 1, 1+0.8e-9, 1+1.6e-9
 * form one group even though the ends differ by more than 1e-9 — "within 1e-9" is not
 * transitive, and chaining is the only grouping that is). Every member of a group of two or
 * more ties with a neighbour, so every member is flagged tie-broken.
 */
function resolveTies(
  sorted: number[],
  scoreOf: (q: number) => number,
  comparatorFor: (group: number[]) => (a: number, b: number) => number,
): void {
  const n = sorted.length;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && scoreOf(sorted[j]!) - scoreOf(sorted[j + 1]!) <= TIE_EPSILON) j++;
    if (j > i) {
      const group = sorted.slice(i, j + 1);
      group.sort(comparatorFor(group));
      for (let k = 0; k < group.length; k++) sorted[i + k] = group[k]!;
    }
    i = j + 1;
  }
}

interface BootstrapInput {
  rankedQ: number[];
  qStart: Int32Array;
  Rp: Float64Array;
  crit: Float64Array;
  nCrit: number;
  tieOrder: number[];
  ranges: number[];
  budgetKey: Float64Array;
  qCount: Int32Array;
  agencyIdx: Int32Array;
  resamples: number;
  seed: number;
  shortlistSize: number;
  maxPerAgency: number;
}

/**
 * The seeded bootstrap (DESIGN §4 rule 8). Quickwins are addressed by their position in the
 * ranking (0..K-1). Per resample: each quickwin's R′ is resampled with replacement (same count)
 * with mulberry32 (state seeded from `seed`, quickwins drawn in rank order), the K resampled
 * means are sorted, tie groups (chained within 1e-9) are re-ordered by the same tie-break chain —
 * criterion means of *the resampled reviews* (replayed from the saved PRNG state, so picks are
 * never stored), budget, review count, id — and the shortlist walk is repeated.
 * Returns per position: nearest-rank 5th/95th percentile ranks and shortlist counts.
 */
function bootstrap(b: BootstrapInput): {
  low: Int32Array;
  high: Int32Array;
  shortlisted: Int32Array;
} {
  const K = b.rankedQ.length;
  const B = b.resamples;
  const nCrit = b.nCrit;
  // Per position: R′ values (contiguous), their canonical offsets, tie-break keys.
  const off = new Int32Array(K + 1);
  for (let p = 0; p < K; p++) off[p + 1] = off[p]! + b.qCount[b.rankedQ[p]!]!;
  const vals = new Float64Array(off[K]!);
  const srcStart = new Int32Array(K);
  const budget = new Float64Array(K);
  const count = new Int32Array(K);
  const agency = new Int32Array(K);
  for (let p = 0; p < K; p++) {
    const q = b.rankedQ[p]!;
    srcStart[p] = b.qStart[q]!;
    vals.set(b.Rp.subarray(b.qStart[q]!, b.qStart[q + 1]!), off[p]!);
    budget[p] = b.budgetKey[q]!;
    count[p] = b.qCount[q]!;
    agency[p] = b.agencyIdx[q]!;
  }
  // Ids are in canonical (id) order: compare canonical quickwin indices.
  const idRank = Int32Array.from(b.rankedQ);
  // Criterion values (s − min) with criteria in tie-break order, and the ranges in that order.
  const critT = new Float64Array(b.crit.length);
  const rows = b.crit.length / nCrit;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < nCrit; c++) critT[r * nCrit + c] = b.crit[r * nCrit + b.tieOrder[c]!]!;
  }
  const rangesT = Float64Array.from(b.tieOrder, (ci) => b.ranges[ci]!);
  // The first tie-break criterion's values in the layout of `vals`, summed during the draws.
  const firstVals = new Float64Array(off[K]!);
  for (let p = 0; p < K; p++) {
    const n = count[p]!;
    for (let k = 0; k < n; k++) firstVals[off[p]! + k] = critT[(srcStart[p]! + k) * nCrit]!;
  }
  const firstSums = new Float64Array(K);
  // Criterion columns equal to the first one over all of a position's reviews (a reviewer who
  // gives one score to every criterion): their resampled means follow from the first sum.
  const sameAsFirst = new Uint8Array(K * nCrit);
  for (let p = 0; p < K; p++) {
    const from = srcStart[p]!;
    const n = count[p]!;
    for (let c = 1; c < nCrit; c++) {
      let same = 1;
      for (let k = 0; k < n; k++) {
        const row = (from + k) * nCrit;
        if (critT[row + c] !== critT[row]) {
          same = 0;
          break;
        }
      }
      sameAsFirst[p * nCrit + c] = same;
    }
  }
  // Positions whose reviews agree on every criterion keep their criterion means in any resample.
  const constant = new Uint8Array(K);
  const fixed = new Float64Array(K * nCrit);
  for (let p = 0; p < K; p++) {
    const from = srcStart[p]!;
    const n = count[p]!;
    let same = true;
    for (let c = 0; c < nCrit && same; c++) {
      const v = critT[from * nCrit + c]!;
      for (let k = 1; k < n; k++) {
        if (critT[(from + k) * nCrit + c] !== v) {
          same = false;
          break;
        }
      }
      fixed[p * nCrit + c] = v / rangesT[c]!;
    }
    constant[p] = same ? 1 : 0;
  }
  const scores = new Float64Array(K);
  const states = new Int32Array(K);
  const neg = new Float64Array(K);
  const sorted = new Float64Array(K);
  const ord = new Int32Array(K);
  const useHistogram = K <= B;
  const hist = useHistogram ? new Int32Array(K * K) : null; // hist[p*K + rank-1]
  const rankStore = useHistogram ? null : new Int32Array(K * B); // rankStore[p*B + b]
  const slCount = new Int32Array(K);
  let agencies = 0;
  for (let p = 0; p < K; p++) if (agency[p]! >= agencies) agencies = agency[p]! + 1;
  const held = new Int32Array(agencies);
  const cap = b.maxPerAgency;
  const want = Math.min(b.shortlistSize, K);
  const tie: TieScratch = {
    crit: critT,
    nCrit,
    ranges: rangesT,
    states,
    count,
    srcStart,
    off,
    picks: new Int32Array(off[K]!),
    constant,
    fixed,
    replayed: new Uint8Array(K),
    firstSums,
    sameAsFirst,
    budget,
    idRank,
    slot: new Int32Array(K),
    means: new Float64Array(K * nCrit),
  };
  // Insertion-sort budget per resample before falling back to a full sort (see orderByScore).
  const sortBudget = 4 * K * Math.max(1, Math.ceil(Math.log2(K + 1)));
  const cursor = new Int32Array(K);
  let insertionWorks = true;

  let s = b.seed | 0;
  for (let it = 0; it < B; it++) {
    s = drawResample(vals, firstVals, off, K, s, scores, firstSums, states);
    // After a fallback, try the insertion sort again only now and then (data that is not
    // nearly sorted stays so).
    const tryInsertion = insertionWorks || (it & 31) === 0;
    insertionWorks = orderByScore(
      scores,
      neg,
      sorted,
      cursor,
      ord,
      K,
      tryInsertion ? sortBudget : 0,
    );
    // Tie groups (chained within 1e-9): re-order by the tie-break chain on resampled means.
    for (let i = 0; i < K; ) {
      let j = i;
      while (j + 1 < K && scores[ord[j]!]! - scores[ord[j + 1]!]! <= TIE_EPSILON) j++;
      if (j > i) resolveResampledTie(ord, i, j + 1, tie);
      i = j + 1;
    }
    if (hist) {
      for (let i = 0; i < K; i++) hist[ord[i]! * K + i]!++;
    } else {
      for (let i = 0; i < K; i++) rankStore![ord[i]! * B + it] = i + 1;
    }
    // Shortlist walk.
    if (cap > 0) held.fill(0);
    let taken = 0;
    for (let i = 0; i < K && taken < want; i++) {
      const p = ord[i]!;
      if (cap > 0) {
        const a = agency[p]!;
        if (held[a]! >= cap) continue;
        held[a]!++;
      }
      slCount[p]!++;
      taken++;
    }
  }

  const low = new Int32Array(K);
  const high = new Int32Array(K);
  const lowAt = nearestRankIndex(5, B);
  const highAt = nearestRankIndex(95, B);
  for (let p = 0; p < K; p++) {
    if (hist) {
      let cum = 0;
      let lo = 0;
      let hi = 0;
      for (let r = 0; r < K; r++) {
        cum += hist[p * K + r]!;
        if (lo === 0 && cum >= lowAt) lo = r + 1;
        if (cum >= highAt) {
          hi = r + 1;
          break;
        }
      }
      low[p] = lo;
      high[p] = hi;
    } else {
      const ranks = rankStore!.subarray(p * B, p * B + B);
      ranks.sort();
      low[p] = ranks[lowAt - 1]!;
      high[p] = ranks[highAt - 1]!;
    }
  }
  return { low, high, shortlisted: slCount };
}

/**
 * The draws of one quickwin in one resample: n indices in [0, n), uniform with replacement.
 * mulberry32 gives 32 bits per step; for n ≤ 65 536 each step yields two indices (low half
 * first, then high half; an odd n drops the last high half), index = ⌊h·n / 2^16⌋ — the
 * multiply-shift map, whose buckets differ by at most one of 65 536 values (≤ 0.08 % for 50
 * reviews, far below the Monte Carlo error). Larger n uses one step per index, ⌊u·n / 2^32⌋.
 * drawResample inlines exactly these steps; replayPicks repeats them from a saved state.
 */
export function replayPicks(state: number, n: number, into: Int32Array, at = 0): number {
  let s = state | 0;
  if (n <= 65536) {
    for (let k = 0; k < n; k += 2) {
      s = (s + 0x6d2b79f5) | 0;
      let x = Math.imul(s ^ (s >>> 15), 1 | s);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      x ^= x >>> 14;
      into[at + k] = ((x & 0xffff) * n) >>> 16;
      if (k + 1 < n) into[at + k + 1] = ((x >>> 16) * n) >>> 16;
    }
  } else {
    for (let k = 0; k < n; k++) {
      s = (s + 0x6d2b79f5) | 0;
      let x = Math.imul(s ^ (s >>> 15), 1 | s);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      into[at + k] = (((x ^ (x >>> 14)) >>> 0) * SCALE * n) | 0;
    }
  }
  return s;
}

/**
 * One resample: for each position p, the mean of the off[p+1]−off[p] values drawn with
 * replacement from vals[off[p]..off[p+1]) (draws as in replayPicks), and — from the same picks —
 * the sum of `first` values (the first tie-break criterion, same layout), so that most resampled
 * ties are settled without replaying any draw. Saves the PRNG state before each position's
 * draws in `states` (to replay the picks when a deeper tie-break is needed) and returns the
 * state after the last draw. A top-level function of typed arrays, so V8 keeps the loop tight.
 */
export function drawResample(
  vals: Float64Array,
  first: Float64Array,
  off: Int32Array,
  K: number,
  state: number,
  scores: Float64Array,
  firstSums: Float64Array,
  states: Int32Array,
): number {
  let s = state | 0;
  for (let p = 0; p < K; p++) {
    states[p] = s;
    const o = off[p]!;
    const n = off[p + 1]! - o;
    let sum = 0;
    let f = 0;
    if (n <= 65536) {
      const pairs = n >> 1;
      for (let k = 0; k < pairs; k++) {
        s = (s + 0x6d2b79f5) | 0;
        let x = Math.imul(s ^ (s >>> 15), 1 | s);
        x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
        x ^= x >>> 14;
        const i1 = o + (((x & 0xffff) * n) >>> 16);
        const i2 = o + (((x >>> 16) * n) >>> 16);
        sum += vals[i1]!;
        f += first[i1]!;
        sum += vals[i2]!;
        f += first[i2]!;
      }
      if (n & 1) {
        s = (s + 0x6d2b79f5) | 0;
        let x = Math.imul(s ^ (s >>> 15), 1 | s);
        x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
        x ^= x >>> 14;
        const i1 = o + (((x & 0xffff) * n) >>> 16);
        sum += vals[i1]!;
        f += first[i1]!;
      }
    } else {
      for (let k = 0; k < n; k++) {
        s = (s + 0x6d2b79f5) | 0;
        let x = Math.imul(s ^ (s >>> 15), 1 | s);
        x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
        const i1 = o + ((((x ^ (x >>> 14)) >>> 0) * SCALE * n) | 0);
        sum += vals[i1]!;
        f += first[i1]!;
      }
    }
    scores[p] = sum / n;
    firstSums[p] = f;
  }
  return s;
}

/**
 * ord ← positions 0..K-1 by score descending, exact ties by position ascending. Positions are
 * the full-sample ranking, so a resample is often nearly sorted already: insertion sort from
 * the identity costs K + (number of inversions). If the inversions pass `budget` (a flat panel
 * where everything swaps), fall back to a native numeric sort of the negated scores, then give
 * each position, in ascending order, the next free slot of its value (found by binary search;
 * `cursor` remembers the next free slot per value). Both give the same order. Returns whether
 * the insertion sort finished within its budget.
 */
export function orderByScore(
  scores: Float64Array,
  neg: Float64Array,
  sorted: Float64Array,
  cursor: Int32Array,
  ord: Int32Array,
  K: number,
  budget: number,
): boolean {
  let moves = 0;
  ord[0] = 0;
  for (let i = 1; i < K; i++) {
    const sp = scores[i]!;
    let j = i - 1;
    while (j >= 0) {
      const q = ord[j]!;
      if (scores[q]! >= sp) break; // q < i, so an exact tie keeps q first
      ord[j + 1] = q;
      j--;
    }
    ord[j + 1] = i;
    moves += i - 1 - j;
    if (moves > budget) {
      for (let p = 0; p < K; p++) neg[p] = -scores[p]!;
      sorted.set(neg);
      sorted.sort();
      cursor.fill(-1);
      for (let p = 0; p < K; p++) {
        const key = neg[p]!;
        let lo = 0;
        let hi = K;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (sorted[mid]! < key) lo = mid + 1;
          else hi = mid;
        }
        const slot = cursor[lo]! < 0 ? lo : cursor[lo]!;
        ord[slot] = p;
        cursor[lo] = slot + 1;
      }
      return false;
    }
  }
  return true;
}

interface TieScratch {
  /** Criterion values (s − min) per canonical review, criteria in tie-break order. */
  crit: Float64Array;
  nCrit: number;
  /** Criterion ranges (max − min), in tie-break order. */
  ranges: Float64Array;
  states: Int32Array;
  count: Int32Array;
  srcStart: Int32Array;
  /** Start of each position's block in `picks` (the same layout as the R′ values). */
  off: Int32Array;
  picks: Int32Array;
  /** 1 when all of a position's reviews agree on every criterion: resampling cannot change its
   * criterion means, which are then `fixed` (no replay needed). */
  constant: Uint8Array;
  fixed: Float64Array;
  budget: Float64Array;
  idRank: Int32Array;
  /** Position → index of its criterion means in `means` (group slot × nCrit). */
  slot: Int32Array;
  /** Criterion means of the group's members, filled on demand (NaN: not yet). */
  means: Float64Array;
  /** Position → 1 once its picks of this resample are in `picks`. */
  replayed: Uint8Array;
  /** Per position, this resample's sum of the first tie-break criterion over its picks. */
  firstSums: Float64Array;
  /** [p·nCrit + c] = 1 when criterion c equals the first criterion in every review of p. */
  sameAsFirst: Uint8Array;
}

/**
 * Re-orders ord[from..to) (one tie group of a resample) by the tie-break chain: criterion means
 * of the resampled reviews in descending weight order, then lower budget, more reviews, id
 * ascending. Means are computed lazily, criterion by criterion, as comparisons need them; a
 * member's picks are replayed from its saved PRNG state only when first needed, and never for a
 * member whose reviews agree on every criterion. Insertion sort for small groups (the usual
 * case), the built-in sort for large ones (a flat panel where everything ties).
 */
function resolveResampledTie(ord: Int32Array, from: number, to: number, t: TieScratch): void {
  const nCrit = t.nCrit;
  for (let g = from; g < to; g++) {
    const p = ord[g]!;
    const at = (g - from) * nCrit;
    t.slot[p] = at;
    t.replayed[p] = 0;
    if (t.constant[p] === 1) {
      for (let c = 0; c < nCrit; c++) t.means[at + c] = t.fixed[p * nCrit + c]!;
    } else {
      const n = t.count[p]!;
      const f = t.firstSums[p]!;
      t.means[at] = f / (t.ranges[0]! * n);
      for (let c = 1; c < nCrit; c++) {
        t.means[at + c] = t.sameAsFirst[p * nCrit + c] === 1 ? f / (t.ranges[c]! * n) : Number.NaN;
      }
    }
  }
  if (to - from <= 16) {
    for (let i = from + 1; i < to; i++) {
      const p = ord[i]!;
      let j = i - 1;
      while (j >= from && tieCompare(p, ord[j]!, t) < 0) {
        ord[j + 1] = ord[j]!;
        j--;
      }
      ord[j + 1] = p;
    }
    return;
  }
  const group = Array.from(ord.subarray(from, to));
  group.sort((a, b) => tieCompare(a, b, t));
  ord.set(group, from);
}

/** Mean normalized value of criterion c (tie order) over position p's resampled reviews. */
function resampledMean(p: number, c: number, t: TieScratch): number {
  const at = t.slot[p]! + c;
  const cached = t.means[at]!;
  if (!Number.isNaN(cached)) return cached;
  const n = t.count[p]!;
  const o = t.off[p]!;
  const picks = t.picks;
  if (t.replayed[p] === 0) {
    replayPicks(t.states[p]!, n, picks, o);
    t.replayed[p] = 1;
  }
  const crit = t.crit;
  const nCrit = t.nCrit;
  const src = t.srcStart[p]!;
  let sum = 0;
  for (let k = 0; k < n; k++) sum += crit[(src + picks[o + k]!) * nCrit + c]!;
  const m = sum / (t.ranges[c]! * n);
  t.means[at] = m;
  return m;
}

/** Negative when position a goes before position b by the tie-break chain (never 0 for a ≠ b). */
function tieCompare(a: number, b: number, t: TieScratch): number {
  for (let c = 0; c < t.nCrit; c++) {
    const x = resampledMean(a, c, t);
    const y = resampledMean(b, c, t);
    if (x !== y) return x > y ? -1 : 1;
  }
  const ba = t.budget[a]!;
  const bb = t.budget[b]!;
  if (ba !== bb) return ba < bb ? -1 : 1;
  const ca = t.count[a]!;
  const cb = t.count[b]!;
  if (ca !== cb) return ca > cb ? -1 : 1;
  return t.idRank[a]! - t.idRank[b]!;
}
