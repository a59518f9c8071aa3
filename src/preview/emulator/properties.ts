// PropertiesService: document, script and per-user stores with Apps Script's quotas.
import { type Core, Emulated } from "./core";
import type { WorkbookModel } from "./model";

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
