// Settings and panel (coordinators): meeting settings, the rubric editor and the panel editor.
// Each is validated with the server's schema as the user types, and saved as a whole.

import { formatDecimal } from "../../core/format";
import {
  NORMALIZATIONS,
  type Normalization,
  PanelInputSchema,
  ROLES,
  RubricInputSchema,
  SettingsPatchSchema,
} from "../../core/schemas";
import { bdi, h, mount, uid } from "../dom";
import { validate } from "../fields";
import { isClientKey } from "../i18n";
import {
  type CriterionDraft,
  criterionPayload,
  draftOfCriterion,
  draftOfMember,
  levelCount,
  type MemberDraft,
  memberPayload,
  resizeLevels,
  slugify,
  totalWeight,
  withStatuses,
  withTypedAgencies,
} from "../model";
import { button, ErrorSlots, field, notice, type ViewContext, withProgress } from "../ui";
import { AGENCY_LIST, agencyDatalist, agencyEditor } from "./agencies";
import {
  cardList,
  collapsible,
  editorSection,
  openCard,
  type RenderList,
  readyToSave,
} from "./cards";

export function settingsView(ctx: ViewContext): HTMLElement {
  const { t } = ctx;
  return h(
    "section",
    { class: "view" },
    h("h2", { id: "view-heading", tabindex: "-1" }, t("set.title")),
    settingsForm(ctx),
    rubricEditor(ctx),
    panelEditor(ctx),
    agencyEditor(ctx),
    agencyDatalist(ctx),
  );
}

// ---------- meeting settings ----------

const SETTING_FIELDS = [
  "shortlistSize",
  "maxPerAgency",
  "minReviews",
  "reviewsPerQuickwin",
] as const;

function toNumber(text: string): number | string {
  const s = text.trim();
  return s !== "" && Number.isFinite(Number(s)) ? Number(s) : text;
}

function settingsForm(ctx: ViewContext): HTMLElement {
  const { t, ui } = ctx;
  const current = ctx.state.settings;
  if (!ui.settingsDraft) {
    ui.settingsDraft = {
      shortlistSize: String(current.shortlistSize),
      maxPerAgency: String(current.maxPerAgency),
      minReviews: String(current.minReviews),
      reviewsPerQuickwin: String(current.reviewsPerQuickwin),
      normalization: current.normalization,
    };
  }
  const draft = ui.settingsDraft;
  const errors = new ErrorSlots();
  const out = h("div", { class: "call-status", "aria-live": "polite" });
  const payload = () => ({
    shortlistSize: toNumber(draft.shortlistSize ?? ""),
    maxPerAgency: toNumber(draft.maxPerAgency ?? ""),
    minReviews: toNumber(draft.minReviews ?? ""),
    reviewsPerQuickwin: toNumber(draft.reviewsPerQuickwin ?? ""),
    normalization: draft.normalization,
  });
  const refresh = () => {
    const result = validate(SettingsPatchSchema, payload(), t);
    errors.show(result.ok ? {} : result.errors);
    return result;
  };
  const input = (key: string, el: HTMLInputElement | HTMLSelectElement) => {
    el.id = uid(`set-${key}`);
    el.value = draft[key] ?? "";
    const update = () => {
      draft[key] = el.value;
      errors.touch(key);
      refresh();
    };
    el.addEventListener("input", update);
    el.addEventListener("change", update);
    return el;
  };
  const fields = SETTING_FIELDS.map((key) => {
    const el = input(
      key,
      // Text, not type=number: the browser would silently read "1,5" as 15 (see toNumber).
      h("input", { type: "text", inputmode: "numeric", autocomplete: "off" }),
    );
    return field({
      // The planning tab's own words for the same number.
      label: key === "reviewsPerQuickwin" ? t("assign.k") : t(`field.${key}`),
      control: el,
      help: t(`set.${key}Help`),
      error: errors.slot(key, el),
    });
  });
  const method = input(
    "normalization",
    h(
      "select",
      null,
      NORMALIZATIONS.map((n: Normalization) => h("option", { value: n }, t(`normalization.${n}`))),
    ),
  );
  const save = button(t("set.saveSettings"), "action", async () => {
    // As the other editors do: the first invalid field gets the focus, not just a red line.
    const result = readyToSave(errors, refresh, form);
    if (!result) return;
    const saved = await withProgress(
      ctx,
      { button: save, region: form, out },
      "saveSettings",
      result.input,
    );
    if (!saved) return;
    ui.settingsDraft = null;
    ui.ranking = null;
    ui.flash = t("set.settingsSaved");
    ui.focusId = "settings-heading";
    ctx.setState({ ...ctx.state, settings: saved });
  });
  const form = h(
    "form",
    { class: "settings-form", novalidate: true, on: { submit: (e) => e.preventDefault() } },
    errors.slot(""),
    fields,
    field({
      label: t("field.normalization"),
      control: method,
      help: t("set.normalizationHelp"),
      error: errors.slot("normalization", method),
    }),
    h("div", { class: "buttons" }, save),
    out,
  );
  return h(
    "section",
    { class: "subsection", "aria-labelledby": "settings-heading" },
    h("h3", { id: "settings-heading", tabindex: "-1" }, t("set.settingsTitle")),
    form,
  );
}

// ---------- rubric ----------

function rubricEditor(ctx: ViewContext): HTMLElement {
  const { t, ui, locale } = ctx;
  if (!ui.rubricDraft) ui.rubricDraft = ctx.state.criteria.map(draftOfCriterion);
  const drafts = ui.rubricDraft;
  const errors = new ErrorSlots();
  const out = h("div", { class: "call-status", "aria-live": "polite" });
  const total = h("p", { class: "total", "aria-live": "polite" });
  const payload = () => drafts.map(criterionPayload);

  const refresh = () => {
    const result = validate(RubricInputSchema, payload(), t);
    errors.show(result.ok ? {} : result.errors, (key) => labelOfPath(ctx, key));
    total.textContent = t("set.totalWeight", {
      total: formatDecimal(totalWeight(drafts), 2, locale).replace(/[,.]00$/, ""),
    });
    return result;
  };

  const { list, render: renderList } = cardList(
    (render) => drafts.map((d, i) => criterionCard(ctx, drafts, d, i, errors, refresh, render)),
    refresh,
  );

  const add = button(t("set.addCriterion"), "secondary", () => {
    const fresh: CriterionDraft = {
      id: "",
      name: "",
      description: "",
      weight: "1",
      min: "1",
      max: "5",
      levels: ["", "", "", "", ""],
    };
    openCard(fresh);
    drafts.push(fresh);
    renderList(`crit-name-${drafts.length - 1}`);
  });
  const save = button(t("set.saveRubric"), "action", async () => {
    const result = readyToSave(errors, refresh, section);
    if (!result) return;
    const saved = await withProgress(
      ctx,
      { button: save, region: section, out },
      "saveCriteria",
      result.input,
    );
    if (!saved) return;
    ui.rubricDraft = null;
    ui.ranking = null;
    ui.flash = [t("set.rubricSaved"), ...saved.warnings].join(" ");
    ui.focusId = "rubric-heading";
    ctx.setState(withStatuses({ ...ctx.state, criteria: saved.value }));
  });

  const reviews = ctx.state.reviewCount ?? 0;
  const section = editorSection({
    headingId: "rubric-heading",
    title: t("set.rubricTitle"),
    help: t("set.rubricHelp"),
    notice: reviews > 0 ? notice("warn", t("set.rubricHasReviews", { n: reviews })) : null,
    errors,
    body: [list, total],
    buttons: [add, save],
    out,
  });
  renderList();
  return section;
}

function labelOfPath(ctx: ViewContext, key: string): string {
  const [index, name, level] = key.split(".");
  const parts: string[] = [];
  if (index !== undefined && /^\d+$/.test(index)) parts.push(`#${Number(index) + 1}`);
  if (name) {
    const key = `field.${name}`;
    parts.push(isClientKey(key) ? ctx.t(key) : name);
  }
  if (level !== undefined) parts.push(String(Number(level) + 1));
  return parts.join(" ");
}

type CriterionKey = "id" | "name" | "description" | "weight" | "min" | "max";

/**
 * A criterion's inputs bound to its draft: a keystroke updates the draft and the errors, and a
 * new criterion's id follows its name until the id is typed.
 */
function criterionInputs(
  ctx: ViewContext,
  d: CriterionDraft,
  i: number,
  errors: ErrorSlots,
  refresh: () => unknown,
  onChange: (key: CriterionKey) => void,
) {
  const bind = (key: CriterionKey, el: HTMLInputElement | HTMLTextAreaElement) => {
    el.id = key === "name" ? `crit-name-${i}` : uid(`crit-${key}`);
    el.value = d[key];
    el.addEventListener("input", () => {
      const wasAuto =
        key === "name" &&
        (d.id === "" || d.id === slugify(d.name)) &&
        !ctx.state.criteria.some((c) => c.id === d.id && d.id !== "");
      d[key] = el.value;
      if (wasAuto) {
        d.id = slugify(d.name);
        idInput.value = d.id;
        errors.touch(`${i}.id`);
      }
      onChange(key);
      errors.touch(`${i}.${key}`);
      refresh();
    });
    el.addEventListener("blur", () => {
      errors.touch(`${i}.${key}`);
      refresh();
    });
    return el;
  };
  const idInput = bind(
    "id",
    h("input", { type: "text", maxlength: "40", autocomplete: "off", spellcheck: "false" }),
  ) as HTMLInputElement;
  const numeric = (mode: string) =>
    h("input", { type: "text", inputmode: mode, autocomplete: "off" });
  return {
    id: idInput,
    name: bind("name", h("input", { type: "text", maxlength: "200" })),
    // Text inputs: a decimal comma ("1,5") is read as 1.5 here, where type=number would
    // silently make it 15 in some browsers.
    weight: bind("weight", numeric("decimal")),
    min: bind("min", numeric("numeric")),
    max: bind("max", numeric("numeric")),
    description: bind("description", h("textarea", { rows: "2", maxlength: "5000" })),
  };
}

/** The descriptor of each level of a criterion; `render` redraws them after a range change. */
function levelsEditor(
  ctx: ViewContext,
  d: CriterionDraft,
  i: number,
  errors: ErrorSlots,
  refresh: () => unknown,
) {
  const { t } = ctx;
  const box = h("div", { class: "levels-edit" });
  const render = () => {
    const n = levelCount(d);
    const minValue = Number(d.min);
    box.replaceChildren(
      ...(n === null
        ? [h("p", { class: "help" }, t("set.levelsNeedRange"))]
        : d.levels.map((text, j) => {
            const el = h("input", {
              type: "text",
              id: uid("lvl-edit"),
              maxlength: "1000",
              value: text,
              on: {
                input: (e) => {
                  d.levels[j] = (e.target as HTMLInputElement).value;
                  errors.touch(`${i}.levels`);
                  errors.touch(`${i}.levels.${j}`);
                  refresh();
                },
              },
            });
            return field({
              label: t("set.levelLabel", { value: minValue + j }),
              control: el,
              error: errors.slot(`${i}.levels.${j}`, el),
            });
          })),
    );
  };
  render();
  return { box, render };
}

/** The labelled fields of one criterion, with its levels and its remove button. */
function criterionFields(
  ctx: ViewContext,
  i: number,
  errors: ErrorSlots,
  c: ReturnType<typeof criterionInputs>,
  levels: HTMLElement,
  remove: HTMLElement,
): HTMLElement {
  const { t } = ctx;
  const rangeHelpId = uid("range-help");
  for (const el of [c.weight, c.min, c.max]) el.setAttribute("aria-describedby", rangeHelpId);
  const levelsError = errors.slot(`${i}.levels`);
  const required = (label: string, key: "weight" | "min" | "max") =>
    field({ label, control: c[key], required: true, error: errors.slot(`${i}.${key}`, c[key]) });
  return h(
    "fieldset",
    { class: "card", "data-index": String(i) },
    h("legend", null, t("set.criterionN", { n: i + 1 })),
    field({
      label: t("field.name"),
      control: c.name,
      required: true,
      error: errors.slot(`${i}.name`, c.name),
    }),
    field({
      label: t("field.id"),
      control: c.id,
      required: true,
      help: t("set.idHelp"),
      error: errors.slot(`${i}.id`, c.id),
    }),
    h(
      "div",
      { class: "row3" },
      required(t("field.weight"), "weight"),
      required(t("set.min"), "min"),
      required(t("set.max"), "max"),
    ),
    h("p", { class: "help", id: rangeHelpId }, t("set.weightRangeHelp")),
    field({
      label: t("field.description"),
      control: c.description,
      help: t("set.descriptionHelp"),
      error: errors.slot(`${i}.description`, c.description),
    }),
    h("p", { class: "sub-label" }, t("field.levels")),
    h("p", { class: "help" }, t("set.levelsHelp")),
    levels,
    levelsError,
    h("div", { class: "buttons" }, remove),
  );
}

function criterionCard(
  ctx: ViewContext,
  drafts: CriterionDraft[],
  d: CriterionDraft,
  i: number,
  errors: ErrorSlots,
  refresh: () => unknown,
  renderList: RenderList,
): HTMLElement {
  const { t } = ctx;
  const summary = h("summary", null);
  const updateSummary = () => {
    const name = d.name.trim();
    mount(
      summary,
      name ? bdi(name) : t("set.criterionN", { n: i + 1 }),
      ` · ${t("field.weight")} ${d.weight}`,
    );
  };
  updateSummary();
  const levels = levelsEditor(ctx, d, i, errors, refresh);
  const inputs = criterionInputs(ctx, d, i, errors, refresh, (key) => {
    if (key === "name" || key === "weight") updateSummary();
    if (key === "min" || key === "max") {
      const resized = resizeLevels(d);
      if (resized !== d) {
        d.levels = resized.levels;
        levels.render();
      }
    }
  });
  const remove = button(
    t("set.removeCriterion"),
    "danger",
    () => {
      drafts.splice(i, 1);
      renderList("rubric-heading");
    },
    { "aria-label": `${t("set.removeCriterion")}: ${d.name || `#${i + 1}`}` },
  );
  return collapsible(d, summary, criterionFields(ctx, i, errors, inputs, levels.box, remove));
}

// ---------- panel ----------

function panelEditor(ctx: ViewContext): HTMLElement {
  const { t, ui } = ctx;
  if (!ui.panelDraft) ui.panelDraft = (ctx.state.panel ?? []).map(draftOfMember);
  const drafts = ui.panelDraft;
  const errors = new ErrorSlots();
  const out = h("div", { class: "call-status", "aria-live": "polite" });
  const payload = () => drafts.map(memberPayload);
  const refresh = () => {
    const result = validate(PanelInputSchema, payload(), t);
    errors.show(result.ok ? {} : result.errors, (key) => labelOfPath(ctx, key));
    return result;
  };
  const { list, render: renderList } = cardList(
    (render) => drafts.map((m, i) => memberCard(ctx, drafts, m, i, errors, refresh, render)),
    refresh,
  );
  const add = button(t("set.addMember"), "secondary", () => {
    const fresh: MemberDraft = { email: "", name: "", agency: "", role: "reviewer" };
    openCard(fresh);
    drafts.push(fresh);
    renderList(`member-email-${drafts.length - 1}`);
  });
  const save = button(t("set.savePanel"), "action", async () => {
    const result = readyToSave(errors, refresh, section);
    if (!result) return;
    const saved = await withProgress(
      ctx,
      { button: save, region: section, out },
      "saveReviewers",
      result.input,
    );
    if (!saved) return;
    ui.panelDraft = null;
    ui.flash = t("set.panelSaved", { n: saved.length });
    ui.focusId = "panel-heading";
    const me = saved.find((m) => m.email === ctx.state.user.email.trim().toLowerCase());
    ctx.setState(
      withStatuses(
        withTypedAgencies(
          {
            ...ctx.state,
            panel: saved,
            user: {
              ...ctx.state.user,
              role: me ? me.role : null,
              agency: me?.agency,
              name: me?.name,
            },
          },
          saved.map((m) => m.agency),
        ),
      ),
    );
  });
  const section = editorSection({
    headingId: "panel-heading",
    title: t("set.panelTitle"),
    help: t("set.panelHelp"),
    errors,
    body: [list],
    buttons: [add, save],
    out,
  });
  renderList();
  return section;
}

function memberCard(
  ctx: ViewContext,
  drafts: MemberDraft[],
  m: MemberDraft,
  i: number,
  errors: ErrorSlots,
  refresh: () => unknown,
  renderList: RenderList,
): HTMLElement {
  const { t } = ctx;
  const summary = h("summary", null);
  const roleLabel = (r: string) => (r === "coordinator" || r === "reviewer" ? t(`role.${r}`) : r);
  const updateSummary = () => {
    // Who it is at a glance: name and agency first (the email when there is no name), then the role.
    const email = m.email.trim();
    const name = m.name.trim();
    const agency = m.agency.trim();
    mount(
      summary,
      name ? bdi(name) : email ? bdi(email) : t("set.memberN", { n: i + 1 }),
      agency ? [" · ", bdi(agency)] : null,
      ` · ${roleLabel(m.role)}`,
    );
  };
  updateSummary();
  const bind = (key: keyof MemberDraft, el: HTMLInputElement | HTMLSelectElement) => {
    el.id = key === "email" ? `member-email-${i}` : uid(`member-${key}`);
    el.value = m[key];
    const update = () => {
      m[key] = el.value;
      updateSummary();
      errors.touch(`${i}.${key}`);
      refresh();
    };
    el.addEventListener("input", update);
    el.addEventListener("change", update);
    return el;
  };
  const email = bind("email", h("input", { type: "email", autocomplete: "off", maxlength: "254" }));
  const name = bind("name", h("input", { type: "text", maxlength: "200" }));
  const agency = bind("agency", h("input", { type: "text", maxlength: "200", list: AGENCY_LIST }));
  const role = bind(
    "role",
    h(
      "select",
      null,
      ROLES.map((r) => h("option", { value: r }, t(`role.${r}`))),
    ),
  );
  const remove = button(
    t("ui.remove"),
    "danger",
    () => {
      drafts.splice(i, 1);
      renderList("panel-heading");
    },
    { "aria-label": `${t("ui.remove")}: ${m.email || `#${i + 1}`}` },
  );
  return collapsible(
    m,
    summary,
    h(
      "fieldset",
      { class: "card", "data-index": String(i) },
      h("legend", null, t("set.memberN", { n: i + 1 })),
      field({
        label: t("field.email"),
        help: t("set.emailHelp"),
        control: email,
        required: true,
        error: errors.slot(`${i}.email`, email),
      }),
      field({ label: t("field.name"), control: name, error: errors.slot(`${i}.name`, name) }),
      field({
        label: t("field.agency"),
        control: agency,
        help: t("set.agencyHelp"),
        error: errors.slot(`${i}.agency`, agency),
      }),
      field({
        label: t("field.role"),
        control: role,
        help: t("set.roleHelp"),
        error: errors.slot(`${i}.role`, role),
      }),
      h("div", { class: "buttons" }, remove),
    ),
  );
}
