// LockService, Session, PropertiesService, HtmlService, the Ui, ScriptApp, Utilities, Charts,
// Logger and console.
import { createHash, createHmac, randomUUID } from "node:crypto";
import { type Core, Emulated } from "./core";
import {
  AuthMode,
  AuthorizationStatus,
  Button,
  ButtonSet,
  Charset,
  ChartHiddenDimensionStrategy,
  ChartMergeStrategy,
  ChartType,
  DigestAlgorithm,
  enumName,
  MacAlgorithm,
  Position,
  SandboxMode,
  TriggerSource,
  XFrameOptionsMode,
} from "./enums";
import type { WorkbookModel } from "./model";
import { UserObj } from "./spreadsheet";
import { isKnownTimeZone, offsetAt, shortZoneName, zonedParts } from "./tz";
import { DAY_NAMES, MONTH_NAMES } from "./values";

export interface UiRecord {
  alerts: { title: string; prompt: string; buttons: string | null }[];
  sidebars: { title: string; html: string; width?: number }[];
  dialogs: { title: string; html: string; modal: boolean; width?: number; height?: number }[];
  menus: { kind: "addon" | "menu"; caption: string; items: MenuItem[] }[];
}

export type MenuItem =
  | { caption: string; functionName: string }
  | { separator: true }
  | { caption: string; submenu: MenuItem[] };

// ---------- Ui ----------

export class UiObj extends Emulated {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(
    core: Core,
    readonly _record: UiRecord,
  ) {
    super(core, "Ui");
  }
  createAddonMenu(): MenuObj {
    return new MenuObj(this._core, this._record, "addon", "");
  }
  createMenu(caption: string): MenuObj {
    return new MenuObj(this._core, this._record, "menu", String(caption));
  }
  showSidebar(output: unknown): void {
    const o = this._output(output, "Ui.showSidebar");
    const entry: { title: string; html: string; width?: number } = {
      title: o._title,
      html: o._content,
    };
    if (o._width !== undefined) entry.width = o._width;
    this._record.sidebars.push(entry);
  }
  showModalDialog(output: unknown, title: string): void {
    this._dialog(output, title, true);
  }
  showModelessDialog(output: unknown, title: string): void {
    this._dialog(output, title, false);
  }
  _dialog(output: unknown, title: string, modal: boolean): void {
    const o = this._output(output, "Ui.showModalDialog");
    const d: UiRecord["dialogs"][number] = { title: String(title), html: o._content, modal };
    if (o._width !== undefined) d.width = o._width;
    if (o._height !== undefined) d.height = o._height;
    this._record.dialogs.push(d);
  }
  _output(output: unknown, method: string): HtmlOutputObj {
    if (!(output instanceof HtmlOutputObj)) {
      throw this._core.badParameters("Object", method);
    }
    return output;
  }
  alert(a: unknown, b?: unknown, c?: unknown): unknown {
    // alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons)
    let title = "";
    let prompt = "";
    let buttons: string | null = null;
    if (c !== undefined) {
      title = String(a);
      prompt = String(b);
      buttons = enumName(c);
    } else if (b !== undefined && enumName(b) && typeof b === "object") {
      prompt = String(a);
      buttons = enumName(b);
    } else {
      prompt = String(a);
      if (b !== undefined) {
        title = String(a);
        prompt = String(b);
      }
    }
    this._record.alerts.push({ title, prompt, buttons });
    return buttons === "YES_NO" || buttons === "YES_NO_CANCEL" ? Button.YES : Button.OK;
  }
}

export class MenuObj extends Emulated {
  readonly _items: MenuItem[] = [];
  constructor(
    core: Core,
    readonly _record: UiRecord,
    readonly _menuKind: "addon" | "menu",
    readonly _caption: string,
  ) {
    super(core, "Menu");
  }
  addItem(caption: string, functionName: string): MenuObj {
    if (typeof functionName !== "string" || functionName === "") {
      throw this._core.badParameters("String", "Ui.Menu.addItem");
    }
    this._items.push({ caption: String(caption), functionName });
    return this;
  }
  addSeparator(): MenuObj {
    this._items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: unknown): MenuObj {
    if (!(menu instanceof MenuObj)) {
      throw this._core.badParameters("Object", "Ui.Menu.addSubMenu");
    }
    this._items.push({ caption: menu._caption, submenu: structuredClone(menu._items) });
    return this;
  }
  addToUi(): void {
    this._record.menus.push({
      kind: this._menuKind,
      caption: this._caption,
      items: structuredClone(this._items),
    });
  }
}

// ---------- HtmlService ----------

export class HtmlServiceObj extends Emulated {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  constructor(
    core: Core,
    readonly _files: (name: string) => string | null,
  ) {
    super(core, "HtmlService");
  }
  createHtmlOutput(html?: unknown): HtmlOutputObj {
    return new HtmlOutputObj(this._core, html === undefined || html === null ? "" : String(html));
  }
  createHtmlOutputFromFile(name: string): HtmlOutputObj {
    const n = String(name).replace(/\.html$/, "");
    const content = this._files(n);
    if (content === null) throw this._core.error(`No HTML file named ${n} was found.`);
    return new HtmlOutputObj(this._core, content);
  }
}

export class HtmlOutputObj extends Emulated {
  _title = "";
  _width: number | undefined;
  _height: number | undefined;
  constructor(
    core: Core,
    public _content: string,
  ) {
    super(core, "HtmlOutput");
  }
  setTitle(title: string): HtmlOutputObj {
    this._title = String(title);
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  setWidth(width: number): HtmlOutputObj {
    this._width = Number(width);
    return this;
  }
  getWidth(): number {
    return this._width ?? 0;
  }
  setHeight(height: number): HtmlOutputObj {
    this._height = Number(height);
    return this;
  }
  getHeight(): number {
    return this._height ?? 0;
  }
  getContent(): string {
    return this._content;
  }
  setContent(content: string): HtmlOutputObj {
    this._content = String(content);
    return this;
  }
  append(html: string): HtmlOutputObj {
    this._content += String(html);
    return this;
  }
  appendUntrusted(text: string): HtmlOutputObj {
    this._content += String(text)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;");
    return this;
  }
  clear(): HtmlOutputObj {
    this._content = "";
    return this;
  }
  setSandboxMode(_mode: unknown): HtmlOutputObj {
    return this;
  }
  setXFrameOptionsMode(_mode: unknown): HtmlOutputObj {
    return this;
  }
  addMetaTag(_name: string, _content: string): HtmlOutputObj {
    return this;
  }
  setFaviconUrl(_url: string): HtmlOutputObj {
    return this;
  }
}

// ---------- LockService ----------

export const LOCK_TIMEOUT = "Lock timeout: another process was holding the lock for too long.";

export class LockServiceObj extends Emulated {
  constructor(core: Core) {
    super(core, "LockService");
  }
  getDocumentLock(): LockObj {
    return new LockObj(this._core, "document");
  }
  getScriptLock(): LockObj {
    return new LockObj(this._core, "script");
  }
  getUserLock(): LockObj {
    return new LockObj(this._core, `user:${this._core.current.email.toLowerCase()}`);
  }
}

export class LockObj extends Emulated {
  constructor(
    core: Core,
    readonly _key: string,
  ) {
    super(core, "Lock");
  }
  _timeout(ms: unknown, method: string): number {
    if (typeof ms !== "number" || !Number.isFinite(ms)) {
      throw this._core.badParameters(typeof ms, `LockService.Lock.${method}`);
    }
    if (ms < 0) throw this._core.error("Invalid argument: timeoutInMillis");
    if (ms > 300_000) throw this._core.error("Argument too large: timeoutInMillis");
    return ms;
  }
  _acquire(): boolean {
    const owner = this._core.locks.get(this._key);
    const me = this._core.current.id;
    if (owner !== undefined && owner !== me) return false;
    this._core.locks.set(this._key, me);
    return true;
  }
  waitLock(ms: number): void {
    this._timeout(ms, "waitLock");
    // Another execution cannot proceed while this one runs synchronously: time out at once.
    if (!this._acquire()) throw this._core.error(LOCK_TIMEOUT);
  }
  tryLock(ms: number): boolean {
    this._timeout(ms, "tryLock");
    return this._acquire();
  }
  hasLock(): boolean {
    return this._core.locks.get(this._key) === this._core.current.id;
  }
  releaseLock(): void {
    if (this.hasLock()) this._core.locks.delete(this._key);
  }
}

// ---------- Session ----------

export class SessionObj extends Emulated {
  constructor(
    core: Core,
    readonly _tz: () => string,
  ) {
    super(core, "Session");
  }
  getActiveUser(): UserObj {
    return new UserObj(this._core, this._core.current.email);
  }
  getEffectiveUser(): UserObj {
    // An add-on runs as the user who uses it.
    return new UserObj(this._core, this._core.current.email);
  }
  getActiveUserLocale(): string {
    return this._core.current.locale;
  }
  getScriptTimeZone(): string {
    return this._tz();
  }
  getTimeZone(): string {
    return this._tz();
  }
  getTemporaryActiveUserKey(): string {
    const email = this._core.current.email;
    if (email === "") return "";
    return createHash("sha256").update(`qw:${email.toLowerCase()}`).digest("base64").slice(0, 43);
  }
}

// ---------- PropertiesService ----------

export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

export class PropertiesServiceObj extends Emulated {
  constructor(
    core: Core,
    readonly _wb: () => WorkbookModel,
    readonly _touch: () => void,
  ) {
    super(core, "PropertiesService");
  }
  getDocumentProperties(): PropertiesObj {
    return new PropertiesObj(this._core, () => this._wb().properties.document, this._touch);
  }
  getScriptProperties(): PropertiesObj {
    return new PropertiesObj(this._core, () => this._wb().properties.script, this._touch);
  }
  getUserProperties(): PropertiesObj {
    const email = this._core.current.email.toLowerCase();
    return new PropertiesObj(
      this._core,
      () => {
        const users = this._wb().properties.user;
        if (!users[email]) users[email] = {};
        return users[email]!;
      },
      this._touch,
    );
  }
}

function bytes(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

export class PropertiesObj extends Emulated {
  constructor(
    core: Core,
    readonly _store: () => Record<string, string>,
    readonly _touch: () => void,
  ) {
    super(core, "Properties");
  }
  getProperty(key: string): string | null {
    const store = this._store();
    const k = String(key);
    return Object.prototype.hasOwnProperty.call(store, k) ? store[k]! : null;
  }
  getProperties(): Record<string, string> {
    return { ...this._store() };
  }
  getKeys(): string[] {
    return Object.keys(this._store());
  }
  _check(next: Record<string, string>): void {
    let total = 0;
    for (const [k, v] of Object.entries(next)) {
      if (bytes(v) > PROPERTY_VALUE_LIMIT) throw this._core.error("Argument too large: value");
      total += bytes(k) + bytes(v);
    }
    if (total > PROPERTY_STORE_LIMIT) {
      throw this._core.error(
        "You have exceeded the property storage quota. Please remove some properties and try again.",
      );
    }
  }
  _replace(next: Record<string, string>): void {
    this._check(next);
    const store = this._store();
    for (const k of Object.keys(store)) delete store[k];
    Object.assign(store, next);
    this._touch();
  }
  setProperty(key: string, value: unknown): PropertiesObj {
    if (key === null || key === undefined || value === undefined) {
      throw this._core.badParameters("String,null", "PropertiesService.Properties.setProperty");
    }
    this._replace({ ...this._store(), [String(key)]: String(value) });
    return this;
  }
  setProperties(props: Record<string, unknown>, deleteAllOthers?: boolean): PropertiesObj {
    if (!props || typeof props !== "object") {
      throw this._core.badParameters("null", "PropertiesService.Properties.setProperties");
    }
    const next: Record<string, string> = deleteAllOthers ? {} : { ...this._store() };
    for (const [k, v] of Object.entries(props)) next[k] = String(v);
    this._replace(next);
    return this;
  }
  deleteProperty(key: string): PropertiesObj {
    const next = { ...this._store() };
    delete next[String(key)];
    this._replace(next);
    return this;
  }
  deleteAllProperties(): PropertiesObj {
    this._replace({});
    return this;
  }
}

// ---------- ScriptApp, Charts ----------

export class ScriptAppObj extends Emulated {
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly TriggerSource = TriggerSource;
  constructor(
    core: Core,
    readonly _scriptId: string,
  ) {
    super(core, "ScriptApp");
  }
  getScriptId(): string {
    return this._scriptId;
  }
  getProjectTriggers(): unknown[] {
    return [];
  }
  getUserTriggers(_doc: unknown): unknown[] {
    return [];
  }
}

export class ChartsObj extends Emulated {
  readonly ChartType = ChartType;
  readonly ChartHiddenDimensionStrategy = ChartHiddenDimensionStrategy;
  readonly ChartMergeStrategy = ChartMergeStrategy;
  readonly Position = Position;
  constructor(core: Core) {
    super(core, "Charts");
  }
}

// ---------- Utilities ----------

const DIGESTS: Record<string, string> = {
  MD2: "md2",
  MD5: "md5",
  SHA_1: "sha1",
  SHA_256: "sha256",
  SHA_384: "sha384",
  SHA_512: "sha512",
};
const MACS: Record<string, string> = {
  HMAC_MD5: "md5",
  HMAC_SHA_1: "sha1",
  HMAC_SHA_256: "sha256",
  HMAC_SHA_384: "sha384",
  HMAC_SHA_512: "sha512",
};

/** Java's signed bytes, as Apps Script returns them. */
function signed(buf: Buffer): number[] {
  return [...buf].map((b) => (b > 127 ? b - 256 : b));
}

function toBuffer(value: unknown, charset?: unknown): Buffer {
  if (Array.isArray(value)) return Buffer.from(value.map((b) => Number(b) & 0xff));
  const enc = enumName(charset) === "US_ASCII" ? "latin1" : "utf8";
  return Buffer.from(String(value), enc);
}

/** Java SimpleDateFormat over a time zone, with English names (Apps Script's behaviour). */
export function formatJavaDate(ms: number, tz: string, pattern: string): string {
  const zone = isKnownTimeZone(tz) ? tz : "GMT";
  const p = zonedParts(ms, zone);
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new Error(`Illegal pattern: unterminated quote in ${pattern}`);
      out += pattern.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    const pad = (v: number) => String(v).padStart(n, "0");
    switch (ch) {
      case "y":
      case "Y":
        out += n === 2 ? String(p.year % 100).padStart(2, "0") : pad(p.year);
        break;
      case "M":
      case "L":
        out +=
          n >= 4
            ? MONTH_NAMES[p.month - 1]!
            : n === 3
              ? MONTH_NAMES[p.month - 1]!.slice(0, 3)
              : pad(p.month);
        break;
      case "d":
        out += pad(p.day);
        break;
      case "D": {
        const start = Date.UTC(p.year, 0, 1);
        out += pad(Math.round((Date.UTC(p.year, p.month - 1, p.day) - start) / 86_400_000) + 1);
        break;
      }
      case "E":
        out += n >= 4 ? DAY_NAMES[p.weekday]! : DAY_NAMES[p.weekday]!.slice(0, 3);
        break;
      case "a":
        out += p.hour < 12 ? "AM" : "PM";
        break;
      case "H":
        out += pad(p.hour);
        break;
      case "k":
        out += pad(p.hour === 0 ? 24 : p.hour);
        break;
      case "K":
        out += pad(p.hour % 12);
        break;
      case "h":
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12);
        break;
      case "m":
        out += pad(p.minute);
        break;
      case "s":
        out += pad(p.second);
        break;
      case "S":
        out += String(p.millisecond).padStart(3, "0").padEnd(n, "0").slice(0, Math.max(n, 3));
        break;
      case "z":
        out += JAVA_ZONE_NAMES[zone] ?? shortZoneName(ms, zone);
        break;
      case "Z":
      case "X": {
        const off = offsetAt(ms, zone) / 60_000;
        if (ch === "X" && off === 0) {
          out += "Z";
          break;
        }
        const sign = off < 0 ? "-" : "+";
        const a = Math.abs(off);
        const hh = String(Math.floor(a / 60)).padStart(2, "0");
        const mm = String(a % 60).padStart(2, "0");
        out +=
          ch === "Z"
            ? `${sign}${hh}${mm}`
            : n === 1
              ? `${sign}${hh}`
              : n === 2
                ? `${sign}${hh}${mm}`
                : `${sign}${hh}:${mm}`;
        break;
      }
      case "u":
        out += String(p.weekday === 0 ? 7 : p.weekday);
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

/** Java's short names for the zones this project meets. */
const JAVA_ZONE_NAMES: Record<string, string> = {
  "Asia/Jakarta": "WIB",
  "Asia/Pontianak": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
  UTC: "UTC",
  GMT: "GMT",
  "Etc/UTC": "UTC",
};

export class UtilitiesObj extends Emulated {
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;
  readonly Charset = Charset;
  constructor(
    core: Core,
    readonly _sleep: (ms: number) => void,
  ) {
    super(core, "Utilities");
  }
  formatDate(date: unknown, timeZone: string, format: string): string {
    if (Object.prototype.toString.call(date) !== "[object Date]") {
      throw this._core.badParameters("String,String,String", "Utilities.formatDate");
    }
    const ms = Date.prototype.getTime.call(date);
    try {
      return formatJavaDate(ms, String(timeZone), String(format));
    } catch (e) {
      throw this._core.error(e instanceof Error ? e.message : String(e));
    }
  }
  getUuid(): string {
    return randomUUID();
  }
  computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
    const alg = DIGESTS[enumName(algorithm) ?? ""];
    if (!alg) throw this._core.error("Invalid argument: algorithm");
    return signed(createHash(alg).update(toBuffer(value, charset)).digest());
  }
  computeHmacSignature(
    algorithm: unknown,
    value: unknown,
    key: unknown,
    charset?: unknown,
  ): number[] {
    const alg = MACS[enumName(algorithm) ?? ""];
    if (!alg) throw this._core.error("Invalid argument: algorithm");
    return signed(
      createHmac(alg, toBuffer(key, charset)).update(toBuffer(value, charset)).digest(),
    );
  }
  computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
    return this.computeHmacSignature(MacAlgorithm.HMAC_SHA_256, value, key, charset);
  }
  base64Encode(data: unknown, charset?: unknown): string {
    return toBuffer(data, charset).toString("base64");
  }
  base64EncodeWebSafe(data: unknown, charset?: unknown): string {
    return toBuffer(data, charset).toString("base64").replace(/\+/g, "-").replace(/\//g, "_");
  }
  base64Decode(encoded: string): number[] {
    return signed(Buffer.from(String(encoded), "base64"));
  }
  base64DecodeWebSafe(encoded: string): number[] {
    return signed(Buffer.from(String(encoded).replace(/-/g, "+").replace(/_/g, "/"), "base64"));
  }
  sleep(ms: number): void {
    if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) {
      throw this._core.error("Invalid argument: milliseconds");
    }
    if (ms > 300_000) throw this._core.error("Argument too large: milliseconds");
    this._sleep(ms);
  }
  parseCsv(csv: string, delimiter = ","): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = "";
    let quoted = false;
    const s = String(csv);
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!;
      if (quoted) {
        if (ch === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i++;
          } else quoted = false;
        } else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === delimiter) {
        row.push(field);
        field = "";
      } else if (ch === "\n" || ch === "\r") {
        if (ch === "\r" && s[i + 1] === "\n") i++;
        row.push(field);
        rows.push(row);
        row = [];
        field = "";
      } else field += ch;
    }
    if (field !== "" || row.length) {
      row.push(field);
      rows.push(row);
    }
    return rows;
  }
}

// ---------- Logger / console ----------

export function createLogging(logs: string[], print: boolean) {
  const record = (level: string, args: unknown[]) => {
    const line = args
      .map((a) =>
        typeof a === "string"
          ? a
          : (() => {
              try {
                return JSON.stringify(a);
              } catch {
                return String(a);
              }
            })(),
      )
      .join(" ");
    logs.push(level === "log" ? line : `[${level}] ${line}`);
    if (logs.length > 1000) logs.splice(0, logs.length - 1000);
    if (print) console.error(`[server ${level}] ${line}`);
  };
  const Logger = {
    log: (format: unknown, ...args: unknown[]) => {
      let msg = String(format);
      if (args.length) {
        let k = 0;
        msg = msg.replace(/%s|%d/g, () => String(args[k++]));
      }
      record("log", [msg]);
      return Logger;
    },
    getLog: () => logs.join("\n"),
    clear: () => {
      logs.length = 0;
    },
  };
  const consoleObj = {
    log: (...a: unknown[]) => record("log", a),
    info: (...a: unknown[]) => record("info", a),
    warn: (...a: unknown[]) => record("warn", a),
    error: (...a: unknown[]) => record("error", a),
    time: (_label?: string) => {},
    timeEnd: (_label?: string) => {},
  };
  return { Logger, console: consoleObj };
}
