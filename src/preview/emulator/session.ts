// Session: the user of the current execution, their locale, the script's time zone.
import { createHash } from "node:crypto";
import { type Core, Emulated } from "./core";

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
  getTemporaryActiveUserKey(): string {
    const email = this._core.current.email;
    if (email === "") return "";
    return createHash("sha256").update(`qw:${email.toLowerCase()}`).digest("base64").slice(0, 43);
  }
}

/** A user as Session returns it (a value: its methods are not service calls). */
export class UserObj extends Emulated {
  constructor(
    core: Core,
    readonly _email: string,
  ) {
    super(core, "User", false);
  }
  getEmail(): string {
    return this._email;
  }
}
