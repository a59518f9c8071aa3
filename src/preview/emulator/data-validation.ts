// Data validation: the builder and its rules (a list of values, a number range, a date).
import { type SpreadsheetState, typeName } from "./context";
import { Emulated } from "./core";
import { DataValidationCriteria } from "./enums";
import type { ValidationData } from "./model";

export class DataValidationBuilderObj extends Emulated {
  readonly _data: ValidationData;
  constructor(
    readonly _ctx: SpreadsheetState,
    data?: ValidationData,
  ) {
    super(_ctx.core, "DataValidationBuilder", false);
    this._data = data ?? { type: "", values: [], allowInvalid: true, helpText: null };
  }
  _set(type: string, values: unknown[]): DataValidationBuilderObj {
    this._data.type = type;
    this._data.values = values;
    return this;
  }
  requireValueInList(values: unknown[], showDropdown = true): DataValidationBuilderObj {
    if (!Array.isArray(values)) {
      throw this._ctx.core.badParameters(
        typeName(values),
        "SpreadsheetApp.DataValidationBuilder.requireValueInList",
      );
    }
    return this._set("VALUE_IN_LIST", [values.map(String), showDropdown]);
  }
  requireNumberBetween(a: number, b: number): DataValidationBuilderObj {
    return this._set("NUMBER_BETWEEN", [Number(a), Number(b)]);
  }
  requireDate(): DataValidationBuilderObj {
    return this._set("DATE_IS_VALID_DATE", []);
  }
  setAllowInvalid(allow: boolean): DataValidationBuilderObj {
    this._data.allowInvalid = Boolean(allow);
    return this;
  }
  setHelpText(text: string): DataValidationBuilderObj {
    this._data.helpText = String(text);
    return this;
  }
  getCriteriaType(): unknown {
    return criteriaEnum(this._data.type);
  }
  getCriteriaValues(): unknown[] {
    return structuredClone(this._data.values);
  }
  getHelpText(): string | null {
    return this._data.helpText;
  }
  getAllowInvalid(): boolean {
    return this._data.allowInvalid;
  }
  build(): DataValidationObj {
    if (this._data.type === "") {
      throw this._ctx.core.error("You must specify a criteria type for the data validation rule.");
    }
    return new DataValidationObj(this._ctx, structuredClone(this._data));
  }
}

function criteriaEnum(type: string): unknown {
  return (DataValidationCriteria as Record<string, unknown>)[type] ?? null;
}

export class DataValidationObj extends Emulated {
  constructor(
    readonly _ctx: SpreadsheetState,
    readonly _data: ValidationData,
  ) {
    super(_ctx.core, "DataValidation", false);
  }
  getCriteriaType(): unknown {
    return criteriaEnum(this._data.type);
  }
  getCriteriaValues(): unknown[] {
    return structuredClone(this._data.values);
  }
  getHelpText(): string | null {
    return this._data.helpText;
  }
  getAllowInvalid(): boolean {
    return this._data.allowInvalid;
  }
}
