// The preview's workbook file (WorkbookData, version 2): setup formats whole columns, so most
// cells hold a format and nothing else; a run of alike cells down a column is saved as one entry
// (`n`). What is read back is the same workbook; files of version 1 (one entry per cell) are
// still read; a hand-edited run that makes no sense is refused in words.
import { describe, expect, it } from "vitest";
import {
  cellDataAt,
  checkWorkbookData,
  createEmulator,
  type WorkbookData,
} from "../../src/preview/emulator";
import { world } from "../server/helpers";

type SheetData = WorkbookData["sheets"][number];

/** The same workbook written as version 1 wrote it: every run spelled out cell by cell. */
function asVersion1(data: WorkbookData): WorkbookData {
  return {
    ...data,
    version: 1,
    sheets: data.sheets.map((s) => ({
      ...s,
      cells: s.cells
        .flatMap(({ n, ...cell }) =>
          Array.from({ length: n ?? 1 }, (_, k) => ({ ...structuredClone(cell), r: cell.r + k })),
        )
        .sort((a, b) => a.r - b.r || a.c - b.c),
    })),
  };
}

const setUp = world({ quickwins: 3 }).rt.emulator.toJSON();
const quickwins = setUp.sheets.find((s) => s.name === "Quickwin") as SheetData;

describe("the workbook file", () => {
  it("saves a set-up workbook in runs: a small file, read back as the same workbook", () => {
    // ~40 000 formatted cells were ~2 MB of JSON, one entry each.
    const cells = setUp.sheets.reduce((sum, s) => sum + s.cells.length, 0);
    expect(cells).toBeLessThan(2_000);
    expect(JSON.stringify(setUp).length).toBeLessThan(200_000);
    expect(quickwins.cells.some((c) => (c.n ?? 1) > 100)).toBe(true);
    // Values and formulas are never part of a run.
    for (const s of setUp.sheets)
      for (const c of s.cells)
        if ((c.n ?? 1) > 1) expect([c.v, c.f]).toEqual([undefined, undefined]);
    expect(createEmulator({ data: setUp }).toJSON()).toEqual(setUp);
  });

  it("finds any cell of a run, and keeps what differs apart", () => {
    expect(cellDataAt(quickwins, 1, 1)?.v).toBe("ID");
    expect(cellDataAt(quickwins, 500, 1)?.nf).toBe("@");
    expect(cellDataAt(quickwins, 2, 4)?.dv?.type).toBe("VALUE_IN_LIST");
    const emulator = createEmulator({ data: setUp });
    // A value typed in the middle of a formatted column splits its run in three.
    emulator.typeInto("Quickwin", "A300", [["QW-300"]]);
    const after = emulator.toJSON().sheets.find((s) => s.name === "Quickwin") as SheetData;
    expect(cellDataAt(after, 300, 1)).toMatchObject({ r: 300, c: 1, v: "QW-300", nf: "@" });
    expect(cellDataAt(after, 300, 1)?.n).toBeUndefined();
    expect(cellDataAt(after, 299, 1)?.nf).toBe("@");
    expect(cellDataAt(after, 301, 1)?.nf).toBe("@");
    expect(createEmulator({ data: emulator.toJSON() }).toJSON()).toEqual(emulator.toJSON());
  });

  it("still reads a file of version 1, one entry per cell", () => {
    const old = asVersion1(setUp);
    expect(checkWorkbookData(old)).toBeNull();
    expect(old.sheets.reduce((sum, s) => sum + s.cells.length, 0)).toBeGreaterThan(10_000);
    expect(createEmulator({ data: old }).toJSON()).toEqual(setUp);
  });

  it("refuses a run that makes no sense, in words", () => {
    const edited = (change: (cells: SheetData["cells"]) => void) => {
      const data = structuredClone(setUp);
      change((data.sheets.find((s) => s.name === "Quickwin") as SheetData).cells);
      return checkWorkbookData(data);
    };
    const run = (cells: SheetData["cells"]) =>
      cells.find((c) => (c.n ?? 1) > 1) as SheetData["cells"][number];
    const withRun = (patch: Partial<SheetData["cells"][number]>) =>
      edited((cells) => {
        Object.assign(run(cells), patch);
      });
    expect(withRun({ n: 0 })).toMatch(/cells\[\d+\]\.n must be/);
    expect(withRun({ n: 1.5 })).toMatch(/cells\[\d+\]\.n must be/);
    expect(withRun({ n: 100_000 })).toMatch(/outside the \d+ × \d+ grid/);
    expect(withRun({ v: "x" })).toMatch(/repeats a value or formula/);
    expect(
      edited((cells) => {
        const r = run(cells);
        cells.push({ r: r.r + 1, c: r.c, nf: "0" });
      }),
    ).toMatch(/repeats cell/);
    expect(checkWorkbookData({ ...setUp, version: 3 })).toMatch(/unsupported version 3/);
    // A few bytes that would become more cells than a spreadsheet may hold are refused at once.
    const huge = structuredClone(setUp);
    const first = huge.sheets[0] as SheetData;
    first.maxRows = 1_000_000_000;
    first.cells.push({ r: 2_000, c: 1, n: 999_000_000, nf: "@" });
    expect(checkWorkbookData(huge)).toMatch(/beyond the 10000000 cells a spreadsheet may hold/);
  });
});
