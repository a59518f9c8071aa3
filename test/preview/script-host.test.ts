// The runtime: loads a script into a vm context with the emulator as globals; executions,
// locks, counting, fault injection and interleaving; and the real dist/server.js.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEmulator, LOCK_TIMEOUT } from "../../src/preview/emulator";
import { loadServer, SERVER_FILE, topLevelFunctions } from "../../src/preview/script-host";

const SCRIPT = `
var Bundle = (function () { return { hidden: function () { return 1; } }; })();
function increment(useLock) {
  var lock = LockService.getDocumentLock();
  if (useLock) lock.waitLock(10000);
  var cell = SpreadsheetApp.getActive().getSheets()[0].getRange("A1");
  var v = cell.getValue() || 0;
  cell.setValue(v + 1);
  if (useLock) lock.releaseLock();
  return v + 1;
}
function whoami() {
  return [Session.getActiveUser().getEmail(), Session.getActiveUserLocale(),
          Session.getEffectiveUser().getEmail()];
}
function grabLock() { var l = LockService.getDocumentLock(); l.waitLock(5000); return l.hasLock(); }
function tryIt() { return LockService.getDocumentLock().tryLock(100); }
function dateInfo() {
  var v = SpreadsheetApp.getActive().getSheets()[0].getRange("B1").getValue();
  return { isDate: v instanceof Date, tag: Object.prototype.toString.call(v), iso: v.toISOString(),
           errorIsError: (function () { try { SpreadsheetApp.getActive().getSheets()[0].getRange(0, 1); }
             catch (e) { return e instanceof Error && String(e) === "Exception: " + e.message; } })() };
}
function echo(x) { return x; }
function argProto(o) { return Object.getPrototypeOf(o) === Object.prototype && Array.isArray(o.list) && o.list instanceof Array; }
function fail() { throw new Error("boom"); }
function failString() { throw "plain"; }
function nothing() {}
function withDate() { return { when: new Date(Date.UTC(2019, 8, 5)) }; }
function clock() {
  var d = new Date();
  return { now: Date.now(), iso: d.toISOString(), isDate: d instanceof Date, tag: Object.prototype.toString.call(d),
           text: Date() === d.toString(), given: new Date(0).toISOString(), utc: Date.UTC(2019, 8, 5),
           parsed: Date.parse("2019-09-05T00:00:00Z") };
}
var counter = 0;
function bump() { counter++; return counter; }
function private_() { return 1; }
globalThis.assigned = function () { return 1; };
function write(a1, values) { SpreadsheetApp.getActive().getSheets()[0].getRange(a1).setValues(values); return true; }
`;

describe("loadServer with a script", () => {
  it("finds top-level function declarations only (not private_, not globalThis assignments)", () => {
    const rt = loadServer({ code: SCRIPT });
    const names = rt.functionNames();
    expect(names).toContain("increment");
    expect(names).toContain("echo");
    expect(names).not.toContain("private_");
    expect(names).not.toContain("assigned");
    expect(names).not.toContain("Bundle");
    expect(rt.call("private_", [], { email: "a@x.id" })).toEqual({
      ok: false,
      error: { message: "Script function not found: private_" },
      serviceCalls: 0,
    });
  });

  it("carries arguments and results by google.script.run's rules", () => {
    const rt = loadServer({ code: SCRIPT });
    const as = { email: "a@x.id" };
    expect(rt.call("echo", [{ a: [1, "x", null, undefined], u: undefined }], as)).toEqual({
      ok: true,
      value: { a: [1, "x", null, null] },
      serviceCalls: 0,
    });
    expect(rt.call("nothing", [], as)).toEqual({ ok: true, value: null, serviceCalls: 0 });
    expect(rt.call("withDate", [], as)).toEqual({
      ok: false,
      error: { message: "Failed due to illegal value in property: when" },
      serviceCalls: 0,
    });
    // Arguments are objects of the script's own realm.
    expect(rt.call("argProto", [{ list: [1] }], as)).toMatchObject({ ok: true, value: true });
  });

  it("turns throws into { ok: false, error: { message } }", () => {
    const rt = loadServer({ code: SCRIPT });
    expect(rt.call("fail", [], { email: "a@x.id" })).toEqual({
      ok: false,
      error: { message: "boom" },
      serviceCalls: 0,
    });
    expect(rt.call("failString", [], { email: "a@x.id" })).toMatchObject({
      ok: false,
      error: { message: "plain" },
    });
  });

  it("each call is a fresh execution: globals do not survive between calls", () => {
    const rt = loadServer({ code: SCRIPT });
    expect(rt.call("bump", [], { email: "a@x.id" })).toMatchObject({ value: 1 });
    expect(rt.call("bump", [], { email: "a@x.id" })).toMatchObject({ value: 1 });
  });

  it("sets Session's user and locale per call", () => {
    const rt = loadServer({ code: SCRIPT });
    expect(rt.call("whoami", [], { email: "dina@bappeda.id", locale: "en" })).toMatchObject({
      value: ["dina@bappeda.id", "en", "dina@bappeda.id"],
    });
    expect(rt.call("whoami", [], { email: "" })).toMatchObject({ value: ["", "id", ""] });
  });

  it("gives the script Dates and Errors of its own realm", () => {
    const emulator = createEmulator();
    const rt = loadServer({ code: SCRIPT, emulator });
    emulator.typeInto("Sheet1", "B1", [["2019-09-05"]]);
    expect(rt.call("dateInfo", [], { email: "a@x.id" })).toMatchObject({
      ok: true,
      value: {
        isDate: true,
        tag: "[object Date]",
        iso: "2019-09-04T17:00:00.000Z",
        errorIsError: true,
      },
    });
  });

  it("gives the script the clock it is loaded with (now only; other dates unchanged)", () => {
    const at = Date.parse("2019-09-05T17:30:00Z");
    const emulator = createEmulator();
    emulator.typeInto("Sheet1", "B1", [["2019-09-05"]]);
    const rt = loadServer({ code: SCRIPT, emulator, now: () => at });
    expect(rt.call("clock", [], { email: "a@x.id" })).toMatchObject({
      ok: true,
      value: {
        now: at,
        iso: "2019-09-05T17:30:00.000Z",
        isDate: true,
        tag: "[object Date]",
        text: true,
        given: "1970-01-01T00:00:00.000Z",
        utc: Date.UTC(2019, 8, 5),
        parsed: Date.UTC(2019, 8, 5),
      },
    });
    // The emulator's dates are the script's own Dates still.
    expect(rt.call("dateInfo", [], { email: "a@x.id" })).toMatchObject({
      value: { isDate: true, iso: "2019-09-04T17:00:00.000Z" },
    });
    // Without a clock, the real one.
    const real = loadServer({ code: SCRIPT }).call("clock", [], { email: "a@x.id" });
    expect(real.ok && Math.abs((real.value as { now: number }).now - Date.now())).toBeLessThan(
      60_000,
    );
  });

  it("counts each execution's service calls", () => {
    const emulator = createEmulator();
    const rt = loadServer({ code: SCRIPT, emulator });
    // getDocumentLock, getActive, getSheets, getRange, getValue, setValue
    const r = rt.call("increment", [false], { email: "a@x.id" });
    expect(r).toMatchObject({ ok: true, value: 1, serviceCalls: 6 });
    expect(emulator.serviceCalls).toBe(6);
    // + waitLock, releaseLock
    expect(rt.call("increment", [true], { email: "a@x.id" }).serviceCalls).toBe(8);
  });

  it("releases an execution's locks when it ends", () => {
    const rt = loadServer({ code: SCRIPT });
    expect(rt.call("grabLock", [], { email: "a@x.id" })).toMatchObject({ value: true });
    // grabLock never released its lock; the next execution gets it anyway.
    expect(rt.call("tryIt", [], { email: "b@x.id" })).toMatchObject({ value: true });
  });
});

describe("fault injection", () => {
  it("makes the n-th call throw Sheets' transient error, with no effect", () => {
    const emulator = createEmulator();
    const rt = loadServer({ code: SCRIPT, emulator });
    emulator.failOnCall(4);
    const r = rt.call("write", ["A1:B1", [[1, 2]]], { email: "a@x.id" });
    expect(r).toEqual({
      ok: false,
      error: {
        message: `Service Spreadsheets failed while accessing document with id ${emulator.spreadsheetId}.`,
      },
      serviceCalls: 4,
    });
    expect(emulator.snapshot().sheets[0]!.values).toEqual([]);
    // One-shot: the next call succeeds.
    expect(rt.call("write", ["A1:B1", [[1, 2]]], { email: "a@x.id" }).ok).toBe(true);
    expect(emulator.snapshot().sheets[0]!.values).toEqual([[1, 2]]);
  });

  it("takes a custom message", () => {
    const emulator = createEmulator();
    const rt = loadServer({ code: SCRIPT, emulator });
    emulator.failOnCall(1, "Service unavailable: Spreadsheets");
    expect(rt.call("write", ["A1", [[1]]], { email: "a@x.id" })).toMatchObject({
      ok: false,
      error: { message: "Service unavailable: Spreadsheets" },
    });
  });
});

describe("interleaving", () => {
  it("runs another execution between two calls of a first; without a lock an update is lost", () => {
    const emulator = createEmulator();
    const rt = loadServer({ code: SCRIPT, emulator });
    const seen: string[] = [];
    let nested: unknown = null;
    emulator.onServiceCall((info) => {
      seen.push(`${info.depth}:${info.email}:${info.count}:${info.method}`);
      // Between the first execution's getValue and setValue.
      if (info.email === "a@x.id" && info.method === "Range.setValue" && nested === null) {
        nested = rt.call("increment", [false], { email: "b@x.id" });
      }
    });
    const outer = rt.call("increment", [false], { email: "a@x.id" });
    expect(nested).toMatchObject({ ok: true, value: 1, serviceCalls: 6 });
    expect(outer).toMatchObject({ ok: true, value: 1, serviceCalls: 6 });
    // Both read 0 and wrote 1: the lost update the document lock exists to prevent.
    expect(emulator.snapshot().sheets[0]!.values).toEqual([[1]]);
    expect(seen).toContain("0:a@x.id:6:Range.setValue");
    expect(seen.filter((s) => s.startsWith("0:a@x.id"))).toHaveLength(6);
  });

  it("the document lock excludes: the interleaved execution times out, nothing is lost", () => {
    const emulator = createEmulator();
    const rt = loadServer({ code: SCRIPT, emulator });
    let nested: unknown = null;
    emulator.onServiceCall((info) => {
      if (info.email === "a@x.id" && info.method === "Range.getValue" && nested === null) {
        nested = rt.call("increment", [true], { email: "b@x.id" });
      }
    });
    const outer = rt.call("increment", [true], { email: "a@x.id" });
    expect(nested).toMatchObject({ ok: false, error: { message: LOCK_TIMEOUT } });
    expect(outer).toMatchObject({ ok: true, value: 1 });
    emulator.onServiceCall(null);
    expect(rt.call("increment", [true], { email: "b@x.id" })).toMatchObject({ value: 2 });
  });
});

describe("the real dist/server.js", () => {
  it("loads, and every top-level function of the file is found", () => {
    const code = readFileSync(SERVER_FILE, "utf8");
    const rt = loadServer();
    const names = rt.functionNames();
    expect(names).toEqual(topLevelFunctions(code).filter((n) => !n.endsWith("_")));
    for (const n of ["onOpen", "onInstall", "showSidebar"]) expect(names).toContain(n);
  });

  it("onOpen builds the add-on menu; showSidebar shows the 300 px sidebar", () => {
    const emulator = createEmulator();
    const rt = loadServer({ emulator });
    expect(rt.call("onOpen", [{ authMode: "NONE" }], { email: "a@x.id" }).ok).toBe(true);
    expect(emulator.ui.menus).toHaveLength(1);
    expect(emulator.ui.menus[0]).toMatchObject({
      kind: "addon",
      items: [{ functionName: "showSidebar" }, { functionName: "showSelfCheck" }],
    });
    const r = rt.call("showSidebar", [], { email: "a@x.id", locale: "en" });
    expect(r.ok).toBe(true);
    expect(emulator.ui.sidebars).toHaveLength(1);
    expect(emulator.ui.sidebars[0]!.width).toBe(300);
    expect(emulator.ui.sidebars[0]!.html).toContain('{"locale":"en"}');
  });
});
