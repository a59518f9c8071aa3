// Quickwin entry: the list (with Ubah where the user may edit) and the form, validated as the
// user types with the very schema the server uses.

import {
  formatDate,
  formatDateShort,
  formatRupiah,
  parseCount,
  parseDateInput,
  parseRupiah,
} from "../../core/format";
import {
  DIMENSIONS,
  isLongDuration,
  LIMITS,
  QuickwinInputSchema,
  STAGES,
} from "../../core/schemas";
import { bdi, type Child, describedBy, h, mount, uid } from "../dom";
import { validate } from "../fields";
import {
  draftOfQuickwin,
  emptyQuickwinDraft,
  hasRupiahCents,
  type QuickwinDraft,
  quickwinPayload,
  withQuickwin,
} from "../model";
import {
  button,
  dimensionLabel,
  ErrorSlots,
  field,
  lengthCounter,
  notice,
  type ViewContext,
  withProgress,
} from "../ui";
import { AGENCY_LIST, agencyDatalist } from "./agencies";

export function quickwinView(ctx: ViewContext): HTMLElement {
  return ctx.ui.quickwinDraft ? quickwinForm(ctx, ctx.ui.quickwinDraft) : quickwinList(ctx);
}

function quickwinList(ctx: ViewContext): HTMLElement {
  const { t, state, ui } = ctx;
  const add = button(
    t("qw.add"),
    "action",
    () => {
      // Empty, not the coordinator's own agency: a pre-filled agency mislabelled quickwins
      // entered for others (and so missed their reviewers' conflicts).
      ui.quickwinDraft = emptyQuickwinDraft();
      ui.focusId = "view-heading";
      ctx.render();
    },
    { id: "add-quickwin" },
  );
  return h(
    "section",
    { class: "view" },
    h("h2", { id: "view-heading", tabindex: "-1" }, t("qw.title")),
    h("p", { class: "help" }, t("qw.intro")),
    h("div", { class: "buttons" }, add),
    state.quickwins.length === 0
      ? notice("info", t("qw.none"))
      : h(
          "ul",
          { class: "qw-list", "aria-label": t("qw.listLabel") },
          state.quickwins.map((q) =>
            h(
              "li",
              { class: "qw-row", "data-id": q.id },
              h(
                "div",
                { class: "qw-text" },
                h("span", { class: "qw-name" }, q.name),
                h("span", { class: "qw-meta" }, bdi(q.agency), ` · ${formatRupiah(q.budget)}`),
                q.startDate && q.endDate
                  ? h(
                      "span",
                      { class: "qw-meta" },
                      t("qw.dates", {
                        start: formatDateShort(q.startDate),
                        end: formatDateShort(q.endDate),
                      }),
                    )
                  : null,
              ),
              q.editable
                ? button(
                    t("ui.edit"),
                    "secondary",
                    () => {
                      ui.quickwinDraft = draftOfQuickwin(q);
                      ui.focusId = "view-heading";
                      ctx.render();
                    },
                    { "aria-label": t("qw.editNamed", { name: q.name }) },
                  )
                : null,
            ),
          ),
        ),
  );
}

type Key = keyof QuickwinDraft;

/** The form's live feedback: inline errors, the long-duration warning and the previews. */
interface FormFeedback {
  errors: ErrorSlots;
  warning: HTMLElement;
  budgetPreview: HTMLElement;
  beneficiariesPreview: HTMLElement;
  startPreview: HTMLElement;
  endPreview: HTMLElement;
  /** Re-validates the draft and updates everything shown from it. */
  refresh(): ReturnType<typeof validate<typeof QuickwinInputSchema>>;
}

function formFeedback(ctx: ViewContext, draft: QuickwinDraft): FormFeedback {
  const { t } = ctx;
  const errors = new ErrorSlots();
  const warning = h("p", { class: "field-warning", role: "status", hidden: true });
  const budgetPreview = h("p", { class: "help", "aria-live": "polite" });
  const beneficiariesPreview = h("p", { class: "help" });
  const startPreview = h("p", { class: "help", "aria-live": "polite" });
  const endPreview = h("p", { class: "help", "aria-live": "polite" });
  // The date spelled out beside its field, as the budget is: "5 September 2019".
  const showDate = (el: HTMLElement, text: string) => {
    const iso = parseDateInput(text);
    el.textContent = iso ? formatDate(iso, ctx.locale) : t("qw.dateHelp");
  };
  const refresh = () => {
    const payload = quickwinPayload(draft);
    const result = validate(QuickwinInputSchema, payload, t);
    const shown = result.ok ? {} : { ...result.errors };
    // "1.500.000,50": the problem is the cents, not the number.
    if (shown.budget && hasRupiahCents(draft.budget)) shown.budget = t("qw.budgetCents");
    errors.show(shown, (k) => t(`field.${k as Key}` as "field.name"));
    const long = isLongDuration({
      startDate: parseDateInput(draft.startDate) ?? "",
      endDate: parseDateInput(draft.endDate) ?? "",
    });
    showDate(startPreview, draft.startDate);
    showDate(endPreview, draft.endDate);
    warning.textContent = long ? t("warn.longDuration") : "";
    warning.hidden = !long;
    const amount = parseRupiah(draft.budget);
    budgetPreview.textContent =
      amount !== null && amount >= 0 ? formatRupiah(amount) : t("qw.budgetHelp");
    const people = parseCount(draft.beneficiaries);
    beneficiariesPreview.textContent = t("qw.beneficiariesHelp");
    if (people !== null && draft.beneficiaries.trim() !== String(people)) {
      beneficiariesPreview.textContent = `${t("qw.beneficiariesHelp")} (${people})`;
    }
    return result;
  };
  return {
    errors,
    warning,
    budgetPreview,
    beneficiariesPreview,
    startPreview,
    endPreview,
    refresh,
  };
}

/** Binds an input to `draft[key]`: every keystroke updates the draft and the inline errors. */
function draftBinder(draft: QuickwinDraft, feedback: FormFeedback) {
  const { errors, refresh } = feedback;
  return <E extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
    key: Key,
    el: E,
  ): E => {
    el.id = uid(`qw-${key}`);
    el.setAttribute("name", key);
    el.value = draft[key] ?? "";
    const update = () => {
      (draft as unknown as Record<string, string>)[key] = el.value;
      errors.touch(key);
      refresh();
    };
    el.addEventListener("input", update);
    el.addEventListener("change", update);
    el.addEventListener("blur", () => {
      errors.touch(key);
      refresh();
    });
    return el;
  };
}

/** On leaving the field, text that reads well is written back in its usual form. */
function tidyOnBlur(
  el: HTMLInputElement,
  draft: QuickwinDraft,
  key: "budget" | "startDate" | "endDate",
  tidy: (text: string) => string | null,
): HTMLInputElement {
  el.addEventListener("blur", () => {
    const tidied = tidy(el.value);
    if (tidied !== null) {
      el.value = tidied;
      draft[key] = tidied;
    }
  });
  return el;
}

const tidyRupiah = (text: string) => {
  const amount = parseRupiah(text);
  return amount !== null && amount >= 0 ? formatRupiah(amount) : null;
};
const tidyDate = (text: string) => {
  const iso = parseDateInput(text);
  return iso ? formatDateShort(iso) : null;
};

/** The form's inputs, each bound to the draft. */
function quickwinControls(ctx: ViewContext, draft: QuickwinDraft, feedback: FormFeedback) {
  const { t } = ctx;
  const bind = draftBinder(draft, feedback);
  const budget = tidyOnBlur(
    bind(
      "budget",
      h("input", { type: "text", inputmode: "numeric", autocomplete: "off", placeholder: "Rp0" }),
    ),
    draft,
    "budget",
    tidyRupiah,
  );
  // Text, not type=date: a date input follows the browser's locale (mm/dd/yyyy in an English
  // Chrome); this one is read day first everywhere and written back as dd/mm/yyyy.
  const dateInput = (key: "startDate" | "endDate") =>
    tidyOnBlur(
      bind(
        key,
        h("input", { type: "text", autocomplete: "off", placeholder: t("qw.datePlaceholder") }),
      ),
      draft,
      key,
      tidyDate,
    );
  return {
    name: bind("name", h("input", { type: "text", maxlength: "200", autocomplete: "off" })),
    agency: bind("agency", h("input", { type: "text", maxlength: "200", list: AGENCY_LIST })),
    dimension: bind(
      "dimension",
      h(
        "select",
        null,
        h("option", { value: "" }, t("qw.choose")),
        DIMENSIONS.map((d) => h("option", { value: d }, dimensionLabel(t, d))),
      ),
    ),
    description: bind("description", h("textarea", { rows: "4", maxlength: String(LIMITS.text) })),
    startDate: dateInput("startDate"),
    endDate: dateInput("endDate"),
    budget,
    beneficiaries: bind(
      "beneficiaries",
      h("input", { type: "text", inputmode: "numeric", autocomplete: "off" }),
    ),
    stage: bind(
      "stage",
      h(
        "select",
        null,
        h("option", { value: "" }, t("qw.stageNone")),
        STAGES.map((s) => h("option", { value: s }, t(`stage.${s}`))),
      ),
    ),
    evidenceUrl: bind(
      "evidenceUrl",
      h("input", { type: "url", inputmode: "url", placeholder: "https://", maxlength: "2000" }),
    ),
  };
}

type QuickwinControls = ReturnType<typeof quickwinControls>;

/** The labelled fields, in the order a coordinator fills them. */
function quickwinFields(ctx: ViewContext, c: QuickwinControls, feedback: FormFeedback): Child[] {
  const { t } = ctx;
  const { errors } = feedback;
  return [
    field({
      label: t("field.name"),
      control: c.name,
      required: true,
      error: errors.slot("name", c.name),
    }),
    field({
      label: t("field.agency"),
      control: c.agency,
      required: true,
      help: t("qw.agencyHelp"),
      error: errors.slot("agency", c.agency),
    }),
    field({
      label: t("field.dimension"),
      control: c.dimension,
      required: true,
      error: errors.slot("dimension", c.dimension),
    }),
    field({
      label: t("field.description"),
      control: c.description,
      help: t("qw.descriptionHelp"),
      extra: lengthCounter(ctx, c.description as HTMLTextAreaElement, LIMITS.text),
      error: errors.slot("description", c.description),
    }),
    h(
      "div",
      { class: "row2" },
      field({
        label: t("field.startDate"),
        control: c.startDate,
        required: true,
        extra: feedback.startPreview,
        error: errors.slot("startDate", c.startDate),
      }),
      field({
        label: t("field.endDate"),
        control: c.endDate,
        required: true,
        extra: feedback.endPreview,
        error: errors.slot("endDate", c.endDate),
      }),
    ),
    feedback.warning,
    field({
      label: t("field.budget"),
      control: c.budget,
      required: true,
      extra: feedback.budgetPreview,
      error: errors.slot("budget", c.budget),
    }),
    field({
      label: t("field.beneficiaries"),
      control: c.beneficiaries,
      extra: feedback.beneficiariesPreview,
      error: errors.slot("beneficiaries", c.beneficiaries),
    }),
    field({
      label: t("field.stage"),
      control: c.stage,
      help: t("qw.stageHelp"),
      error: errors.slot("stage", c.stage),
    }),
    field({
      label: t("field.evidenceUrl"),
      control: c.evidenceUrl,
      help: t("qw.evidenceHelp"),
      error: errors.slot("evidenceUrl", c.evidenceUrl),
    }),
  ];
}

/** True when the draft holds something its quickwin (or an empty form) did not. */
function isChanged(ctx: ViewContext, draft: QuickwinDraft): boolean {
  const original = draft.id ? ctx.state.quickwins.find((q) => q.id === draft.id) : undefined;
  const start = original ? draftOfQuickwin(original) : emptyQuickwinDraft();
  // Compared as payloads: "Rp 1.500.000" and "1500000" are the same budget.
  return JSON.stringify(quickwinPayload(draft)) !== JSON.stringify(quickwinPayload(start));
}

/**
 * "Batal": leaves at once when nothing was typed; otherwise asks first, beside the button,
 * whether to throw the typed text away (no browser dialog: the sidebar is an iframe).
 */
function cancelButton(ctx: ViewContext, draft: QuickwinDraft): [HTMLElement, HTMLElement] {
  const { t, ui } = ctx;
  const discard = () => {
    ui.quickwinDraft = null;
    ui.focusId = "view-heading";
    ctx.render();
  };
  const askId = uid("ask");
  const ask = h("div", {
    class: "notice warn confirm",
    role: "group",
    "aria-labelledby": askId,
    hidden: true,
  });
  const cancel = button(t("ui.cancel"), "secondary", () => {
    if (!isChanged(ctx, draft)) return discard();
    const keep = button(t("qw.keepEditing"), "secondary", () => {
      ask.hidden = true;
      cancel.focus();
    });
    mount(
      ask,
      h("p", { id: askId }, t("qw.discardAsk")),
      h("div", { class: "buttons" }, button(t("qw.discard"), "danger", discard), keep),
    );
    ask.hidden = false;
    keep.focus();
  });
  return [cancel, ask];
}

function quickwinForm(ctx: ViewContext, draft: QuickwinDraft): HTMLElement {
  const { t, ui } = ctx;
  const feedback = formFeedback(ctx, draft);
  const controls = quickwinControls(ctx, draft, feedback);
  const out = h("div", { class: "call-status", "aria-live": "polite" });
  const [cancel, ask] = cancelButton(ctx, draft);

  const save = button(draft.id ? t("ui.save") : t("qw.create"), "action", async () => {
    feedback.errors.touchAll();
    const result = feedback.refresh();
    if (!result.ok) {
      form.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
      return;
    }
    const saved = await withProgress(
      ctx,
      { button: save, region: form, out },
      "saveQuickwin",
      result.input,
    );
    if (!saved) return;
    ui.quickwinDraft = null;
    ui.flash = t("qw.saved", { name: saved.name });
    ui.focusId = "view-heading";
    ctx.setState(withQuickwin(ctx.state, saved));
  });

  const form = h(
    "form",
    { class: "qw-form", novalidate: true, on: { submit: (e) => e.preventDefault() } },
    feedback.errors.slot(""),
    quickwinFields(ctx, controls, feedback),
    agencyDatalist(ctx),
    h("div", { class: "buttons" }, save, cancel),
    ask,
    out,
  );
  feedback.warning.id = uid("warn");
  describedBy(controls.endDate, feedback.warning.id);
  feedback.refresh();

  return h(
    "section",
    { class: "view" },
    h(
      "h2",
      { id: "view-heading", tabindex: "-1" },
      draft.id ? t("qw.editTitle") : t("qw.newTitle"),
    ),
    h("p", { class: "help" }, t("qw.requiredNote")),
    form,
  );
}
