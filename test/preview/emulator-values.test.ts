// The emulator's values against Sheets' documented behaviour: typed-input coercion, the "@"
// plain-text format, formulas, display values, bounds errors and the cell size limit.
import { describe, expect, it } from "vitest";
import { setup, thrown } from "./helpers";

const JAKARTA_MIDNIGHT_2019_09_05 = Date.UTC(2019, 8, 4, 17, 0, 0);

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

describe("setValues coerces strings like a person typing (en_US)", () => {
  const table: [string, unknown][] = [
    ["007", 7],
    ["'007", "007"],
    ["1,500.5", 1500.5],
    ["1,500", 1500],
    ["1,50", "1,50"],
    ["+62812", 62812],
    ["+62 812", "+62 812"],
    ["-3.25", -3.25],
    [".5", 0.5],
    ["1e3", 1000],
    ["10%", 0.1],
    ["12.5%", 0.125],
    ["$1,200", 1200],
    ["TRUE", true],
    ["false", false],
    ["True", true],
    ["'TRUE", "TRUE"],
    ["hello", "hello"],
    ["  42  ", 42],
    ["0x1F", "0x1F"],
    ["Infinity", "Infinity"],
    ["NaN", "NaN"],
    ["12 500", "12 500"],
    ["Rp1.500.000", "Rp1.500.000"],
    ["2019-02-30", "2019-02-30"],
    ["13/40/2019", "13/40/2019"],
    ["'=1+2", "=1+2"],
    ["'", ""],
    ["=", "="],
  ];
  for (const [input, expected] of table) {
    it(`${JSON.stringify(input)} reads back as ${JSON.stringify(expected)}`, () => {
      const { sheet } = setup();
      const cell = sheet.getRange("B2");
      cell.setValues([[input]]);
      expect(cell.getValue()).toStrictEqual(expected);
      expect(cell.getFormula()).toBe("");
    });
  }

  it("dates typed in ISO or US order become midnight in the spreadsheet's time zone", () => {
    const { sheet } = setup();
    const r = sheet.getRange("A1:D1");
    r.setValues([["2019-09-05", "9/5/2019", "5 September 2019", "Sep 5, 2019"]]);
    for (const v of r.getValues()[0]!) {
      expect(isDate(v)).toBe(true);
      expect((v as Date).getTime()).toBe(JAKARTA_MIDNIGHT_2019_09_05);
    }
    expect(r.getDisplayValues()[0]).toEqual([
      "2019-09-05",
      "9/5/2019",
      "5 September 2019",
      "September 5, 2019",
    ]);
    expect(r.getNumberFormats()[0]![0]).toBe("yyyy-mm-dd");
  });

  it("a date-time and a time of day", () => {
    const { sheet } = setup();
    const r = sheet.getRange("A1:B1");
    r.setValues([["2019-09-05 10:30", "14:05"]]);
    const [dt, t] = r.getValues()[0]!;
    expect((dt as Date).toISOString()).toBe("2019-09-05T03:30:00.000Z");
    // Sheets' times are dates on 1899-12-30 (wall clock of the zone, whose 1899 offset was LMT).
    const wall = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Jakarta",
      dateStyle: "short",
      timeStyle: "short",
    }).format(t as Date);
    expect(wall).toBe("30/12/1899, 14:05");
    expect(r.getDisplayValues()[0]).toEqual(["2019-09-05 10:30:00", "2:05:00 PM"]);
  });

  it("follows the spreadsheet's time zone", () => {
    const { sheet } = setup({ timeZone: "UTC" });
    sheet.getRange("A1").setValue("2019-09-05");
    expect((sheet.getRange("A1").getValue() as Date).toISOString()).toBe(
      "2019-09-05T00:00:00.000Z",
    );
  });

  it("numbers, booleans and Dates written as values stay as they are", () => {
    const { sheet } = setup();
    const d = new Date(Date.UTC(2020, 0, 2, 3, 4, 5));
    const r = sheet.getRange("A1:D1");
    r.setValues([[7, false, d, -0]]);
    const v = r.getValues()[0]!;
    expect(v[0]).toBe(7);
    expect(v[1]).toBe(false);
    expect((v[2] as Date).getTime()).toBe(d.getTime());
    expect(Object.is(v[3], 0)).toBe(true);
    expect(r.getNumberFormats()[0]![2]).toBe("M/d/yyyy H:mm:ss");
  });

  it("null, undefined and empty string clear a cell; empty reads as ''", () => {
    const { sheet } = setup();
    const r = sheet.getRange("A1:C1");
    r.setValues([[1, 2, 3]]);
    r.setValues([[null, undefined, ""]]);
    expect(r.getValues()).toEqual([["", "", ""]]);
    expect(sheet.getLastRow()).toBe(0);
  });

  it("refuses objects and arrays as cell values, writing nothing", () => {
    const { sheet } = setup();
    const r = sheet.getRange("A1:B1");
    expect(thrown(() => r.setValues([[1, { a: 1 }]] as never))).toMatch(/don't match/);
    expect(r.getValues()).toEqual([["", ""]]);
  });
});

describe('the plain-text format "@"', () => {
  it("keeps every typed string verbatim", () => {
    const { sheet } = setup();
    const inputs = ['=HYPERLINK("http://x","y")', "+62 812", "007", "2019-09-05", "TRUE", "10%"];
    const r = sheet.getRange(1, 1, 1, inputs.length);
    r.setNumberFormat("@");
    r.setValues([inputs]);
    expect(r.getValues()).toEqual([inputs]);
    expect(r.getFormulas()).toEqual([inputs.map(() => "")]);
    expect(r.getDisplayValues()).toEqual([inputs]);
  });

  it("only where it is set", () => {
    const { sheet } = setup();
    sheet.getRange("A1").setNumberFormat("@");
    sheet.getRange("A1:B1").setValues([["007", "007"]]);
    expect(sheet.getRange("A1:B1").getValues()).toEqual([["007", 7]]);
  });
});

describe("formulas", () => {
  it("become formulas, evaluate a small subset, and report #NAME? otherwise", () => {
    const { sheet } = setup();
    sheet.getRange("A1:A3").setValues([[2], [3], ["x"]]);
    const r = sheet.getRange("B1:B8");
    r.setValues([
      ["=A1+A2*2"],
      ["=SUM(A1:A3)"],
      ['=HYPERLINK("https://pati.go.id","Portal")'],
      ["=NOSUCH(1)"],
      ["=1/0"],
      ['="a"&A1'],
      ["=B7"],
      ["=1+"],
    ]);
    expect(r.getValues().map((x) => x[0])).toEqual([
      8,
      5,
      "Portal",
      "#NAME?",
      "#DIV/0!",
      "a2",
      "#REF!",
      "#ERROR!",
    ]);
    expect(r.getFormulas()[0]).toEqual(["=A1+A2*2"]);
    expect(sheet.getRange("A1").getFormulas()).toEqual([[""]]);
  });

  it("recompute when the cells they read change, across sheets", () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet("Data");
    other.getRange("A1").setValue(10);
    sheet.getRange("A1").setFormula("=Data!A1*3");
    expect(sheet.getRange("A1").getValue()).toBe(30);
    other.getRange("A1").setValue(1);
    expect(sheet.getRange("A1").getValue()).toBe(3);
    expect(sheet.getRange("A1").getFormula()).toBe("=Data!A1*3");
  });

  it("setFormulas writes a grid; '' clears", () => {
    const { sheet } = setup();
    const r = sheet.getRange("A1:B1");
    r.setFormulas([["=1+1", ""]]);
    expect(r.getValues()).toEqual([[2, ""]]);
    expect(r.getFormulas()).toEqual([["=1+1", ""]]);
  });
});

describe("display values and number formats", () => {
  it("format numbers, dates and booleans", () => {
    const { sheet } = setup();
    const r = sheet.getRange("A1:F1");
    r.setValues([[1500000, 0.256, 1234.5, true, new Date(Date.UTC(2019, 8, 5, 3, 30)), 1 / 3]]);
    r.setNumberFormats([
      ["#,##0", "0.0%", '"Rp"#,##0.00', "0", "d mmmm yyyy", "0.###############"],
    ]);
    expect(r.getDisplayValues()).toEqual([
      ["1,500,000", "25.6%", "Rp1,234.50", "TRUE", "5 September 2019", "0.333333333333333"],
    ]);
  });

  it("a number in a date-formatted cell reads back as a Date, a date in a number cell as a serial", () => {
    const { sheet } = setup({ timeZone: "UTC" });
    const a = sheet.getRange("A1");
    a.setNumberFormat("yyyy-mm-dd");
    a.setValue(43713);
    expect((a.getValue() as Date).toISOString()).toBe("2019-09-05T00:00:00.000Z");
    const b = sheet.getRange("B1");
    b.setValue(new Date(Date.UTC(2019, 8, 5, 12)));
    b.setNumberFormat("0.00");
    expect(b.getValue()).toBe(43713.5);
    expect(b.getDisplayValue()).toBe("43713.50");
  });

  it("a fresh cell reports Sheets' default format", () => {
    const { sheet } = setup();
    expect(sheet.getRange("C3").getNumberFormat()).toBe("0.###############");
  });
});

describe("ranges and bounds", () => {
  it("new sheets are 1000 × 26, and ranges outside throw Sheets' message", () => {
    const { sheet } = setup();
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    const outside = "The coordinates of the range are outside the dimensions of the sheet.";
    expect(thrown(() => sheet.getRange(1001, 1))).toBe(outside);
    expect(thrown(() => sheet.getRange(1, 27))).toBe(outside);
    expect(thrown(() => sheet.getRange(999, 1, 3, 1))).toBe(outside);
    expect(thrown(() => sheet.getRange("A1:AA1"))).toBe(outside);
    expect(thrown(() => sheet.getRange(0, 1))).toBe("The starting row of the range is too small.");
    expect(thrown(() => sheet.getRange(1, 0))).toBe(
      "The starting column of the range is too small.",
    );
    expect(thrown(() => sheet.getRange(1, 1, 0, 1))).toBe(
      "The number of rows in the range must be at least 1.",
    );
    expect(thrown(() => sheet.getRange("not a range"))).toBe("Range not found");
  });

  it("setValues with a wrong-size array throws and writes nothing", () => {
    const { sheet } = setup();
    const r = sheet.getRange("A1:B2");
    expect(thrown(() => r.setValues([[1, 2]]))).toBe(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
    expect(thrown(() => r.setValues([[1, 2], [3]]))).toBe(
      "The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.",
    );
    expect(r.getValues()).toEqual([
      ["", ""],
      ["", ""],
    ]);
  });

  it("refuses a cell over 50 000 characters, writing nothing of the block", () => {
    const { sheet } = setup();
    const r = sheet.getRange("A1:B1");
    expect(thrown(() => r.setValues([["ok", "x".repeat(50_001)]]))).toBe(
      "Your input contains more than the maximum of 50000 characters in a single cell.",
    );
    expect(r.getValues()).toEqual([["", ""]]);
    r.setValues([["ok", "x".repeat(50_000)]]);
    expect((r.getValues()[0]![1] as string).length).toBe(50_000);
  });

  it("A1 notation: sheet-qualified, open-ended, case-insensitive, reversed corners", () => {
    const { ss, sheet } = setup();
    ss.insertSheet("My sheet");
    expect(ss.getRange("'My sheet'!b2:c3").getA1Notation()).toBe("B2:C3");
    expect(ss.getRange("'My sheet'!B2").getSheet().getName()).toBe("My sheet");
    expect(sheet.getRange("C3:A1").getA1Notation()).toBe("A1:C3");
    const col = sheet.getRange("B:B");
    expect([col.getRow(), col.getNumRows(), col.getColumn()]).toEqual([1, 1000, 2]);
    expect(col.getA1Notation()).toBe("B:B");
    const open = sheet.getRange("A2:C");
    expect([open.getRow(), open.getLastRow(), open.getNumColumns()]).toEqual([2, 1000, 3]);
    expect(open.getA1Notation()).toBe("A2:C");
    const rows = sheet.getRange("2:3");
    expect([rows.getRow(), rows.getNumRows(), rows.getNumColumns()]).toEqual([2, 2, 26]);
    expect(rows.getA1Notation()).toBe("2:3");
    expect(thrown(() => ss.getRange("Nope!A1"))).toBe("Range not found");
  });

  it("getDataRange, getLastRow and getLastColumn follow content, not formatting", () => {
    const { sheet } = setup();
    expect(sheet.getDataRange().getA1Notation()).toBe("A1");
    sheet.getRange("Z900").setBackground("#ff0000");
    sheet.getRange("C4").setValue("x");
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([4, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:C4");
  });

  it("merge keeps only the upper-left value, like Sheets", () => {
    const { sheet } = setup();
    const r = sheet.getRange("A1:B2");
    r.setValues([
      ["title", "x"],
      ["y", "=1+1"],
    ]);
    r.merge();
    expect(r.getValues()).toEqual([
      ["title", ""],
      ["", ""],
    ]);
    const across = sheet.getRange("A4:B5");
    across.setValues([
      [1, 2],
      [3, 4],
    ]);
    across.mergeAcross();
    expect(across.getValues()).toEqual([
      [1, ""],
      [3, ""],
    ]);
  });

  it("offset and getCell", () => {
    const { sheet } = setup();
    const r = sheet.getRange("B2:C3");
    expect(r.offset(1, 1).getA1Notation()).toBe("C3:D4");
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe("B2");
    expect(r.getCell(2, 2).getA1Notation()).toBe("C3");
  });
});

describe("sheets", () => {
  it("appendRow writes after the last row, coerces like typing, and grows the sheet", () => {
    const { sheet } = setup();
    sheet.getRange("A1000").setValue("last");
    sheet.appendRow(["007", "'007", 5, "=1+1"]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange("A1001:D1001").getValues()).toEqual([[7, "007", 5, 2]]);
    const wide = new Array(30).fill("w");
    sheet.appendRow(wide);
    expect(sheet.getMaxColumns()).toBe(30);
    expect(sheet.getLastRow()).toBe(1002);
  });

  it("appendRow is atomic: a bad value writes nothing", () => {
    const { sheet } = setup();
    expect(thrown(() => sheet.appendRow(["a", "x".repeat(50_001)]))).toMatch(/50000/);
    expect(sheet.getLastRow()).toBe(0);
  });

  it("insertRows and deleteRows shift content and resize", () => {
    const { sheet } = setup();
    sheet.getRange("A1:A3").setValues([[1], [2], [3]]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange("A1:A5").getValues().flat()).toEqual([1, "", "", 2, 3]);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange("A1:A3").getValues().flat()).toEqual([1, 2, 3]);
    expect(sheet.getMaxRows()).toBe(1000);
    sheet.insertRows(1);
    expect(sheet.getRange("A2").getValue()).toBe(1);
    expect(thrown(() => sheet.deleteRows(1, 1001))).toBe(
      "You can't delete all the rows on the sheet.",
    );
  });

  it("insertSheet with an existing name throws like Sheets; names are case-insensitive", () => {
    const { ss } = setup();
    ss.insertSheet("Data");
    expect(thrown(() => ss.insertSheet("data"))).toBe(
      'A sheet with the name "data" already exists. Please enter another name.',
    );
    expect(ss.getSheetByName("DATA")?.getName()).toBe("Data");
    expect(ss.getSheetByName("missing")).toBeNull();
    const s2 = ss.insertSheet("First", 0);
    expect(s2.getIndex()).toBe(1);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["First", "Sheet1", "Data"]);
    expect(ss.getSheetById(s2.getSheetId())?.getName()).toBe("First");
    ss.deleteSheet(s2);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["Sheet1", "Data"]);
  });

  it("clear, clearContents and clearFormats", () => {
    const { sheet } = setup();
    const r = sheet.getRange("A1");
    r.setValue(5);
    r.setNumberFormat("0.00");
    r.setBackground("#ff0000");
    sheet.clearContents();
    expect(r.getValue()).toBe("");
    expect(r.getNumberFormat()).toBe("0.00");
    sheet.clearFormats();
    expect(r.getNumberFormat()).toBe("0.###############");
    expect(r.getBackground()).toBe("#ffffff");
  });

  it("records frozen rows, widths, tab colour, hiding and formatting", () => {
    const { ss, sheet } = setup();
    sheet.setFrozenRows(1);
    sheet.setColumnWidths(1, 3, 150);
    sheet.setTabColor("#1a73e8");
    const r = sheet.getRange("A1:B1");
    r.setFontWeight("bold").setBackground("#e8f0fe").setWrap(true).setHorizontalAlignment("center");
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getColumnWidth(2)).toBe(150);
    expect(sheet.getTabColor()).toBe("#1a73e8");
    expect(r.getFontWeights()).toEqual([["bold", "bold"]]);
    expect(r.getBackgrounds()).toEqual([["#e8f0fe", "#e8f0fe"]]);
    expect(thrown(() => sheet.hideSheet())).toBe("You can't hide all the sheets in a document.");
    ss.insertSheet("Other");
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
  });

  it("hides and shows columns; widths and hidden columns follow inserted and deleted columns", () => {
    const { emulator, sheet } = setup();
    sheet.setColumnWidths(3, 2, 60);
    sheet.hideColumns(4, 2);
    expect([3, 4, 5, 6].map((c) => sheet.isColumnHiddenByUser(c))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(thrown(() => sheet.hideColumns(26, 2))).toBe("Those columns are out of bounds.");
    sheet.insertColumns(1, 1);
    expect([4, 5, 6].map((c) => sheet.isColumnHiddenByUser(c))).toEqual([false, true, true]);
    expect([4, 5, 6].map((c) => sheet.getColumnWidth(c))).toEqual([60, 60, 100]);
    sheet.deleteColumns(5, 1);
    expect([4, 5, 6].map((c) => sheet.isColumnHiddenByUser(c))).toEqual([false, true, false]);
    expect([4, 5].map((c) => sheet.getColumnWidth(c))).toEqual([60, 100]);
    sheet.showColumns(5);
    sheet.hideColumns(2);
    // Kept in the workbook's JSON, and read back from it.
    const json = emulator.toJSON();
    expect(json.sheets[0]!.hiddenColumns).toEqual([2]);
    const again = setup({ data: json }).sheet;
    expect([1, 2, 3].map((c) => again.isColumnHiddenByUser(c))).toEqual([false, true, false]);
  });

  it("methods that are not emulated fail loudly", () => {
    const { sheet, s } = setup();
    expect(thrown(() => (sheet as unknown as { foo(): void }).foo())).toBe(
      "not emulated: Sheet.foo",
    );
    expect(thrown(() => sheet.getRange("A1").copyTo(sheet.getRange("B1")))).toBe(
      "not emulated: Range.copyTo",
    );
    expect(thrown(() => s.SpreadsheetApp.openById("x"))).toBe(
      "not emulated: SpreadsheetApp.openById",
    );
  });
});

describe("formulas beyond the emulator's bounds show #ERROR!", () => {
  it("deep nesting, long formulas and long reference chains; the rest still evaluates", () => {
    const { sheet } = setup();
    sheet
      .getRange("A1:D1")
      .setValues([
        [
          `=${"(".repeat(101)}1${")".repeat(101)}`,
          `=${"(".repeat(99)}1${")".repeat(99)}`,
          `=${"-".repeat(9_000)}1`,
          `=1${"+1".repeat(5_000)}`,
        ],
      ]);
    expect(sheet.getRange("A1:D1").getValues()).toEqual([["#ERROR!", 1, "#ERROR!", "#ERROR!"]]);
    // Column E: each cell reads the one below; 300 deep is beyond the chain bound, 100 is not.
    const chain = (n: number) =>
      Array.from({ length: n }, (_, i) => [i === n - 1 ? 1 : `=E${i + 2}+1`]);
    sheet.getRange(1, 5, 300, 1).setValues(chain(300));
    expect(sheet.getRange("E1").getValue()).toBe("#ERROR!");
    sheet.getRange(1, 6, 100, 1).setValues(chain(100).map(([v]) => [String(v).replace("E", "F")]));
    expect(sheet.getRange("F1").getValue()).toBe(100);
  });
});
