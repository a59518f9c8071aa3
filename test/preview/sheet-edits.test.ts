// Tabs and rows by hand through the preview (DESIGN §6): add, rename and delete a sheet;
// insert and delete rows and columns — each {"ok":true} or an error as /rpc/ answers it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { send, start, tempFile } from "./http-support";

type Sheets = { sheets: { name: string; values: unknown[][] }[] };
const sheetsOf = async (p: Parameters<typeof send>[0]) =>
  ((await send(p, "GET", "/preview/sheets")).data as Sheets).sheets;
const OK = { status: 200, data: { ok: true } };

describe("tabs by hand", () => {
  it("adds, renames and deletes a sheet; the workbook file follows", async () => {
    const file = tempFile();
    const p = await start({ dataFile: file, demo: false });
    expect(await send(p, "POST", "/preview/sheets", { body: { name: "Catatan" } })).toMatchObject(
      OK,
    );
    expect((await sheetsOf(p)).map((s) => s.name)).toEqual(["Sheet1", "Catatan"]);
    expect(
      await send(p, "PATCH", `/preview/sheets/${encodeURIComponent("Catatan")}`, {
        body: { name: "Catatan rapat" },
      }),
    ).toMatchObject(OK);
    expect((await sheetsOf(p)).map((s) => s.name)).toEqual(["Sheet1", "Catatan rapat"]);
    expect(
      await send(p, "DELETE", `/preview/sheets/${encodeURIComponent("Catatan rapat")}`, {
        body: {},
      }),
    ).toMatchObject(OK);
    expect((await sheetsOf(p)).map((s) => s.name)).toEqual(["Sheet1"]);
    const saved = JSON.parse(readFileSync(file, "utf8")) as { sheets: { name: string }[] };
    expect(saved.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("refuses as Sheets does, in its words", async () => {
    const p = await start({ dataFile: tempFile(), demo: false });
    const error = (message: string, status = 400) => ({
      status,
      data: { ok: false, error: { message } },
    });
    await send(p, "POST", "/preview/sheets", { body: { name: "Data" } });
    expect(await send(p, "POST", "/preview/sheets", { body: { name: "data" } })).toMatchObject(
      error('A sheet with the name "data" already exists. Please enter another name.'),
    );
    expect(await send(p, "POST", "/preview/sheets", { body: { name: " " } })).toMatchObject(
      error("The sheet name cannot be empty."),
    );
    expect(
      await send(p, "PATCH", "/preview/sheets/Data", { body: { name: "Sheet1" } }),
    ).toMatchObject(
      error('A sheet with the name "Sheet1" already exists. Please enter another name.'),
    );
    expect(await send(p, "PATCH", "/preview/sheets/Nope", { body: { name: "X" } })).toMatchObject(
      error('No sheet named "Nope".', 404),
    );
    await send(p, "DELETE", "/preview/sheets/Data", { body: {} });
    expect(await send(p, "DELETE", "/preview/sheets/Sheet1", { body: {} })).toMatchObject(
      error("You can't remove all the sheets in a document."),
    );
    expect(await send(p, "POST", "/preview/sheets", { body: { title: "X" } })).toMatchObject({
      status: 400,
    });
  });
});

describe("rows and columns by hand", () => {
  it("inserts and deletes rows and columns (1-based), moving what is there", async () => {
    const p = await start({ dataFile: tempFile(), demo: false });
    await send(p, "PUT", "/preview/sheets/Sheet1", {
      body: {
        range: "A1:B2",
        values: [
          ["a", "b"],
          ["c", "d"],
        ],
      },
    });
    const edit = (op: string, at: number, count: number) =>
      send(p, "POST", "/preview/sheets/Sheet1/edit", { body: { op, at, count } });
    expect(await edit("insertRows", 1, 2)).toMatchObject(OK);
    expect((await sheetsOf(p))[0]!.values).toEqual([
      ["", ""],
      ["", ""],
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(await edit("deleteRows", 1, 3)).toMatchObject(OK);
    expect((await sheetsOf(p))[0]!.values).toEqual([["c", "d"]]);
    expect(await edit("insertColumns", 2, 1)).toMatchObject(OK);
    expect((await sheetsOf(p))[0]!.values).toEqual([["c", "", "d"]]);
    expect(await edit("deleteColumns", 1, 1)).toMatchObject(OK);
    expect((await sheetsOf(p))[0]!.values).toEqual([["", "d"]]);
    // At the end + 1: added after the last row or column (1000 + 2 − 3 = 999 rows, 26 columns).
    expect(await edit("insertRows", 1000, 1)).toMatchObject(OK);
    expect(await edit("insertColumns", 27, 2)).toMatchObject(OK);
    expect((await edit("insertRows", 1002, 1)).status).toBe(400);
  });

  it("refuses bad edits: out of bounds in Sheets' words, malformed ones plainly", async () => {
    const p = await start({ dataFile: tempFile(), demo: false });
    const edit = (body: unknown, sheet = "Sheet1") =>
      send(p, "POST", `/preview/sheets/${sheet}/edit`, { body });
    expect(await edit({ op: "deleteRows", at: 1000, count: 2 })).toMatchObject({
      status: 400,
      data: { ok: false, error: { message: "Those rows are out of bounds." } },
    });
    expect(await edit({ op: "deleteColumns", at: 1, count: 26 })).toMatchObject({
      status: 400,
      data: { ok: false, error: { message: "You can't delete all the columns on the sheet." } },
    });
    expect(await edit({ op: "insertRows", at: 1, count: 1 }, "Nope")).toMatchObject({
      status: 404,
    });
    for (const bad of [
      { op: "sortRows", at: 1, count: 1 },
      { op: "insertRows", at: 0, count: 1 },
      { op: "insertRows", at: 1, count: 0 },
      { op: "insertRows", at: 1.5, count: 1 },
      { op: "insertRows", at: 1 },
    ]) {
      const r = await edit(bad);
      expect([r.status, (r.data as { ok: boolean }).ok], JSON.stringify(bad)).toEqual([400, false]);
    }
    expect((await send(p, "GET", "/preview/sheets/Sheet1/edit")).status).toBe(405);
  });

  it("a server function sees the hand edit (a deleted header row is the server's to report)", async () => {
    const p = await start({ dataFile: tempFile() });
    const before = await send(p, "POST", "/rpc/getSidebarState", { body: {} });
    expect((before.data as { ok: boolean }).ok).toBe(true);
    expect(
      await send(p, "POST", "/preview/sheets/Kriteria/edit", {
        body: { op: "deleteRows", at: 1, count: 1 },
      }),
    ).toMatchObject(OK);
    const headerless = (await sheetsOf(p)).find((s) => s.name === "Kriteria")!;
    expect(headerless.values[0]![0]).not.toBe("ID");
  });
});
