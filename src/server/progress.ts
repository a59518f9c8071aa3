// The progress board (DESIGN §5 getProgress): who has scored what of what they were asked,
// per reviewer and per quickwin, the reviewer × quickwin grid, and a prefilled reminder
// e-mail per reviewer (a mailto: link: no mail scope needed).
import { translator } from "../core/i18n";
import { identityKey } from "../core/identity";
import type {
  GridCell,
  ProgressResult,
  QuickwinProgress,
  ReviewerProgress,
  ScoringState,
} from "../core/planning";
import { type PanelMember, type Quickwin, type Review, reviewStatus } from "../core/schemas";
import { loadWorld, requireCoordinator, type World } from "./api";
import { declaredConflicts, hasConflict, labels, readAssignments } from "./assignments";
import type { Context } from "./runtime";
import { instantWords, scoringState } from "./scoring";

/** The members shown on the board: reviewers, and anyone else with an assignment or a review. */
function boardMembers(world: World, assigned: Set<string>, reviewed: Set<string>): PanelMember[] {
  return world.panel.items.filter(
    (m) =>
      m.role === "reviewer" ||
      assigned.has(identityKey(m.email)) ||
      reviewed.has(identityKey(m.email)),
  );
}

/** The reminder: subject and body in Indonesian, listing what is left. */
function remindLink(
  member: PanelMember,
  missing: readonly Quickwin[],
  scoring: ScoringState,
  timeZone: string,
): string {
  if (missing.length === 0) return "";
  const t = translator("id");
  const subject = t("remind.subject", { count: missing.length });
  const lines = missing.map((q) => `- ${q.id} ${q.name} (${q.agency})`);
  const until =
    scoring.closesAt && scoring.open
      ? t("remind.until", { when: instantWords(scoring.closesAt, timeZone, "id") })
      : "";
  const body = [
    t("remind.greeting", { name: member.name || member.email }),
    "",
    t("remind.intro", { count: missing.length }) + until,
    ...lines,
    "",
    t("remind.how"),
    "",
    t("remind.thanks"),
  ].join("\n");
  return `mailto:${encodeURIComponent(member.email)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

export function handleGetProgress(ctx: Context): ProgressResult {
  ctx.email();
  const { panel } = requireCoordinator(ctx);
  const world = loadWorld(ctx, panel, false, { agencies: "sheet" });
  const tz = ctx.timeZone();
  const pairs = readAssignments(ctx).items;
  const declared = declaredConflicts(world.reviews.items);
  const scoring = scoringState(world.settings, tz, ctx.locale());
  const quickwins = world.quickwins.items;
  const criteria = world.criteria.items;
  const assignedTo = new Map<string, Set<string>>(); // reviewer key → quickwin keys
  for (const p of pairs) {
    const r = identityKey(p.reviewer);
    const set = assignedTo.get(r) ?? new Set<string>();
    set.add(identityKey(p.quickwinId));
    assignedTo.set(r, set);
  }
  const latest = new Map<string, Review>(); // "q|r" → latest review
  const lastAt = new Map<string, string>(); // reviewer key → latest submittedAt
  for (const r of world.reviews.items) {
    const key = identityKey(r.reviewer);
    latest.set(`${identityKey(r.quickwinId)}|${key}`, r);
    if (r.submittedAt && (lastAt.get(key) ?? "") < r.submittedAt) lastAt.set(key, r.submittedAt);
  }
  const members = boardMembers(world, new Set(assignedTo.keys()), new Set(lastAt.keys()));
  const name = labels(world);
  const qStats = quickwins.map(() => ({ assigned: 0, counted: 0, missing: [] as string[] }));
  const grid: GridCell[][] = [];
  const reviewers: ReviewerProgress[] = members.map((m) => {
    const rKey = identityKey(m.email);
    const mine = assignedTo.get(rKey) ?? new Set<string>();
    const row: GridCell[] = [];
    const missing: Quickwin[] = [];
    let done = 0;
    let scored = 0;
    let conflict = 0;
    quickwins.forEach((q, qi) => {
      const own = latest.get(`${identityKey(q.id)}|${rKey}`);
      const status = reviewStatus(hasConflict(world.agencyKey, m, q, declared), own, criteria);
      if (status === "scored") {
        qStats[qi]!.counted++;
        scored++;
      }
      if (!mine.has(identityKey(q.id))) {
        row.push(status === "scored" ? "done" : status === "conflict" ? "conflict" : "none");
        return;
      }
      qStats[qi]!.assigned++;
      if (status === "scored") done++;
      else if (status === "conflict") conflict++;
      else {
        missing.push(q);
        qStats[qi]!.missing.push(name.reviewer(m.email));
      }
      row.push(status === "scored" ? "done" : status);
    });
    grid.push(row);
    const at = lastAt.get(rKey);
    return {
      email: m.email,
      name: m.name ?? "",
      assigned: done + conflict + missing.length,
      done,
      scored,
      conflict,
      missing: missing.length,
      missingIds: missing.map((q) => q.id),
      lastActivity: at ? instantWords(at, tz, ctx.locale()) : "",
      remind: remindLink(m, missing, scoring, tz),
    };
  });
  const minReviews = world.settings.minReviews;
  const qRows: QuickwinProgress[] = quickwins.map((q, qi) => ({
    id: q.id,
    name: q.name,
    assigned: qStats[qi]!.assigned,
    counted: qStats[qi]!.counted,
    needed: Math.max(minReviews, qStats[qi]!.assigned),
    missing: qStats[qi]!.missing,
  }));
  return {
    reviewers,
    quickwins: qRows,
    grid,
    minReviews,
    scoring,
    warnings: progressWarnings(ctx, reviewers, qRows, minReviews, name.quickwin),
  };
}

/** For the ranking view: who has not scored what, and quickwins ranked on fewer reviews. */
function progressWarnings(
  ctx: Context,
  reviewers: readonly ReviewerProgress[],
  quickwins: readonly QuickwinProgress[],
  minReviews: number,
  label: (id: string) => string,
): string[] {
  const out: string[] = [];
  for (const r of reviewers) {
    if (r.missing === 0) continue;
    out.push(
      ctx.t("progress.reviewerMissing", {
        reviewer: r.name || r.email,
        count: r.missing,
        quickwins: r.missingIds.map(label).join(", "),
      }),
    );
  }
  for (const q of quickwins) {
    if (q.missing.length === 0) continue;
    const params = {
      quickwin: label(q.id),
      counted: q.counted,
      missing: q.missing.length,
      min: minReviews,
      reviewers: q.missing.join(", "),
    };
    out.push(ctx.t(q.counted >= minReviews ? "progress.rankedThin" : "progress.unranked", params));
  }
  return out;
}
