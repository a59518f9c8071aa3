// The Apps Script emulator: an in-memory, faithful subset of the services the add-on uses.
// See README "Local preview and emulator" for what it covers and what it does not.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { WriteBuffer } from "./buffer";
import { ChartsObj } from "./chart";
import type { SpreadsheetState } from "./context";
import { Core, type ServiceCallHook } from "./core";
import { readSheet, type SheetGrid, type SheetSnapshot } from "./grid";
import { HtmlServiceObj } from "./html";
import { LockServiceObj } from "./lock";
import { createLogging } from "./logging";
import { SheetModel, type WorkbookData, WorkbookModel } from "./model";
import { PersonEdits, type SheetEditOp } from "./person";
import { PropertiesServiceObj } from "./properties";
import { ScriptAppObj } from "./script-app";
import { SessionObj } from "./session";
import { SpreadsheetAppObj } from "./spreadsheet-app";
import { UiObj, type UiRecord } from "./ui";
import { UtilitiesObj } from "./utilities";

export type { ServiceCallHook, ServiceCallInfo } from "./core";
export type { SheetGrid, SheetSnapshot } from "./grid";
export { LOCK_TIMEOUT } from "./lock";
export { cellDataAt, checkWorkbookData, type WorkbookData } from "./model";
export { type SheetEditOp, SheetNotFoundError } from "./person";
export type { MenuItem } from "./ui";

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
  /**
   * A new spreadsheet's locale (Spreadsheet.setSpreadsheetLocale changes it): it decides how
   * typed text is read (id_ID: 5/9/2019 is 5 September, 1.500,5 is 1500.5) and how cells show
   * (id_ID: 1.500.000, dd/mm/yyyy, decimal comma). "en_US" (default) or "id_ID".
   */
  locale?: string;
  /**
   * Whether a script's setValues keeps a string verbatim in a cell formatted "@" ("honoured",
   * the default) or coerces it like typed input ("ignored") — the two behaviours a live
   * spreadsheet may have. A person's typing always honours "@"; a leading ' always keeps text.
   */
  plainTextFormat?: "honoured" | "ignored";
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
  /**
   * With bufferedWrites, what the end of an execution does first. Google does not say whether
   * the locks Apps Script releases when an execution ends go before or after its pending writes
   * land: "commit-first" (default) commits them, then releases; "release-first" releases, runs
   * the `betweenReleaseAndCommit` hook (where another execution may take the lock and read), and
   * then commits — a script that never flushed under its lock is caught there.
   */
  executionEnd?: "commit-first" | "release-first";
  /** Print the script's console/Logger output to stderr (default: only recorded in logs). */
  printLogs?: boolean;
}

/** A person's edit as onEdit's event gives it: the sheet typed into and the range (A1). */
export type PersonEditListener = (edit: { sheetName: string; a1Range: string }) => void;

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
  /**
   * With executionEnd "release-first": runs as an execution ends, after its locks went and
   * before its pending writes land (not for the executions the hook itself runs).
   */
  betweenReleaseAndCommit(hook: (() => void) | null): void;
  snapshot(): { sheets: SheetSnapshot[] };
  /** The snapshot with what the grid shows and what retyping each cell takes. */
  grid(): { sheets: SheetGrid[] };
  /**
   * Writes as a person typing (Sheets' coercion; "@" cells keep text); throws Sheets' errors.
   * Then, as Sheets runs a script's simple onEdit trigger after a person's edit, the listener.
   */
  typeInto(sheetName: string, a1Range: string, values: unknown[][]): void;
  /** Who hears a person's typing: the script host, to run the script's onEdit (one slot). */
  onPersonEdit(listener: PersonEditListener | null): void;
  /** A person adds, renames or deletes a tab (Sheets' rules and messages). */
  addSheet(name: string): void;
  renameSheet(name: string, newName: string): void;
  deleteSheet(name: string): void;
  /** A person inserts or deletes rows or columns (1-based; at = last + 1 appends). */
  editSheet(name: string, op: SheetEditOp, at: number, count: number): void;
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

/** The workbook to start from: the given data, or a new spreadsheet with one blank Sheet1. */
function openWorkbook(options: EmulatorOptions, owner: string): WorkbookModel {
  if (options.data) return WorkbookModel.fromJSON(options.data);
  const wb = new WorkbookModel(
    newSpreadsheetId(),
    options.spreadsheetName ?? DEFAULT_SPREADSHEET_NAME,
    options.timeZone ?? "Asia/Jakarta",
    options.locale ?? "en_US",
    owner,
  );
  wb.sheets.push(new SheetModel(0, "Sheet1"));
  wb.activeSheetId = 0;
  return wb;
}

/** HtmlService.createHtmlOutputFromFile(name): the given files, or dist/NAME.html. */
function htmlFileOf(options: EmulatorOptions, name: string): string | null {
  if (options.htmlFiles) {
    return Object.prototype.hasOwnProperty.call(options.htmlFiles, name)
      ? options.htmlFiles[name]!
      : null;
  }
  if (!/^[\w.-]+$/.test(name)) return null;
  const file = join(DIST, `${name}.html`);
  return existsSync(file) ? readFileSync(file, "utf8") : null;
}

/** The state the spreadsheet objects share; with bufferedWrites, each execution's view. */
function spreadsheetState(
  core: Core,
  wb: WorkbookModel,
  options: EmulatorOptions,
  ui: EmulatorUi,
  changed: () => void,
): SpreadsheetState {
  const buffer = options.bufferedWrites ? new WriteBuffer(core, () => wb) : null;
  if (buffer) {
    core.around = (target, method, args, call) => buffer.run(target, method, args, call);
    core.onExecutionEnd = (id) => buffer.commit(id);
    core.releaseFirst = options.executionEnd === "release-first";
  }
  const touch = () => {
    changed();
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
    plainTextFormat: options.plainTextFormat ?? "honoured",
    flush: () => {
      if (buffer && core.inExecution) buffer.commit(core.current.id);
    },
  };
  return ctx;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const owner = options.owner ?? options.data?.owner ?? DEFAULT_OWNER;
  const core = new Core({ email: owner, locale: options.userLocale ?? "id" });
  const wb = openWorkbook(options, owner);
  core.transientMessage = () =>
    `Service Spreadsheets failed while accessing document with id ${wb.id}.`;

  let version = 0;
  let sleptMs = 0;
  const ui: EmulatorUi = { alerts: [], sidebars: [], dialogs: [], menus: [], toasts: [] };
  const logs: string[] = [];
  const ctx = spreadsheetState(core, wb, options, ui, () => {
    version++;
  });
  const htmlFile = (name: string) => htmlFileOf(options, name);
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

  const person = new PersonEdits(ctx, spreadsheetApp._ss);
  let personEdit: PersonEditListener | null = null;

  return {
    globals,
    get serviceCalls() {
      return core.serviceCalls;
    },
    resetServiceCalls: () => core.resetServiceCalls(),
    failOnCall: (n, message) => core.failOnCall(n, message),
    onServiceCall: (hook) => core.onServiceCall(hook),
    betweenReleaseAndCommit: (hook) => {
      core.endWindow = hook;
    },
    snapshot: () => ({
      sheets: wb.sheets.map((m) => {
        const { name, values, formulas } = readSheet(wb, m, false);
        return { name, values, formulas };
      }),
    }),
    grid: () => ({ sheets: wb.sheets.map((m) => readSheet(wb, m, true)) }),
    typeInto: (sheetName, a1Range, values) => {
      person.typeInto(sheetName, a1Range, values);
      personEdit?.({ sheetName, a1Range });
    },
    onPersonEdit: (listener) => {
      personEdit = listener;
    },
    addSheet: (name) => person.addSheet(name),
    renameSheet: (name, newName) => person.renameSheet(name, newName),
    deleteSheet: (name) => person.deleteSheet(name),
    editSheet: (name, op, at, count) => person.editSheet(name, op, at, count),
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
