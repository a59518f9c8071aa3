// createEmulator({ bufferedWrites: true }): an execution's writes reach other executions only
// at SpreadsheetApp.flush() or at its end — not when it releases a lock — while it sees its
// own writes at once; and so a server that releases its lock without flushing is caught.
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../src/preview/emulator";
import { WorkbookModel } from "../../src/preview/emulator/model";
import { loadServer } from "../../src/preview/script-host";
import { services, setup } from "./helpers";

const A = { email: "a@x.id", locale: "id" };
const B = { email: "b@x.id", locale: "id" };

describe("buffered writes", () => {
  it("another execution sees a write only after flush; the writer sees it at once", () => {
    const emulator = createEmulator({ bufferedWrites: true });
    const s = services(emulator);
    const a1 = () => s.SpreadsheetApp.getActive().getSheets()[0]!.getRange("A1");
    const seen: unknown[] = [];
    emulator.runExecution(A, () => {
      a1().setValue(5);
      seen.push(a1().getValue());
      emulator.runExecution(B, () => seen.push(a1().getValue()));
      s.SpreadsheetApp.flush();
      emulator.runExecution(B, () => seen.push(a1().getValue()));
    });
    expect(seen).toEqual([5, "", 5]);
  });

  it("releasing a lock does not commit; the end of the execution does", () => {
    const emulator = createEmulator({ bufferedWrites: true });
    const s = services(emulator);
    const a1 = () => s.SpreadsheetApp.getActive().getSheets()[0]!.getRange("A1");
    const seen: unknown[] = [];
    emulator.runExecution(A, () => {
      const lock = s.LockService.getDocumentLock();
      lock.waitLock(1000);
      a1().setValue("x");
      lock.releaseLock();
      emulator.runExecution(B, () => {
        seen.push(s.LockService.getDocumentLock().tryLock(0), a1().getValue());
      });
    });
    emulator.runExecution(B, () => seen.push(a1().getValue()));
    expect(seen).toEqual([true, "", "x"]);
    expect(emulator.snapshot().sheets[0]!.values).toEqual([["x"]]);
  });

  it("keeps writes of executions committed meanwhile (replayed, not overwritten)", () => {
    const emulator = createEmulator({ bufferedWrites: true });
    const s = services(emulator);
    const sheet = () => s.SpreadsheetApp.getActive().getSheets()[0]!;
    const seen: unknown[] = [];
    emulator.runExecution(A, () => {
      sheet().getRange("A1").setValue("a");
      emulator.runExecution(B, () => {
        sheet().getRange("B1").setValue("b");
        sheet().insertRowsBefore(1, 1);
      });
      // B has ended: A sees B's committed changes, with its own pending write (A1) on top.
      seen.push(sheet().getRange("A1:B2").getValues());
      sheet().appendRow(["c"]);
    });
    expect(seen).toEqual([
      [
        ["a", ""],
        ["", "b"],
      ],
    ]);
    // A's writes were replayed on the committed sheet: "a" lands in A1 (its coordinates), above
    // the row B moved down; appendRow lands below the last row.
    expect(emulator.snapshot().sheets[0]!.values).toEqual([
      ["a", ""],
      ["", "b"],
      ["c", ""],
    ]);
  });

  it("document properties are not buffered (PropertiesService writes at once)", () => {
    const emulator = createEmulator({ bufferedWrites: true });
    const s = services(emulator);
    let seen: string | null = null;
    emulator.runExecution(A, () => {
      s.PropertiesService.getDocumentProperties().setProperty("k", "v");
      emulator.runExecution(B, () => {
        seen = s.PropertiesService.getDocumentProperties().getProperty("k");
      });
    });
    expect(seen).toBe("v");
  });

  it("without the option every write is visible at once (the default)", () => {
    const emulator = createEmulator();
    const s = services(emulator);
    const a1 = () => s.SpreadsheetApp.getActive().getSheets()[0]!.getRange("A1");
    let seen: unknown = null;
    emulator.runExecution(A, () => {
      a1().setValue(1);
      emulator.runExecution(B, () => {
        seen = a1().getValue();
      });
    });
    expect(seen).toBe(1);
  });
});

/**
 * A counter under the document lock: `flush` decides whether it flushes; `release`, whether it
 * releases the lock (then writes once more) or keeps it to the end of the execution.
 */
const counterScript = (flush: boolean, release = true) => `
function nextNumber() {
  var lock = LockService.getDocumentLock();
  lock.waitLock(10000);
  var cell = SpreadsheetApp.getActive().getSheets()[0].getRange("A1");
  var n = Number(cell.getValue()) || 0;
  cell.setValue(n + 1);
  ${flush ? "SpreadsheetApp.flush();" : ""}
  ${release ? 'lock.releaseLock();\n  SpreadsheetApp.getActive().getSheets()[0].getRange("B1").setValue("done");' : ""}
  return n + 1;
}`;

/** Two callers; the second runs right after the first releases its lock. */
function twoInterleaved(flush: boolean, bufferedWrites: boolean): unknown[] {
  const rt = loadServer({
    code: counterScript(flush),
    emulator: createEmulator({ bufferedWrites }),
  });
  let released = false;
  let second: unknown = null;
  rt.emulator.onServiceCall((info) => {
    if (info.depth !== 0) return;
    if (info.method === "Lock.releaseLock") released = true;
    else if (released && second === null) {
      const r = rt.call("nextNumber", [], B);
      second = r.ok ? r.value : r.error.message;
    }
  });
  const first = rt.call("nextNumber", [], A);
  rt.emulator.onServiceCall(null);
  return [first.ok ? first.value : first.error.message, second];
}

describe("a missing flush before the lock is released", () => {
  it("is caught in buffered mode: the second caller reads the stale value", () => {
    expect(twoInterleaved(false, true)).toEqual([1, 1]);
  });

  it("passes with the flush", () => {
    expect(twoInterleaved(true, true)).toEqual([1, 2]);
  });

  it("is invisible without buffering, which is why the concurrency suites need the mode", () => {
    expect(twoInterleaved(false, false)).toEqual([1, 2]);
  });
});

/** Two callers; the second runs as the first ends: after its lock went, if the mode allows. */
function atTheEnd(flush: boolean, executionEnd: "commit-first" | "release-first"): unknown[] {
  const rt = loadServer({
    code: counterScript(flush, false),
    emulator: createEmulator({ bufferedWrites: true, executionEnd }),
  });
  let second: unknown = "no window";
  rt.emulator.betweenReleaseAndCommit(() => {
    const r = rt.call("nextNumber", [], B);
    second = r.ok ? r.value : r.error.message;
  });
  const first = rt.call("nextNumber", [], A);
  rt.emulator.betweenReleaseAndCommit(null);
  const third = rt.call("nextNumber", [], A);
  return [first.ok ? first.value : first.error.message, second, third.ok ? third.value : null];
}

describe("the end of an execution that kept its lock (Google does not say what goes first)", () => {
  it("release-first: a caller taking the lock before the writes land reads the stale value", () => {
    // Both read 0 and write 1: one increment is lost.
    expect(atTheEnd(false, "release-first")).toEqual([1, 1, 2]);
  });

  it("release-first: a flush under the lock makes the next caller read it", () => {
    expect(atTheEnd(true, "release-first")).toEqual([1, 2, 3]);
  });

  it("commit-first (the default): no window, and the writes land before the lock goes", () => {
    expect(atTheEnd(false, "commit-first")).toEqual([1, "no window", 2]);
  });
});

describe("an execution's copy of the workbook", () => {
  it("is what a JSON round trip gives, and independent of the original", () => {
    const { emulator, ss, sheet, s } = setup();
    const other = ss.insertSheet("Data");
    sheet.getRange("A1:D2").setValues([
      ["007", new Date(Date.UTC(2019, 8, 5)), "=1+1", "'x"],
      [1.5, true, "", "teks"],
    ]);
    sheet.getRange("E1").setNumberFormat("@").setValue("+62 812");
    sheet.getRange("A2").setBackground("#ffeeee").setFontWeight("bold");
    sheet.getRange("B3").setValue("gone").clearContent();
    sheet
      .getRange("F1:F3")
      .setDataValidation(
        s.SpreadsheetApp.newDataValidation().requireValueInList(["ya", "tidak"]).build(),
      );
    sheet.getRange("G1:H1").merge();
    sheet.setColumnWidths(2, 1, 180);
    sheet.hideColumns(3);
    sheet.setFrozenRows(1);
    other.getRange("A1:A3").setValues([[1], [2], [3]]);
    other.protect().setWarningOnly(true);
    s.PropertiesService.getDocumentProperties().setProperty("k", "v");
    const model = WorkbookModel.fromJSON(emulator.toJSON());
    const copy = model.clone();
    expect(copy.toJSON()).toEqual(WorkbookModel.fromJSON(model.toJSON()).toJSON());
    expect(copy.toJSON()).toEqual(model.toJSON());
    copy.sheets[0]!.ensure(1, 1).v = "changed";
    const styled = copy.sheets[0]!.ensure(2, 1);
    styled.st = { ...styled.st, background: "#000000" };
    copy.properties.document.k = "w";
    expect(model.toJSON()).toEqual(WorkbookModel.fromJSON(emulator.toJSON()).toJSON());
  });
});

describe("formats in buffered mode (copies share style and validation objects)", () => {
  it("another execution sees a format change only after flush", () => {
    const emulator = createEmulator({ bufferedWrites: true });
    const s = services(emulator);
    const a1 = () => s.SpreadsheetApp.getActive().getSheets()[0]!.getRange("A1:A2");
    emulator.runExecution(A, () => {
      a1().setBackground("#ffeeee").setFontWeight("bold");
      a1().setDataValidation(
        s.SpreadsheetApp.newDataValidation().requireValueInList(["ya", "tidak"]).build(),
      );
    });
    const seen: unknown[] = [];
    emulator.runExecution(A, () => {
      a1().setBackground("#000000").setFontWeight(null);
      a1().setDataValidation(null);
      emulator.runExecution(B, () =>
        seen.push(a1().getBackgrounds(), a1().getFontWeights(), a1().getDataValidation() !== null),
      );
      s.SpreadsheetApp.flush();
      emulator.runExecution(B, () =>
        seen.push(a1().getBackgrounds(), a1().getFontWeights(), a1().getDataValidation()),
      );
    });
    expect(seen).toEqual([
      [["#ffeeee"], ["#ffeeee"]],
      [["bold"], ["bold"]],
      true,
      [["#000000"], ["#000000"]],
      [["normal"], ["normal"]],
      null,
    ]);
  });
});

describe("a workbook opened from its JSON form", () => {
  it("keeps no reference into the data it was given (callers open many from one)", () => {
    const { emulator, sheet, s } = setup();
    sheet.getRange("A1:B2").setValues([
      [1, "x"],
      [new Date(Date.UTC(2019, 8, 5)), "y"],
    ]);
    sheet.getRange("A1:B2").setBackground("#ffeeee").setNumberFormat("@");
    sheet
      .getRange("C1:C2")
      .setDataValidation(s.SpreadsheetApp.newDataValidation().requireValueInList(["ya"]).build());
    s.PropertiesService.getDocumentProperties().setProperty("k", "v");
    const data = emulator.toJSON();
    const before = JSON.stringify(data);
    const opened = createEmulator({ data });
    const o = services(opened);
    const range = o.SpreadsheetApp.getActive().getSheets()[0]!.getRange("A1:C2");
    range.setValues([
      [2, "z", "ya"],
      [3, "w", "ya"],
    ]);
    range.setBackground("#000000").setNumberFormat("0").setDataValidation(null);
    o.PropertiesService.getDocumentProperties().setProperty("k", "w");
    expect(JSON.stringify(data)).toBe(before);
  });
});
