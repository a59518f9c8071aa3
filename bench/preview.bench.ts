// The emulator and runtime: what a read, a write and an execution cost, so that server tests
// and the preview stay quick. Figures only (not timed tests).
import { createEmulator } from "../src/preview/emulator";
import { loadServer } from "../src/preview/script-host";

function time(label: string, n: number, fn: () => void): void {
  fn(); // warm up
  const start = performance.now();
  for (let i = 0; i < n; i++) fn();
  const ms = (performance.now() - start) / n;
  console.log(`${label.padEnd(58)} ${ms.toFixed(2).padStart(8)} ms`);
}

export function run(): void {
  const emulator = createEmulator();
  const s = emulator.globals as unknown as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  };
  const sheet = s.SpreadsheetApp.getActive().getSheets()[0]!;
  const rows = Array.from({ length: 1000 }, (_, i) =>
    Array.from({ length: 13 }, (_, j) => (j % 3 === 0 ? `Teks ${i}-${j}` : i * j)),
  );
  const range = sheet.getRange(1, 1, 1000, 13);
  time("setValues 1 000 × 13 (typed-input coercion)", 20, () => range.setValues(rows));
  time("getValues 1 000 × 13", 50, () => range.getValues());
  time("getDisplayValues 1 000 × 13", 20, () => range.getDisplayValues());
  time("appendRow on a 1 000-row sheet", 200, () => {
    sheet.appendRow(["x", 1, "2019-09-05"]);
  });
  time("toJSON of the workbook", 20, () => JSON.stringify(emulator.toJSON()));

  const rt = loadServer();
  const as = { email: "koordinator@patikab.go.id" };
  time("runtime.call onOpen (fresh script evaluation per call)", 50, () => {
    rt.call("onOpen", [], as);
  });
  if (rt.functionNames().includes("getSidebarState")) {
    rt.call("setupSpreadsheet", [], as);
    time("runtime.call getSidebarState after setup", 30, () => {
      rt.call("getSidebarState", [], as);
    });
  }
}
