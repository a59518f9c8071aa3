// Typed access to the emulator's globals for the preview tests.
import { createEmulator, type Emulator, type EmulatorOptions } from "../../src/preview/emulator";

export interface Services {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  LockService: GoogleAppsScript.Lock.LockService;
  Session: GoogleAppsScript.Base.Session;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Charts: GoogleAppsScript.Charts.Charts;
}

export function services(emulator: Emulator): Services {
  return emulator.globals as unknown as Services;
}

export function setup(options?: EmulatorOptions): {
  emulator: Emulator;
  s: Services;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
} {
  const emulator = createEmulator(options);
  const s = services(emulator);
  const ss = s.SpreadsheetApp.getActive();
  const sheet = ss.getSheets()[0]!;
  emulator.resetServiceCalls();
  return { emulator, s, ss, sheet };
}

/** The message of what fn throws (fails the test when it does not throw). */
export function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof Object && "message" in error ? String(error.message) : String(error);
  }
  throw new Error("expected a throw");
}
