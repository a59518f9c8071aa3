// The meeting view (DESIGN §5 meeting functions): showMeetingView opens it as a large modal
// dialog over the spreadsheet (sized for a projector); getMeetingData gives it the ranking, the
// evidence per quickwin (reviewers as A, B, C — never by name) and the decisions so far.
// Coordinators only: nothing here is read before the caller is known to be one.
import { buildEvidence } from "../core/evidence";
import { translator } from "../core/i18n";
import type { MeetingData } from "../core/meeting";
import type { Locale } from "../core/types";
import { BOOT_PLACEHOLDER, scriptSafeJson } from "./addon";
import { loadWorld, rank, requireCoordinator } from "./api";
import { decisionsInForce } from "./decisions";
import type { Context } from "./runtime";

/** The dialog's size: a 1280 × 800 projector with the spreadsheet's frame around it. */
export const MEETING_SIZE = { width: 1200, height: 760 } as const;

export function meetingHtml(locale: Locale): string {
  const template = HtmlService.createHtmlOutputFromFile("meeting").getContent();
  return template.replace(BOOT_PLACEHOLDER, () => scriptSafeJson({ locale }));
}

export function handleShowMeetingView(ctx: Context): void {
  ctx.email();
  requireCoordinator(ctx);
  const locale = ctx.locale();
  const html = ctx.retry(() => meetingHtml(locale));
  const output = ctx.retry(() =>
    HtmlService.createHtmlOutput(html).setWidth(MEETING_SIZE.width).setHeight(MEETING_SIZE.height),
  );
  ctx.retry(() =>
    SpreadsheetApp.getUi().showModalDialog(output, translator(locale)("meeting.title")),
  );
}

export function handleGetMeetingData(ctx: Context): MeetingData {
  ctx.email();
  const { panel } = requireCoordinator(ctx);
  const world = loadWorld(ctx, panel, false, { agencies: "sheet" });
  const result = rank(ctx, world);
  const criteria = world.criteria.items;
  const known = new Set(world.quickwins.items.map((q) => q.id));
  const decisions = decisionsInForce(ctx, known);
  return {
    locale: ctx.locale(),
    computedAt: new Date().toISOString(),
    shortlistSize: world.settings.shortlistSize,
    minReviews: world.settings.minReviews,
    normalizationUsed: result.normalizationUsed,
    agreement: result.agreement,
    criteria: criteria.map((c) => ({
      id: c.id,
      name: c.name,
      min: c.min,
      max: c.max,
      weight: c.weight,
    })),
    quickwins: world.quickwins.items.map((q) => ({
      id: q.id,
      name: q.name,
      agency: q.agency,
      dimension: q.dimension,
      budget: q.budget,
    })),
    rows: result.rows,
    shortlist: result.shortlist,
    evidence: buildEvidence(criteria, world.reviews.items, result),
    decisions,
    panel: panel.items.map((m) => ({
      email: m.email,
      name: m.name ?? "",
      agency: m.agency ?? "",
      role: m.role,
    })),
  };
}
