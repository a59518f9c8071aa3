// Shared pieces of the sidebar's views: the app context, labelled fields with inline errors,
// and running a server call with visible progress and a localized error.

import type { CsvStyle } from "../core/csv";
import { formatInteger } from "../core/format";
import type { Dimension, Flag } from "../core/schemas";
import type { ComputeRankingResult, ExportResult, Locale, SidebarState } from "../core/types";
import { type ApiArgs, type ApiName, type ApiResult, call } from "./api";
import { type Child, describedBy, h, mount, uid } from "./dom";
import type { FieldErrors } from "./fields";
import type { T as Translate } from "./i18n";
import type { CriterionDraft, MemberDraft, QuickwinDraft, ScoreDraft } from "./model";
import type { AgencyDraft } from "./views/agencies";
import type { PlanState } from "./views/planning";

export type Tab = "score" | "quickwin" | "ranking" | "settings" | "plan";

/** What the views remember between renders: drafts survive tab and quickwin switches. */
export interface UiState {
  tab: Tab;
  scoringId: string | null;
  scoreDrafts: Map<string, ScoreDraft>;
  /** The confirmation of a just-submitted review, shown beside "next" (not 1 600 px above). */
  scoreSaved: string | null;
  quickwinDraft: QuickwinDraft | null;
  ranking: ComputeRankingResult | null;
  exported: ExportResult | null;
  /** The CSV style picked beside the download (null: the sidebar language's default). */
  csvStyle: CsvStyle | null;
  rubricDraft: CriterionDraft[] | null;
  panelDraft: MemberDraft[] | null;
  agencyDraft: AgencyDraft[] | null;
  settingsDraft: Record<string, string> | null;
  /** A one-time confirmation shown after the next render. */
  flash: string | null;
  /** Where focus goes after the next render (an element id). */
  focusId: string | null;
  /** The Persiapan tab: board, proposal, import preview. */
  plan: PlanState;
}

export interface ViewContext {
  t: Translate;
  locale: Locale;
  state: SidebarState;
  ui: UiState;
  /** Replaces the state (after a save) and renders. */
  setState(state: SidebarState): void;
  render(): void;
  /** Reloads the state quietly (e.g. to learn names of quickwins added meanwhile). */
  refresh(): Promise<void>;
}

export const dimensionLabel = (t: Translate, d: Dimension) => t(`dimension.${d}`);
export const flagLabel = (t: Translate, f: Flag) => t(`flag.${f}`);

/** Error slots of a form, keyed by field path; only "touched" fields show their error. */
export class ErrorSlots {
  private readonly slots = new Map<string, { el: HTMLElement; control: HTMLElement | null }>();
  private readonly touched = new Set<string>();
  private all = false;

  /** A (hidden) error paragraph for `key`, linked to `control` via aria-describedby. */
  slot(key: string, control: HTMLElement | null = null): HTMLElement {
    const el = h("p", { class: "field-error", id: uid("err"), hidden: true });
    this.slots.set(key, { el, control });
    if (control) describedBy(control, el.id);
    return el;
  }

  touch(key: string): void {
    this.touched.add(key);
  }

  touchAll(): void {
    this.all = true;
  }

  /** Shows the errors of touched fields; errors without a slot go to the form's "" slot. */
  show(errors: FieldErrors, labelOf: (key: string) => string = (k) => k): void {
    const unmatched: string[] = [];
    for (const [key, message] of Object.entries(errors)) {
      if (key !== "" && !this.slots.has(key)) unmatched.push(`${labelOf(key)}: ${message}`);
    }
    for (const [key, { el, control }] of this.slots) {
      let message = errors[key] ?? "";
      if (key === "") message = [message, ...unmatched].filter(Boolean).join(" · ");
      const visible = message !== "" && (this.all || (key !== "" && this.touched.has(key)));
      el.textContent = visible ? message : "";
      el.hidden = !visible;
      if (visible) control?.setAttribute("aria-invalid", "true");
      else control?.removeAttribute("aria-invalid");
    }
  }
}

/** A labelled control with an optional one-line help and an error slot. */
export function field(opts: {
  label: string;
  control: HTMLElement;
  help?: string | undefined;
  error?: HTMLElement | undefined;
  required?: boolean;
  extra?: Child;
}): HTMLElement {
  const id = opts.control.id || uid("f");
  opts.control.id = id;
  const help = opts.help ? h("p", { class: "help", id: uid("help") }, opts.help) : null;
  if (help) describedBy(opts.control, help.id, true);
  return h(
    "div",
    { class: "field" },
    h("label", { for: id }, opts.label, opts.required ? h("span", { class: "req" }, " *") : null),
    opts.control,
    help,
    opts.extra,
    opts.error,
  );
}

/**
 * How much of a long text field's room is used, shown once it is nearly full, so text cut by
 * the field's limit (a long paste) never goes unnoticed.
 */
export function lengthCounter(
  ctx: { t: Translate; locale: Locale },
  control: HTMLInputElement | HTMLTextAreaElement,
  max: number,
): HTMLElement {
  const counter = h("p", { class: "help counter", "aria-live": "polite", hidden: true });
  const update = () => {
    const n = control.value.length;
    counter.hidden = n < max * 0.8;
    counter.textContent = ctx.t(n >= max ? "ui.lengthFull" : "ui.length", {
      n: formatInteger(n, ctx.locale),
      max: formatInteger(max, ctx.locale),
    });
  };
  control.addEventListener("input", update);
  update();
  return counter;
}

/** A message box: info, success, warning or error (errors are announced at once). */
export function notice(kind: "info" | "ok" | "warn" | "error", ...text: Child[]): HTMLElement {
  return h(
    "div",
    { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" },
    ...text,
  );
}

export function spinner(label: string): HTMLElement {
  return h(
    "span",
    { class: "busy-line" },
    h("span", { class: "spinner", "aria-hidden": "true" }),
    label,
  );
}

/** The user-facing text of a failed call (the server's own message when it gave one). */
/** What the browser or google.script.run says when the request never reached the script. */
// Anchored at the start: a server message may quote a quickwin called "Network error …".
const NETWORK_FAILURE = /^(NetworkError\b|Failed to fetch\b|Load failed\b)/i;

/**
 * What google.script.run reports when Google, not the script, refused the call: several
 * accounts signed in at once (Google's issue 69270374) or no authorization yet. Anchored, so
 * a server message that quotes such words (a quickwin's name) is not mistaken for them.
 */
const SEVERAL_ACCOUNTS =
  /^(ScriptError:\s*)?(PERMISSION_DENIED\b|.*\bError code PERMISSION_DENIED\b)/i;
const AUTHORIZATION = /^(ScriptError:\s*)?Authorization is required\b/i;

export function failureText(t: Translate, error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  if (NETWORK_FAILURE.test(message)) return t("error.network");
  if (SEVERAL_ACCOUNTS.test(message)) return t("error.accounts");
  if (AUTHORIZATION.test(message)) return t("error.authorization");
  return message ? t("error.server", { message }) : t("error.unknown");
}

/**
 * Runs a server call with progress shown: the button is disabled and marked busy, the region
 * gets aria-busy, `out` shows a spinner, then the localized error on failure. Resolves with the
 * result, or null after a failure (the form keeps everything the user typed).
 */
export async function withProgress<K extends ApiName>(
  ctx: { t: Translate },
  where: { button?: HTMLButtonElement | null; region?: HTMLElement | null; out: HTMLElement },
  name: K,
  ...args: ApiArgs<K>
): Promise<ApiResult<K> | null> {
  const { button, region, out } = where;
  const t = ctx.t;
  // A disabled button loses the focus (to the page's top); it gets it back when done.
  const hadFocus = button !== null && button !== undefined && document.activeElement === button;
  if (button) {
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
  }
  region?.setAttribute("aria-busy", "true");
  mount(out, spinner(t("ui.working")));
  try {
    const value = await call(name, ...args);
    mount(out);
    return value;
  } catch (error) {
    mount(out, notice("error", failureText(t, error)));
    return null;
  } finally {
    if (button) {
      button.disabled = false;
      button.removeAttribute("aria-busy");
      const now = document.activeElement;
      if (hadFocus && (now === null || now === document.body)) button.focus();
    }
    region?.removeAttribute("aria-busy");
  }
}

/** A button: `.action` (blue), `.secondary` (grey) or `.link`. */
export function button(
  label: Child,
  kind: "action" | "secondary" | "link" | "danger",
  onClick: (event: Event) => void,
  attrs: Record<string, string> = {},
): HTMLButtonElement {
  return h("button", { type: "button", class: kind, ...attrs, on: { click: onClick } }, label);
}
