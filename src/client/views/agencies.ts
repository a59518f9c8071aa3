// The agency list (coordinators): each agency's name, short name and aliases; a look-alike is
// merged into the right agency as its alias; saved as a whole. And the suggestions every agency
// field offers as people type (a <datalist> of names and short names).
import {
  type Agency,
  AgencyListInputSchema,
  agencySuggestions,
  joinAliases,
  mergeAgency,
  splitAliases,
} from "../../core/agencies";
import { visibleText } from "../../core/identity";
import { bdi, h, mount } from "../dom";
import { validate } from "../fields";
import { withStatuses } from "../model";
import { button, ErrorSlots, field, type ViewContext, withProgress } from "../ui";
import {
  cardList,
  collapsible,
  editorSection,
  openCard,
  type RenderList,
  readyToSave,
} from "./cards";

/** The id of the suggestions list an agency input names in its `list` attribute. */
export const AGENCY_LIST = "agency-suggestions";

export function agencyDatalist(ctx: ViewContext): HTMLElement {
  const names = agencySuggestions(ctx.state.agencies ?? []);
  // Option values are user text: without bidi controls, which would reverse what is shown.
  return h(
    "datalist",
    { id: AGENCY_LIST },
    names.map((n) => h("option", { value: visibleText(n) })),
  );
}

/** An agency as typed: the aliases as one line, separated by ";" as in the sheet. */
export interface AgencyDraft {
  name: string;
  shortName: string;
  aliases: string;
}

const draftOf = (a: Agency): AgencyDraft => ({
  name: a.name,
  shortName: a.shortName ?? "",
  aliases: joinAliases(a.aliases),
});

const payloadOf = (d: AgencyDraft): Agency => ({
  name: d.name,
  ...(d.shortName.trim() !== "" && { shortName: d.shortName }),
  aliases: splitAliases(d.aliases),
});

/** Each draft as first built, to tell a draft nobody has edited from one somebody has. */
const builtAs = new WeakMap<AgencyDraft[], string>();

export function agencyEditor(ctx: ViewContext): HTMLElement {
  const { t, ui } = ctx;
  // A draft nobody edited follows the list: saving the panel or a quickwin, an import or a
  // reload adds the agencies typed there, and an untouched editor must show them.
  if (ui.agencyDraft && builtAs.get(ui.agencyDraft) === JSON.stringify(ui.agencyDraft)) {
    ui.agencyDraft = null;
  }
  if (!ui.agencyDraft) {
    // Names in use that are on no agency yet (e.g. imported) start as rows of their own.
    ui.agencyDraft = [
      ...(ctx.state.agencies ?? []).map(draftOf),
      ...(ctx.state.unlistedAgencies ?? []).map((name) => ({ name, shortName: "", aliases: "" })),
    ];
    builtAs.set(ui.agencyDraft, JSON.stringify(ui.agencyDraft));
  }
  const drafts = ui.agencyDraft;
  const errors = new ErrorSlots();
  const out = h("div", { class: "call-status", "aria-live": "polite" });
  const refresh = () => {
    const result = validate(AgencyListInputSchema, drafts.map(payloadOf), t);
    errors.show(result.ok ? {} : result.errors);
    return result;
  };
  const { list, render: renderList } = cardList(
    (render) =>
      drafts.length
        ? drafts.map((_, i) => agencyRow(ctx, drafts, i, errors, refresh, render))
        : [h("p", { class: "help" }, t("agency.none"))],
    refresh,
  );
  const add = button(t("agency.add"), "secondary", () => {
    const fresh = { name: "", shortName: "", aliases: "" };
    openCard(fresh);
    drafts.push(fresh);
    renderList(`agency-name-${drafts.length - 1}`);
  });
  const save = button(t("agency.save"), "action", async () => {
    // A folded row holding an invalid field is opened, so the focus can reach it.
    const result = readyToSave(errors, refresh, section);
    if (!result) return;
    const saved = await withProgress(
      ctx,
      { button: save, region: section, out },
      "saveAgencies",
      result.input,
    );
    if (!saved) return;
    ui.agencyDraft = null;
    ui.flash = t("agency.saved");
    ui.focusId = "agency-heading";
    const { unlistedAgencies: _, ...rest } = ctx.state;
    ctx.setState(withStatuses({ ...rest, agencies: saved }));
  });
  const section = editorSection({
    headingId: "agency-heading",
    title: t("agency.title"),
    help: t("agency.help"),
    errors,
    body: [list],
    buttons: [add, save],
    out,
  });
  renderList();
  return section;
}

function agencyRow(
  ctx: ViewContext,
  drafts: AgencyDraft[],
  i: number,
  errors: ErrorSlots,
  refresh: () => unknown,
  renderList: RenderList,
): HTMLElement {
  const { t } = ctx;
  const d = drafts[i]!;
  const legend = h("legend", null);
  const summary = h("summary", null);
  const input = (key: keyof AgencyDraft, label: string) => {
    const el = h("input", { type: "text", id: `agency-${key}-${i}`, maxlength: "2000" });
    el.value = d[key];
    el.addEventListener("input", () => {
      d[key] = el.value;
      if (key !== "aliases") named();
      errors.touch(`${i}.${key}`);
      refresh();
    });
    return field({ label, control: el, error: errors.slot(`${i}.${key}`, el) });
  };
  const others = drafts.map((o, j) => ({ o, j })).filter(({ j }) => j !== i);
  const target = h(
    "select",
    { id: `agency-merge-${i}` },
    others.map(({ o, j }) => h("option", { value: String(j) }, visibleText(o.name) || `#${j + 1}`)),
  );
  // Merging: this agency's names become aliases of the one chosen, and this row goes.
  const merge = button(t("agency.merge"), "secondary", () => {
    const into = Number(target.value);
    const merged = mergeAgency(drafts.map(payloadOf), i, into).map(draftOf);
    drafts.splice(0, drafts.length, ...merged);
    const at = into > i ? into - 1 : into;
    openCard(drafts[at]!);
    renderList(`agency-aliases-${at}`);
  });
  const remove = button(t("agency.remove"), "danger", () => {
    drafts.splice(i, 1);
    renderList("agency-heading");
  });
  // The row's name in its summary, legend and buttons' labels, as it is typed.
  const named = () => {
    const shown = visibleText(d.name) || `#${i + 1}`;
    const short = visibleText(d.shortName);
    mount(summary, bdi(shown), short ? [" · ", bdi(short)] : null);
    legend.replaceChildren(bdi(shown));
    merge.setAttribute("aria-label", `${t("agency.merge")}: ${shown}`);
    remove.setAttribute("aria-label", `${t("agency.remove")}: ${shown}`);
  };
  named();
  return collapsible(
    d,
    summary,
    h(
      "fieldset",
      { class: "card" },
      legend,
      input("name", t("field.name")),
      input("shortName", t("agency.shortName")),
      input("aliases", t("agency.aliases")),
      others.length ? field({ label: t("agency.mergeInto"), control: target }) : null,
      h("div", { class: "buttons" }, others.length ? merge : null, remove),
    ),
  );
}
