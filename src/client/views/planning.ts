// The coordinator's Persiapan (Prepare) tab: the progress board (reloaded on demand and after
// every action), assignments (propose → adjust → save), the closing time of scoring, and the
// import of quickwins from a sheet (preview with a corrected column mapping → import).

import { formatDate, formatRupiah } from "../../core/format";
import { IMPORT_FIELDS, type ImportField } from "../../core/import";
import type {
  AssignmentPair,
  AssignmentProposalResult,
  GridCell,
  ImportPreview,
  ImportResult,
  ImportRow,
  ProgressResult,
} from "../../core/planning";
import type { Locale } from "../../core/types";
import { h, mailtoLink, mount, uid } from "../dom";
import { button, notice, spinner, type ViewContext, withProgress } from "../ui";
import { scoringLine } from "./scoring-state";

/** What the tab remembers between renders. */
export interface PlanState {
  progress: ProgressResult | null;
  /** The board is out of date (an action since it was loaded). */
  stale: boolean;
  proposal: AssignmentProposalResult | null;
  /** The adjusted pairs, "quickwinId|reviewer". */
  chosen: Set<string> | null;
  k: string;
  sheetName: string;
  preview: ImportPreview | null;
  mapping: Partial<Record<ImportField, number | null>> | null;
  closesAt: string;
}

export function emptyPlan(): PlanState {
  return {
    progress: null,
    stale: true,
    proposal: null,
    chosen: null,
    k: "",
    sheetName: "",
    preview: null,
    mapping: null,
    closesAt: "",
  };
}

const pairKey = (p: AssignmentPair) => `${p.quickwinId}|${p.reviewer}`;

export function planView(ctx: ViewContext): HTMLElement {
  const { t } = ctx;
  return h(
    "section",
    { class: "view plan" },
    h("h2", { id: "view-heading", tabindex: "-1" }, t("plan.title")),
    progressBoard(ctx),
    assignmentEditor(ctx),
    closingEditor(ctx),
    importEditor(ctx),
  );
}

/** After an action: the board and the state are reloaded. */
/** After a change: the state is reloaded and redrawn, and the focus goes to `focusId`. */
async function afterAction(ctx: ViewContext, focusId: string): Promise<void> {
  ctx.ui.plan.stale = true;
  // The redraw replaces the button just pressed: without a target the focus would fall to the
  // page's top, far from the result, and a keyboard user would start over.
  ctx.ui.focusId = focusId;
  await ctx.refresh();
}

// ---------- progress board ----------

const CELL_MARK: Record<GridCell, string> = { done: "✓", todo: "○", conflict: "⊘", none: "" };

function progressBoard(ctx: ViewContext): HTMLElement {
  const { t, ui } = ctx;
  const out = h("div", { class: "call-status", "aria-live": "polite" });
  const load = async () => {
    const next = await withProgress(ctx, { button: reload, region: section, out }, "getProgress");
    if (!next) return;
    ui.plan.progress = next;
    ui.plan.stale = false;
    // Only the board is redrawn: a confirmation shown above it stays.
    mount(body, boardBody(ctx, next));
  };
  const reload = button(t("board.refresh"), "secondary", () => void load(), { id: "board-reload" });
  const p = ui.plan.progress;
  const body = h(
    "div",
    { id: "board-body" },
    p ? boardBody(ctx, p) : h("p", null, spinner(t("board.loading"))),
  );
  const section = h(
    "section",
    { class: "subsection", id: "board", "aria-labelledby": "board-heading" },
    h("h3", { id: "board-heading" }, t("board.title")),
    h("div", { class: "buttons" }, reload),
    out,
    body,
  );
  if (ui.plan.stale) {
    // Once per action: a failed load shows its error and waits for the button.
    ui.plan.stale = false;
    queueMicrotask(() => void load());
  }
  return section;
}

function boardBody(ctx: ViewContext, p: ProgressResult): HTMLElement {
  const { t } = ctx;
  if (p.reviewers.length === 0) return notice("info", t("board.none"));
  const reviewers = h(
    "ul",
    { class: "board-reviewers" },
    p.reviewers.map((r) =>
      h(
        "li",
        { "data-email": r.email },
        h("span", { class: "qw-name", dir: "auto" }, r.name || r.email),
        h(
          "span",
          { class: "qw-meta" },
          r.assigned === 0
            ? `${t("board.unassigned")} · ${t("board.scored", { n: r.scored })}`
            : t("board.reviewer", { done: r.done, assigned: r.assigned }),
          r.assigned > 0 && r.scored > r.done
            ? ` · ${t("board.extra", { n: r.scored - r.done })}`
            : "",
          r.missing ? ` · ${t("board.missing", { n: r.missing })}` : "",
          r.conflict ? ` · ${t("board.conflict", { n: r.conflict })}` : "",
        ),
        h(
          "span",
          { class: "qw-meta" },
          r.lastActivity ? t("board.last", { when: r.lastActivity }) : t("board.never"),
        ),
        r.remind ? mailtoLink(r.remind, t("board.remind", { name: r.name || r.email })) : null,
      ),
    ),
  );
  const quickwins = h(
    "ul",
    { class: "board-quickwins", "aria-label": t("board.perQuickwin") },
    p.quickwins.map((q) =>
      h(
        "li",
        { class: q.counted < q.needed ? "short" : "", "data-id": q.id },
        h("span", { class: "qw-name", dir: "auto" }, `${q.id} ${q.name}`),
        h(
          "span",
          { class: "qw-meta" },
          t("board.quickwin", { counted: q.counted, needed: q.needed }),
        ),
      ),
    ),
  );
  return h("div", null, reviewers, grid(ctx, p), h("h4", null, t("board.perQuickwin")), quickwins);
}

function grid(ctx: ViewContext, p: ProgressResult): HTMLElement {
  const { t } = ctx;
  return h(
    "div",
    { class: "grid-wrap", role: "region", tabindex: "0", "aria-label": t("board.gridTitle") },
    h(
      "table",
      { class: "board-grid" },
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          h("th", { scope: "col" }, ""),
          p.quickwins.map((q) =>
            h("th", { scope: "col", title: q.name }, q.id.replace(/^QW-0*/, "")),
          ),
        ),
      ),
      h(
        "tbody",
        null,
        p.reviewers.map((r, ri) =>
          h(
            "tr",
            null,
            h("th", { scope: "row", dir: "auto" }, r.name || r.email),
            p.quickwins.map((q, qi) => {
              const cell = p.grid[ri]?.[qi] ?? "none";
              return h(
                "td",
                {
                  class: `cell-${cell}`,
                  title: `${q.id}: ${t(`board.cell.${cell}`)}`,
                  "aria-label": t(`board.cell.${cell}`),
                },
                CELL_MARK[cell],
              );
            }),
          ),
        ),
      ),
    ),
    h("p", { class: "help" }, t("board.legend")),
  );
}

// ---------- assignments ----------

function assignmentEditor(ctx: ViewContext): HTMLElement {
  const { t, ui, state } = ctx;
  const plan = ui.plan;
  const out = h("div", { class: "call-status", "aria-live": "polite" });
  const kId = uid("assign-k");
  const kInput = h("input", {
    id: kId,
    type: "text",
    inputmode: "numeric",
    value: plan.k || String(state.settings.reviewsPerQuickwin),
    on: {
      input: (e) => {
        plan.k = (e.target as HTMLInputElement).value;
        kInput.removeAttribute("aria-invalid");
      },
    },
  });
  const propose = button(
    t("assign.propose"),
    "action",
    async () => {
      const raw = kInput.value.trim();
      const k = Number(raw);
      // "abc" or "0" was silently replaced by the setting: said, and nothing proposed.
      if (raw !== "" && !(Number.isInteger(k) && k > 0)) {
        const why = Number.isFinite(k) && k <= 0 ? t("v.tooSmall") : t("v.integer");
        mount(out, notice("error", `${t("assign.k")}: ${why}.`));
        kInput.setAttribute("aria-invalid", "true");
        kInput.focus();
        return;
      }
      const next = await withProgress(
        ctx,
        { button: propose, region: section, out },
        "proposeAssignment",
        Number.isInteger(k) && k > 0 ? { reviewsPerQuickwin: k } : {},
      );
      if (!next) return;
      plan.proposal = next;
      plan.chosen = new Set(next.pairs.map(pairKey));
      ui.focusId = next.pairs.length ? "assign-summary" : "assign-unmet";
      ctx.render();
    },
    { id: "assign-propose" },
  );
  const allow = h("input", {
    type: "checkbox",
    id: "allow-unassigned",
    checked: state.settings.allowUnassigned,
    on: {
      change: async () => {
        const saved = await withProgress(ctx, { region: section, out }, "saveSettings", {
          allowUnassigned: allow.checked,
        });
        if (saved) {
          ui.flash = t("assign.allowSaved");
          await afterAction(ctx, "allow-unassigned");
        }
      },
    },
  });
  const section = h(
    "section",
    { class: "subsection", id: "assignments", "aria-labelledby": "assign-heading" },
    h("h3", { id: "assign-heading", tabindex: "-1" }, t("assign.title")),
    h("div", { class: "field inline" }, h("label", { for: kId }, t("assign.k")), kInput),
    h("div", { class: "buttons" }, propose),
    out,
    plan.proposal ? proposalEditor(ctx, plan.proposal) : null,
    h(
      "p",
      { class: "check" },
      allow,
      h("label", { for: "allow-unassigned" }, t("assign.allowUnassigned")),
    ),
  );
  return section;
}

function unmetNotice(t: ViewContext["t"], unmet: string[]): HTMLElement {
  const el = notice(
    "warn",
    h("strong", null, t("assign.unmetTitle")),
    h(
      "ul",
      null,
      unmet.map((m) => h("li", null, m)),
    ),
  );
  el.id = "assign-unmet";
  el.tabIndex = -1;
  return el;
}

function proposalEditor(ctx: ViewContext, p: AssignmentProposalResult): HTMLElement {
  const { t, ui, state } = ctx;
  const chosen = ui.plan.chosen ?? new Set<string>();
  const out = h("div", { class: "call-status", "aria-live": "polite" });
  const reviewers = p.loads.map((l) => l.reviewer);
  const nameOf = (email: string) => state.panel?.find((m) => m.email === email)?.name || email;
  const loads = h("p", { class: "help", id: "assign-loads" });
  const showLoads = () => {
    const count = (r: string) => [...chosen].filter((k) => k.endsWith(`|${r}`)).length;
    mount(
      loads,
      reviewers.map((r) => t("assign.load", { name: nameOf(r), n: count(r) })).join(" · "),
    );
  };
  showLoads();
  const cards = state.quickwins.map((q) =>
    h(
      "fieldset",
      { class: "assign-card", "data-id": q.id },
      h("legend", { dir: "auto" }, `${q.id} ${q.name}`),
      reviewers.map((r) => {
        const key = `${q.id}|${r}`;
        const conflict = p.conflicts[r]?.includes(q.id) ?? false;
        const id = uid("assign");
        const box = h("input", {
          type: "checkbox",
          id,
          "data-reviewer": r,
          checked: chosen.has(key),
          disabled: conflict,
          on: {
            change: (e) => {
              if ((e.target as HTMLInputElement).checked) chosen.add(key);
              else chosen.delete(key);
              showLoads();
            },
          },
        });
        return h(
          "span",
          { class: "check" },
          box,
          h(
            "label",
            { for: id, dir: "auto" },
            nameOf(r),
            conflict ? ` ${t("assign.conflictMark")}` : "",
          ),
        );
      }),
    ),
  );
  const save = button(
    t("assign.save"),
    "action",
    async () => {
      const pairs = [...chosen].map((k) => {
        const i = k.lastIndexOf("|");
        return { quickwinId: k.slice(0, i), reviewer: k.slice(i + 1) };
      });
      const saved = await withProgress(ctx, { button: save, out }, "saveAssignments", pairs);
      if (!saved) return;
      ui.plan.proposal = null;
      ui.plan.chosen = null;
      ui.flash = t("assign.saved", { n: saved.pairs.length });
      await afterAction(ctx, "assign-heading");
    },
    { id: "assign-save" },
  );
  // Nobody to assign (no reviewer on the panel, or no quickwin): only why, not "0 pairs, tick to
  // adjust, then save" above a save button with nothing to save.
  const none = p.pairs.length === 0;
  return h(
    "div",
    { class: "proposal" },
    none
      ? null
      : h(
          "p",
          { id: "assign-summary", tabindex: "-1" },
          t("assign.summary", { pairs: p.pairs.length, kept: p.kept, added: p.added }),
        ),
    p.unmet.length ? unmetNotice(t, p.unmet) : null,
    none ? null : loads,
    none ? null : cards,
    none ? null : h("div", { class: "buttons" }, save),
    out,
  );
}

// ---------- closing time ----------

function closingEditor(ctx: ViewContext): HTMLElement {
  const { t, ui, state } = ctx;
  const out = h("div", { class: "call-status", "aria-live": "polite" });
  const set = (open: boolean, closesAt?: string) => async (event: Event) => {
    const next = await withProgress(
      ctx,
      { button: event.currentTarget as HTMLButtonElement, region: section, out },
      "setScoring",
      closesAt === undefined ? { open } : { open, closesAt },
    );
    if (!next) return;
    ui.flash = t("closing.saved");
    await afterAction(ctx, "closing-heading");
  };
  const atId = uid("closes-at");
  const at = h("input", {
    id: atId,
    type: "datetime-local",
    value: ui.plan.closesAt,
    on: {
      input: () => {
        ui.plan.closesAt = at.value;
        at.removeAttribute("aria-invalid");
      },
    },
  });
  const section = h(
    "section",
    { class: "subsection", id: "closing", "aria-labelledby": "closing-heading" },
    h("h3", { id: "closing-heading", tabindex: "-1" }, t("closing.title")),
    state.scoring ? scoringLine(ctx, state.scoring) : null,
    h(
      "div",
      { class: "buttons" },
      state.scoring?.open !== false
        ? button(t("closing.closeNow"), "danger", set(false), { id: "closing-now" })
        : button(t("closing.reopen"), "action", set(true), { id: "closing-reopen" }),
    ),
    h("div", { class: "field" }, h("label", { for: atId }, t("closing.at")), at),
    h(
      "div",
      { class: "buttons" },
      button(
        t("closing.setAt"),
        "secondary",
        (e) => {
          // An empty (or half-typed) time would be sent as none: scoring stays open with no
          // closing time while the coordinator reads "saved". Asked for instead.
          if (at.value === "") {
            mount(out, notice("error", t("closing.pickTime")));
            at.setAttribute("aria-invalid", "true");
            at.focus();
            return;
          }
          void set(true, at.value)(e);
        },
        { id: "closing-at" },
      ),
    ),
    out,
  );
  return section;
}

// ---------- import ----------

function importEditor(ctx: ViewContext): HTMLElement {
  const { t, ui } = ctx;
  const plan = ui.plan;
  const out = h("div", { class: "call-status", "aria-live": "polite" });
  const sheetId = uid("import-sheet");
  const sheet = h("input", {
    id: sheetId,
    type: "text",
    value: plan.sheetName || t("import.defaultSheet"),
    on: { input: () => (plan.sheetName = sheet.value) },
  });
  const run = async (btn: HTMLButtonElement, withMapping: boolean) => {
    const args = {
      sheetName: sheet.value.trim(),
      ...(withMapping && plan.mapping ? { mapping: plan.mapping } : {}),
    };
    const next = await withProgress(
      ctx,
      { button: btn, region: section, out },
      "previewImport",
      args,
    );
    if (!next) return;
    plan.sheetName = next.sheetName;
    plan.preview = next;
    plan.mapping = { ...next.mapping };
    ui.focusId = "import-counts";
    ctx.render();
  };
  const preview = button(
    t("import.preview"),
    "secondary",
    (e) => void run(e.currentTarget as HTMLButtonElement, false),
    {
      id: "import-preview",
    },
  );
  const section = h(
    "section",
    { class: "subsection", id: "import", "aria-labelledby": "import-heading" },
    h("h3", { id: "import-heading" }, t("import.title")),
    h("div", { class: "field" }, h("label", { for: sheetId }, t("import.sheet")), sheet),
    h("div", { class: "buttons" }, preview),
    out,
    plan.preview ? importPreview(ctx, plan.preview, run) : null,
  );
  return section;
}

/** "Dinas Sosial · 5 September 2019 – 20 Oktober 2019 · Rp1.500.000", as it would be saved. */
function rowSummary(v: ImportRow["values"], locale: Locale): string {
  const date = (x: unknown) => (typeof x === "string" ? formatDate(x, locale) : "");
  const dates = [date(v.startDate), date(v.endDate)].filter(Boolean).join(" – ");
  const budget = typeof v.budget === "number" ? formatRupiah(v.budget) : String(v.budget ?? "");
  return [v.agency, dates, budget].filter((x) => x !== undefined && x !== "").join(" · ");
}

/** One column choice per field of the import, as the preview guessed or the user chose. */
function mappingSelects(
  ctx: ViewContext,
  p: ImportPreview,
  mapping: Partial<Record<ImportField, number | null>>,
): HTMLElement[] {
  const { t } = ctx;
  return IMPORT_FIELDS.map((f) => {
    const id = uid(`map-${f}`);
    const select = h(
      "select",
      {
        id,
        "data-field": f,
        on: { change: () => (mapping[f] = select.value === "" ? null : Number(select.value)) },
      },
      h("option", { value: "" }, t("import.notMapped")),
      p.headers.map((header, i) =>
        h("option", { value: String(i), selected: mapping[f] === i }, header || `#${i + 1}`),
      ),
    );
    return h(
      "div",
      { class: "field inline" },
      h("label", { for: id }, t(`importField.${f}`)),
      select,
    );
  });
}

/** Each source row with its status (or the id it was imported as) and its problems. */
function importRows(
  ctx: ViewContext,
  p: ImportPreview,
  imported: ReadonlyMap<number, string>,
): HTMLElement {
  const { t } = ctx;
  return h(
    "ol",
    { class: "import-rows" },
    p.rows.map((r) => {
      const id = imported.get(r.row);
      return h(
        "li",
        { class: `import-${id ? "imported" : r.status}`, "data-row": String(r.row) },
        h(
          "span",
          {
            class: `badge ${r.status === "valid" ? "scored" : r.status === "invalid" ? "conflict" : "todo"}`,
          },
          id ? t("import.status.imported", { id }) : t(`import.status.${r.status}`),
        ),
        h("span", { class: "qw-meta" }, t("import.row", { row: r.row })),
        h("span", { class: "qw-name", dir: "auto" }, String(r.values.name ?? "")),
        h("span", { class: "qw-meta", dir: "auto" }, rowSummary(r.values, ctx.locale)),
        r.problems.length
          ? h(
              "ul",
              { class: "problems" },
              r.problems.map((m) => h("li", { dir: "auto" }, m)),
            )
          : null,
      );
    }),
  );
}

function importPreview(
  ctx: ViewContext,
  p: ImportPreview,
  run: (btn: HTMLButtonElement, withMapping: boolean) => Promise<void>,
): HTMLElement {
  const { t, ui } = ctx;
  const mapping = ui.plan.mapping ?? {};
  const out = h("div", { class: "call-status", "aria-live": "polite" });
  // After an import the rows it saved say so, with their new ids, and the button is gone: still
  // showing "ready" and "Import 4 quickwins" invites importing again.
  const imported = new Map(
    ("imported" in p ? (p as ImportResult).imported : []).map((i) => [i.row, i.id]),
  );
  const selects = mappingSelects(ctx, p, mapping);
  const again = button(
    t("import.repreview"),
    "secondary",
    (e) => void run(e.currentTarget as HTMLButtonElement, true),
    {
      id: "import-repreview",
    },
  );
  const doImport = button(
    t("import.run", { n: p.counts.valid }),
    "action",
    async () => {
      const args = { sheetName: p.sheetName, mapping: { ...mapping } };
      const done = await withProgress(ctx, { button: doImport, out }, "importQuickwins", args);
      if (!done) return;
      ui.plan.preview = done;
      ui.flash = done.imported.length
        ? t("import.done", { n: done.imported.length })
        : t("import.nothing");
      await afterAction(ctx, "import-counts");
    },
    { id: "import-run" },
  );
  return h(
    "div",
    { class: "import-preview" },
    h(
      "details",
      null,
      h("summary", null, t("import.mapping")),
      selects,
      h("div", { class: "buttons" }, again),
    ),
    h(
      "p",
      { id: "import-counts", tabindex: "-1" },
      imported.size
        ? t("import.importedCounts", { ...p.counts, imported: imported.size })
        : t("import.counts", p.counts),
    ),
    importRows(ctx, p, imported),
    imported.size ? null : h("div", { class: "buttons" }, doImport),
    out,
  );
}
