// Protection: a sheet's protection (setup marks the sealed sheets warning-only).
import type { SpreadsheetState } from "./context";
import { Emulated } from "./core";
import { ProtectionType } from "./enums";
import type { ProtectionData } from "./model";

export class ProtectionObj extends Emulated {
  constructor(
    readonly _ctx: SpreadsheetState,
    readonly _id: number,
  ) {
    super(_ctx.core, "Protection");
  }
  /** The protection in the workbook the current execution sees. */
  _live(): ProtectionData {
    const p = this._ctx.wb.protections.find((x) => x.id === this._id);
    if (!p) throw this._ctx.core.error("The protection has been removed.");
    return p;
  }
  setWarningOnly(warningOnly: boolean): ProtectionObj {
    this._live().warningOnly = Boolean(warningOnly);
    this._ctx.touch();
    return this;
  }
  isWarningOnly(): boolean {
    return this._live().warningOnly;
  }
  setDescription(description: string): ProtectionObj {
    this._live().description = String(description);
    this._ctx.touch();
    return this;
  }
  getDescription(): string {
    return this._live().description;
  }
  getProtectionType(): unknown {
    return ProtectionType[this._live().type];
  }
  remove(): void {
    const wb = this._ctx.wb;
    const p = this._live();
    wb.protections = wb.protections.filter((x) => x !== p);
    this._ctx.touch();
  }
}
