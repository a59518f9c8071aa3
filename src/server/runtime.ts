// The execution context of one server call: who calls (Session only), in which language, the
// spreadsheet and its sheet registry, locking, retries of transient service failures, batched
// reads and writes, and the audit log. Everything is lazy, so a function pays only for the
// service calls it needs; nothing runs at module load.

import { UserError } from "../core/errors";
import { resolveLocale, type Translate, translator } from "../core/i18n";
import type { Locale } from "../core/types";
import { cellText, clip, lastNonBlank } from "./cells";
import {
  columnLetter,
  keepApostrophe,
  quoted,
  quoteSheetName,
  rowFormats,
  SHEET_KEYS,
  type SheetKey,
  SPECS,
} from "./layout";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const REGISTRY_PROPERTY = "quickwin.registry";
export const LOCK_WAIT_MS = 10_000;
const ATTEMPTS = 3;

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
}

/** Sheets' transient failures, worth a retry (not a lock timeout, not a bad range). */
export function isTransient(error: unknown): boolean {
  const message = error instanceof Object && "message" in error ? String(error.message) : "";
  if (/lock/i.test(message)) return false;
  return /service (spreadsheets )?(failed|error|unavailable)|service error|timed out|timeout|internal error|try again later|backend error/i.test(
    message,
  );
}

/** The rows of one sheet as read: values (row 1 is the header) and where it lives. */
export interface SheetData {
  key: SheetKey;
  name: string;
  values: unknown[][];
  /** 1-based number of the last non-blank row (0 when the sheet is empty). */
  lastRow: number;
  /** The range read: the whole sheet, columns A to the last column of the spec. */
  range: GoogleAppsScript.Spreadsheet.Range;
}

function parseRegistry(raw: string | null): Registry | null {
  if (!raw) return null;
  try {
    const r = JSON.parse(raw) as Registry;
    if (!r || typeof r !== "object" || !r.sheets || typeof r.sheets !== "object") return null;
    const out: Registry = { v: 1, locale: r.locale === "en" ? "en" : "id", sheets: r.sheets };
    if (typeof r.timeZone === "string" && r.timeZone) out.timeZone = r.timeZone;
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
  private readonly sheetCache = new Map<SheetKey, Sheet>();
  /** Names that worked for a qualified read in this execution. */
  private readonly names = new Map<SheetKey, string>();

  constructor(readonly action: string) {}

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

  /** The sheet registry (null before setup): ONE properties read per execution. */
  registry(): Registry | null {
    if (this._registry === undefined) {
      const props = this.props();
      this._registry = parseRegistry(this.retry(() => props.getProperty(REGISTRY_PROPERTY)));
    }
    return this._registry;
  }

  saveRegistry(registry: Registry): void {
    const props = this.props();
    this.retry(() => props.setProperty(REGISTRY_PROPERTY, JSON.stringify(registry)));
    this._registry = registry;
  }

  timeZone(): string {
    if (this._timeZone === undefined) {
      const ss = this.ss();
      this._timeZone = this.retry(() => ss.getSpreadsheetTimeZone()) || "Asia/Jakarta";
    }
    return this._timeZone;
  }

  /** The time zone when already known, else WIB (for converting stray Date cells cheaply). */
  knownTimeZone(): string {
    return this._timeZone ?? this.registry()?.timeZone ?? "Asia/Jakarta";
  }

  /** Reads the spreadsheet's time zone and, if it changed since setup, saves it (under lock). */
  syncTimeZone(): void {
    const tz = this.timeZone();
    const reg = this.registry();
    if (reg && reg.timeZone !== tz) this.saveRegistry({ ...reg, timeZone: tz });
  }

  // ---------- locking ----------

  /** Runs fn under the document lock (≤ 10 s wait, then a localized "busy"). */
  withLock<T>(fn: () => T): T {
    const lock = this.retry(() => LockService.getDocumentLock());
    if (!lock) throw new UserError(this.t("err.busy"));
    try {
      lock.waitLock(LOCK_WAIT_MS);
    } catch {
      throw new UserError(this.t("err.busy"));
    }
    // Whether the registry this call uses is read under this lock (so is current while held).
    const registryUnderLock = this._registry === undefined;
    try {
      const value = fn();
      // A renamed tab learnt by this call: its name is saved while the lock is still held.
      if (this.renamed.size > 0) this.saveRenames(registryUnderLock);
      return value;
    } finally {
      // Sheets may buffer writes: commit them while the lock is still held, so the next
      // caller reads them (the Lock reference asks for flush before releaseLock).
      if (!this.unchanged) this.flush();
      this.unchanged = false;
      try {
        lock.releaseLock();
      } catch {
        // the lock is released at the end of the execution anyway
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

  /** The Sheet of a key: by id from the registry, else by its localized name. */
  sheet(key: SheetKey): Sheet | null {
    const cached = this.sheetCache.get(key);
    if (cached) return cached;
    const ss = this.ss();
    const entry = this.registry()?.sheets[key];
    let sheet: Sheet | null = null;
    if (entry && typeof entry.id === "number") sheet = this.retry(() => ss.getSheetById(entry.id));
    if (!sheet) {
      const name = entry?.name ?? this.sheetT()(SPECS[key].name);
      sheet = this.retry(() => ss.getSheetByName(name));
    }
    if (sheet) this.sheetCache.set(key, sheet);
    return sheet;
  }

  /** A sheet created or adopted in this execution: forget an earlier read that found none. */
  rememberSheet(key: SheetKey, sheet: Sheet, name: string): void {
    this.sheetCache.set(key, sheet);
    this.names.set(key, name);
    this.readCache.delete(key);
  }

  private headerMatches(key: SheetKey, first: unknown): boolean {
    if (key === "shortlist") return true; // a generated page that starts with its title
    const text = cellText(first, "UTC").trim().toLowerCase();
    const header = SPECS[key].columns[0]!.header;
    return (["id", "en"] as const).some((l) => translator(l)(header).toLowerCase() === text);
  }

  /**
   * Reads a whole sheet with one range read: a sheet-qualified A1 range by the registered
   * name (2 calls); if the tab was renamed, by its id (a few more).
   */
  read(key: SheetKey): SheetData | null {
    if (this.readCache.has(key)) return this.readCache.get(key) ?? null;
    const data = this.readUncached(key);
    this.readCache.set(key, data);
    return data;
  }

  private readUncached(key: SheetKey): SheetData | null {
    const entry = this.registry()?.sheets[key];
    if (!entry) return null;
    const width = SPECS[key].columns.length;
    const ss = this.ss();
    let values: unknown[][] | null = null;
    let range: GoogleAppsScript.Spreadsheet.Range | null = null;
    let name = entry.name;
    try {
      const a1 = `${quoteSheetName(entry.name)}!A:${columnLetter(width)}`;
      const r = this.retry(() => ss.getRange(a1));
      const got = this.retry(() => r.getValues()) as unknown[][];
      if (got.length === 0 || this.headerMatches(key, got[0]![0])) {
        values = got;
        range = r;
      }
    } catch (error) {
      if (isTransient(error)) throw error;
      values = null;
    }
    if (!values || !range) {
      // Renamed (or damaged) tab: find it by id, read all its rows.
      const found = this.readById(key);
      if (!found) return null;
      ({ name, values, range } = found);
    }
    this.noteName(key, name);
    return { key, name, values, lastRow: lastNonBlank(values) + 1, range };
  }

  /**
   * A tab found by its id (renamed, or with columns deleted by hand): its name, and its first
   * `rows` rows (all of them by default), as wide as the layout with missing cells empty.
   * Reading never changes the sheet; a narrow one is remembered so it is not written to.
   */
  private readById(
    key: SheetKey,
    rows?: number,
  ): { name: string; values: unknown[][]; range: GoogleAppsScript.Spreadsheet.Range } | null {
    const sheet = this.sheet(key);
    if (!sheet) return null;
    const width = SPECS[key].columns.length;
    const name = this.retry(() => sheet.getName());
    const height = rows ?? this.retry(() => sheet.getMaxRows());
    const columns = this.retry(() => sheet.getMaxColumns());
    if (columns < width) this.narrow.add(key);
    const range = this.retry(() => sheet.getRange(1, 1, height, Math.min(width, columns)));
    const values = (this.retry(() => range.getValues()) as unknown[][]).map((row) => {
      const out = row.slice();
      while (out.length < width) out.push("");
      return out;
    });
    return { name, values, range };
  }

  /** The name a sheet was found under; a new one is saved to the registry at the end. */
  private noteName(key: SheetKey, name: string): void {
    this.names.set(key, name);
    if (name !== this.registry()?.sheets[key]?.name) this.renamed.set(key, name);
  }

  /**
   * The header row of a sheet without reading its rows (for a long append-only sheet such as
   * the log): the sheet-qualified A1 row by the registered name (2 calls), else by its id.
   * Null when the sheet is gone.
   */
  readHeader(key: SheetKey): { name: string; header: unknown[] } | null {
    const entry = this.registry()?.sheets[key];
    if (!entry) return null;
    const width = SPECS[key].columns.length;
    const ss = this.ss();
    try {
      const a1 = `${quoteSheetName(entry.name)}!A1:${columnLetter(width)}1`;
      const r = this.retry(() => ss.getRange(a1));
      const row = (this.retry(() => r.getValues()) as unknown[][])[0] ?? [];
      if (this.headerMatches(key, row[0])) {
        this.noteName(key, entry.name);
        return { name: entry.name, header: row };
      }
    } catch (error) {
      if (isTransient(error)) throw error;
    }
    const found = this.readById(key, 1);
    if (!found) return null;
    this.noteName(key, found.name);
    return { name: found.name, header: found.values[0]! };
  }

  private readonly readCache = new Map<SheetKey, SheetData | null>();

  /** Sheets found narrower than their layout (a column deleted by hand): not written to. */
  private readonly narrow = new Set<SheetKey>();

  /** Refuses to write a sheet that lost columns, with a message that says how to repair it. */
  private requireFullWidth(key: SheetKey): void {
    if (this.narrow.has(key)) {
      throw new UserError(this.t("err.sheetColumns", { sheet: this.nameOf(key) }));
    }
  }

  /** Setup's repair: gives a sheet that lost columns its full width again. */
  restoreWidth(key: SheetKey): void {
    const sheet = this.sheet(key);
    if (!sheet) return;
    const width = SPECS[key].columns.length;
    const columns = this.retry(() => sheet.getMaxColumns());
    if (columns < width) this.retry(() => sheet.insertColumnsAfter(columns, width - columns));
    this.narrow.delete(key);
  }

  private readonly renamed = new Map<SheetKey, string>();

  /**
   * A tab renamed by hand was found by its id: remember the new name (one properties write,
   * once), so later calls read it with the cheap sheet-qualified range again. Mutations do it
   * under their lock (see withLock); a call without the lock (the sidebar state) does it here,
   * re-reading the registry just before writing, so a setup running meanwhile is not undone.
   */
  healRegistry(): void {
    if (this.renamed.size > 0) this.saveRenames(false);
  }

  /** Merges the learnt names into the registry: the cached one if current, else re-read. */
  private saveRenames(cachedIsCurrent: boolean): void {
    const renamed = new Map(this.renamed);
    this.renamed.clear();
    try {
      const props = this.props();
      const reg = cachedIsCurrent
        ? this.registry()
        : parseRegistry(this.retry(() => props.getProperty(REGISTRY_PROPERTY)));
      if (!reg) return;
      const sheets = { ...reg.sheets };
      for (const [key, name] of renamed) {
        const entry = sheets[key];
        if (entry) sheets[key] = { id: entry.id, name };
      }
      this.saveRegistry({ ...reg, sheets });
    } catch {
      // best effort: the next call finds the tab by id again
    }
  }

  /**
   * The same range read again (one call): what a sheet read earlier in this execution holds
   * now, e.g. under the lock after a read without it.
   */
  reread(data: SheetData): SheetData {
    const values = this.retry(() => data.range.getValues()) as unknown[][];
    const now = { ...data, values, lastRow: lastNonBlank(values) + 1 };
    this.readCache.set(data.key, now);
    return now;
  }

  /** Forgets a cached read (after writing that sheet). */
  invalidate(key: SheetKey): void {
    this.readCache.delete(key);
  }

  /**
   * Writes a whole range read before (e.g. the ranking sheet) with one setValues; the block
   * is as tall as the sheet, so leftover rows are blanked in the same pass. A taller block
   * grows the sheet first (doubling, so it rarely happens).
   */
  writeWhole(data: SheetData, values: unknown[][], backgrounds: (string | null)[][] | null): void {
    const width = SPECS[data.key].columns.length;
    let range = data.range;
    if (this.narrow.has(data.key)) {
      // A generated sheet that lost a column by hand is ours to rebuild: widen it and go on.
      this.restoreWidth(data.key);
      const sheet = this.sheet(data.key);
      if (!sheet) throw new Error(`sheet ${data.key} missing`);
      const rows = Math.max(1, data.values.length);
      range = this.retry(() => sheet.getRange(1, 1, rows, width));
    }
    let block = values;
    let colors = backgrounds;
    if (values.length > data.values.length) {
      const sheet = this.sheet(data.key);
      if (!sheet) throw new Error(`sheet ${data.key} missing`);
      const have = Math.max(1, data.values.length);
      const want = Math.max(values.length, have * 2);
      this.retry(() => sheet.insertRowsAfter(have, want - have));
      range = this.retry(() => sheet.getRange(1, 1, want, width));
      block = values.slice();
      colors = backgrounds ? backgrounds.slice() : null;
      while (block.length < want) {
        block.push(new Array(width).fill(""));
        colors?.push(new Array(width).fill(null));
      }
    }
    // Cosmetics first; the values are the commit point.
    if (colors) {
      const c = colors;
      this.retry(() => range.setBackgrounds(c));
    }
    this.setBlock(data.key, range, block);
    this.invalidate(data.key);
  }

  /** The name a sheet was last found under. */
  nameOf(key: SheetKey): string {
    return (
      this.names.get(key) ?? this.registry()?.sheets[key]?.name ?? this.sheetT()(SPECS[key].name)
    );
  }

  /**
   * Writes rows at startRow (1-based) in ONE setValues, with the plain-text format on text
   * columns set in the same pass so typed text stays verbatim. The block must fit the sheet.
   */
  writeRows(key: SheetKey, startRow: number, rows: unknown[][]): void {
    if (rows.length === 0) return;
    this.requireFullWidth(key);
    const width = SPECS[key].columns.length;
    const ss = this.ss();
    const a1 = `${quoteSheetName(this.nameOf(key))}!A${startRow}:${columnLetter(width)}${startRow + rows.length - 1}`;
    const range = this.retry(() => ss.getRange(a1));
    this.setBlock(key, range, rows);
    this.invalidate(key);
  }

  /** One block: formats (in "format" sheets) and values, exactly the range's size. */
  setBlock(key: SheetKey, range: GoogleAppsScript.Spreadsheet.Range, rows: unknown[][]): void {
    if (SPECS[key].text === "quote") {
      const values = rows.map((r) => r.map(quoted));
      this.retry(() => range.setValues(values));
      return;
    }
    const formats = rowFormats(key);
    const values = rows.map((r) => r.map(keepApostrophe));
    this.retry(() => range.setNumberFormats(rows.map(() => formats)));
    this.retry(() => range.setValues(values));
  }

  /**
   * Replaces a whole table (header + rows) in one setValues: leftover rows of a longer old
   * table are blanked in the same block. Rows are inserted first when the sheet is too short.
   */
  replaceTable(data: SheetData, rows: unknown[][]): void {
    this.requireFullWidth(data.key); // before growing it: a refusal writes nothing
    const width = SPECS[data.key].columns.length;
    const height = Math.max(rows.length, data.lastRow);
    const block = rows.slice();
    while (block.length < height) block.push(new Array(width).fill(""));
    if (height > data.values.length) {
      const sheet = this.sheet(data.key);
      if (!sheet) throw new Error(`sheet ${data.key} missing`);
      const max = Math.max(1, data.values.length);
      this.retry(() => sheet.insertRowsAfter(max, height - max));
    }
    this.writeRows(data.key, 1, block);
  }

  /**
   * Appends rows after the last row of a sheet: inserts exactly that many rows there (so the
   * sheet always has room, whatever its size) and writes them in one setValues.
   */
  appendRows(key: SheetKey, rows: unknown[][], lastRow?: number): number {
    this.requireFullWidth(key);
    const sheet = this.sheet(key);
    if (!sheet) throw new Error(`sheet ${key} missing`);
    const last = Math.max(1, lastRow ?? this.retry(() => sheet.getLastRow()));
    this.retry(() => sheet.insertRowsAfter(last, rows.length));
    const width = SPECS[key].columns.length;
    const range = this.retry(() => sheet.getRange(last + 1, 1, rows.length, width));
    this.setBlock(key, range, rows);
    this.invalidate(key);
    return last + 1;
  }

  /** Appends one row to a "quote" sheet with one atomic appendRow. */
  appendQuoted(key: SheetKey, row: unknown[]): void {
    const sheet = this.sheet(key);
    if (!sheet) throw new Error(`sheet ${key} missing`);
    const values = row.map(quoted);
    this.retry(() => sheet.appendRow(values));
    this.invalidate(key);
  }

  /** Appends the audit row (time, user, action, details) — always the last write. */
  log(details: unknown): void {
    // The change is committed by now: a log row that cannot be written is reported, not fatal.
    try {
      const sheet = this.sheet("log");
      if (!sheet) return;
      const text = typeof details === "string" ? details : JSON.stringify(details);
      const row = [
        new Date().toISOString(),
        this._email ?? "",
        this.action,
        clip(text ?? "", 49_000),
      ];
      this.retry(() => sheet.appendRow(row.map(quoted)));
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
}

export { SHEET_KEYS };
