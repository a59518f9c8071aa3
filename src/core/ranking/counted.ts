// Step 1 (counted reviews) and step 2 (review score R) of DESIGN §4.
// Every quickwin and every reviewer gets a *canonical* index (quickwins by id, code-unit order;
// reviewers by identity key), and counted reviews are stored sorted by (quickwin, reviewer). All
// later sums run in that order, so permuting the input arrays changes nothing but which review
// of a pair is the latest (ledger order) and the order of problems.
import type { AgencyKey } from "../agencies";
import type { Translate } from "../i18n";
import { identityKey } from "../identity";
import { isLongDuration, ownValue } from "../schemas";
import { scoreIssue } from "../scores";
import type { RankInput, RankProblem } from "../types";
import { compareStrings, isRecord, type Rubric } from "./input";

type ExcludeCode =
  | "unknown-quickwin"
  | "unknown-reviewer"
  | "conflict-of-interest"
  | "incomplete-review"
  | "score-out-of-range";

export interface QuickwinInfo {
  id: string;
  agencyKey: string;
  /** Budget for the tie-break (lower first); +∞ when unusable. */
  budgetKey: number;
  budget: number | null;
  longDuration: boolean;
}

/** The counted reviews in canonical order, and what the later steps need to know about them. */
export interface Counted {
  nQ: number;
  nR: number;
  ids: string[];
  qInfo: QuickwinInfo[];
  /** Counted reviews of quickwin q: canonical positions qStart[q] .. qStart[q+1]. */
  qStart: Int32Array;
  qCount: Int32Array;
  rCount: Int32Array;
  /** Per canonical position: its quickwin, its reviewer, R, and s − min per criterion. */
  quickwinOf: Int32Array;
  reviewerOf: Int32Array;
  R: Float64Array;
  crit: Float64Array;
  problems: RankProblem[];
}

function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return "";
}

/** Quickwins with unique ids (first wins), in canonical (id) order. */
function indexQuickwins(quickwins: unknown[], agencyKey: AgencyKey): QuickwinInfo[] {
  const byId = new Map<string, Record<string, unknown>>();
  for (const q of quickwins) {
    if (!isRecord(q)) continue;
    const id = textOf(q.id);
    if (id === "" || byId.has(id)) continue;
    byId.set(id, q);
  }
  return Array.from(byId.keys())
    .sort(compareStrings)
    .map((id) => {
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
        agencyKey: agencyKey(q.agency),
        budgetKey: budget === null ? Number.POSITIVE_INFINITY : budget,
        budget,
        longDuration,
      };
    });
}

/** Panel members with unique email keys (first wins), in canonical (key) order. */
function indexPanel(
  reviewers: unknown[],
  agencyKey: AgencyKey,
): { emails: string[]; agencies: string[] } {
  const panelAgency = new Map<string, string>();
  for (const m of reviewers) {
    if (!isRecord(m)) continue;
    const email = identityKey(m.email);
    if (email === "" || panelAgency.has(email)) continue;
    panelAgency.set(email, agencyKey(m.agency));
  }
  const emails = Array.from(panelAgency.keys()).sort(compareStrings);
  return { emails, agencies: emails.map((e) => panelAgency.get(e)!) };
}

/** Pass 1: quickwin and reviewer index of every review; unknown ones get indices past the end. */
interface Indexed {
  revQ: Int32Array;
  revR: Int32Array;
  allQ: number;
  allR: number;
  qidOf: (qi: number) => string;
  emailOf: (ri: number) => string;
}

function indexReviews(reviews: unknown[], ids: string[], emails: string[]): Indexed {
  const nQ = ids.length;
  const nR = emails.length;
  const qIndex = new Map<string, number>();
  for (let i = 0; i < nQ; i++) qIndex.set(ids[i]!, i);
  const rIndex = new Map<string, number>();
  for (let i = 0; i < nR; i++) rIndex.set(emails[i]!, i);
  const revQ = new Int32Array(reviews.length);
  const revR = new Int32Array(reviews.length);
  const rawReviewer = new Map<string, number>(); // raw string → reviewer index (cache)
  const unknownEmails: string[] = [];
  const unknownQIds: string[] = [];
  for (let i = 0; i < reviews.length; i++) {
    const rv = reviews[i];
    const rec = isRecord(rv) ? rv : undefined;
    const qid = textOf(rec?.quickwinId);
    let qi = qIndex.get(qid);
    if (qi === undefined) {
      qi = nQ + unknownQIds.length;
      qIndex.set(qid, qi);
      unknownQIds.push(qid);
    }
    revQ[i] = qi;
    const raw = typeof rec?.reviewer === "string" ? rec.reviewer : "";
    let ri = rawReviewer.get(raw);
    if (ri === undefined) {
      const email = identityKey(raw);
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
  return {
    revQ,
    revR,
    allQ: nQ + unknownQIds.length,
    allR: nR + unknownEmails.length,
    qidOf: (qi) => (qi < nQ ? ids[qi]! : unknownQIds[qi - nQ]!),
    emailOf: (ri) => (ri < nR ? emails[ri]! : unknownEmails[ri - nR]!),
  };
}

/** The latest review of each (quickwin, reviewer) pair: the last one in ledger order. */
function latestOfPairs(ix: Indexed): (qi: number, ri: number) => number | undefined {
  const pairSpace = ix.allQ * ix.allR;
  const n = ix.revQ.length;
  if (pairSpace <= 1 << 22) {
    const dense = new Int32Array(pairSpace).fill(-1);
    for (let i = 0; i < n; i++) dense[ix.revQ[i]! * ix.allR + ix.revR[i]!] = i;
    return (qi, ri) => dense[qi * ix.allR + ri];
  }
  const sparse = new Map<number, number>();
  for (let i = 0; i < n; i++) sparse.set(ix.revQ[i]! * ix.allR + ix.revR[i]!, i);
  return (qi, ri) => sparse.get(qi * ix.allR + ri);
}

/** Counted reviews in ledger order, before the canonical sort. */
interface Judged {
  count: number;
  q: Int32Array;
  r: Int32Array;
  raw: Float64Array;
  /** s − min per criterion (rubric order), review-major. */
  crit: Float64Array;
}

/**
 * R of one review's scores into judged at slot `at`, or why it does not count (first code that
 * applies: a missing criterion before a score out of range).
 */
function scoreReview(scores: unknown, rubric: Rubric, judged: Judged, at: number) {
  if (!isRecord(scores)) return "incomplete-review";
  const { crits } = rubric;
  let missing = false;
  let outOfRange = false;
  let acc = 0;
  const base = at * crits.length;
  for (let c = 0; c < crits.length; c++) {
    const spec = crits[c]!;
    const s = ownValue(scores, spec.id);
    const issue = scoreIssue(s, { min: spec.min, max: spec.min + spec.range });
    if (issue === "missing") missing = true;
    else if (issue !== null) outOfRange = true;
    else {
      const d = (s as number) - spec.min;
      judged.crit[base + c] = d;
      acc += (spec.weight * d) / spec.range;
    }
  }
  if (missing) return "incomplete-review";
  if (outOfRange) return "score-out-of-range";
  judged.raw[at] = (100 * acc) / rubric.weightSum;
  return null;
}

/** Pass 2: exclusions (one problem each, first code that applies) and review scores R. */
function judgeReviews(
  reviews: unknown[],
  ix: Indexed,
  qInfo: QuickwinInfo[],
  rAgency: string[],
  rubric: Rubric,
  t: Translate,
): { judged: Judged; problems: RankProblem[] } {
  const n = reviews.length;
  const nCrit = rubric.crits.length;
  const nQ = qInfo.length;
  const nR = rAgency.length;
  const latest = latestOfPairs(ix);
  const judged: Judged = {
    count: 0,
    q: new Int32Array(n),
    r: new Int32Array(n),
    raw: new Float64Array(n),
    crit: new Float64Array(n * nCrit),
  };
  const problems: RankProblem[] = [];
  for (let i = 0; i < n; i++) {
    const qi = ix.revQ[i]!;
    const ri = ix.revR[i]!;
    if (latest(qi, ri) !== i) continue;
    const rec = reviews[i] as Record<string, unknown> | undefined;
    let code: ExcludeCode | null = null;
    if (qi >= nQ) code = "unknown-quickwin";
    else if (ri >= nR) code = "unknown-reviewer";
    else if (
      rec?.declaredConflict === true ||
      (qInfo[qi]!.agencyKey !== "" && qInfo[qi]!.agencyKey === rAgency[ri])
    ) {
      code = "conflict-of-interest";
    } else code = scoreReview(rec?.scores, rubric, judged, judged.count);
    if (code === null) {
      judged.q[judged.count] = qi;
      judged.r[judged.count] = ri;
      judged.count++;
      continue;
    }
    const quickwinId = ix.qidOf(qi);
    const reviewer = ix.emailOf(ri);
    problems.push({
      code,
      message: t(`problem.${code}`, { quickwinId, reviewer }),
      quickwinId,
      reviewer,
    });
  }
  return { judged, problems };
}

/** Counting-sort start offsets: start[k] .. start[k+1] holds the items of key k. */
function startsOf(count: Int32Array): Int32Array {
  const start = new Int32Array(count.length + 1);
  for (let k = 0; k < count.length; k++) start[k + 1] = start[k]! + count[k]!;
  return start;
}

/** Steps 1–2: the counted reviews with their R, in canonical (quickwin, reviewer) order. */
export function countReviews(input: RankInput, rubric: Rubric, t: Translate): Counted {
  // Agencies compared as the list resolves them (a name's own key without one).
  const agencyKey: AgencyKey = input.agencyKey ?? identityKey;
  const qInfo = indexQuickwins(input.quickwins as unknown[], agencyKey);
  const ids = qInfo.map((q) => q.id);
  const panel = indexPanel(input.reviewers as unknown[], agencyKey);
  const reviews = input.reviews as unknown[];
  const ix = indexReviews(reviews, ids, panel.emails);
  const { judged, problems } = judgeReviews(reviews, ix, qInfo, panel.agencies, rubric, t);
  const nQ = ids.length;
  const nR = panel.emails.length;
  const nCrit = rubric.crits.length;
  const counted = judged.count;
  // Canonical order: by quickwin, then reviewer (two stable counting sorts).
  const qCount = new Int32Array(nQ);
  const rCount = new Int32Array(nR);
  for (let k = 0; k < counted; k++) {
    qCount[judged.q[k]!]!++;
    rCount[judged.r[k]!]!++;
  }
  const byR = new Int32Array(counted);
  const rFill = startsOf(rCount);
  for (let k = 0; k < counted; k++) byR[rFill[judged.r[k]!]!++] = k;
  const qStart = startsOf(qCount);
  const qFill = qStart.slice();
  const order = new Int32Array(counted);
  for (let j = 0; j < counted; j++) order[qFill[judged.q[byR[j]!]!]!++] = byR[j]!;
  const quickwinOf = new Int32Array(counted);
  const reviewerOf = new Int32Array(counted);
  const R = new Float64Array(counted);
  const crit = new Float64Array(counted * nCrit);
  for (let p = 0; p < counted; p++) {
    const k = order[p]!;
    quickwinOf[p] = judged.q[k]!;
    reviewerOf[p] = judged.r[k]!;
    R[p] = judged.raw[k]!;
    crit.set(judged.crit.subarray(k * nCrit, k * nCrit + nCrit), p * nCrit);
  }
  return {
    nQ,
    nR,
    ids,
    qInfo,
    qStart,
    qCount,
    rCount,
    quickwinOf,
    reviewerOf,
    R,
    crit,
    problems,
  };
}
