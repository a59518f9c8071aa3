// The spreadsheet's locale (typed input read and cells shown the way of id_ID or en_US), and
// the two text behaviours a live spreadsheet may have for "@" cells written by setValues.
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../src/preview/emulator";
import { services, setup } from "./helpers";

/** What a string written with setValues reads back as, and its formula. */
function written(options: Parameters<typeof setup>[0], input: string, format?: string) {
  const { sheet } = setup(options);
  const r = sheet.getRange("A1");
  if (format) r.setNumberFormat(format);
  r.setValues([[input]]);
  const v = r.getValue();
  return {
    value: v instanceof Date ? v.toISOString() : v,
    formula: r.getFormula(),
    shown: r.getDisplayValue(),
  };
}

describe("typed input by the spreadsheet's locale", () => {
  const ID = { locale: "id_ID" } as const;
  const US = { locale: "en_US" } as const;

  it("id_ID reads day first, a decimal comma and dot groups", () => {
    expect(written(ID, "5/9/2019").value).toBe("2019-09-04T17:00:00.000Z"); // 5 September, WIB
    expect(written(ID, "1.500,5").value).toBe(1500.5);
    expect(written(ID, "1.500.000").value).toBe(1_500_000);
    expect(written(ID, "0,25").value).toBe(0.25);
    expect(written(ID, "12,5%").value).toBe(0.125);
    expect(written(ID, "5 Agustus 2019").value).toBe("2019-08-04T17:00:00.000Z");
    expect(written(ID, "2019-09-05").value).toBe("2019-09-04T17:00:00.000Z");
    // Not a number in id_ID: "1,500.5" and "$5" stay text.
    expect(written(ID, "1,500.5").value).toBe("1,500.5");
    expect(written(ID, "$5").value).toBe("$5");
  });

  it("en_US reads month first and a decimal point; 1.500,5 stays text", () => {
    expect(written(US, "5/9/2019").value).toBe("2019-05-08T17:00:00.000Z"); // 9 May, WIB
    expect(written(US, "1.500,5").value).toBe("1.500,5");
    expect(written(US, "1,500.5").value).toBe(1500.5);
    expect(written(US, "1.500.000").value).toBe("1.500.000");
  });

  it("id_ID shows dot groups, a decimal comma and dd/mm/yyyy dates", () => {
    expect(written(ID, "1.500.000").shown).toBe("1.500.000");
    expect(written(ID, "1.500,5").shown).toBe("1.500,50");
    expect(written(ID, "0,25").shown).toBe("0,25");
    expect(written(ID, "5/9/2019").shown).toBe("05/09/2019");
    expect(written(US, "1,500.5").shown).toBe("1,500.50");
    expect(written(US, "5/9/2019").shown).toBe("5/9/2019");
  });

  it("display follows the locale set later; Dates written by script show in its format", () => {
    const { ss, sheet } = setup();
    sheet.getRange("A1:C1").setNumberFormats([["#,##0", "0.0", "d mmmm yyyy"]]);
    sheet.getRange("A1:C1").setValues([[30_000_000, 2.5, new Date(Date.UTC(2019, 7, 5))]]);
    sheet.getRange("D1").setValues([[new Date(Date.UTC(2019, 8, 5, 3, 4, 5))]]);
    expect(sheet.getRange("A1:D1").getDisplayValues()).toEqual([
      ["30,000,000", "2.5", "5 August 2019", "9/5/2019 10:04:05"],
    ]);
    ss.setSpreadsheetLocale("id_ID");
    expect(ss.getSpreadsheetLocale()).toBe("id_ID");
    expect(sheet.getRange("A1:C1").getDisplayValues()).toEqual([
      ["30.000.000", "2,5", "5 Agustus 2019"],
    ]);
    sheet.getRange("E1").setValues([[new Date(Date.UTC(2019, 8, 5, 3, 4, 5))]]);
    expect(sheet.getRange("E1").getDisplayValue()).toBe("05/09/2019 10:04:05");
  });

  it("the time zone is the spreadsheet's: set and read back, typed dates at its midnight", () => {
    const { ss, sheet } = setup({ locale: "id_ID" });
    expect(ss.getSpreadsheetTimeZone()).toBe("Asia/Jakarta");
    ss.setSpreadsheetTimeZone("Asia/Makassar");
    expect(ss.getSpreadsheetTimeZone()).toBe("Asia/Makassar");
    sheet.getRange("A1").setValues([["5/9/2019"]]);
    expect((sheet.getRange("A1").getValue() as Date).toISOString()).toBe(
      "2019-09-04T16:00:00.000Z",
    );
  });

  it("the locale and time zone are kept with the workbook", () => {
    const emulator = createEmulator({ locale: "id_ID" });
    const copy = createEmulator({ data: JSON.parse(JSON.stringify(emulator.toJSON())) });
    expect(services(copy).SpreadsheetApp.getActive().getSpreadsheetLocale()).toBe("id_ID");
  });

  it("the preview's grid shows the id_ID way, and its inputs type back the same", () => {
    const emulator = createEmulator({ locale: "id_ID" });
    emulator.typeInto("Sheet1", "A1:D1", [["1.500,5", "5/9/2019", "'1.500", "=1+1"]]);
    const { display, inputs, values } = emulator.grid().sheets[0]!;
    expect(values).toEqual([[1500.5, "2019-09-04T17:00:00.000Z", "1.500", 2]]);
    expect(display).toEqual([["1.500,50", "05/09/2019", "1.500", "2"]]);
    expect(inputs).toEqual([["1500,5", "05/09/2019", "'1.500", "=1+1"]]);
    // Typing each input back changes nothing.
    emulator.typeInto("Sheet1", "A1:D1", inputs);
    expect(emulator.grid().sheets[0]!.values).toEqual(values);
  });
});

describe('the two behaviours of "@" cells written by setValues', () => {
  const PROBES = ["=1+1", "007", "TRUE", "2019-09-05"];

  it('"honoured" (the default) keeps every probe as text', () => {
    for (const probe of PROBES) {
      expect(written({}, probe, "@")).toEqual({ value: probe, formula: "", shown: probe });
      expect(written({ plainTextFormat: "honoured" }, probe, "@").value).toBe(probe);
    }
  });

  it('"ignored" coerces them like typed input: a formula, a number, a boolean, a date', () => {
    const ignored = { plainTextFormat: "ignored" } as const;
    expect(written(ignored, "=1+1", "@")).toMatchObject({ value: 2, formula: "=1+1" });
    expect(written(ignored, "007", "@").value).toBe(7);
    expect(written(ignored, "TRUE", "@").value).toBe(true);
    expect(written(ignored, "2019-09-05", "@").value).toBe("2019-09-04T17:00:00.000Z");
  });

  it("a leading ' keeps text under both, and is not part of the value read back", () => {
    for (const plainTextFormat of ["honoured", "ignored"] as const) {
      for (const probe of PROBES) {
        for (const format of [undefined, "@"]) {
          const got = written({ plainTextFormat }, `'${probe}`, format);
          expect(got, `${plainTextFormat} ${format} ${probe}`).toEqual({
            value: probe,
            formula: "",
            shown: probe,
          });
        }
      }
    }
  });

  it('a person typing into "@" keeps text even when scripts are "ignored"', () => {
    const emulator = createEmulator({ plainTextFormat: "ignored" });
    const sheet = services(emulator).SpreadsheetApp.getActive().getSheets()[0]!;
    sheet.getRange("A1:B1").setNumberFormat("@");
    emulator.typeInto("Sheet1", "A1:B1", [["007", "=1+1"]]);
    expect(sheet.getRange("A1:B1").getValues()).toEqual([["007", "=1+1"]]);
    sheet.getRange("A1:B1").setValues([["007", "=1+1"]]);
    expect(sheet.getRange("A1:B1").getValues()).toEqual([[7, 2]]);
  });
});
