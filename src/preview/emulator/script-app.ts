// ScriptApp: the script's id and its enums (the add-on reads AuthMode in onOpen).
import { type Core, Emulated } from "./core";
import { AuthMode } from "./enums";

export class ScriptAppObj extends Emulated {
  readonly AuthMode = AuthMode;
  constructor(
    core: Core,
    readonly _scriptId: string,
  ) {
    super(core, "ScriptApp");
  }
  getScriptId(): string {
    return this._scriptId;
  }
}
