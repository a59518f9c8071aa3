// google.script.run's rules for the values it carries, both ways (DESIGN §5, §7): in the
// runtime (arguments and results of a script function) and in the preview's shim.
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { shimScript } from "../../src/preview/page";
import { loadServer } from "../../src/preview/script-host";
import { toWire } from "../../src/preview/wire";

const SCRIPT = `
function echo(x) { return x; }
function kind(x) { return x === null ? "null" : Array.isArray(x) ? "array" : typeof x; }
function keys(x) { return Object.keys(x).concat(String(x.b === undefined)); }
function returnsDate() { return [1, { at: new Date(0) }]; }
function returnsFunction() { return { run: function () {} }; }
function Point(x) { this.x = x; }
function returnsInstance() { return { p: new Point(1) }; }
function returnsMap() { return new Map(); }
function returnsCycle() { var a = { n: 1 }; a.self = a; return a; }
function returnsHoles() { var u; return { list: [1, u, 3], gone: u, kept: null }; }
function returnsNothing() {}
`;

const AS = { email: "a@x.id" };
const rt = () => loadServer({ code: SCRIPT });
const message = (r: ReturnType<ReturnType<typeof rt>["call"]>) => (r.ok ? null : r.error.message);

describe("results of a server function", () => {
  it("a Date, a function, a class instance, a Map or a cycle fails the call, naming where", () => {
    const r = rt();
    expect(message(r.call("returnsDate", [], AS))).toBe(
      "Failed due to illegal value in property: at",
    );
    expect(message(r.call("returnsFunction", [], AS))).toBe(
      "Failed due to illegal value in property: run",
    );
    expect(message(r.call("returnsInstance", [], AS))).toBe(
      "Failed due to illegal value in property: p",
    );
    expect(message(r.call("returnsMap", [], AS))).toMatch(/^Failed due to illegal value/);
    expect(message(r.call("returnsCycle", [], AS))).toBe(
      "Failed due to illegal value in property: self",
    );
  });

  it("undefined in an array becomes null; an undefined property is dropped; nothing is null", () => {
    const r = rt();
    expect(r.call("returnsHoles", [], AS)).toMatchObject({
      ok: true,
      value: { list: [1, null, 3], kept: null },
    });
    const holes = r.call("returnsHoles", [], AS);
    expect(holes.ok && Object.keys(holes.value as object)).toEqual(["list", "kept"]);
    expect(r.call("returnsNothing", [], AS)).toMatchObject({ ok: true, value: null });
  });
});

describe("arguments of a call", () => {
  it("a Date or a function fails the call before the function runs", () => {
    const r = rt();
    expect(r.call("echo", [new Date(0)], AS)).toEqual({
      ok: false,
      error: { message: "Failed due to illegal value in property: 0" },
      serviceCalls: 0,
    });
    expect(message(r.call("echo", [{ when: new Date(0) }], AS))).toBe(
      "Failed due to illegal value in property: when",
    );
    expect(message(r.call("echo", [[1, () => 1]], AS))).toBe(
      "Failed due to illegal value in property: 1",
    );
  });

  it("undefined in an array arrives as null; an undefined property does not arrive", () => {
    const r = rt();
    expect(r.call("kind", [undefined], AS)).toMatchObject({ ok: true, value: "null" });
    expect(r.call("echo", [[1, undefined]], AS)).toMatchObject({ ok: true, value: [1, null] });
    expect(r.call("keys", [{ a: 1, b: undefined }], AS)).toMatchObject({
      ok: true,
      value: ["a", "true"],
    });
  });

  it("nothing else is converted: numbers, strings, booleans, null and nesting pass as they are", () => {
    const value = { n: -1.5, s: "007", b: false, z: null, deep: [[{ x: ["=1+1"] }]] };
    expect(toWire(value)).toEqual(value);
    expect(rt().call("echo", [value], AS)).toMatchObject({ ok: true, value });
  });
});

describe("the preview's google.script.run shim", () => {
  /** Runs the shim in a bare context; returns google.script.run and the bodies it POSTed. */
  function shim() {
    const posted: { url: string; body: unknown }[] = [];
    const context = vm.createContext({
      window: {},
      location: { origin: "http://127.0.0.1:8080" },
      setTimeout: (fn: () => void) => fn(),
      fetch: (url: string, init: { body: string }) => {
        posted.push({ url, body: JSON.parse(init.body) });
        return new Promise(() => {});
      },
    });
    vm.runInContext(`window.parent = window; ${shimScript("a@x.id", "id")}`, context);
    const run = vm.runInContext("window.google.script.run", context) as Record<
      string,
      (...a: unknown[]) => unknown
    >;
    return { run, posted, context };
  }

  it("fails a call with a Date argument, as Google does, and sends nothing", () => {
    const { run, posted, context } = shim();
    const failures: string[] = [];
    const runner = run.withFailureHandler!((e: Error) => failures.push(e.message)) as Record<
      string,
      (...a: unknown[]) => unknown
    >;
    runner.saveQuickwin!(vm.runInContext("({ startDate: new Date(0) })", context));
    expect(failures).toEqual(["Failed due to illegal value in property: startDate"]);
    expect(posted).toEqual([]);
  });

  it("sends undefined in an array as null and drops undefined properties", () => {
    const { run, posted } = shim();
    run.echo!({ list: [1, undefined], gone: undefined, kept: null });
    expect(posted).toEqual([
      {
        url: "/rpc/echo",
        body: { args: [{ list: [1, null], kept: null }], user: "a@x.id", locale: "id" },
      },
    ]);
  });
});
