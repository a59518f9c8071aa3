// The Apps Script emulator: an in-memory, faithful subset of the services the add-on uses.
// See README "Local preview and emulator" for what it covers and what it does not.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { splitSheet } from "./a1";
import { WriteBuffer } from "./buffer";
import { ChartsObj } from "./chart";
import type { SpreadsheetState } from "./context";
import { Core, type ServiceCallHook } from "./core";
import { HtmlServiceObj } from "./html";
import { LockServiceObj } from "./lock";
import { createLogging } from "./logging";
import { SheetModel, type WorkbookData, WorkbookModel } from "./model";
import { PropertiesServiceObj } from "./properties";
import { ScriptAppObj } from "./script-app";
import { SessionObj } from "./session";
import { SpreadsheetAppObj } from "./spreadsheet-app";
import { UiObj, type UiRecord } from "./ui";
import { UtilitiesObj } from "./utilities";
import { DateVal, displayValue, parseTyped } from "./values";
import { writeGrid } from "./writes";

export type { ServiceCallHook, ServiceCallInfo } from "./core";
export { LOCK_TIMEOUT } from "./lock";
export { checkWorkbookData, type WorkbookData } from "./model";

export const DEFAULT_OWNER = "koordinator@patikab.go.id";
export const DEFAULT_SPREADSHEET_NAME = "Penilaian Quickwin (pratinjau)";

const DIST = fileURLToPath(new URL("../../../dist/", import.meta.url));

export interface EmulatorOptions {
  /** A persisted workbook (JSON) to start from. */
  data?: WorkbookData;
  /** Default "Penilaian Quickwin (pratinjau)". */
  spreadsheetName?: string;
  /** Spreadsheet (and script) time zone; default "Asia/Jakarta". */
  timeZone?: string;
  /** Spreadsheet locale, which decides how typed text is parsed; default (and only) "en_US". */
  locale?: string;
  /** The spreadsheet's owner, and the user of calls made outside any execution. */
  owner?: string;
  /** Locale of the owner outside executions (Session.getActiveUserLocale); default "id". */
  userLocale?: string;
  /** For HtmlService.createHtmlOutputFromFile(name); default: dist/NAME.html. */
  htmlFiles?: Record<string, string>;
  /**
   * Buffer each execution's spreadsheet writes until SpreadsheetApp.flush() or the end of the
   * execution, as Sheets may (releasing a lock does not commit them); the writing execution
   * sees its own writes at once. Default false: every write is visible at once.
   */
  bufferedWrites?: boolean;
  /** Print the script's console/Logger output to stderr (default: only recorded in logs). */
  printLogs?: boolean;
}

export interface SheetSnapshot {
  name: string;
  /** The data range's values (dates as ISO 8601 strings); [] for an empty sheet. */
  values: unknown[][];
  /** Same shape; "" where a cell holds no formula. */
  formulas: string[][];
}

/** A sheet as the preview page's grid shows it. */
export interface SheetGrid extends SheetSnapshot {
  /** What Sheets shows in each cell (number formats applied, dates in the spreadsheet's zone). */
  display: string[][];
  /**
   * What to type to get each cell back as it is: its formula, a text that typing would turn
   * into something else with Sheets' `'` prefix, a date as shown. The formula bar shows this.
   */
  inputs: string[][];
}

export interface EmulatorUi extends UiRecord {
  toasts: { message: string; title: string; timeout: number }[];
}

export interface Emulator {
  /** SpreadsheetApp, LockService, Session, PropertiesService, HtmlService, Utilities, ScriptApp,
   * Charts, Logger, console. */
  readonly globals: Record<string, unknown>;
  /** Service calls made by the current execution, or by the last one when none runs. */
  readonly serviceCalls: number;
  resetServiceCalls(): void;
  /** The n-th service call from now (1-based, across executions) throws; it has no effect. */
  failOnCall(n: number, message?: string): void;
  /** Called before each counted call; not re-entered while it runs (nested calls skip it). */
  onServiceCall(hook: ServiceCallHook | null): void;
  snapshot(): { sheets: SheetSnapshot[] };
  /** The snapshot with what the grid shows and what retyping each cell takes. */
  grid(): { sheets: SheetGrid[] };
  /** Writes as a person typing (Sheets' coercion; "@" cells keep text); throws Sheets' errors. */
  typeInto(sheetName: string, a1Range: string, values: unknown[][]): void;
  toJSON(): WorkbookData;
  readonly ui: EmulatorUi;
  /** Script output of console.* and Logger.log (last 1 000 lines). */
  readonly logs: string[];
  readonly spreadsheetId: string;
  readonly owner: string;
  /** Increases on every change to the workbook (the preview saves when it moves). */
  readonly version: number;
  /** Total milliseconds "slept" through Utilities.sleep (a virtual clock; no real waiting). */
  readonly sleptMs: number;
  /** Runs fn as one execution of the user: own count, own locks (released at the end). */
  runExecution<T>(
    user: { email: string; locale: string },
    fn: () => T,
  ): { value: T; serviceCalls: number };
  /** Makes the emulator create Dates and Errors with these constructors (a vm context's). */
  useRealm(realm: { Date: DateConstructor; Error: ErrorConstructor }): void;
}

function newSpreadsheetId(): string {
  return `1qw${randomBytes(30).toString("base64url").slice(0, 41)}`;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const owner = options.owner ?? options.data?.owner ?? DEFAULT_OWNER;
  const core = new Core({ email: owner, locale: options.userLocale ?? "id" });
  let wb: WorkbookModel;
  if (options.data) {
    wb = WorkbookModel.fromJSON(options.data);
  } else {
    wb = new WorkbookModel(
      newSpreadsheetId(),
      options.spreadsheetName ?? DEFAULT_SPREADSHEET_NAME,
      options.timeZone ?? "Asia/Jakarta",
      options.locale ?? "en_US",
      owner,
    );
    wb.sheets.push(new SheetModel(0, "Sheet1"));
    wb.activeSheetId = 0;
  }
  core.transientMessage = () =>
    `Service Spreadsheets failed while accessing document with id ${wb.id}.`;

  let version = 0;
  let sleptMs = 0;
  const ui: EmulatorUi = { alerts: [], sidebars: [], dialogs: [], menus: [], toasts: [] };
  const logs: string[] = [];
  const buffer = options.bufferedWrites ? new WriteBuffer(core, () => wb) : null;
  if (buffer) {
    core.around = (target, method, args, call) => buffer.run(target, method, args, call);
    core.onExecutionEnd = (id) => buffer.commit(id);
  }
  const touch = () => {
    version++;
    buffer?.changed(ctx.wb);
  };
  let uiObj: UiObj | null = null;
  const ctx: SpreadsheetState = {
    core,
    get wb() {
      return buffer ? buffer.current() : wb;
    },
    ui: () => {
      uiObj ??= new UiObj(core, ui);
      return uiObj;
    },
    touch,
    now: () => Date.now(),
    toasts: ui.toasts,
    flush: () => {
      if (buffer && core.inExecution) buffer.commit(core.current.id);
    },
  };
  const htmlFile = (name: string): string | null => {
    if (options.htmlFiles) {
      return Object.prototype.hasOwnProperty.call(options.htmlFiles, name)
        ? options.htmlFiles[name]!
        : null;
    }
    if (!/^[\w.-]+$/.test(name)) return null;
    const file = join(DIST, `${name}.html`);
    return existsSync(file) ? readFileSync(file, "utf8") : null;
  };
  const logging = createLogging(logs, options.printLogs ?? false);

  const spreadsheetApp = new SpreadsheetAppObj(ctx);
  const globals: Record<string, unknown> = {
    SpreadsheetApp: core.wrap(spreadsheetApp),
    LockService: core.wrap(new LockServiceObj(core)),
    Session: core.wrap(new SessionObj(core, () => wb.timeZone)),
    PropertiesService: core.wrap(
      new PropertiesServiceObj(
        core,
        () => wb,
        () => version++,
      ),
    ),
    HtmlService: core.wrap(new HtmlServiceObj(core, htmlFile)),
    Utilities: core.wrap(
      new UtilitiesObj(core, (ms) => {
        sleptMs += ms;
      }),
    ),
    ScriptApp: core.wrap(new ScriptAppObj(core, `script-${wb.id}`)),
    Charts: core.wrap(new ChartsObj(core)),
    Logger: logging.Logger,
    console: logging.console,
  };

  /** A sheet's data range: values (dates as ISO strings) and formulas, and for the page's
   * grid what each cell shows and what retyping it takes. */
  const readSheet = (m: SheetModel, withGrid: boolean): SheetGrid => {
    const tz = wb.timeZone;
    const out: SheetGrid = { name: m.name, values: [], formulas: [], display: [], inputs: [] };
    const rows = m.lastRow();
    const cols = m.lastColumn();
    for (let r = 1; r <= rows; r++) {
      const line = { v: [] as unknown[], f: [] as string[], d: [] as string[], i: [] as string[] };
      for (let c = 1; c <= cols; c++) {
        const v = wb.read(m, r, c);
        const cell = m.cell(r, c);
        const f = cell?.f ?? "";
        line.v.push(v instanceof DateVal ? new Date(v.ms).toISOString() : v);
        line.f.push(f);
        if (!withGrid) continue;
        const shown = displayValue(v, cell?.nf, tz);
        let input: string;
        if (f) input = f;
        else if (v instanceof DateVal) input = shown;
        else if (typeof v === "boolean") input = v ? "TRUE" : "FALSE";
        else if (typeof v === "string") {
          // Text that typing would turn into a number, date, boolean or formula needs the '.
          const typed = v === "" || cell?.nf === "@" ? null : parseTyped(v, tz);
          input = typed && !(typed.kind === "value" && typed.value === v) ? `'${v}` : v;
        } else input = String(v);
        line.d.push(shown);
        line.i.push(input);
      }
      out.values.push(line.v);
      out.formulas.push(line.f);
      if (withGrid) {
        out.display.push(line.d);
        out.inputs.push(line.i);
      }
    }
    return out;
  };

  const sheetNamed = (name: string) => {
    const m = wb.sheetByName(name) ?? wb.sheetByNameInsensitive(name);
    if (!m) throw new SheetNotFoundError(name);
    return m;
  };

  return {
    globals,
    get serviceCalls() {
      return core.serviceCalls;
    },
    resetServiceCalls: () => core.resetServiceCalls(),
    failOnCall: (n, message) => core.failOnCall(n, message),
    onServiceCall: (hook) => core.onServiceCall(hook),
    snapshot: () => ({
      sheets: wb.sheets.map((m) => {
        const { name, values, formulas } = readSheet(m, false);
        return { name, values, formulas };
      }),
    }),
    grid: () => ({ sheets: wb.sheets.map((m) => readSheet(m, true)) }),
    typeInto: (sheetName, a1Range, values) => {
      const m = sheetNamed(sheetName);
      const sheet = spreadsheetApp._ss._sheet(m);
      // A sheet prefix is allowed when it names this sheet.
      const split = typeof a1Range === "string" ? splitSheet(a1Range) : null;
      if (
        !split ||
        (split.sheet !== undefined && split.sheet.toLowerCase() !== m.name.toLowerCase())
      ) {
        throw core.error("Range not found");
      }
      const range = sheet._rangeA1(split.cells);
      range._grid(values, "typeInto");
      writeGrid(ctx, m, range._row, range._col, values, "typeInto");
    },
    toJSON: () => wb.toJSON(),
    ui,
    logs,
    get spreadsheetId() {
      return wb.id;
    },
    owner,
    get version() {
      return version;
    },
    get sleptMs() {
      return sleptMs;
    },
    runExecution: (user, fn) => core.runExecution(user, fn),
    useRealm: (realm) => {
      core.realm = realm;
    },
  };
}

/** typeInto on a sheet that does not exist (the preview answers 404). */
export class SheetNotFoundError extends Error {
  constructor(readonly sheetName: string) {
    super(`No sheet named "${sheetName}".`);
    this.name = "SheetNotFoundError";
  }
}
