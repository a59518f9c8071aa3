// A quickwin as the panel discusses it in the meeting view: its facts, its flags, the evidence
// (per criterion the mean on the criterion's own scale with the lowest–highest score, the spread
// of the review scores, the reviewers' comments as Penilai A, B, C — never by name) and the
// decision buttons. Everything from users reaches the page as text, bidi-isolated.
import type { Decision, DecisionValue } from "../../core/decision";
import { departsFromComputed } from "../../core/decision";
import type { QuickwinEvidence } from "../../core/evidence";
import { formatDateTimeWib, formatDecimal, formatPercent } from "../../core/format";
import type { MeetingData } from "../../core/meeting";
import type { Locale, RankRow } from "../../core/types";
import { h, s } from "../dom";
import type { MeetingT as Translate } from "../meeting-i18n";

export interface CardContext {
  t: Translate;
  locale: Locale;
  data: MeetingData;
  /** Reasons typed so far, per quickwin (kept across renders). */
  reasons: Map<string, string>;
  /** Records a decision; resolves once the server has it (or with an error shown). */
  decide(quickwinId: string, decision: DecisionValue, reason: string, out: HTMLElement): void;
}

const user = (text: string, cls = "") =>
  h("bdi", { class: `user-text ${cls}`.trim(), dir: "auto" }, text);

/** One criterion: the scale min..max, the counted scores' lowest–highest, the mean as a bar. */
function criterionBar(
  ctx: CardContext,
  c: MeetingData["criteria"][number],
  mean: number | null,
  range: { min: number; max: number } | null,
): HTMLElement {
  const { t, locale } = ctx;
  const W = 180;
  const x = (v: number) => 2 + ((v - c.min) / (c.max - c.min)) * (W - 4);
  const label =
    mean === null
      ? t("meeting.criterionNone", { name: c.name })
      : t("meeting.criterionMean", {
          name: c.name,
          mean: formatDecimal(mean, 1, locale),
          min: c.min,
          max: c.max,
          low: range?.min ?? "",
          high: range?.max ?? "",
        });
  return h(
    "li",
    { class: "crit" },
    h("span", { class: "crit-name" }, user(c.name)),
    s(
      "svg",
      {
        class: "crit-bar",
        width: String(W),
        height: "16",
        viewBox: `0 0 ${W} 16`,
        role: "img",
        "aria-label": label,
      },
      s("title", null, label),
      s("rect", { x: "2", y: "4", width: String(W - 4), height: "8", fill: "#e8eaed" }),
      mean === null
        ? null
        : s("rect", {
            x: "2",
            y: "4",
            width: (x(mean) - 2).toFixed(1),
            height: "8",
            fill: "#1a73e8",
          }),
      range
        ? s("line", {
            x1: x(range.min).toFixed(1),
            x2: Math.max(x(range.max), x(range.min) + 1).toFixed(1),
            y1: "14",
            y2: "14",
            stroke: "#3c4043",
            "stroke-width": "2",
          })
        : null,
    ),
    h(
      "span",
      { class: "crit-value" },
      mean === null ? "–" : `${formatDecimal(mean, 1, locale)} / ${c.max}`,
      range && range.min !== range.max ? ` (${range.min}–${range.max})` : "",
    ),
  );
}

function evidenceBlock(ctx: CardContext, ev: QuickwinEvidence | undefined): HTMLElement {
  const { t, locale, data } = ctx;
  if (!ev || ev.reviews.length === 0) {
    return h("p", { class: "help" }, t("meeting.noReviews"));
  }
  const spread = ev.spread;
  return h(
    "div",
    { class: "evidence" },
    h(
      "ul",
      { class: "crits", "aria-label": t("meeting.criteria") },
      data.criteria.map((c) =>
        criterionBar(ctx, c, ev.criterionMeans[c.id] ?? null, ev.criterionRange[c.id] ?? null),
      ),
    ),
    spread
      ? h(
          "p",
          { class: "spread" },
          spread.sd === null
            ? t("meeting.spreadOne", { score: formatDecimal(spread.min, 1, locale) })
            : t("meeting.spread", {
                low: formatDecimal(spread.min, 1, locale),
                high: formatDecimal(spread.max, 1, locale),
                sd: formatDecimal(spread.sd, 1, locale),
                n: ev.reviews.length,
              }),
        )
      : null,
    h(
      "ul",
      { class: "comments", "aria-label": t("meeting.comments") },
      ev.reviews.map((r) =>
        h(
          "li",
          null,
          h(
            "strong",
            null,
            t("meeting.reviewer", { label: r.label }),
            ` (${formatDecimal(r.score, 1, locale)})`,
            ": ",
          ),
          r.comment ? user(r.comment) : h("span", { class: "help" }, t("meeting.noComment")),
        ),
      ),
    ),
  );
}

function decisionBlock(
  ctx: CardContext,
  row: RankRow,
  decision: Decision | undefined,
): HTMLElement {
  const { t, locale } = ctx;
  const id = row.quickwinId;
  const computed = ctx.data.shortlist.includes(id);
  const out = h("div", { class: "call-status", "aria-live": "polite" });
  const reasonId = `reason-${id}`;
  const reason = h("textarea", {
    id: reasonId,
    rows: "2",
    maxlength: "2000",
    value: ctx.reasons.get(id) ?? decision?.reason ?? "",
    on: {
      input: (e) => ctx.reasons.set(id, (e.target as HTMLTextAreaElement).value),
    },
  });
  const press = (value: DecisionValue) => {
    const text = reason.value.trim();
    if (departsFromComputed(value, computed) && text === "") {
      out.replaceChildren(
        h(
          "div",
          { class: "notice error", role: "alert" },
          t(value === "selected" ? "meeting.reasonToAdd" : "meeting.reasonToDrop"),
        ),
      );
      reason.setAttribute("aria-invalid", "true");
      reason.focus();
      return;
    }
    ctx.decide(id, value, text, out);
  };
  const choice = (value: DecisionValue, label: string) =>
    h(
      "button",
      {
        type: "button",
        class: value === "selected" ? "action" : "secondary",
        "data-decision": value,
        "aria-pressed": decision?.decision === value ? "true" : "false",
        on: { click: () => press(value) },
      },
      label,
    );
  return h(
    "div",
    { class: "decide" },
    h(
      "p",
      { class: "decided" },
      decision
        ? t(decision.decision === "selected" ? "meeting.decidedSelected" : "meeting.decidedNot", {
            when: formatDateTimeWib(decision.at, locale),
          })
        : t("meeting.undecided"),
      decision?.departs ? h("span", { class: "badge departs" }, t("meeting.departs")) : null,
    ),
    h(
      "label",
      { for: reasonId },
      t(computed ? "meeting.reasonLabelListed" : "meeting.reasonLabelUnlisted"),
    ),
    reason,
    h(
      "div",
      { class: "buttons" },
      choice("selected", t("meeting.select")),
      choice("not-selected", t("meeting.notSelect")),
    ),
    out,
  );
}

/** The card of one quickwin: heading, facts, flags, evidence, decision. */
export function quickwinCard(ctx: CardContext, row: RankRow): HTMLElement {
  const { t, locale, data } = ctx;
  const q = data.quickwins.find((x) => x.id === row.quickwinId);
  const ev = data.evidence.find((e) => e.quickwinId === row.quickwinId);
  const decision = data.decisions.find((d) => d.quickwinId === row.quickwinId);
  const headingId = `card-${row.quickwinId}`;
  const facts = [
    row.score === null ? null : t("meeting.score", { score: formatDecimal(row.score, 1, locale) }),
    row.rankLow !== null && row.rankHigh !== null
      ? t("meeting.range", { low: row.rankLow, high: row.rankHigh })
      : null,
    row.pShortlist === null ? null : t("meeting.chance", { p: formatPercent(row.pShortlist) }),
    t("meeting.reviews", { n: row.reviewCount }),
  ].filter((x): x is string => x !== null);
  return h(
    "article",
    {
      class: data.shortlist.includes(row.quickwinId) ? "qw-card listed" : "qw-card",
      "data-id": row.quickwinId,
      "aria-labelledby": headingId,
    },
    h(
      "h3",
      { id: headingId, tabindex: "-1" },
      row.rank === null ? "– " : `${row.rank}. `,
      user(q?.name ?? row.quickwinId, "qw-name"),
      q ? h("span", { class: "qw-meta" }, " · ", user(q.agency)) : null,
      data.shortlist.includes(row.quickwinId)
        ? h("span", { class: "badge shortlist" }, t("meeting.listed"))
        : null,
    ),
    h("p", { class: "facts" }, facts.join(" · ")),
    row.flags.length > 0
      ? h(
          "ul",
          { class: "flags", "aria-label": t("rank.flags") },
          row.flags.map((f) => h("li", null, t(`flag.${f}`))),
        )
      : null,
    evidenceBlock(ctx, ev),
    decisionBlock(ctx, row, decision),
  );
}
