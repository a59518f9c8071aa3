// Scoring (Nilai): the list of quickwins with the user's progress, and one quickwin at a time
// with a radio group per criterion showing each level's descriptor.

import { formatDate, formatDateTimeWib, formatInteger, formatRupiah } from "../../core/format";
import { type Criterion, LIMITS, ownValue } from "../../core/schemas";
import type { SidebarQuickwin } from "../../core/types";
import { bdi, type Child, externalLink, h, mount, uid } from "../dom";
import {
  draftOfReview,
  missingScores,
  nextToScore,
  reviewPayload,
  type ScoreDraft,
  totalWeight,
  withReview,
} from "../model";
import {
  button,
  dimensionLabel,
  lengthCounter,
  notice,
  type ViewContext,
  withProgress,
} from "../ui";
import { scoringLine } from "./scoring-state";

function statusBadge(ctx: ViewContext, q: SidebarQuickwin): HTMLElement {
  const { t } = ctx;
  if (q.agencyConflict && q.status !== "scored") {
    return h("span", { class: "badge conflict" }, t("status.agencyConflict"));
  }
  return h("span", { class: `badge ${q.status}` }, t(`status.${q.status}`));
}

export function scoringView(ctx: ViewContext): HTMLElement {
  const selected = ctx.state.quickwins.find((q) => q.id === ctx.ui.scoringId);
  return selected ? scoreOne(ctx, selected) : scoringList(ctx);
}

function scoringList(ctx: ViewContext): HTMLElement {
  const { t, state } = ctx;
  const p = state.progress;
  if (state.quickwins.length === 0) {
    return h(
      "section",
      { class: "view" },
      h("h2", { id: "view-heading", tabindex: "-1" }, t("score.title")),
      notice("info", t("score.none")),
    );
  }
  const done = p.scored + p.conflict;
  return h(
    "section",
    { class: "view" },
    h("h2", { id: "view-heading", tabindex: "-1" }, t("score.title")),
    h(
      "p",
      { class: "progress-text", id: "score-progress" },
      t("score.progress", { done, total: p.total }),
      p.conflict > 0 ? ` · ${t("score.progressConflict", { n: p.conflict })}` : "",
    ),
    h("progress", {
      max: String(Math.max(1, p.total)),
      value: String(done),
      "aria-labelledby": "score-progress",
    }),
    state.scoring ? scoringLine(ctx, state.scoring) : null,
    quickwinLists(ctx),
  );
}

/** Assigned quickwins first ("Ditugaskan kepada Anda"), then the others (when allowed). */
function quickwinLists(ctx: ViewContext): Child[] {
  const { t, state } = ctx;
  const assigned = state.quickwins.filter((q) => q.assigned);
  const others = state.quickwins.filter((q) => !q.assigned);
  const list = (items: SidebarQuickwin[], label: string, id: string) =>
    h(
      "ul",
      { class: "qw-list", id, "aria-label": label },
      items.map((q) =>
        h(
          "li",
          null,
          h(
            "button",
            {
              type: "button",
              class: "qw-item",
              "data-id": q.id,
              on: {
                click: () => {
                  ctx.ui.scoringId = q.id;
                  ctx.ui.focusId = "view-heading";
                  ctx.render();
                },
              },
            },
            h("span", { class: "qw-name" }, q.name),
            h("span", { class: "qw-meta" }, q.agency),
            statusBadge(ctx, q),
          ),
        ),
      ),
    );
  if (assigned.length === 0) return [list(others, t("score.listLabel"), "score-list")];
  const allowed = state.scoring?.allowUnassigned !== false;
  return [
    h("h3", { id: "assigned-heading" }, t("score.assignedTitle")),
    list(assigned, t("score.assignedTitle"), "score-assigned"),
    others.length ? h("h3", { id: "others-heading" }, t("score.othersTitle")) : null,
    others.length && !allowed ? h("p", { class: "help" }, t("score.othersClosed")) : null,
    others.length && allowed ? list(others, t("score.othersTitle"), "score-others") : null,
  ];
}

/** The facts of a quickwin, compact. */
function quickwinDetails(ctx: ViewContext, q: SidebarQuickwin): HTMLElement {
  const { t, locale } = ctx;
  const rows: [string, Node | string][] = [
    [t("field.agency"), q.agency],
    [t("field.dimension"), dimensionLabel(t, q.dimension)],
  ];
  if (q.startDate || q.endDate) {
    rows.push([
      t("qw.period"),
      `${q.startDate ? formatDate(q.startDate, locale) : "?"} – ${
        q.endDate ? formatDate(q.endDate, locale) : "?"
      }`,
    ]);
  }
  rows.push([t("field.budget"), formatRupiah(q.budget)]);
  if (typeof q.beneficiaries === "number") {
    rows.push([t("field.beneficiaries"), formatInteger(q.beneficiaries, locale)]);
  }
  if (q.stage) rows.push([t("field.stage"), t(`stage.${q.stage}`)]);
  if (q.evidenceUrl) rows.push([t("field.evidenceUrl"), externalLink(q.evidenceUrl)]);
  return h(
    "div",
    { class: "details" },
    h(
      "dl",
      null,
      rows.map(([k, v]) => [h("dt", null, k), h("dd", null, v)]),
    ),
    q.description ? h("p", { class: "description" }, q.description) : null,
  );
}

function levelValues(c: Criterion): number[] {
  const out: number[] = [];
  for (let v = c.min; v <= c.max; v++) out.push(v);
  return out;
}

function criterionFieldset(
  ctx: ViewContext,
  c: Criterion,
  index: number,
  weightSum: number,
  draft: ScoreDraft,
  onChange: () => void,
): HTMLElement {
  const { t } = ctx;
  const name = uid(`crit-${index}`);
  const percent = weightSum > 0 ? Math.round((100 * c.weight) / weightSum) : 0;
  const descId = c.description ? uid("cdesc") : null;
  return h(
    "fieldset",
    {
      class: "criterion",
      "data-criterion": c.id,
      "aria-describedby": descId ?? undefined,
    },
    h(
      "legend",
      null,
      h("span", { class: "crit-name" }, c.name),
      h("span", { class: "weight" }, t("score.weight", { percent })),
    ),
    c.description ? h("p", { class: "help", id: descId ?? undefined }, c.description) : null,
    h(
      "div",
      { class: c.levels?.some((l) => l.trim() !== "") ? "levels" : "levels inline" },
      levelValues(c).map((v, i) => {
        const id = uid("lvl");
        const descriptor = c.levels?.[i] ?? "";
        return h(
          "div",
          { class: "level" },
          h("input", {
            type: "radio",
            id,
            name,
            value: String(v),
            checked: ownValue(draft.scores, c.id) === v,
            on: {
              change: () => {
                draft.scores[c.id] = v;
                onChange();
              },
            },
          }),
          h(
            "label",
            { for: id },
            h("span", { class: "level-value" }, String(v)),
            descriptor ? h("span", { class: "level-text" }, descriptor) : null,
          ),
        );
      }),
    ),
  );
}

/** The user's draft for `q`: kept across switches, started from their previous review. */
function scoreDraft(ctx: ViewContext, q: SidebarQuickwin): ScoreDraft {
  const previous = ctx.state.myReviews.find((r) => r.quickwinId === q.id);
  let draft = ctx.ui.scoreDrafts.get(q.id);
  if (!draft) {
    draft = draftOfReview(previous);
    ctx.ui.scoreDrafts.set(q.id, draft);
  }
  return draft;
}

/** The "Kirim nilai" button: refuses locally while criteria are unscored, else submits. */
function submitButton(
  ctx: ViewContext,
  q: SidebarQuickwin,
  d: ScoreDraft,
  parts: { form: () => HTMLElement; formError: HTMLElement; out: HTMLElement; update: boolean },
): HTMLButtonElement {
  const { t, state, ui } = ctx;
  const { formError, out } = parts;
  const submit = button(
    parts.update ? t("score.update") : t("score.submit"),
    "action",
    async () => {
      const form = parts.form();
      const missing = missingScores(d, state.criteria);
      if (missing.length > 0) {
        // Each criterion name isolated: a right-to-left name must not reorder the commas and
        // the names around it.
        const [before = "", after = ""] = t("score.missingNames", { names: "\u0000" }).split(
          "\u0000",
        );
        mount(
          formError,
          before,
          missing.flatMap((c, i) => (i === 0 ? [bdi(c.name)] : [", ", bdi(c.name)])),
          after,
        );
        formError.hidden = false;
        const firstId = missing[0]?.id;
        const fieldset = Array.from(form.querySelectorAll("fieldset[data-criterion]")).find(
          (f) => f.getAttribute("data-criterion") === firstId,
        );
        fieldset?.querySelector("input")?.focus();
        return;
      }
      const saved = await withProgress(
        ctx,
        { button: submit, region: form, out },
        "submitReview",
        reviewPayload(q.id, d, state.criteria),
      );
      if (!saved) return;
      ui.scoreDrafts.delete(q.id);
      // A conflict recorded is not a score given: said as such, so nobody thinks they scored.
      ui.scoreSaved = t(saved.declaredConflict ? "score.conflictSaved" : "score.saved", {
        name: q.name,
      });
      ui.focusId = "score-saved";
      ctx.setState(withReview(state, saved));
    },
  );
  submit.setAttribute("aria-describedby", formError.id);
  return submit;
}

/**
 * The caller's own agency: the server refuses scores, so instead of a greyed-out rubric the
 * form is one sentence and the button that records the conflict.
 */
function ownAgencyForm(ctx: ViewContext, q: SidebarQuickwin, d: ScoreDraft, update: boolean) {
  const { t } = ctx;
  d.declaredConflict = true;
  d.scores = {}; // none shown, so none sent
  const out = h("div", { class: "call-status", "aria-live": "polite" });
  const formError = h("p", { class: "field-error", id: uid("err"), hidden: true });
  const submit = submitButton(ctx, q, d, { form: () => form, formError, out, update });
  submit.textContent = t("score.recordConflict");
  const form = h(
    "form",
    {
      class: "score-form own-agency",
      "aria-labelledby": "view-heading",
      on: { submit: (e) => e.preventDefault() },
    },
    h("p", { class: "help" }, t("score.ownAgencyNote")),
    formError,
    h("div", { class: "buttons" }, submit),
    out,
  );
  return form;
}

/** The rubric, the comment, the conflict box and the submit button of one quickwin. */
function scoreForm(ctx: ViewContext, q: SidebarQuickwin, d: ScoreDraft, update: boolean) {
  const { t, state } = ctx;
  const weightSum = totalWeight(state.criteria);
  const out = h("div", { class: "call-status", "aria-live": "polite" });
  const formError = h("p", { class: "field-error", id: uid("err"), hidden: true });
  const missingNote = h("p", { class: "help" });

  const updateMissing = () => {
    const missing = missingScores(d, state.criteria);
    missingNote.textContent = d.declaredConflict
      ? t("score.conflictNote")
      : missing.length > 0
        ? t("score.missing", { n: missing.length })
        : t("score.complete");
    if (missing.length === 0) formError.hidden = true;
  };
  const submit = submitButton(ctx, q, d, { form: () => form, formError, out, update });
  const fieldsets = state.criteria.map((c, i) =>
    criterionFieldset(ctx, c, i, weightSum, d, updateMissing),
  );
  // A declared conflict needs no scores: the levels cannot be picked while it is ticked.
  const lockLevels = () => {
    for (const f of fieldsets) f.toggleAttribute("disabled", d.declaredConflict);
  };
  lockLevels();

  const conflictBox = h("input", {
    type: "checkbox",
    id: uid("conf"),
    checked: d.declaredConflict,
    on: {
      change: (e) => {
        d.declaredConflict = (e.target as HTMLInputElement).checked;
        lockLevels();
        updateMissing();
      },
    },
  });
  const comment = h("textarea", {
    id: uid("comment"),
    rows: "3",
    maxlength: String(LIMITS.text),
    value: d.comment,
    on: {
      input: (e) => {
        d.comment = (e.target as HTMLTextAreaElement).value;
      },
    },
  });

  const form = h(
    "form",
    {
      class: "score-form",
      "aria-labelledby": "view-heading",
      on: { submit: (e) => e.preventDefault() },
    },
    state.criteria.length === 0 ? notice("warn", t("score.noCriteria")) : null,
    fieldsets,
    h(
      "div",
      { class: "field" },
      h("label", { for: comment.id }, t("field.comment")),
      comment,
      lengthCounter(ctx, comment, LIMITS.text),
    ),
    h(
      "div",
      { class: "check" },
      conflictBox,
      h("label", { for: conflictBox.id }, t("score.declareConflict")),
    ),
    h("p", { class: "help" }, t("score.declareConflictHelp")),
    missingNote,
    formError,
    h("div", { class: "buttons" }, submit),
    out,
  );
  updateMissing();
  return form;
}

function savedNotice(text: string): HTMLElement {
  const el = notice("ok", text);
  el.id = "score-saved";
  el.tabIndex = -1;
  return el;
}

function scoreOne(ctx: ViewContext, q: SidebarQuickwin): HTMLElement {
  const { t, state, ui } = ctx;
  const previous = state.myReviews.find((r) => r.quickwinId === q.id);
  const draft = scoreDraft(ctx, q);
  // Own agency, conflict already recorded: the notice above says so, and "Submit to record
  // this conflict" with its button again would contradict it. Only "next" remains.
  const form = q.agencyConflict
    ? previous?.declaredConflict
      ? null
      : ownAgencyForm(ctx, q, draft, previous !== undefined)
    : scoreForm(ctx, q, draft, previous !== undefined);
  const saved = ui.scoreSaved;
  ui.scoreSaved = null;

  const nextId = nextToScore(state.quickwins, q.id, state.scoring?.allowUnassigned !== false);
  const nextButton = button(
    nextId ? t("score.next") : t("score.backToList"),
    previous ? "action" : "secondary",
    () => {
      ui.scoringId = nextId;
      ui.focusId = "view-heading";
      ctx.render();
    },
    { id: "next-button" },
  );

  return h(
    "section",
    { class: "view" },
    button(
      t("score.backToList"),
      "link",
      () => {
        ui.scoringId = null;
        ui.focusId = "view-heading";
        ctx.render();
      },
      { class: "link back" },
    ),
    h("h2", { id: "view-heading", tabindex: "-1" }, q.name),
    statusBadge(ctx, q),
    // Closed, or closing: said before the reviewer fills the form.
    state.scoring && (!state.scoring.open || state.scoring.closesAt)
      ? scoringLine(ctx, state.scoring)
      : null,
    quickwinDetails(ctx, q),
    q.agencyConflict ? notice("warn", t("score.agencyConflict", { agency: q.agency })) : null,
    previous
      ? notice(
          "info",
          t(previous.declaredConflict ? "score.previousConflict" : "score.previous", {
            when: formatDateTimeWib(previous.submittedAt, ctx.locale) || previous.submittedAt,
          }),
        )
      : null,
    form,
    // Right above "next", where the reviewer who clicked "Kirim nilai" is looking; focused
    // after the render, so a screen reader reads it.
    saved ? savedNotice(saved) : null,
    h("div", { class: "buttons" }, nextButton),
  );
}
