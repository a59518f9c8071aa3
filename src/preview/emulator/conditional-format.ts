// Conditional formatting: custom-formula rules with a background (what the ranking's highlight
// needs), their builder, and how a rule's formula is evaluated for one cell of its ranges.
import { type A1Ref, columnLetters, lettersToColumn, parseA1 } from "./a1";
import { type SpreadsheetState, typeName } from "./context";
import { Emulated } from "./core";
import type { ConditionalFormatData, SheetModel, WorkbookModel } from "./model";
import { RangeObj } from "./range";

export class ConditionalFormatRuleBuilderObj extends Emulated {
  readonly _data: ConditionalFormatData = { ranges: [], formula: "", background: null };
  constructor(readonly _ctx: SpreadsheetState) {
    super(_ctx.core, "ConditionalFormatRuleBuilder", false);
  }
  whenFormulaSatisfied(formula: unknown): ConditionalFormatRuleBuilderObj {
    if (typeof formula !== "string") {
      throw this._ctx.core.badParameters(
        typeName(formula),
        "SpreadsheetApp.ConditionalFormatRuleBuilder.whenFormulaSatisfied",
      );
    }
    this._data.formula = formula;
    return this;
  }
  setBackground(color: unknown): ConditionalFormatRuleBuilderObj {
    this._data.background = color === null ? null : String(color);
    return this;
  }
  setRanges(ranges: unknown): ConditionalFormatRuleBuilderObj {
    const list = Array.isArray(ranges) ? ranges.map((r) => this._ctx.core.unwrap(r)) : null;
    if (!list?.every((r) => r instanceof RangeObj)) {
      throw this._ctx.core.badParameters(
        typeName(ranges),
        "SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges",
      );
    }
    // Open-ended ranges ("A2:N") stay open, so rows added below are covered as in Sheets.
    this._data.ranges = (list as RangeObj[]).map((r) => r._a1 ?? r.getA1Notation());
    return this;
  }
  build(): ConditionalFormatRuleObj {
    if (this._data.formula === "") {
      throw this._ctx.core.error("The conditional format rule must have a condition.");
    }
    if (this._data.ranges.length === 0) {
      throw this._ctx.core.error("The conditional format rule must have at least one range.");
    }
    return new ConditionalFormatRuleObj(this._ctx, structuredClone(this._data));
  }
}

export class ConditionalFormatRuleObj extends Emulated {
  constructor(
    readonly _ctx: SpreadsheetState,
    readonly _data: ConditionalFormatData,
  ) {
    super(_ctx.core, "ConditionalFormatRule", false);
  }
  /** The ranges as A1 notations on the rule's sheet (the emulator's own accessor). */
  getRangeNotations(): string[] {
    return [...this._data.ranges];
  }
  getBooleanCondition(): {
    getCriteriaType(): string;
    getCriteriaValues(): string[];
    getBackground(): string | null;
  } {
    const data = this._data;
    return {
      getCriteriaType: () => "CUSTOM_FORMULA",
      getCriteriaValues: () => [data.formula],
      getBackground: () => data.background,
    };
  }
}

/**
 * The formula as Sheets applies it to the cell at (dRow, dCol) from the range's top-left cell:
 * relative references move with the cell, $-anchored parts stay (string literals untouched).
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  const parts = formula.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(^|[^\w!$.])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/g,
            (_m, lead: string, cAnchor: string, col: string, rAnchor: string, row: string) => {
              const c = cAnchor ? col : columnLetters(lettersToColumn(col) + dCol);
              const r = rAnchor ? row : String(Number(row) + dRow);
              return `${lead}${cAnchor}${c}${rAnchor}${r}`;
            },
          ),
    )
    .join("");
}

function contains(ref: A1Ref, m: SheetModel, row: number, col: number): boolean {
  const r1 = ref.row1 ?? 1;
  const c1 = ref.col1 ?? 1;
  const r2 = ref.row2 ?? m.maxRows;
  const c2 = ref.col2 ?? m.maxColumns;
  return row >= r1 && row <= r2 && col >= c1 && col <= c2;
}

/** The background the sheet's conditional formats give a cell (the first rule that holds). */
export function conditionalBackground(
  wb: WorkbookModel,
  m: SheetModel,
  row: number,
  col: number,
): string | null {
  for (const rule of m.conditionalFormats) {
    if (rule.background === null) continue;
    for (const a1 of rule.ranges) {
      const ref = parseA1(a1);
      if (!ref || !contains(ref, m, row, col)) continue;
      const formula = shiftFormula(rule.formula, row - (ref.row1 ?? 1), col - (ref.col1 ?? 1));
      const v = wb.evaluateRule(m, row, col, formula);
      if (v === true || (typeof v === "number" && v !== 0)) return rule.background;
    }
  }
  return null;
}
