// What the editors that save a list as a whole share (rubric, panel, agency list): cards that
// fold and remember being open across renders, a list that renders its cards again, the check
// before saving, and the section around it all.
import { h } from "../dom";
import type { ErrorSlots } from "../ui";

/** Cards that are open (new ones, a merge's target, or opened by the user), across renders. */
const openCards = new WeakSet<object>();

/** Shows the draft's card open at its next render. */
export function openCard(draft: object): void {
  openCards.add(draft);
}

/** A collapsible card: the summary names it; opening is remembered for the draft. */
export function collapsible(draft: object, summary: HTMLElement, body: HTMLElement): HTMLElement {
  const details = h("details", { class: "card-box", open: openCards.has(draft) }, summary, body);
  details.addEventListener("toggle", () => {
    if (details.open) openCards.add(draft);
    else openCards.delete(draft);
  });
  return details;
}

/** Opens every card holding an invalid field and focuses the first, so it can be fixed. */
export function revealInvalid(section: HTMLElement): void {
  for (const d of Array.from(section.querySelectorAll("details"))) {
    if (d.querySelector("[aria-invalid=true]")) d.open = true;
  }
  section.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
}

/** Renders the cards again (after an add, a removal or a merge), then focuses `focusId`. */
export type RenderList = (focusId?: string) => void;

/** The list element and its render: the cards, checked again, and the focus moved. */
export function cardList(
  cards: (render: RenderList) => HTMLElement[],
  refresh: () => unknown,
): { list: HTMLElement; render: RenderList } {
  const list = h("div", null);
  const render: RenderList = (focusId) => {
    list.replaceChildren(...cards(render));
    refresh();
    if (focusId) document.getElementById(focusId)?.focus();
  };
  return { list, render };
}

/**
 * Before saving: every field's error shown; the valid input, or null with the first invalid
 * field revealed and focused.
 */
export function readyToSave<R extends { ok: boolean }>(
  errors: ErrorSlots,
  refresh: () => R,
  section: HTMLElement,
): Extract<R, { ok: true }> | null {
  errors.touchAll();
  const result = refresh();
  if (result.ok) return result as Extract<R, { ok: true }>;
  revealInvalid(section);
  return null;
}

/** The editor's section: heading, help, an optional notice, the errors, its body, buttons. */
export function editorSection(parts: {
  headingId: string;
  title: string;
  help: string;
  notice?: HTMLElement | null;
  errors: ErrorSlots;
  body: (HTMLElement | null)[];
  buttons: HTMLElement[];
  out: HTMLElement;
}): HTMLElement {
  return h(
    "section",
    { class: "subsection", "aria-labelledby": parts.headingId },
    h("h3", { id: parts.headingId, tabindex: "-1" }, parts.title),
    h("p", { class: "help" }, parts.help),
    parts.notice ?? null,
    parts.errors.slot(""),
    ...parts.body,
    h("div", { class: "buttons" }, ...parts.buttons),
    parts.out,
  );
}
