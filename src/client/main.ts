// The sidebar entry: reads the boot data (locale), shows the loading state, loads the state from
// the server and renders the views. Drafts live in `ui` so no typing is lost between renders.

import type { Locale, SidebarState } from "../core/types";
import { call } from "./api";
import { bdi, h, mount } from "./dom";
import { resolveLocale, type T as Translate, translator } from "./i18n";
import {
  button,
  failureText,
  notice,
  spinner,
  type Tab,
  type UiState,
  type ViewContext,
  withProgress,
} from "./ui";
import { emptyPlan, planView } from "./views/planning";
import { quickwinView } from "./views/quickwins";
import { rankingView } from "./views/ranking";
import { scoringView } from "./views/scoring";
import { settingsView } from "./views/settings";

performance.mark("qw-script-start");

function bootLocale(): Locale {
  const el = document.getElementById("qw-boot");
  try {
    const data = JSON.parse(el?.textContent ?? "{}") as { locale?: string };
    return resolveLocale(data.locale);
  } catch {
    return "id";
  }
}

const root = document.getElementById("app") ?? document.body;
let locale: Locale = bootLocale();
let t: Translate = translator(locale);
let state: SidebarState | null = null;
const ui: UiState = {
  tab: "score",
  scoringId: null,
  scoreDrafts: new Map(),
  scoreSaved: null,
  quickwinDraft: null,
  ranking: null,
  exported: null,
  csvStyle: null,
  rubricDraft: null,
  panelDraft: null,
  agencyDraft: null,
  settingsDraft: null,
  flash: null,
  focusId: null,
  plan: emptyPlan(),
};

function setLocale(next: Locale): void {
  locale = next;
  t = translator(next);
  document.documentElement.lang = next;
  document.title = t("app.title");
  render();
  document.getElementById(`lang-${next}`)?.focus();
}

function header(): HTMLElement {
  const langButton = (l: Locale, label: string) =>
    h(
      "button",
      {
        type: "button",
        id: `lang-${l}`,
        class: "lang",
        lang: l,
        "aria-pressed": locale === l ? "true" : "false",
        on: { click: () => setLocale(l) },
      },
      label,
    );
  const user = state?.user;
  return h(
    "header",
    { class: "top" },
    h(
      "div",
      { class: "top-row" },
      h("h1", null, t("app.title")),
      h(
        "div",
        { class: "langs", role: "group", "aria-label": t("ui.language") },
        langButton("id", "ID"),
        langButton("en", "EN"),
      ),
    ),
    user?.email
      ? h(
          "p",
          { class: "who" },
          user.name ? [bdi(user.name), " · "] : "",
          bdi(user.email),
          user.role ? ` · ${t(`role.${user.role}`)}` : "",
        )
      : null,
    state?.setupDone && state.user.role ? reloadLine() : null,
  );
}

/** Reloads the state (new quickwins, a changed rubric) keeping every draft. */
function reloadLine(): HTMLElement {
  const out = h("span", { class: "call-status", "aria-live": "polite" });
  const reload = button(
    t("ui.reload"),
    "link",
    async () => {
      const next = await withProgress({ t }, { button: reload, out }, "getSidebarState");
      if (!next) return;
      state = next;
      ui.flash = t("ui.reloaded");
      render();
      document.getElementById("reload-button")?.focus();
    },
    { id: "reload-button" },
  );
  return h("div", { class: "reload" }, reload, out);
}

function tabsFor(s: SidebarState): Tab[] {
  return s.user.role === "coordinator"
    ? ["score", "quickwin", "plan", "ranking", "settings"]
    : ["score", "quickwin"];
}

const TAB_KEYS = {
  score: "tab.score",
  quickwin: "tab.quickwin",
  ranking: "tab.ranking",
  settings: "tab.settings",
  plan: "tab.plan",
} as const;

function tabBar(tabs: Tab[]): HTMLElement {
  const select = (tab: Tab, focus: boolean) => {
    ui.tab = tab;
    if (tab === "score") ui.scoringId = null;
    render();
    if (focus) document.getElementById(`tab-${tab}`)?.focus();
  };
  return h(
    "div",
    {
      class: "tabs",
      role: "tablist",
      "aria-label": t("ui.sections"),
      on: {
        keydown: (e) => {
          const key = (e as KeyboardEvent).key;
          const i = tabs.indexOf(ui.tab);
          let next = -1;
          if (key === "ArrowRight") next = (i + 1) % tabs.length;
          else if (key === "ArrowLeft") next = (i - 1 + tabs.length) % tabs.length;
          else if (key === "Home") next = 0;
          else if (key === "End") next = tabs.length - 1;
          const tab = tabs[next];
          if (tab) {
            e.preventDefault();
            select(tab, true);
          }
        },
      },
    },
    tabs.map((tab) =>
      h(
        "button",
        {
          type: "button",
          role: "tab",
          id: `tab-${tab}`,
          "aria-selected": tab === ui.tab ? "true" : "false",
          "aria-controls": "tabpanel",
          tabindex: tab === ui.tab ? "0" : "-1",
          on: { click: () => select(tab, false) },
        },
        t(TAB_KEYS[tab]),
      ),
    ),
  );
}

function makeCtx(s: SidebarState): ViewContext {
  return {
    t,
    locale,
    state: s,
    ui,
    setState(next) {
      state = next;
      // Something was saved: the progress board is reloaded when next shown.
      ui.plan.stale = true;
      render();
    },
    render,
    async refresh() {
      // Busy while the state reloads: assistive tech (and the browser tests) wait for the
      // redraw instead of reading the view it replaces.
      root.setAttribute("aria-busy", "true");
      try {
        state = await call("getSidebarState");
        ui.plan.stale = true;
        render();
      } catch {
        // The view already shows what it has; a later reload will catch up.
      } finally {
        root.removeAttribute("aria-busy");
      }
    },
  };
}

/** Not set up yet: anyone may run setup (with no panel, the caller becomes its coordinator). */
function setupView(s: SidebarState): HTMLElement {
  const out = h("div", { class: "call-status", "aria-live": "polite" });
  const run = button(
    t("setup.run"),
    "action",
    async () => {
      const next = await withProgress({ t }, { button: run, region: box, out }, "setupSpreadsheet");
      if (!next) return;
      state = next;
      ui.flash = t("setup.done");
      ui.tab = next.user.role === "coordinator" ? "settings" : "score";
      render();
    },
    { id: "setup-run" },
  );
  const box = h(
    "section",
    { class: "view" },
    h("h2", { id: "view-heading", tabindex: "-1" }, t("setup.title")),
    s.sheetProblem ? notice("error", s.sheetProblem) : null,
    h("p", null, t("setup.explain")),
    s.spreadsheetName
      ? h("p", { class: "help" }, t("setup.sheet", { name: s.spreadsheetName }))
      : null,
    h("div", { class: "buttons" }, run),
    out,
  );
  return box;
}

function notOnPanelView(s: SidebarState): HTMLElement {
  const out = h("div", { class: "call-status", "aria-live": "polite" });
  const retry = button(t("ui.reload"), "secondary", async () => {
    const next = await withProgress({ t }, { button: retry, out }, "getSidebarState");
    if (next) {
      state = next;
      render();
    }
  });
  return h(
    "section",
    { class: "view" },
    h("h2", { id: "view-heading", tabindex: "-1" }, t("panel.notMemberTitle")),
    s.user.email
      ? h("p", null, t("panel.notMember", { email: s.user.email }))
      : h("p", null, t("panel.noEmail")),
    h("div", { class: "buttons" }, retry),
    out,
  );
}

function mainView(s: SidebarState): HTMLElement {
  const tabs = tabsFor(s);
  if (!tabs.includes(ui.tab)) ui.tab = "score";
  const ctx = makeCtx(s);
  const view =
    ui.tab === "quickwin"
      ? quickwinView(ctx)
      : ui.tab === "ranking"
        ? rankingView(ctx)
        : ui.tab === "settings"
          ? settingsView(ctx)
          : ui.tab === "plan"
            ? planView(ctx)
            : scoringView(ctx);
  return h(
    "div",
    null,
    tabBar(tabs),
    h("div", { id: "tabpanel", role: "tabpanel", "aria-labelledby": `tab-${ui.tab}` }, view),
  );
}

function render(): void {
  const flash = ui.flash;
  ui.flash = null;
  let body: HTMLElement;
  let view: string;
  if (!state) {
    body = h("p", { class: "qw-loading" }, spinner(t("ui.loading")));
    view = "loading";
  } else if (!state.setupDone) {
    body = setupView(state);
    view = "setup";
  } else if (state.user.role === null) {
    body = notOnPanelView(state);
    view = "not-member";
  } else {
    body = mainView(state);
    view = ui.tab; // after mainView, which may have reset a tab this role cannot see
  }
  // With no target named, the focus stays where it was: a redraw (a board or state arriving
  // after an action) replaces every element, which would drop it to the top of the page.
  const active = document.activeElement;
  const kept = active && active !== document.body && root.contains(active) ? active.id : "";
  mount(root, header(), flash ? notice("ok", flash) : null, body);
  root.setAttribute("data-view", view);
  const focusId = ui.focusId ?? (kept || null);
  ui.focusId = null;
  const target =
    (focusId ? document.getElementById(focusId) : null) ??
    (kept ? document.getElementById(kept) : null);
  if (target) {
    target.focus();
    // Focus alone may leave it at the edge of a long form; bring it fully into view.
    target.scrollIntoView?.({ block: "nearest" });
  }
}

async function load(): Promise<void> {
  render();
  performance.mark("qw-shell-rendered");
  root.setAttribute("aria-busy", "true");
  try {
    state = await call("getSidebarState");
    render();
    performance.mark("qw-state-rendered");
  } catch (error) {
    const retry = button(t("ui.retry"), "action", () => {
      void load();
    });
    mount(
      root,
      header(),
      notice("error", failureText(t, error)),
      h("div", { class: "buttons" }, retry),
    );
    root.setAttribute("data-view", "error");
  } finally {
    root.removeAttribute("aria-busy");
  }
}

document.documentElement.lang = locale;
document.title = t("app.title");
void load();
