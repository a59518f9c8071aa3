// Pure view-model logic of the sidebar: drafts of the forms (raw text as typed), turning them
// into server payloads, and updating the state after a save. No DOM here: unit-tested in Node.

import { agencyResolver, newAgencyNames, sameAgencyOf } from "../core/agencies";
import { formatRupiah, parseCount, parseDateInput, parseRupiah } from "../core/format";
import {
  type Criterion,
  type CriterionInput,
  ownValue,
  type PanelMember,
  type PanelMemberInput,
  type Quickwin,
  type QuickwinInput,
  type ReviewInput,
  reviewStatus,
} from "../core/schemas";
import { scoreIssue } from "../core/scores";
import type { MyReview, ReviewStatus, SidebarQuickwin, SidebarState } from "../core/types";

/**
 * A payload built from a form before it is checked: the fields of the server's input type T,
 * any of them possibly missing or still the text the user typed. Only `validate(schema, …)`
 * turns it into a T (its `input`), which is what the sidebar sends.
 */
export type Unchecked<T> = { [K in keyof T]?: T[K] | string };

// ---------- quickwin form ----------

/** What the user typed in the quickwin form, kept verbatim so nothing is lost on an error. */
export interface QuickwinDraft {
  id?: string;
  name: string;
  agency: string;
  dimension: string;
  description: string;
  startDate: string;
  endDate: string;
  budget: string;
  beneficiaries: string;
  stage: string;
  evidenceUrl: string;
}

/**
 * A Rupiah amount written with cents that are not zero ("1.500.000,50", "1,500,000.75",
 * "1500000,5"): budgets are whole Rupiah, and the form says so instead of "not a number".
 */
export function hasRupiahCents(text: string): boolean {
  const s = text.replace(/\s/g, "").replace(/^(rp\.?|idr)/i, "");
  const m =
    /^\d{1,3}(?:\.\d{3})*,(\d{1,2})$/.exec(s) ??
    /^\d{1,3}(?:,\d{3})+\.(\d{1,2})$/.exec(s) ??
    /^\d+,(\d{1,2})$/.exec(s);
  return m !== null && Number(m[1]) !== 0;
}

export function emptyQuickwinDraft(agency = ""): QuickwinDraft {
  return {
    name: "",
    agency,
    dimension: "",
    description: "",
    startDate: "",
    endDate: "",
    budget: "",
    beneficiaries: "",
    stage: "",
    evidenceUrl: "",
  };
}

export function draftOfQuickwin(q: Quickwin): QuickwinDraft {
  return {
    id: q.id,
    name: q.name,
    agency: q.agency,
    dimension: q.dimension,
    description: q.description,
    startDate: q.startDate ?? "",
    endDate: q.endDate ?? "",
    budget: formatRupiah(q.budget),
    // null (as google.script.run may deliver an absent field) is absent too.
    beneficiaries: typeof q.beneficiaries === "number" ? String(q.beneficiaries) : "",
    stage: q.stage ?? "",
    evidenceUrl: q.evidenceUrl ?? "",
  };
}

/**
 * The saveQuickwin payload of a draft. Amounts that cannot be read as whole numbers are passed
 * through as text, so the shared schema reports them ("harus berupa angka") like the server.
 */
export function quickwinPayload(d: QuickwinDraft): Unchecked<QuickwinInput> {
  const payload: Unchecked<QuickwinInput> = {};
  if (d.id) payload.id = d.id;
  payload.name = d.name;
  payload.agency = d.agency;
  payload.dimension = d.dimension;
  payload.description = d.description;
  // Typed day first ("5/9/2019"), sent as ISO; text that is no date is sent for the schema to name.
  payload.startDate = parseDateInput(d.startDate) ?? d.startDate;
  payload.endDate = parseDateInput(d.endDate) ?? d.endDate;
  payload.budget = d.budget.trim() === "" ? undefined : (parseRupiah(d.budget) ?? d.budget);
  if (d.beneficiaries.trim() !== "") {
    payload.beneficiaries = parseCount(d.beneficiaries) ?? d.beneficiaries;
  }
  if (d.stage !== "") payload.stage = d.stage;
  if (d.evidenceUrl.trim() !== "") payload.evidenceUrl = d.evidenceUrl.trim();
  return payload;
}

// ---------- scoring ----------

/** The scoring form of one quickwin, as typed (kept when switching quickwins). */
export interface ScoreDraft {
  scores: Record<string, number>;
  comment: string;
  declaredConflict: boolean;
}

export function draftOfReview(review: MyReview | undefined): ScoreDraft {
  return review
    ? {
        scores: { ...review.scores },
        comment: review.comment,
        declaredConflict: review.declaredConflict,
      }
    : { scores: {}, comment: "", declaredConflict: false };
}

/** The criteria still without a score (none are needed when a conflict is declared). */
export function missingScores(draft: ScoreDraft, criteria: readonly Criterion[]): Criterion[] {
  if (draft.declaredConflict) return [];
  return criteria.filter((c) => scoreIssue(ownValue(draft.scores, c.id), c) === "missing");
}

/** The submitReview payload: only current criteria's scores are sent. */
export function reviewPayload(
  quickwinId: string,
  draft: ScoreDraft,
  criteria: readonly Criterion[],
): ReviewInput {
  const scores: Record<string, number> = {};
  for (const c of criteria) {
    const v = ownValue(draft.scores, c.id);
    if (v !== undefined) scores[c.id] = v;
  }
  return { quickwinId, scores, comment: draft.comment, declaredConflict: draft.declaredConflict };
}

/**
 * The next quickwin still to score after `currentId` (wrapping), skipping automatic conflicts:
 * the caller's assigned ones first, as the list shows them, then (when allowed) the others.
 */
export function nextToScore(
  quickwins: readonly SidebarQuickwin[],
  currentId: string | null,
  allowUnassigned = true,
): string | null {
  const assigned = quickwins.filter((q) => q.assigned);
  const others = quickwins.filter((q) => !q.assigned);
  const walk = (list: readonly SidebarQuickwin[]): string | null => {
    const start = currentId === null ? -1 : list.findIndex((q) => q.id === currentId);
    for (let step = 1; step <= list.length; step++) {
      const q = list[(start + step + list.length) % list.length];
      if (q && q.status === "todo" && !q.agencyConflict && q.id !== currentId) return q.id;
    }
    return null;
  };
  return walk(assigned) ?? (allowUnassigned || assigned.length === 0 ? walk(others) : null);
}

export function progressOf(quickwins: readonly SidebarQuickwin[]): SidebarState["progress"] {
  const count = (s: ReviewStatus) => quickwins.filter((q) => q.status === s).length;
  return {
    scored: count("scored"),
    conflict: count("conflict"),
    todo: count("todo"),
    total: quickwins.length,
  };
}

/** The state after the caller's review was saved (no need to reload from the server). */
export function withReview(state: SidebarState, review: MyReview): SidebarState {
  const myReviews = state.myReviews.filter((r) => r.quickwinId !== review.quickwinId);
  myReviews.push(review);
  const status: ReviewStatus = review.declaredConflict ? "conflict" : "scored";
  const quickwins = state.quickwins.map((q) => (q.id === review.quickwinId ? { ...q, status } : q));
  return { ...state, myReviews, quickwins, progress: progressOf(quickwins) };
}

/**
 * Every quickwin's status and agency conflict for the caller, decided as the server decides
 * them: after the rubric, the caller's agency or a quickwin changed, the list stays true.
 */
export function withStatuses(state: SidebarState): SidebarState {
  // One agency however it is spelled, as the list says (the server's rule).
  const agencyKey = agencyResolver(state.agencies ?? []);
  const quickwins = state.quickwins.map((q): SidebarQuickwin => {
    const agencyConflict = sameAgencyOf(agencyKey, state.user.agency, q.agency);
    const own = state.myReviews.find((r) => r.quickwinId === q.id);
    return { ...q, agencyConflict, status: reviewStatus(agencyConflict, own, state.criteria) };
  });
  return { ...state, quickwins, progress: progressOf(quickwins) };
}

/**
 * The state after a save that typed agency names (a quickwin, the panel): names on no agency of
 * the list were added to it by the server (its rule, `newAgencyNames`), so they are here too.
 */
export function withTypedAgencies(state: SidebarState, typed: readonly unknown[]): SidebarState {
  const agencies = state.agencies ?? [];
  const added = newAgencyNames(agencies, typed);
  if (added.length === 0) return state;
  return { ...state, agencies: [...agencies, ...added.map((name) => ({ name, aliases: [] }))] };
}

/** The state after a quickwin was saved (created or updated). */
export function withQuickwin(state: SidebarState, saved: Quickwin): SidebarState {
  const old = state.quickwins.find((q) => q.id === saved.id);
  const entry: SidebarQuickwin = {
    ...saved,
    status: "todo",
    agencyConflict: false,
    editable: true,
  };
  const quickwins = old
    ? state.quickwins.map((q) => (q.id === saved.id ? entry : q))
    : [...state.quickwins, entry];
  return withStatuses(withTypedAgencies({ ...state, quickwins }, [saved.agency]));
}

// ---------- rubric and panel editors ----------

/** A criterion as typed in the rubric editor. */
export interface CriterionDraft {
  id: string;
  name: string;
  description: string;
  weight: string;
  min: string;
  max: string;
  levels: string[];
}

export function draftOfCriterion(c: Criterion): CriterionDraft {
  return {
    id: c.id,
    name: c.name,
    description: c.description ?? "",
    weight: String(c.weight),
    min: String(c.min),
    max: String(c.max),
    levels: c.levels ? [...c.levels] : [],
  };
}

function numberOrText(s: string): number | string {
  const t = s.trim().replace(",", ".");
  return t !== "" && Number.isFinite(Number(t)) ? Number(t) : s;
}

/** How many levels a criterion has (max − min + 1), or null while min/max are not integers. */
export function levelCount(d: CriterionDraft): number | null {
  const min = Number(d.min);
  const max = Number(d.max);
  if (!Number.isInteger(min) || !Number.isInteger(max) || max <= min || max - min > 100)
    return null;
  return max - min + 1;
}

/** Keeps the typed descriptors and pads/truncates them to the current number of levels. */
export function resizeLevels(d: CriterionDraft): CriterionDraft {
  const n = levelCount(d);
  if (n === null || n === d.levels.length) return d;
  const levels = d.levels.slice(0, n);
  while (levels.length < n) levels.push("");
  return { ...d, levels };
}

export function criterionPayload(d: CriterionDraft): Unchecked<CriterionInput> {
  const payload: Unchecked<CriterionInput> = {
    id: d.id,
    name: d.name,
    weight: d.weight.trim() === "" ? undefined : numberOrText(d.weight),
    min: d.min.trim() === "" ? undefined : numberOrText(d.min),
    max: d.max.trim() === "" ? undefined : numberOrText(d.max),
  };
  if (d.description.trim() !== "") payload.description = d.description;
  // Levels are sent only when every one is described (they are optional as a whole).
  if (d.levels.some((l) => l.trim() !== "")) payload.levels = d.levels;
  return payload;
}

export function totalWeight(drafts: readonly { weight: string | number }[]): number {
  let sum = 0;
  for (const d of drafts) {
    const w = typeof d.weight === "number" ? d.weight : Number(d.weight.trim().replace(",", "."));
    if (Number.isFinite(w) && w > 0) sum += w;
  }
  return sum;
}

/** A slug for a new criterion's id from its name ("Nilai Manfaat" → "nilai-manfaat"). */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
}

export interface MemberDraft {
  email: string;
  name: string;
  agency: string;
  role: string;
}

export function draftOfMember(m: PanelMember): MemberDraft {
  return { email: m.email, name: m.name ?? "", agency: m.agency ?? "", role: m.role };
}

export function memberPayload(d: MemberDraft): Unchecked<PanelMemberInput> {
  const payload: Unchecked<PanelMemberInput> = { email: d.email, role: d.role };
  if (d.name.trim() !== "") payload.name = d.name;
  if (d.agency.trim() !== "") payload.agency = d.agency;
  return payload;
}

// ---------- ranking ----------

/** The CSV as Excel reads it: a UTF-8 byte order mark first, CRLF line ends kept as given. */
export function csvForDownload(csv: string): string {
  return csv.charCodeAt(0) === 0xfeff ? csv : `\ufeff${csv}`;
}
