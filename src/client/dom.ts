// A tiny typed DOM helper. Text only ever reaches the page through createTextNode or
// textContent, and attributes through setAttribute with an allow-list: user text cannot become
// markup, a script URL or an event handler. (No HTML parsing API is used anywhere in src/client.)

export type Child = Node | string | number | null | undefined | false | readonly Child[];

type Listener = (event: Event) => void;

export interface Attrs {
  /** Space-separated class names. */
  class?: string | undefined;
  /** Event listeners, e.g. `{ click: () => … }`. */
  on?: Partial<Record<keyof HTMLElementEventMap, Listener>> | undefined;
  /** Form control state, set as DOM properties (not attributes). */
  value?: string | undefined;
  checked?: boolean | undefined;
  [name: string]: string | number | boolean | null | undefined | Attrs["on"];
}

const ALLOWED = new Set([
  "id",
  "type",
  "name",
  "for",
  "role",
  "tabindex",
  "title",
  "placeholder",
  "min",
  "max",
  "step",
  "inputmode",
  "autocomplete",
  "maxlength",
  "list",
  "rows",
  "lang",
  "dir",
  "spellcheck",
  "scope",
  "colspan",
  "hidden",
  "disabled",
  "required",
  "readonly",
  "novalidate",
  "selected",
  "open",
  "href",
  "target",
  "rel",
  "download",
  "width",
  "height",
  "viewBox",
  "x",
  "y",
  "x1",
  "x2",
  "y1",
  "y2",
  "rx",
  "fill",
  "stroke",
  "stroke-width",
  "text-anchor",
  "dominant-baseline",
  "font-size",
  "font-weight",
  "font-family",
  "stroke-linecap",
  "cx",
  "cy",
  "r",
  "focusable",
  "start",
]);

/** True for an absolute http(s) URL: the only links the sidebar makes from user text. */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(url.trim());
}

function isAllowed(name: string): boolean {
  return ALLOWED.has(name) || /^aria-[a-z]+$/.test(name) || /^data-[a-z][a-z0-9-]*$/.test(name);
}

function setAttr(el: Element, name: string, value: string | number | boolean): void {
  if (!isAllowed(name)) throw new Error(`attribute not allowed: ${name}`);
  if (name === "href" && !isHttpUrl(String(value))) return; // dropped, never a javascript: link
  if (typeof value === "boolean") {
    if (value) el.setAttribute(name, "");
    else el.removeAttribute(name);
    if (name === "disabled" || name === "selected" || name === "hidden" || name === "required") {
      (el as unknown as Record<string, boolean>)[name] = value;
    }
    return;
  }
  el.setAttribute(name, String(value));
}

function applyAttrs(el: Element, attrs: Attrs | null | undefined): void {
  if (!attrs) return;
  for (const key of Object.keys(attrs)) {
    const value = attrs[key];
    if (value === undefined || value === null) continue;
    if (key === "on") {
      const on = value as NonNullable<Attrs["on"]>;
      for (const type of Object.keys(on) as (keyof HTMLElementEventMap)[]) {
        const fn = on[type];
        if (fn) el.addEventListener(type, fn);
      }
    } else if (key === "class") {
      el.setAttribute("class", String(value));
    } else if (key === "value") {
      (el as HTMLInputElement).value = String(value);
    } else if (key === "checked") {
      (el as HTMLInputElement).checked = Boolean(value);
      if (value) el.setAttribute("checked", "");
    } else {
      setAttr(el, key, value as string | number | boolean);
    }
  }
}

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const c of child as readonly Child[]) append(parent, c);
  } else if (typeof child === "string" || typeof child === "number") {
    parent.appendChild(document.createTextNode(String(child)));
  } else {
    parent.appendChild(child as Node);
  }
}

/** Creates an HTML element: `h("button", { class: "action", on: { click } }, "Simpan")`. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  // Children first: a <select>'s value can only be set once its options exist.
  append(el, children);
  applyAttrs(el, attrs);
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** Creates an SVG element (same rules: text as text, allow-listed attributes). */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  append(el, children);
  applyAttrs(el, attrs);
  return el;
}

/**
 * User text as its own bidi isolate: a name holding U+202E (right-to-left override) reverses
 * at most itself, never the words around it (every sidebar element is an isolate too, see
 * sidebar.css).
 */
export function bdi(text: string): HTMLElement {
  return h("bdi", null, text);
}

/** Replaces the children of `el`. */
export function mount(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** A link to user-given evidence: only http(s), opened safely in a new tab; else plain text. */
export function externalLink(url: string, label?: string): HTMLElement {
  const text = label ?? url;
  if (!isHttpUrl(url)) return h("span", null, text);
  return h("a", { href: url.trim(), target: "_blank", rel: "noopener noreferrer" }, text);
}

/** A prefilled e-mail (mailto:) link; anything that is not one is shown as plain text. */
export function mailtoLink(url: string, label: string): HTMLElement {
  if (!/^mailto:[^\s<>"]+$/i.test(url)) return h("span", null, label);
  const a = h("a", { class: "mailto" }, label);
  // Set directly: h() allows only http(s) links, and this one is checked above.
  a.setAttribute("href", url);
  return a;
}

/** A link that downloads `content` as a file made in the browser (no server, no extra scope). */
export function downloadLink(
  content: string,
  fileName: string,
  mime: string,
  label: string,
): HTMLAnchorElement {
  const blob = new Blob([content], { type: mime });
  const a = h("a", { class: "button action", download: fileName }, label);
  // Set directly: a blob: URL the page made itself is safe, and h() only allows http(s).
  a.setAttribute("href", URL.createObjectURL(blob));
  return a;
}

/** Adds `id` to the element's aria-describedby: after the ids already there, or before them. */
export function describedBy(el: Element, id: string, first = false): void {
  const ids = el.getAttribute("aria-describedby");
  el.setAttribute("aria-describedby", !ids ? id : first ? `${id} ${ids}` : `${ids} ${id}`);
}

let idCounter = 0;
/** A page-unique id for label/for and aria-describedby pairs. */
export function uid(prefix = "qw"): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
