// @vitest-environment happy-dom
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { downloadLink, externalLink, h, isHttpUrl, mount, s } from "../../src/client/dom";
import { runs, SEED } from "../support/tier";

const HOSTILE = [
  "<img src=x onerror=alert(1)>",
  "<script>alert(1)</script>",
  '"><svg onload=alert(1)>',
  '=HYPERLINK("x")',
  "&lt;b&gt;",
  "</textarea><b>",
];

describe("h()", () => {
  it.each(HOSTILE)("keeps %j as literal text, creating no element", (text) => {
    const el = h("p", { title: text }, text, h("span", null, text));
    expect(el.textContent).toBe(text + text);
    expect(el.querySelectorAll("img, script, svg, b").length).toBe(0);
    expect(el.children.length).toBe(1);
    expect(el.getAttribute("title")).toBe(text);
    const holder = h("div", null);
    mount(holder, el);
    expect(holder.querySelector("img")).toBeNull();
  });

  it("never turns any string into markup (property-based)", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const el = h("div", { "data-x": a, "aria-label": b }, a, [b, null, false, 3]);
        expect(el.textContent).toBe(`${a}${b}3`);
        expect(el.children.length).toBe(0);
        expect(el.getAttribute("data-x")).toBe(a);
      }),
      { numRuns: runs(100, 300), seed: SEED },
    );
  });

  it("refuses attributes outside the allow-list (event handlers, style, src)", () => {
    expect(() => h("div", { onclick: "alert(1)" })).toThrow(/not allowed/);
    expect(() => h("div", { style: "color:red" })).toThrow(/not allowed/);
    expect(() => h("img", { src: "x" })).toThrow(/not allowed/);
    expect(() => h("iframe", { srcdoc: "<b>" })).toThrow(/not allowed/);
  });

  it("keeps only http(s) links", () => {
    expect(h("a", { href: "javascript:alert(1)" }).hasAttribute("href")).toBe(false);
    expect(h("a", { href: "data:text/html,<b>" }).hasAttribute("href")).toBe(false);
    expect(h("a", { href: " JaVaScRiPt:alert(1)" }).hasAttribute("href")).toBe(false);
    expect(h("a", { href: "https://patikab.go.id/x?a=1" }).getAttribute("href")).toBe(
      "https://patikab.go.id/x?a=1",
    );
    expect(isHttpUrl("http://a.b")).toBe(true);
    expect(isHttpUrl("ftp://a.b")).toBe(false);
    expect(isHttpUrl("https://")).toBe(false);
  });

  it("opens evidence links safely in a new tab, and shows other text as text", () => {
    const a = externalLink("https://example.org/bukti");
    expect(a.tagName).toBe("A");
    expect(a.getAttribute("target")).toBe("_blank");
    expect(a.getAttribute("rel")).toBe("noopener noreferrer");
    const bad = externalLink("javascript:alert(1)");
    expect(bad.tagName).toBe("SPAN");
    expect(bad.textContent).toBe("javascript:alert(1)");
  });

  it("sets form state as properties and wires listeners", () => {
    let clicks = 0;
    const select = h(
      "select",
      { value: "b" },
      h("option", { value: "a" }, "A"),
      h("option", { value: "b" }, "B"),
    );
    expect(select.value).toBe("b");
    const box = h("input", { type: "checkbox", checked: true });
    expect(box.checked).toBe(true);
    const b = h("button", { disabled: true, on: { click: () => clicks++ } }, "x");
    expect(b.disabled).toBe(true);
    b.disabled = false;
    b.click();
    expect(clicks).toBe(1);
  });

  it("creates SVG in the SVG namespace with text as text", () => {
    const t = s("text", { x: "1" }, "<tspan>");
    expect(t.namespaceURI).toBe("http://www.w3.org/2000/svg");
    expect(t.textContent).toBe("<tspan>");
    expect(t.children.length).toBe(0);
  });

  it("makes a download link from a blob of the content", () => {
    const a = downloadLink("a;b\n", "daftar-pendek-2019-09-05.csv", "text/csv", "Unduh");
    expect(a.getAttribute("download")).toBe("daftar-pendek-2019-09-05.csv");
    expect(a.getAttribute("href")).toMatch(/^blob:/);
    expect(a.textContent).toBe("Unduh");
  });
});
