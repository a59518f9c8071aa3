// LockService: document, script and user locks that really exclude other executions.
import { type Core, Emulated } from "./core";

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
