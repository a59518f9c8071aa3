// The meeting view (a large dialog over the spreadsheet, for the projector): the chart, the
// computed shortlist, the quickwins to discuss first with their evidence, every other quickwin,
// the decision buttons, and the minutes. Shares the sidebar's client code (dom, i18n, api, the
// chart); keyboard-operable with native controls only.
import type { DecisionValue } from "../core/decision";
import { formatDateTimeWib, formatDecimal } from "../core/format";
import { discussFirst, type MeetingData } from "../core/meeting";
import type { Locale } from "../core/types";
import { call } from "./api";
import { h, mount } from "./dom";
import { resolveLocale } from "./i18n";
import { meetingTranslator, type MeetingT as Translate } from "./meeting-i18n";
import { button, failureText, notice, spinner, withProgress } from "./ui";
import { rankingChart } from "./views/chart";
import { type CardContext, quickwinCard } from "./views/evidence";

function bootLocale(): Locale {
  try {
    const el = document.getElementById("qw-boot");
    return resolveLocale((JSON.parse(el?.textContent ?? "{}") as { locale?: string }).locale);
  } catch {
    return "id";
  }
}

const root = document.getElementById("app") ?? document.body;
const locale: Locale = bootLocale();
const t: Translate = meetingTranslator(locale);
let data: MeetingData | null = null;
const reasons = new Map<string, string>();
let focusAfter: string | null = null;
let flash: string | null = null;
/** Quickwins whose decision is being recorded. */
const deciding = new Set<string>();

function close(): void {
  const host = (globalThis as { google?: { script?: { host?: { close?: () => void } } } }).google
    ?.script?.host;
  host?.close?.();
}

function decide(quickwinId: string, decision: DecisionValue, reason: string, out: HTMLElement) {
  // One decision per card at a time: a double click recorded it twice (two rows in Keputusan
  // and in the Log); the card's two buttons wait for the answer.
  if (deciding.has(quickwinId)) return;
  deciding.add(quickwinId);
  const card = out.closest("article");
  const buttons = Array.from(card?.querySelectorAll("button[data-decision]") ?? []);
  for (const b of buttons) (b as HTMLButtonElement).disabled = true;
  void (async () => {
    const saved = await withProgress(
      { t },
      { region: card as HTMLElement | null, out },
      "recordDecision",
      { quickwinId, decision, reason },
    );
    deciding.delete(quickwinId);
    for (const b of buttons) (b as HTMLButtonElement).disabled = false;
    if (!saved || !data) return;
    data.decisions = [...data.decisions.filter((d) => d.quickwinId !== quickwinId), saved];
    reasons.delete(quickwinId);
    const name = data.quickwins.find((q) => q.id === quickwinId)?.name ?? quickwinId;
    flash = t(decision === "selected" ? "meeting.savedSelected" : "meeting.savedNot", { name });
    focusAfter = `card-${quickwinId}`;
    render();
  })();
}

function header(d: MeetingData | null): HTMLElement {
  const out = h("span", { class: "call-status", "aria-live": "polite" });
  const reload = button(t("ui.reload"), "secondary", () => void load(reload, out), {
    id: "meeting-reload",
  });
  return h(
    "header",
    { class: "top meeting-top" },
    h(
      "div",
      { class: "top-row" },
      h("h1", { id: "meeting-heading", tabindex: "-1" }, t("meeting.title")),
      h(
        "div",
        { class: "buttons" },
        reload,
        button(t("meeting.close"), "secondary", close, { id: "meeting-close" }),
      ),
    ),
    d
      ? h(
          "p",
          { class: "help" },
          t("meeting.summary", {
            when: formatDateTimeWib(d.computedAt, locale),
            ranked: d.rows.filter((r) => r.rank !== null).length,
            total: d.rows.length,
            size: d.shortlistSize,
          }),
          " ",
          d.agreement === null
            ? t("rank.agreementNone")
            : t("rank.agreement", { alpha: formatDecimal(d.agreement, 2, locale) }),
        )
      : null,
    out,
  );
}

function shortlistList(d: MeetingData): HTMLElement {
  const decided = new Map(d.decisions.map((x) => [x.quickwinId, x]));
  const selectedOutside = d.decisions.filter(
    (x) => x.decision === "selected" && !d.shortlist.includes(x.quickwinId),
  );
  const name = (id: string) => d.quickwins.find((q) => q.id === id)?.name ?? id;
  const item = (id: string) => {
    const x = decided.get(id);
    return h(
      "li",
      { "data-id": id },
      h("button", { type: "button", class: "link", on: { click: (e) => jump(e, id) } }, name(id)),
      " — ",
      h(
        "span",
        { class: x ? `badge ${x.decision}` : "badge" },
        x
          ? t(x.decision === "selected" ? "decision.selected" : "decision.notSelected")
          : t("meeting.undecidedShort"),
      ),
    );
  };
  return h(
    "section",
    { class: "m-section", "aria-labelledby": "m-shortlist" },
    h("h2", { id: "m-shortlist" }, t("meeting.shortlistHeading", { n: d.shortlist.length })),
    d.shortlist.length === 0
      ? h("p", { class: "help" }, t("meeting.noShortlist"))
      : h("ol", { class: "m-shortlist" }, d.shortlist.map(item)),
    selectedOutside.length > 0
      ? h(
          "p",
          null,
          t("meeting.selectedOutside"),
          " ",
          selectedOutside.map((x, i) => [i > 0 ? ", " : "", name(x.quickwinId)]),
        )
      : null,
  );
}

/** Moves focus to a quickwin's card (opening it when folded). */
function jump(e: Event, id: string): void {
  e.preventDefault();
  const heading = document.getElementById(`card-${id}`);
  const details = heading?.closest("details");
  if (details) details.open = true;
  heading?.scrollIntoView({ block: "start" });
  heading?.focus();
}

function cards(d: MeetingData): HTMLElement[] {
  const ctx: CardContext = { t, locale, data: d, reasons, decide };
  const first = new Set(discussFirst(d.rows));
  const discuss = d.rows.filter((r) => first.has(r.quickwinId));
  const others = d.rows.filter((r) => !first.has(r.quickwinId));
  return [
    h(
      "section",
      { class: "m-section", "aria-labelledby": "m-discuss" },
      h("h2", { id: "m-discuss" }, t("meeting.discussHeading", { n: discuss.length })),
      h("p", { class: "help" }, t("meeting.discussHelp")),
      discuss.length === 0
        ? h("p", null, t("meeting.nothingToDiscuss"))
        : discuss.map((r) => quickwinCard(ctx, r)),
    ),
    h(
      "section",
      { class: "m-section", "aria-labelledby": "m-others" },
      h("h2", { id: "m-others" }, t("meeting.othersHeading", { n: others.length })),
      others.map((r) =>
        h(
          "details",
          { class: "m-fold", "data-id": r.quickwinId },
          h(
            "summary",
            null,
            r.rank === null ? "– " : `${r.rank}. `,
            d.quickwins.find((q) => q.id === r.quickwinId)?.name ?? r.quickwinId,
          ),
          quickwinCard(ctx, r),
        ),
      ),
    ),
  ];
}

function minutesForm(d: MeetingData): HTMLElement {
  const out = h("div", { class: "call-status", "aria-live": "polite" });
  const place = h("input", { id: "minutes-place", type: "text", maxlength: "200" });
  const boxes = d.panel.map((m, i) =>
    h(
      "label",
      { class: "present" },
      h("input", { type: "checkbox", checked: true, "data-email": m.email, id: `present-${i}` }),
      " ",
      m.name || m.email,
      m.agency ? ` (${m.agency})` : "",
    ),
  );
  const make = button(
    t("meeting.makeMinutes"),
    "action",
    async () => {
      const present = boxes
        .map((b) => b.querySelector("input") as HTMLInputElement)
        .filter((i) => i.checked)
        .map((i) => i.getAttribute("data-email") ?? "");
      const done = await withProgress({ t }, { button: make, out }, "exportMinutes", {
        place: place.value.trim(),
        present,
      });
      if (done) {
        mount(out, notice("ok", t("meeting.minutesMade", { sheet: done.sheetName })));
      }
    },
    { id: "make-minutes" },
  );
  return h(
    "section",
    { class: "m-section", "aria-labelledby": "m-minutes" },
    h("h2", { id: "m-minutes" }, t("meeting.minutesHeading")),
    h("p", { class: "help" }, t("meeting.minutesHelp")),
    h("div", { class: "field" }, h("label", { for: "minutes-place" }, t("meeting.place")), place),
    h("fieldset", { class: "present-list" }, h("legend", null, t("meeting.presentLegend")), boxes),
    h("div", { class: "buttons" }, make),
    out,
  );
}

function render(): void {
  const d = data;
  if (!d) return;
  const names = new Map(d.quickwins.map((q) => [q.id, q.name]));
  const chart = rankingChart(
    { t, locale },
    d.rows.map((r) => ({ ...r, name: names.get(r.quickwinId) ?? r.quickwinId })),
    { width: Math.max(640, Math.min(1120, root.clientWidth - 24)), font: 15, nameWidth: 320 },
  );
  const message = flash;
  flash = null;
  mount(
    root,
    header(d),
    message ? notice("ok", message) : null,
    h(
      "section",
      { class: "m-section", "aria-labelledby": "m-chart" },
      h("h2", { id: "m-chart" }, t("meeting.chartHeading")),
      chart,
    ),
    shortlistList(d),
    cards(d),
    minutesForm(d),
  );
  root.setAttribute("data-view", "meeting");
  const target = focusAfter;
  focusAfter = null;
  if (target) {
    // The card just decided stays open and takes the focus back.
    const el = document.getElementById(target);
    const fold = el?.closest("details");
    if (fold) fold.open = true;
    el?.focus();
  }
}

async function load(trigger?: HTMLButtonElement, out?: HTMLElement): Promise<void> {
  if (trigger && out) {
    const next = await withProgress({ t }, { button: trigger, out }, "getMeetingData");
    if (next) {
      data = next;
      focusAfter = "meeting-heading";
      render();
    }
    return;
  }
  mount(root, header(null), h("p", { class: "qw-loading" }, spinner(t("ui.loading"))));
  root.setAttribute("aria-busy", "true");
  try {
    data = await call("getMeetingData");
    render();
  } catch (error) {
    mount(root, header(null), notice("error", failureText(t, error)));
    root.setAttribute("data-view", "error");
  } finally {
    root.removeAttribute("aria-busy");
  }
}

document.documentElement.lang = locale;
document.title = t("meeting.title");
void load();
