// SpreadsheetApp: the entry point, the enums the server reads from it, flush and the Ui.

import { ConditionalFormatRuleBuilderObj } from "./conditional-format";
import type { SpreadsheetState } from "./context";
import { Emulated } from "./core";
import { DataValidationBuilderObj } from "./data-validation";
import { DataValidationCriteria, ProtectionType } from "./enums";
import type { RangeObj } from "./range";
import type { SheetObj } from "./sheet";
import { SpreadsheetObj } from "./spreadsheet";
import type { UiObj } from "./ui";

export class SpreadsheetAppObj extends Emulated {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly ProtectionType = ProtectionType;
  readonly _ss: SpreadsheetObj;

  constructor(readonly _ctx: SpreadsheetState) {
    super(_ctx.core, "SpreadsheetApp");
    this._ss = new SpreadsheetObj(_ctx);
  }
  getActive(): SpreadsheetObj {
    return this._ss;
  }
  getActiveSpreadsheet(): SpreadsheetObj {
    return this._ss;
  }
  getActiveSheet(): SheetObj {
    return this._ss.getActiveSheet();
  }
  getUi(): UiObj {
    return this._ctx.ui();
  }
  /** Commits this execution's pending writes, so other executions see them (buffered mode). */
  flush(): void {
    this._ctx.flush();
  }
  newDataValidation(): DataValidationBuilderObj {
    return new DataValidationBuilderObj(this._ctx);
  }
  newConditionalFormatRule(): ConditionalFormatRuleBuilderObj {
    return new ConditionalFormatRuleBuilderObj(this._ctx);
  }
}

export type { RangeObj };
