// The execution context of one server call: who calls (Session only), in which language, the
// spreadsheet and its sheet registry, locking, retries of transient service failures, batched
// reads and writes, and the audit log. Everything is lazy, so a function pays only for the
// service calls it needs; nothing runs at module load.

import { UserError } from "../core/errors";
import { resolveLocale, type Translate, translator } from "../core/i18n";
import type { Locale } from "../core/types";
import { appendLog } from "./audit";
import {
  keepApostrophe,
  NUMBER_FORMATS,
  quoted,
  type SealedLine,
  SHEET_KEYS,
  type SheetKey,
  SPECS,
  specOf,
} from "./layout";
import {
  columnAt,
  examine,
  isBlankDataRow,
  isFault,
  layoutRow,
  placeRow,
  type SheetFault,
  segments,
  type Table,
} from "./table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const REGISTRY_PROPERTY = "quickwin.registry";
/** The spreadsheet's time zone as last read live, when it differs from the one set up. */
export const ZONE_PROPERTY = "quickwin.timeZone";
export const LOCK_WAIT_MS = 10_000;
const ATTEMPTS = 3;

export type TextMechanism = "format" | "quote";

export interface RegistryEntry {
  id: number;
  name: string;
}
export interface Registry {
  v: 1;
  /** The spreadsheet's time zone at setup (for stray Date cells and the shortlist date). */
  timeZone?: string;
  /** The language the sheets were set up in (names, headers, words in generated sheets). */
  locale: Locale;
  sheets: Partial<Record<SheetKey, RegistryEntry>>;
  /**
   * How the sheets people type into keep text verbatim, as the self-check measured it on this
   * spreadsheet: "format" when a script's writes honour the plain-text format "@", else
   * "quote" (the leading apostrophe, which keeps text either way). Absent: "quote".
   */
  text?: TextMechanism;
  /**
   * The coordinators' emails as last saved (setup's claim, saveReviewers): a panel sheet that
   * was deleted comes back with them, so a lost panel never lets a stranger claim the role.
   */
  coordinators?: string[];
  /**
   * The id of the first setup's empty default tab when its removal failed: the next setup
   * removes it (if still empty), so a retry ends as an undisturbed first setup would.
   */
  defaultTab?: number;
}

/** A refusal because a sheet is missing or fails its header check (setup repairs it). */
export class SheetFaultError extends UserError {
  constructor(
    message: string,
    readonly fault: SheetFault,
  ) {
    super(message);
    this.name = "SheetFaultError";
  }
}

/** Sheets' refusal of a range beyond the sheet's rows (nothing was written). */
const OUT_OF_GRID = /outside the dimensions of the sheet/i;

function errorMessage(error: unknown): string {
  return error instanceof Object && "message" in error ? String(error.message) : "";
}

/** Sheets' transient failures, worth a retry (not a lock timeout, not a bad range). */
export function isTransient(error: unknown): boolean {
  const message = error instanceof Object && "message" in error ? String(error.message) : "";
  if (/lock/i.test(message)) return false;
  return /service (spreadsheets )?(failed|error|unavailable)|service error|timed out|timeout|internal error|try again later|backend error/i.test(
    message,
  );
}

function parseRegistry(raw: string | null): Registry | null {
  if (!raw) return null;
  try {
    const r = JSON.parse(raw) as Registry;
    if (!r || typeof r !== "object" || !r.sheets || typeof r.sheets !== "object") return null;
    // Keys in the order setup writes them, so a registry saved again reads the same.
    const out: Registry = {
      v: 1,
      locale: r.locale === "en" ? "en" : "id",
      ...(typeof r.timeZone === "string" && r.timeZone ? { timeZone: r.timeZone } : {}),
      sheets: r.sheets,
    };
    if (Array.isArray(r.coordinators)) {
      out.coordinators = r.coordinators.filter((e): e is string => typeof e === "string");
    }
    if (r.text === "format" || r.text === "quote") out.text = r.text;
    if (typeof r.defaultTab === "number") out.defaultTab = r.defaultTab;
    return out;
  } catch {
    return null;
  }
}

export class Context {
  private _email: string | undefined;
  private _locale: Locale | undefined;
  private _t: Translate | undefined;
  private _ss: Spreadsheet | undefined;
  private _registry: Registry | null | undefined;
  private _props: GoogleAppsScript.Properties.Properties | undefined;
  private _timeZone: string | undefined;
  private readonly sheetCache = new Map<SheetKey, Sheet | null>();
  private readonly tables = new Map<SheetKey, Table | SheetFault>();
  private readonly headers = new Map<SheetKey, Table | SheetFault>();
  private readonly names = new Map<SheetKey, string>();

  constructor(readonly action: string) {}

  /**
   * A context for fresh reads later in this same execution (under a lock taken since): the
   * caller, their language and the service handles carry over — they cannot have changed —
   * while every property and sheet is read anew.
   */
  freshReads(): Context {
    const next = new Context(this.action);
    next._email = this._email;
    next._locale = this._locale;
    next._ss = this._ss;
    next._props = this._props;
    return next;
  }

  /** Retries a service call on Sheets' transient failures, with backoff. */
  retry<T>(fn: () => T): T {
    for (let attempt = 1; ; attempt++) {
      try {
        return fn();
      } catch (error) {
        if (attempt >= ATTEMPTS || !isTransient(error)) throw error;
        try {
          Utilities.sleep(200 * 2 ** (attempt - 1));
        } catch {
          // sleeping is a courtesy; retry anyway
        }
      }
    }
  }

  /** The caller's email from Session only (trimmed, lower case); a UserError when unknown. */
  email(): string {
    if (this._email === undefined) {
      let raw = "";
      try {
        raw = this.retry(() => Session.getActiveUser().getEmail()) || "";
      } catch {
        raw = "";
      }
      const email = String(raw).trim().toLowerCase();
      if (!email) throw new UserError(this.t("err.identity"));
      this._email = email;
    }
    return this._email;
  }

  /** The caller's language (read only when a message or the sidebar needs it). */
  locale(): Locale {
    if (this._locale === undefined) {
      try {
        this._locale = resolveLocale(this.retry(() => Session.getActiveUserLocale()));
      } catch {
        this._locale = "id";
      }
    }
    return this._locale;
  }

  /**
   * The caller's language when already read, else the sheets' (no call): for texts the
   * sidebar rewords itself anyway, such as the engine's problem messages (it words them by code).
   */
  knownLocale(): Locale {
    return this._locale ?? this.registry()?.locale ?? "id";
  }

  t: Translate = (key, params) => {
    if (!this._t) this._t = translator(this.locale());
    return this._t(key, params);
  };

  /**
   * Words about a sheet's rows (a row's problem) use the sheets' language, as the sheets and
   * their tab names do: no call to learn the caller's, so a bad row costs no service call.
   */
  rowT: Translate = (key, params) => this.sheetT()(key, params);

  /** Words written into sheets use the language the sheets were set up in. */
  sheetT(): Translate {
    const reg = this.registry();
    return translator(reg ? reg.locale : this.locale());
  }

  ss(): Spreadsheet {
    if (!this._ss) {
      const ss = this.retry(() => SpreadsheetApp.getActiveSpreadsheet());
      if (!ss) throw new Error("no active spreadsheet");
      this._ss = ss;
    }
    return this._ss;
  }

  private props(): GoogleAppsScript.Properties.Properties {
    if (!this._props) this._props = this.retry(() => PropertiesService.getDocumentProperties());
    return this._props;
  }

  private _properties: Record<string, string> | undefined;

  /**
   * The document properties, ALL read with one call the first time any is needed: the
   * registry and the ledger's seal come together (sealing costs no extra read).
   */
  property(name: string): string | null {
    if (this._properties === undefined) this.refreshProperties();
    const value = this._properties?.[name];
    return typeof value === "string" ? value : null;
  }

  /** Reads every document property again (one call): current values under a lock taken later. */
  refreshProperties(): void {
    const props = this.props();
    this._properties = { ...(this.retry(() => props.getProperties()) as Record<string, string>) };
  }

  /** Writes one document property (one call) and remembers it for this execution. */
  setProperty(name: string, value: string): void {
    const props = this.props();
    this.retry(() => props.setProperty(name, value));
    if (this._properties) this._properties[name] = value;
  }

  /** Writes several document properties with one call, and remembers them. */
  setProperties(values: Record<string, string>): void {
    const props = this.props();
    this.retry(() => props.setProperties(values));
    if (this._properties) Object.assign(this._properties, values);
  }

  /** The sheet registry (null before setup): ONE properties read per execution. */
  registry(): Registry | null {
    if (this._registry === undefined) {
      this._registry = parseRegistry(this.property(REGISTRY_PROPERTY));
    }
    return this._registry;
  }

  /** Saves the registry (one call); `with_` other properties in the same write (setup's commit). */
  saveRegistry(registry: Registry, with_: Record<string, string> = {}): void {
    const props = this.props();
    const json = JSON.stringify(registry);
    if (Object.keys(with_).length > 0) {
      const all = { ...with_, [REGISTRY_PROPERTY]: json };
      this.retry(() => props.setProperties(all));
      if (this._properties) Object.assign(this._properties, all);
    } else {
      this.retry(() => props.setProperty(REGISTRY_PROPERTY, json));
      if (this._properties) this._properties[REGISTRY_PROPERTY] = json;
    }
    this._registry = registry;
  }

  /**
   * Saves the registry, then runs the sheet write it describes; a write that fails puts the
   * previous registry back (best effort) before its error goes on. The property goes first so
   * that no failure leaves the sheet changed beside a stale registry; a restore that fails too
   * leaves only what the caller was allowed to save, which its retry saves again.
   */
  saveRegistryWith<T>(registry: Registry, write: () => T): T {
    const previous = this.registry();
    this.saveRegistry(registry);
    try {
      return write();
    } catch (error) {
      if (previous) {
        try {
          this.saveRegistry(previous);
        } catch {
          // the error below is the one to report
        }
      }
      throw error;
    }
  }

  timeZone(): string {
    if (this._timeZone === undefined) {
      const ss = this.ss();
      this._timeZone = this.retry(() => ss.getSpreadsheetTimeZone()) || "Asia/Jakarta";
    }
    return this._timeZone;
  }

  /** The spreadsheet's time zone as just set by this execution. */
  rememberTimeZone(timeZone: string): void {
    this._timeZone = timeZone;
  }

  /**
   * The time zone when already known, else the one last noted (a zone changed after setup),
   * else setup's, else WIB — no call (for dates in sheets and stray Date cells).
   */
  knownTimeZone(): string {
    return (
      this._timeZone ?? this.property(ZONE_PROPERTY) ?? this.registry()?.timeZone ?? "Asia/Jakarta"
    );
  }

  /**
   * Reads the spreadsheet's time zone and, if it differs from the one known, notes it (one
   * property write, only then), so calls that do not read it live follow a changed zone. Its
   * own property, not the registry: no lock is needed, since every writer writes the live zone.
   */
  noteTimeZone(): void {
    const live = this.timeZone();
    const reg = this.registry();
    if (!reg) return;
    const noted = this.property(ZONE_PROPERTY) ?? reg.timeZone;
    if (noted === live) return;
    try {
      this.setProperty(ZONE_PROPERTY, live);
    } catch {
      // a cache of a spreadsheet setting: the next state read notes it again
    }
  }

  // ---------- locking ----------

  /**
   * Runs fn under the document lock (≤ 10 s wait, then a localized "busy"). `last`: see below.
   */
  withLock<T>(fn: () => T, options: { last?: (value: T) => boolean } = {}): T {
    const lock = this.retry(() => LockService.getDocumentLock());
    if (!lock) throw new UserError(this.t("err.busy"));
    try {
      lock.waitLock(LOCK_WAIT_MS);
    } catch {
      throw new UserError(this.t("err.busy"));
    }
    let keep = false;
    try {
      const value = fn();
      keep = options.last?.(value) === true;
      return value;
    } finally {
      // Sheets may buffer writes: commit them while the lock is still held, so the next
      // caller reads them (the Lock reference asks for flush before releaseLock).
      if (!this.unchanged) this.flush();
      this.unchanged = false;
      // A function's last step may keep the lock to its end, when Apps Script releases it
      // (LockService reference): its flush is done, and nothing but returning is left.
      if (!keep) {
        try {
          lock.releaseLock();
        } catch {
          // the lock is released at the end of the execution anyway
        }
      }
    }
  }

  /** Set by a locked body that wrote nothing at all (a setup re-run): no flush is needed. */
  private unchanged = false;

  /** Declares that the running locked body has written nothing (saves the flush's call). */
  wroteNothing(): void {
    this.unchanged = true;
  }

  /** SpreadsheetApp.flush(), retried; a flush that keeps failing is reported, not fatal. */
  flush(): void {
    try {
      this.retry(() => SpreadsheetApp.flush());
    } catch (error) {
      try {
        console.error(
          `flush failed (${this.action}): ${error instanceof Error ? error.message : String(error)}`,
        );
      } catch {
        // nothing more to do
      }
    }
  }

  // ---------- sheets ----------

  /** The Sheet of a key, by its id in the registry only: null when unregistered or deleted. */
  sheet(key: SheetKey): Sheet | null {
    if (this.sheetCache.has(key)) return this.sheetCache.get(key) ?? null;
    const entry = this.registry()?.sheets[key];
    let sheet: Sheet | null = null;
    if (entry && typeof entry.id === "number") {
      const ss = this.ss();
      sheet = this.retry(() => ss.getSheetById(entry.id));
    }
    this.sheetCache.set(key, sheet);
    return sheet;
  }

  /** A sheet created or adopted in this execution: forget an earlier lookup or read. */
  rememberSheet(key: SheetKey, sheet: Sheet): void {
    this.sheetCache.set(key, sheet);
    this.tables.delete(key);
    this.headers.delete(key);
    this.names.delete(key);
  }

  /**
   * A sheet this execution just made, known without a read: its rows are what was written
   * (text as read back, without the text prefix).
   */
  knowTable(key: SheetKey, name: string, values: unknown[][]): void {
    this.tables.set(
      key,
      examine(key, values, () => name),
    );
    this.names.set(key, name);
  }

  /**
   * The tab's name as last known (registered by setup, or read in this execution), with no
   * call: a row problem names its sheet this way, so a bad row costs no service call and a
   * function's calls stay flat whatever the data hold.
   */
  sheetNameHint(key: SheetKey): string {
    return (
      this.names.get(key) ?? this.registry()?.sheets[key]?.name ?? this.sheetT()(SPECS[key].name)
    );
  }

  /** The tab's name now (one call, only when a message or a problem needs it). */
  sheetName(key: SheetKey): string {
    let name = this.names.get(key);
    if (name === undefined) {
      const sheet = this.sheet(key);
      name = sheet
        ? this.retry(() => sheet.getName())
        : (this.registry()?.sheets[key]?.name ?? this.sheetT()(SPECS[key].name));
      this.names.set(key, name);
    }
    return name;
  }

  /** The used area of a sheet with one call (its first `rows` rows, or all); [] when empty. */
  readValues(sheet: Sheet, rows = -1): unknown[][] {
    try {
      return this.retry(() => sheet.getSheetValues(1, 1, rows, -1)) as unknown[][];
    } catch (error) {
      if (isTransient(error)) throw error;
      // An empty sheet has no used area to read; anything else is a real failure.
      if (this.retry(() => sheet.getLastRow()) === 0) return [];
      throw error;
    }
  }

  /** A sheet read whole and checked against its layout (cached until it is written). */
  inspect(key: SheetKey): Table | SheetFault {
    let found = this.tables.get(key);
    if (!found) {
      const sheet = this.sheet(key);
      found = sheet
        ? examine(key, this.readValues(sheet), () => this.sheetNameHint(key))
        : { key, kind: "missing", missing: [] };
      this.tables.set(key, found);
    }
    return found;
  }

  /** A trusted sheet, or a refusal that names it and says to run setup. */
  table(key: SheetKey): Table {
    const found = this.inspect(key);
    if (isFault(found)) throw new SheetFaultError(this.faultMessage(found), found);
    return found;
  }

  /**
   * Only the header of a trusted sheet (for appending to a long ledger or log without reading
   * it): a Table whose rows are the header's alone.
   */
  tableHeader(key: SheetKey): Table {
    const whole = this.tables.get(key);
    if (whole && !isFault(whole)) return whole;
    const found = this.inspectHeader(key);
    if (isFault(found)) throw new SheetFaultError(this.faultMessage(found), found);
    return found;
  }

  /** The header rows of a sheet read and checked (cached until it is written). */
  inspectHeader(key: SheetKey): Table | SheetFault {
    let found = this.headers.get(key);
    if (!found) {
      const sheet = this.sheet(key);
      found = sheet
        ? examine(key, this.readValues(sheet, SPECS[key].headerRow), () => this.sheetNameHint(key))
        : { key, kind: "missing", missing: [] };
      this.headers.set(key, found);
    }
    return found;
  }

  /** What is wrong with a sheet, in one sentence that says how to repair it. */
  faultMessage(fault: SheetFault): string {
    const sheet = this.sheetName(fault.key);
    if (fault.kind === "missing") return this.t("err.sheetMissing", { sheet });
    if (fault.kind === "header") {
      return this.t("err.sheetHeader", { sheet, row: SPECS[fault.key].headerRow });
    }
    const st = this.sheetT();
    const columns = fault.missing.map((k) => {
      const c = specOf(fault.key).columns.find((x) => x.key === k);
      return c ? st(c.header) : k;
    });
    return this.t("err.sheetColumns", { sheet, columns: columns.join(", ") });
  }

  /**
   * A table read again (one call): what a sheet read earlier in this execution holds now,
   * e.g. under the lock after a read without it; checked again like any read.
   */
  reread(table: Table): Table {
    const sheet = this.requireSheet(table.key);
    const found = examine(table.key, this.readValues(sheet), () => this.sheetNameHint(table.key));
    this.tables.set(table.key, found);
    if (isFault(found)) throw new SheetFaultError(this.faultMessage(found), found);
    return found;
  }

  /** Forgets a cached read (after writing that sheet). */
  invalidate(key: SheetKey): void {
    this.tables.delete(key);
  }

  private requireSheet(key: SheetKey): Sheet {
    const sheet = this.sheet(key);
    if (!sheet) {
      const fault: SheetFault = { key, kind: "missing", missing: [] };
      throw new SheetFaultError(this.faultMessage(fault), fault);
    }
    return sheet;
  }

  /**
   * Writes rows (as placeRow builds them) from startRow: one setValues per run of adjacent
   * layout columns — one in an intact sheet — so a person's own columns are never written.
   * Text columns get the plain-text format in the same pass ("format" sheets) or the text
   * prefix ("quote" sheets). Backgrounds, when given (one colour per row), go first: the
   * values are the commit point.
   */
  writeRows(table: Table, startRow: number, rows: unknown[][]): void {
    if (rows.length === 0) return;
    const sheet = this.requireSheet(table.key);
    const spec = specOf(table.key);
    // The plain-text format keeps text only where the self-check saw a script's writes honour
    // it; otherwise text cells also get the leading apostrophe (which "@" cells accept too).
    const keepsFormat = this.registry()?.text === "format";
    for (const [first, last] of segments(table)) {
      const width = last - first + 1;
      const range = this.retry(() => sheet.getRange(startRow, first + 1, rows.length, width));
      // Plain-text ("@") cells drop a leading ' as Sheets' text prefix: one more keeps it.
      const plain = Array.from(
        { length: width },
        (_, j) => columnAt(table, first + j)?.kind === "text",
      );
      const block = rows.map((r) => {
        const out = new Array<unknown>(width);
        for (let j = 0; j < width; j++) {
          const v = r[first + j];
          if (v === undefined || v === null) out[j] = "";
          else if (spec.text === "quote") out[j] = quoted(v);
          else if (plain[j]) out[j] = keepsFormat ? keepApostrophe(v) : quoted(v);
          else out[j] = v;
        }
        return out;
      });
      if (spec.text === "format") {
        const formats = Array.from({ length: width }, (_, j) => {
          const column = columnAt(table, first + j);
          return column ? NUMBER_FORMATS[column.kind] : "@";
        });
        this.retry(() => range.setNumberFormats(rows.map(() => formats)));
      }
      this.retry(() => range.setValues(block));
    }
    this.invalidate(table.key);
  }

  /**
   * Writes a block from startRow that covers at least every data row there was (leftover rows
   * are blanked in the same pass); rows are inserted first when the sheet has too few.
   */
  private writeCovering(table: Table, startRow: number, rows: unknown[][]): void {
    const block = rows.slice();
    while (startRow + block.length - 1 < table.lastRow) {
      block.push(new Array(table.width).fill(""));
    }
    const have = Math.max(table.values.length, table.headerRow);
    const need = startRow + block.length - 1;
    try {
      // Usually the sheet has blank rows to spare below its data: no call to ask first.
      this.writeRows(table, startRow, block);
    } catch (error) {
      if (need <= have || !OUT_OF_GRID.test(errorMessage(error))) throw error;
      const sheet = this.requireSheet(table.key);
      this.retry(() => sheet.insertRowsAfter(have, need - have));
      this.writeRows(table, startRow, block);
    }
  }

  /** Replaces every data row of a table (its header stays as it is). */
  replaceRows(table: Table, rows: unknown[][]): void {
    this.writeCovering(table, table.headerRow + 1, rows);
  }

  /** Rewrites a generated page from row 1, its header included. */
  rewritePage(table: Table, rows: unknown[][]): void {
    this.writeCovering(table, 1, rows);
  }

  /** Appends rows after the last data row, inserting exactly that much room there first. */
  appendRows(table: Table, rows: unknown[][]): number {
    const sheet = this.requireSheet(table.key);
    const at = table.lastRow;
    this.retry(() => sheet.insertRowsAfter(at, rows.length));
    this.writeRows(table, at + 1, rows);
    return at + 1;
  }

  /**
   * Appends rows below everything the sheet holds (its used area, where Sheets' appendRow
   * writes), text with the text prefix so no number format is needed: two calls for any
   * number of rows. The grid grows first only when it has no room left. Returns the first row.
   */
  appendQuoted(table: Table, rows: unknown[][]): number {
    const sheet = this.requireSheet(table.key);
    const first = Math.max(table.values.length, table.headerRow) + 1;
    const width = table.width;
    const block = rows.map((r) =>
      Array.from({ length: width }, (_, j) => {
        const v = r[j];
        return v === undefined || v === null ? "" : quoted(v);
      }),
    );
    const write = () => {
      const range = this.retry(() => sheet.getRange(first, 1, block.length, width));
      this.retry(() => range.setValues(block));
    };
    try {
      write();
    } catch (error) {
      if (!OUT_OF_GRID.test(errorMessage(error))) throw error;
      this.retry(() => sheet.insertRowsAfter(first - 1, block.length));
      write();
    }
    this.invalidate(table.key);
    return first;
  }

  /**
   * Appends one row with Sheets' atomic appendRow (the ledger, the log); `quote` gives text the
   * text prefix in a sheet people type into too (one call, no format call).
   */
  appendRow(table: Table, row: unknown[], options: { quote?: boolean } = {}): void {
    const sheet = this.requireSheet(table.key);
    const quote = options.quote === true || SPECS[table.key].text === "quote";
    const values = row.map((v) => (v === undefined || v === null ? "" : quote ? quoted(v) : v));
    this.retry(() => sheet.appendRow(values));
    this.invalidate(table.key);
  }

  /**
   * Clears `count` rows' content from `first` (1-based), or the sheet's last `count` rows when
   * `first` is null (what an appendRow wrote): a failed change taken back.
   */
  clearRows(table: Table, first: number | null, count: number): void {
    const sheet = this.requireSheet(table.key);
    const start = first ?? this.retry(() => sheet.getLastRow()) - count + 1;
    const range = this.retry(() => sheet.getRange(start, 1, count, Math.max(1, table.width)));
    this.retry(() => range.clearContent());
    this.invalidate(table.key);
  }

  /** Whether a table has no data row (blank rows and a person's own columns aside). */
  isEmpty(table: Table): boolean {
    for (let i = table.headerRow; i < table.values.length; i++) {
      if (!isBlankDataRow(table, table.values[i]!)) return false;
    }
    return true;
  }

  /** Appends the sealed audit row, in words (see audit.ts) — always the last write. */
  log(details: unknown): void {
    // The change is committed by now: a log row that cannot be written is reported, not fatal.
    try {
      appendLog(this, details);
    } catch (error) {
      try {
        console.error(
          `log failed (${this.action}): ${error instanceof Error ? error.message : String(error)}`,
        );
      } catch {
        // nothing more to do
      }
    }
  }

  /** The caller's email if already known (the log never asks Session for it again). */
  knownEmail(): string {
    return this._email ?? "";
  }

  /**
   * Appends a sealed log line: placed by the log's header when this call read it (setup checks
   * and repairs it); otherwise in the layout's order, without a read: the append-only,
   * protected log is not worth a call of every mutation's budget (DESIGN §8).
   */
  appendLogLine(line: SealedLine): void {
    const read = this.readLog();
    const row = read ? placeRow(read, SPECS.log, line) : layoutRow(SPECS.log, line);
    const sheet = this.requireSheet("log");
    const values = row.map((v) => (v === undefined || v === null ? "" : quoted(v)));
    this.retry(() => sheet.appendRow(values));
  }

  /** The log's table when this call read it (setup checks it), else null: no read for it. */
  readLog(): Table | null {
    const read = this.headers.get("log") ?? this.tables.get("log");
    return read && !isFault(read) ? read : null;
  }
}

export { SHEET_KEYS };
