// JSON-clean results (DESIGN §5): what every server function returns crosses google.script.run
// unchanged. The functions of src/server/main.ts are called here directly (not through the
// script host, which serializes) against the emulator, and their raw results are put through
// google.script.run's rules: a Date, a function or a class instance fails the call, `undefined`
// in an array arrives as null — and, as the issue feared, an undefined property as null too.
import { describe, expect, it } from "vitest";
import { BUDGET_CASES, COORD, ok, REV_B, sizedWorld } from "./helpers";
import { inProcess } from "./in-process";
import { acrossGoogleScriptRun } from "./rpc-rules";

const w = sizedWorld(6, { bootstrapResamples: 20 });
// A panel member without a name or agency, and a quickwin without the optional fields.
ok(
  w.call("saveReviewers", [
    [
      { email: COORD, role: "coordinator" },
      { email: REV_B, role: "reviewer" },
    ],
  ]),
);
const server = inProcess(w.rt.emulator);

function raw(name: string, args: unknown[], email: string): unknown {
  return server.run({ email }, (s) =>
    (s as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...args),
  );
}

describe("every server function's result crosses google.script.run unchanged", () => {
  it.each(BUDGET_CASES)("%s", (_label, name, args, email) => {
    const value = raw(name, args(w), email);
    expect(acrossGoogleScriptRun(value)).toStrictEqual(value);
  });

  it("the check itself: undefined properties, Dates and functions do not cross unchanged", () => {
    const withUndefined = { name: undefined, list: [1, undefined] };
    expect(acrossGoogleScriptRun(withUndefined)).not.toStrictEqual(withUndefined);
    expect(() => acrossGoogleScriptRun({ at: new Date() })).toThrow(/Date instance/);
    expect(() => acrossGoogleScriptRun({ f: () => 1 })).toThrow(/function/);
  });
});
