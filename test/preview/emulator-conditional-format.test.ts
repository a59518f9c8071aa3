// Conditional-format rules: the builder, Sheet.set/getConditionalFormatRules, persistence in
// the workbook JSON, counting, and the background the preview grid shows for them.
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../src/preview/emulator";
import { shiftFormula } from "../../src/preview/emulator/conditional-format";
import { services, setup, thrown } from "./helpers";

type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

function shortlistRule(s: ReturnType<typeof setup>["s"], sheet: ReturnType<typeof setup>["sheet"]) {
  return s.SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied('=$B2="ya"')
    .setBackground("#d9ead3")
    .setRanges([sheet.getRange("A2:C")])
    .build();
}

describe("conditional-format rules", () => {
  it("are built, set, read back and counted like Sheets' (builders are not calls)", () => {
    const { emulator, s, sheet } = setup();
    const rule = shortlistRule(s, sheet); // newConditionalFormatRule, getRange: 2
    sheet.setConditionalFormatRules([rule]); // 3
    expect(emulator.serviceCalls).toBe(3);
    const [back] = sheet.getConditionalFormatRules() as Rule[];
    const condition = back!.getBooleanCondition()!;
    expect(condition.getCriteriaValues()).toEqual(['=$B2="ya"']);
    expect(condition.getBackground()).toBe("#d9ead3");
    // Setting replaces every rule, as in Sheets.
    sheet.setConditionalFormatRules([]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(0);
  });

  it("refuse a rule without condition or range, and what is not a rule", () => {
    const { s, sheet } = setup();
    const builder = () => s.SpreadsheetApp.newConditionalFormatRule();
    expect(
      thrown(() =>
        builder()
          .setRanges([sheet.getRange("A1")])
          .build(),
      ),
    ).toMatch(/condition/);
    expect(thrown(() => builder().whenFormulaSatisfied("=TRUE").build())).toMatch(/range/);
    expect(thrown(() => sheet.setConditionalFormatRules([{}] as unknown as Rule[]))).toMatch(
      /parameters/,
    );
  });

  it("persist with the workbook and colour exactly the rows whose cell satisfies the formula", () => {
    const { emulator, s, sheet } = setup();
    sheet.getRange("A1:C4").setValues([
      ["Id", "Daftar pendek", "Catatan"],
      ["QW-1", "'ya", ""],
      ["QW-2", "", ""],
      ["QW-3", "YA", "x"],
    ]);
    sheet.setConditionalFormatRules([shortlistRule(s, sheet)]);
    const again = createEmulator({ data: emulator.toJSON() });
    const json = again.toJSON().sheets[0]!;
    expect(json.conditionalFormats).toEqual([
      { ranges: ["A2:C"], formula: '=$B2="ya"', background: "#d9ead3" },
    ]);
    const grid = again.grid().sheets[0]!;
    const G = "#d9ead3";
    // The header is outside the range; Sheets compares text case-insensitively.
    expect(grid.backgrounds).toEqual([
      [null, null, null],
      [G, G, G],
      [null, null, null],
      [G, G, G],
    ]);
    // Rules are the sheet's: a new value re-colours its row without another call to the rule.
    services(again).SpreadsheetApp.getActive().getSheets()[0]!.getRange("B3").setValue("ya");
    expect(again.grid().sheets[0]!.backgrounds[2]).toEqual([G, G, G]);
  });

  it("a workbook saved before rules were emulated still loads (no rules)", () => {
    const { emulator } = setup();
    const data = emulator.toJSON();
    for (const sheet of data.sheets) delete sheet.conditionalFormats;
    const loaded = createEmulator({ data });
    expect(loaded.toJSON().sheets[0]!.conditionalFormats).toEqual([]);
  });

  it("move relative references with the cell, keep anchored ones and string literals", () => {
    expect(shiftFormula('=$M2="ya"', 3, 5)).toBe('=$M5="ya"');
    expect(shiftFormula("=A1+B$1+$C$1", 2, 1)).toBe("=B3+C$1+$C$1");
    expect(shiftFormula('="A1"&A1', 1, 0)).toBe('="A1"&A2');
  });
});
