// LockService, Session, PropertiesService, HtmlService, Ui, Utilities, protections, data validation, charts, counting and persistence.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createEmulator, LOCK_TIMEOUT } from "../../src/preview/emulator";
import { services, setup, thrown } from "./helpers";

describe("service-call counting", () => {
  it("counts every call on service objects, not on builders", () => {
    const { emulator, s, sheet } = setup();
    emulator.resetServiceCalls();
    const r = sheet.getRange("A1:B2"); // 1
    r.setValues([
      [1, 2],
      [3, 4],
    ]); // 2
    r.getValues(); // 3
    const rule = s.SpreadsheetApp.newDataValidation() // 4
      .requireValueInList(["a", "b"])
      .setAllowInvalid(false)
      .build();
    r.setDataValidation(rule); // 5
    s.Session.getActiveUser().getEmail(); // 6 (User is a value, not counted)
    s.LockService.getDocumentLock().tryLock(1); // 7, 8
    expect(emulator.serviceCalls).toBe(8);
    emulator.resetServiceCalls();
    expect(emulator.serviceCalls).toBe(0);
  });

  it("chained calls count each link", () => {
    const { emulator, sheet } = setup();
    sheet.getRange("A1").setValue(1).setBackground("#fff").setFontWeight("bold");
    expect(emulator.serviceCalls).toBe(4);
  });
});

describe("LockService", () => {
  it("a lock held by another execution makes waitLock time out and tryLock fail", () => {
    const emulator = createEmulator();
    const s = services(emulator);
    emulator.runExecution({ email: "a@x.id", locale: "id" }, () => {
      const lock = s.LockService.getDocumentLock();
      lock.waitLock(10_000);
      expect(lock.hasLock()).toBe(true);
      // Re-entrant within the same execution.
      expect(s.LockService.getDocumentLock().tryLock(0)).toBe(true);
      emulator.runExecution({ email: "b@x.id", locale: "id" }, () => {
        const other = s.LockService.getDocumentLock();
        expect(thrown(() => other.waitLock(10_000))).toBe(LOCK_TIMEOUT);
        expect(other.tryLock(500)).toBe(false);
        expect(other.hasLock()).toBe(false);
        // The script lock is a different lock.
        expect(s.LockService.getScriptLock().tryLock(0)).toBe(true);
      });
      lock.releaseLock();
      emulator.runExecution({ email: "b@x.id", locale: "id" }, () => {
        expect(s.LockService.getDocumentLock().tryLock(0)).toBe(true);
      });
    });
  });

  it("user locks are per user", () => {
    const emulator = createEmulator();
    const s = services(emulator);
    emulator.runExecution({ email: "a@x.id", locale: "id" }, () => {
      s.LockService.getUserLock().waitLock(1000);
      emulator.runExecution({ email: "b@x.id", locale: "id" }, () => {
        expect(s.LockService.getUserLock().tryLock(0)).toBe(true);
      });
      emulator.runExecution({ email: "a@x.id", locale: "id" }, () => {
        expect(s.LockService.getUserLock().tryLock(0)).toBe(false);
      });
    });
  });

  it("locks are released when their execution ends", () => {
    const emulator = createEmulator();
    const s = services(emulator);
    emulator.runExecution({ email: "a@x.id", locale: "id" }, () => {
      s.LockService.getDocumentLock().waitLock(1000);
    });
    emulator.runExecution({ email: "b@x.id", locale: "id" }, () => {
      expect(s.LockService.getDocumentLock().tryLock(0)).toBe(true);
    });
  });
});

describe("Session", () => {
  it("outside executions the owner; inside, the execution's user and locale", () => {
    const emulator = createEmulator();
    const s = services(emulator);
    expect(s.Session.getActiveUser().getEmail()).toBe("koordinator@patikab.go.id");
    expect(s.Session.getScriptTimeZone()).toBe("Asia/Jakarta");
    emulator.runExecution({ email: "x@y.id", locale: "en" }, () => {
      expect(s.Session.getActiveUser().getEmail()).toBe("x@y.id");
      expect(s.Session.getActiveUserLocale()).toBe("en");
    });
  });
});

describe("PropertiesService", () => {
  it("document, script and per-user stores; values become strings", () => {
    const emulator = createEmulator();
    const s = services(emulator);
    const doc = s.PropertiesService.getDocumentProperties();
    doc.setProperty("a", "1").setProperties({ b: 2 as unknown as string });
    expect(doc.getProperties()).toEqual({ a: "1", b: "2" });
    expect(doc.getProperty("missing")).toBeNull();
    doc.setProperties({ c: "3" }, true);
    expect(doc.getKeys()).toEqual(["c"]);
    doc.deleteProperty("c");
    expect(doc.getProperties()).toEqual({});
    emulator.runExecution({ email: "a@x.id", locale: "id" }, () => {
      s.PropertiesService.getUserProperties().setProperty("k", "a");
    });
    emulator.runExecution({ email: "b@x.id", locale: "id" }, () => {
      expect(s.PropertiesService.getUserProperties().getProperty("k")).toBeNull();
    });
    emulator.runExecution({ email: "a@x.id", locale: "id" }, () => {
      expect(s.PropertiesService.getUserProperties().getProperty("k")).toBe("a");
    });
  });

  it("enforces 9 KB per value and 500 KB per store, writing nothing on refusal", () => {
    const { s } = setup();
    const p = s.PropertiesService.getScriptProperties();
    p.setProperty("ok", "x".repeat(9 * 1024));
    expect(thrown(() => p.setProperty("big", "x".repeat(9 * 1024 + 1)))).toBe(
      "Argument too large: value",
    );
    expect(p.getProperty("big")).toBeNull();
    for (let i = 0; i < 55; i++) p.setProperty(`k${i}`, "y".repeat(9000));
    expect(thrown(() => p.setProperty("k99", "y".repeat(9000)))).toMatch(
      /exceeded the property storage quota/,
    );
    expect(p.getProperty("k99")).toBeNull();
  });
});

describe("HtmlService and the Ui", () => {
  it("builds outputs from files and strings, and records sidebars, menus and alerts", () => {
    const { emulator, s } = setup({ htmlFiles: { page: "<p>hi</p>" } });
    const out = s.HtmlService.createHtmlOutputFromFile("page").setTitle("T").setWidth(300);
    expect(out.getContent()).toBe("<p>hi</p>");
    out.append("<b>x</b>");
    expect(thrown(() => s.HtmlService.createHtmlOutputFromFile("nope"))).toBe(
      "No HTML file named nope was found.",
    );
    const ui = s.SpreadsheetApp.getUi();
    ui.showSidebar(out);
    ui.createAddonMenu().addItem("Buka", "showSidebar").addSeparator().addToUi();
    ui.alert("Judul", "Pesan", ui.ButtonSet.OK);
    expect(emulator.ui.sidebars).toEqual([{ title: "T", html: "<p>hi</p><b>x</b>", width: 300 }]);
    expect(emulator.ui.menus).toEqual([
      {
        kind: "addon",
        caption: "",
        items: [{ caption: "Buka", functionName: "showSidebar" }, { separator: true }],
      },
    ]);
    expect(emulator.ui.alerts).toEqual([{ title: "Judul", prompt: "Pesan", buttons: "OK" }]);
  });

  it("reads dist/sidebar.html by default", () => {
    const { s } = setup();
    expect(s.HtmlService.createHtmlOutputFromFile("sidebar").getContent()).toContain("qw-boot");
  });
});

describe("Utilities", () => {
  it("formatDate follows Java's SimpleDateFormat with English names, in the given zone", () => {
    const { s } = setup();
    const d = new Date(Date.UTC(2019, 8, 5, 17, 30, 5));
    const U = s.Utilities;
    expect(U.formatDate(d, "Asia/Jakarta", "yyyy-MM-dd HH:mm:ss")).toBe("2019-09-06 00:30:05");
    expect(U.formatDate(d, "UTC", "d MMMM yyyy")).toBe("5 September 2019");
    expect(U.formatDate(d, "GMT+7", "EEE, d MMM yy h:mm a")).toBe("Fri, 6 Sep 19 12:30 AM");
    expect(U.formatDate(d, "Asia/Jakarta", "'Jam' HH.mm z Z XXX")).toBe(
      "Jam 00.30 WIB +0700 +07:00",
    );
  });

  it("computeDigest returns Java's signed bytes", () => {
    const { s } = setup();
    const U = s.Utilities;
    const expected = [...createHash("sha256").update("Pati", "utf8").digest()].map((b) =>
      b > 127 ? b - 256 : b,
    );
    expect(U.computeDigest(U.DigestAlgorithm.SHA_256, "Pati")).toEqual(expected);
    expect(U.computeDigest(U.DigestAlgorithm.MD5, "")).toEqual([
      -44, 29, -116, -39, -113, 0, -78, 4, -23, -128, 9, -104, -20, -8, 66, 126,
    ]);
  });

  it("getUuid, base64 and sleep on a virtual clock", () => {
    const { emulator, s } = setup();
    expect(s.Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
    expect(s.Utilities.base64Encode("Pati")).toBe("UGF0aQ==");
    const start = Date.now();
    s.Utilities.sleep(200_000);
    expect(Date.now() - start).toBeLessThan(1000);
    expect(emulator.sleptMs).toBe(200_000);
  });
});

describe("protections, validation, charts", () => {
  it("protections", () => {
    const { sheet, s } = setup();
    const p = sheet.protect().setDescription("log").setWarningOnly(true);
    expect(p.isWarningOnly()).toBe(true);
    expect(sheet.protect().getDescription()).toBe("log");
    expect(sheet.getProtections(s.SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(1);
    p.remove();
    expect(sheet.getProtections(s.SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(0);
  });

  it("data validation rules are recorded, readable and copyable", () => {
    const { sheet, s } = setup();
    const rule = s.SpreadsheetApp.newDataValidation()
      .requireNumberBetween(1, 5)
      .setHelpText("1–5")
      .setAllowInvalid(false)
      .build();
    sheet.getRange("A1:A3").setDataValidation(rule);
    const got = sheet.getRange("A2").getDataValidation()!;
    expect(got.getCriteriaType()).toBe(s.SpreadsheetApp.DataValidationCriteria.NUMBER_BETWEEN);
    expect(got.getCriteriaValues()).toEqual([1, 5]);
    expect(got.getHelpText()).toBe("1–5");
    expect(got.getAllowInvalid()).toBe(false);
    expect(sheet.getRange("B1").getDataValidation()).toBeNull();
    const dates = s.SpreadsheetApp.newDataValidation().requireDate().build();
    expect(String(dates.getCriteriaType())).toBe("DATE_IS_VALID_DATE");
  });

  it("embedded charts are recorded", () => {
    const { sheet, s } = setup();
    const chart = sheet
      .newChart()
      .addRange(sheet.getRange("A1:B5"))
      .setChartType(s.Charts.ChartType.BAR)
      .setPosition(2, 4, 0, 0)
      .setOption("title", "Skor")
      .build();
    sheet.insertChart(chart);
    const charts = sheet.getCharts();
    expect(charts).toHaveLength(1);
    expect(charts[0]!.getRanges()[0]!.getA1Notation()).toBe("A1:B5");
    expect(charts[0]!.getOptions().get("title")).toBe("Skor");
    sheet.removeChart(charts[0]!);
    expect(sheet.getCharts()).toHaveLength(0);
  });

  it("a bar chart's own options: only on the builder asBarChart returns, as on Apps Script", () => {
    const { sheet, s } = setup();
    const chart = sheet
      .newChart()
      .asBarChart()
      .setStacked()
      .setColors(["#1a73e8", "#9aa0a6"])
      .setRange(0, 100)
      .setXAxisTitle("Skor (0–100)")
      .addRange(sheet.getRange("A1:A5"))
      .addRange(sheet.getRange("B1:C5"))
      .build();
    sheet.insertChart(chart);
    const options = sheet.getCharts()[0]!.getOptions();
    expect(options.get("isStacked")).toBe(true);
    expect(options.get("colors")).toEqual(["#1a73e8", "#9aa0a6"]);
    expect([options.get("hAxis.viewWindow.min"), options.get("hAxis.viewWindow.max")]).toEqual([
      0, 100,
    ]);
    expect(options.get("hAxis.title")).toBe("Skor (0–100)");
    // The general builder has no such methods (newChart, or setChartType after asBarChart).
    const general =
      sheet.newChart() as unknown as GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder;
    expect(thrown(() => general.setStacked())).toMatch(/setStacked is not a function/);
    const retyped = sheet
      .newChart()
      .asBarChart()
      .setChartType(s.Charts.ChartType.BAR) as GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder;
    expect(thrown(() => retyped.setColors(["red"]))).toMatch(/setColors is not a function/);
    expect(
      thrown(() =>
        sheet
          .newChart()
          .asBarChart()
          .setColors("red" as unknown as string[]),
      ),
    ).toMatch(/don't match the method signature/);
  });
});

describe("persistence", () => {
  it("toJSON → createEmulator({ data }) round-trips the workbook", () => {
    const { emulator, ss, sheet, s } = setup();
    const other = ss.insertSheet("Data");
    sheet.getRange("A1:D1").setValues([["007", "2019-09-05", "=1+1", "'x"]]);
    sheet.getRange("E1").setNumberFormat("@");
    sheet.getRange("E1").setValue("+62 812");
    sheet.setFrozenRows(1);
    other.protect().setWarningOnly(true);
    s.PropertiesService.getDocumentProperties().setProperty("k", "v");
    const json = JSON.parse(JSON.stringify(emulator.toJSON()));
    const copy = createEmulator({ data: json });
    expect(copy.snapshot()).toEqual(emulator.snapshot());
    expect(copy.spreadsheetId).toBe(emulator.spreadsheetId);
    const c = services(copy);
    const css = c.SpreadsheetApp.getActive();
    expect(css.getSheetByName("Sheet1")!.getFrozenRows()).toBe(1);
    expect(css.getSheetByName("Sheet1")!.getRange("A1:E1").getNumberFormats()).toEqual(
      sheet.getRange("A1:E1").getNumberFormats(),
    );
    expect(css.getSheetByName("Sheet1")!.getRange("E1").getValue()).toBe("+62 812");
    expect(c.PropertiesService.getDocumentProperties().getProperty("k")).toBe("v");
    expect(copy.toJSON()).toEqual(emulator.toJSON());
  });

  it("snapshot: data range values with dates as ISO strings, formulas ''", () => {
    const { emulator, sheet } = setup();
    sheet.getRange("A1:B2").setValues([
      ["2019-09-05", "=1+1"],
      [true, ""],
    ]);
    expect(emulator.snapshot().sheets).toEqual([
      {
        name: "Sheet1",
        values: [
          ["2019-09-04T17:00:00.000Z", 2],
          [true, ""],
        ],
        formulas: [
          ["", "=1+1"],
          ["", ""],
        ],
      },
    ]);
  });

  it("typeInto writes as a person typing and throws Sheets' errors", () => {
    const { emulator } = setup();
    emulator.typeInto("Sheet1", "A1:B1", [["007", "'007"]]);
    expect(emulator.snapshot().sheets[0]!.values).toEqual([[7, "007"]]);
    expect(() => emulator.typeInto("Sheet1", "A1:B1", [["x"]])).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.",
    );
    expect(() => emulator.typeInto("Nope", "A1", [["x"]])).toThrow('No sheet named "Nope".');
    emulator.typeInto("Sheet1", "Sheet1!C1", [["'x"]]);
    expect(emulator.snapshot().sheets[0]!.values).toEqual([[7, "007", "x"]]);
    expect(() => emulator.typeInto("Sheet1", "Other!C1", [["x"]])).toThrow("Range not found");
  });
});
