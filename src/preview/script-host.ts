// Runs the built server script (dist/server.js, the very file clasp pushes) in a Node `vm`
// context whose globals are the emulator's services. Like Apps Script, every call is one
// execution that evaluates the script afresh in its own global scope: nothing a script keeps
// in a global variable survives from one execution to the next.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { parse } from "acorn";
import { createEmulator, type Emulator } from "./emulator";
import { toWire } from "./wire";

/** More arguments than any server function takes (they take at most one or two). */
const MAX_CALL_ARGS = 1_000;

export const SERVER_FILE = fileURLToPath(new URL("../../dist/server.js", import.meta.url));

export type RpcResult =
  | { ok: true; value: unknown; serviceCalls: number }
  | { ok: false; error: { message: string }; serviceCalls: number };

export interface ServerRuntime {
  readonly emulator: Emulator;
  /** The script's top-level functions that google.script.run may call (not ending in "_"). */
  functionNames(): string[];
  /**
   * One Apps Script execution: sets Session's user and locale, counts its service calls,
   * carries args and result by google.script.run's rules (wire.ts: a Date, a function or a
   * class instance fails the call; undefined in an array is null, an undefined property is
   * dropped; a function returning nothing gives null), and releases its locks at the end. Re-entrant from an onServiceCall hook (a separate execution).
   */
  call(name: string, args: unknown[], as: { email: string; locale?: string }): RpcResult;
}

export interface LoadServerOptions {
  /** The script's source; default: the contents of dist/server.js, read now. */
  code?: string;
  emulator?: Emulator;
  /** Default locale of calls that give none (Session.getActiveUserLocale); default "id". */
  defaultLocale?: string;
  /**
   * The script's clock in epoch milliseconds (what `new Date()` and `Date.now()` give it);
   * default: the real one. Tests that depend on "today" fix it.
   */
  now?: () => number;
}

interface Loaded {
  context: vm.Context;
  realm: { Date: DateConstructor; Error: ErrorConstructor; JSON: JSON };
}

/** The message of whatever a script threw. */
export function errorMessage(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) {
    const m = (error as { message: unknown }).message;
    if (typeof m === "string") return m;
  }
  return String(error);
}

/**
 * Names of the script's top-level `function` declarations — what Apps Script lists and
 * google.script.run can call (an assignment to globalThis is not found there).
 */
export function topLevelFunctions(code: string): string[] {
  const cached = parsed.get(code);
  if (cached) return [...cached.names];
  const names = parseTopLevelFunctions(code);
  remember(code, { names, script: null });
  return [...names];
}

/** Parsing and compiling the same script again is wasted work: keep the last few. */
const parsed = new Map<string, { names: string[]; script: vm.Script | null }>();
function remember(code: string, entry: { names: string[]; script: vm.Script | null }): void {
  parsed.delete(code);
  parsed.set(code, entry);
  while (parsed.size > 4) parsed.delete(parsed.keys().next().value as string);
}

function compiled(code: string): { names: string[]; script: vm.Script } {
  const entry = parsed.get(code);
  if (entry?.script) return { names: entry.names, script: entry.script };
  const script = new vm.Script(code, { filename: "server.js" });
  const names = entry?.names ?? parseTopLevelFunctions(code);
  remember(code, { names, script });
  return { names, script };
}

function parseTopLevelFunctions(code: string): string[] {
  // A classic script, as Apps Script's files are (vm.Script has compiled it already).
  const program = parse(code, { ecmaVersion: "latest", sourceType: "script" });
  const names: string[] = [];
  for (const statement of program.body) {
    if (statement.type === "FunctionDeclaration") {
      names.push(statement.id.name);
    }
  }
  return names;
}

/**
 * Replaces the context's Date by one whose "now" is the given clock: `new Date()`, `Date()` and
 * `Date.now()` read it; everything else (new Date(ms), Date.UTC, instanceof Date) is unchanged.
 */
const INSTALL_CLOCK = `(function (now) {
  var RealDate = Date;
  globalThis.Date = new Proxy(RealDate, {
    construct: function (target, args, newTarget) {
      return Reflect.construct(target, args.length ? args : [now()], newTarget);
    },
    apply: function () { return new RealDate(now()).toString(); },
    get: function (target, key) {
      return key === "now" ? function () { return now(); } : Reflect.get(target, key);
    },
  });
})`;

export function loadServer(options: LoadServerOptions = {}): ServerRuntime {
  const code = options.code ?? readFileSync(SERVER_FILE, "utf8");
  const emulator = options.emulator ?? createEmulator();
  const defaultLocale = options.defaultLocale ?? "id";
  const { names: declared, script } = compiled(code);

  const makeContext = (): Loaded => {
    const context = vm.createContext({ ...emulator.globals });
    if (options.now) vm.runInContext(INSTALL_CLOCK, context)(options.now);
    const realm = vm.runInContext(
      "({ Date: Date, Error: Error, JSON: JSON })",
      context,
    ) as Loaded["realm"];
    return { context, realm };
  };
  const load = (inExecution: boolean): Loaded => {
    const loaded = makeContext();
    // Inside an execution only: runExecution restores the outer realm when it ends.
    if (inExecution) emulator.useRealm({ Date: loaded.realm.Date, Error: loaded.realm.Error });
    script.runInContext(loaded.context);
    return loaded;
  };

  // Load once now: a syntax error or a script touching services at load time shows at once.
  const first = load(false);
  const context = first.context as Record<string, unknown>;
  const names = declared.filter(
    (name) => !name.endsWith("_") && typeof context[name] === "function",
  );
  const nameSet = new Set(names);

  if (typeof context.onEdit === "function") runsOnEdit(emulator, () => load(false), defaultLocale);

  return {
    emulator,
    functionNames: () => [...names],
    call(name, args, as) {
      if (!nameSet.has(name)) {
        return {
          ok: false,
          error: { message: `Script function not found: ${name}` },
          serviceCalls: 0,
        };
      }
      let json: string;
      try {
        // google.script.run's rules, then the script realm's own objects from JSON.
        json = JSON.stringify(toWire(Array.isArray(args) ? args : [])) ?? "[]";
      } catch (error) {
        return { ok: false, error: { message: errorMessage(error) }, serviceCalls: 0 };
      }
      const user = { email: as.email, locale: as.locale ?? defaultLocale };
      let outcome: { ok: true; value: unknown } | { ok: false; message: string } = {
        ok: false,
        message: "",
      };
      const { serviceCalls } = emulator.runExecution(user, () => {
        try {
          const { context, realm } = load(true);
          const fn = (context as Record<string, unknown>)[name] as (...a: unknown[]) => unknown;
          // Arguments arrive as the script realm's own objects (google.script.run deserializes).
          const parsed = realm.JSON.parse(json) as unknown[];
          // V8 cannot call a function with ~100 000 arguments (its stack overflows before the
          // script runs); any count beyond what a server function takes is refused by the
          // script's own check as a sentence, so that many always reach it.
          const callable = parsed.length > MAX_CALL_ARGS ? parsed.slice(0, MAX_CALL_ARGS) : parsed;
          const result = fn.apply(undefined, callable);
          outcome = { ok: true, value: result === undefined ? null : toWire(result) };
        } catch (error) {
          outcome = { ok: false, message: errorMessage(error) };
        }
      });
      const o = outcome as { ok: true; value: unknown } | { ok: false; message: string };
      return o.ok
        ? { ok: true, value: o.value, serviceCalls }
        : { ok: false, error: { message: o.message }, serviceCalls };
    },
  };
}

/**
 * Sheets runs a script's simple onEdit trigger after a person's edit (AuthMode.LIMITED, as the
 * user who typed; unknown here, so the spreadsheet's owner). Its failures are only logged, as a
 * trigger's are. One loaded script serves every trigger run: it keeps no state.
 */
function runsOnEdit(emulator: Emulator, load: () => Loaded, locale: string): void {
  let trigger: Loaded | null = null;
  emulator.onPersonEdit(({ sheetName, a1Range }) => {
    emulator.runExecution({ email: emulator.owner, locale }, () => {
      try {
        trigger ??= load();
        emulator.useRealm({ Date: trigger.realm.Date, Error: trigger.realm.Error });
        const app = trigger.context.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
        const ss = app.getActiveSpreadsheet();
        const range = ss.getSheetByName(sheetName)?.getRange(a1Range.replace(/^.*!/, ""));
        const onEdit = trigger.context.onEdit as (e: unknown) => void;
        onEdit({ authMode: "LIMITED", source: ss, range, user: emulator.owner });
      } catch (error) {
        emulator.logs.push(`onEdit failed: ${errorMessage(error)}`);
      }
    });
  });
}
