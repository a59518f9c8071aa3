// The preview is not a door (DESIGN §6, issue 11 point 10): only JSON from its own origin may
// change anything, only requests addressed to its own Host are served, and a workbook holding
// formulas the emulator cannot evaluate shows #ERROR! there and never stops the preview.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Answer, send, start, stop, tempFile } from "./http-support";

const ATTACK = {
  args: [[{ email: "attacker@evil.test", role: "coordinator" }]],
  user: "koordinator@patikab.go.id",
  locale: "id",
};

const panelEmails = async (p: Parameters<typeof send>[0]) => {
  const users = await send(p, "GET", "/preview/users");
  return (users.data as { email: string }[]).map((u) => u.email);
};

describe("only the preview's own pages may change anything", () => {
  it("refuses the cross-origin text/plain no-cors POST that made an attacker coordinator", async () => {
    const p = await start({ dataFile: tempFile() });
    // What a page on another localhost port sends with fetch(url, { mode: "no-cors", body }).
    const r = await send(p, "POST", "/rpc/saveReviewers", {
      body: JSON.stringify(ATTACK),
      headers: { "content-type": "text/plain;charset=UTF-8", origin: "http://127.0.0.1:9999" },
    });
    expect(r.status).toBe(403);
    expect(r.headers["x-service-calls"]).toBe("0");
    expect(r.data).toEqual({
      ok: false,
      error: { message: "Requests from other sites are refused." },
    });
    // Even as JSON, from another origin.
    const json = await send(p, "POST", "/rpc/saveReviewers", {
      body: ATTACK,
      headers: { origin: "http://localhost:9999" },
    });
    expect(json.status).toBe(403);
    expect(await panelEmails(p)).not.toContain("attacker@evil.test");
  });

  it("refuses a body that is not JSON even without an Origin (a form, a beacon)", async () => {
    const p = await start({ dataFile: tempFile(), demo: false });
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]) {
      const r = await send(p, "POST", "/rpc/setupSpreadsheet", {
        body: "{}",
        headers: { "content-type": type },
      });
      expect([r.status, r.data], type).toEqual([
        415,
        { ok: false, error: { message: "Send the body as Content-Type: application/json." } },
      ]);
    }
    const none = await send(p, "POST", "/rpc/setupSpreadsheet", { headers: {} });
    expect(none.status).toBe(415);
    for (const [method, path] of [
      ["PUT", "/preview/sheets/Sheet1"],
      ["PATCH", "/preview/sheets/Sheet1"],
      ["DELETE", "/preview/sheets/Sheet1"],
      ["POST", "/preview/sheets"],
    ] as const) {
      const r = await send(p, method, path, {
        body: '{"name":"X","range":"A1","values":[["x"]]}',
        headers: { "content-type": "text/plain" },
      });
      expect(r.status, `${method} ${path}`).toBe(415);
    }
    expect((await send(p, "GET", "/preview/sheets")).data).toEqual({
      sheets: [{ name: "Sheet1", values: [], formulas: [] }],
    });
  });

  it("serves JSON from its own origin, under either of its names, and from no origin", async () => {
    const p = await start({ dataFile: tempFile(), demo: false });
    const ok = (r: Answer) =>
      expect([r.status, (r.data as { ok: boolean }).ok]).toEqual([200, true]);
    ok(await send(p, "POST", "/rpc/getSidebarState", { body: {} }));
    ok(
      await send(p, "POST", "/rpc/getSidebarState", {
        body: {},
        headers: { origin: `http://127.0.0.1:${p.port}` },
      }),
    );
    ok(
      await send(p, "POST", "/rpc/getSidebarState", {
        body: {},
        headers: {
          host: `localhost:${p.port}`,
          origin: `http://localhost:${p.port}`,
          "content-type": "application/json; charset=utf-8",
        },
      }),
    );
  });

  it("answers nothing to a request addressed to another host (DNS rebinding)", async () => {
    const p = await start({ dataFile: tempFile() });
    for (const host of [`evil.test:${p.port}`, "127.0.0.1:1", "localhost"]) {
      const get = await send(p, "GET", "/preview/sheets", { headers: { host } });
      expect(get.status, host).toBe(403);
      const post = await send(p, "POST", "/rpc/saveReviewers", { body: ATTACK, headers: { host } });
      expect(post.status, host).toBe(403);
    }
    expect(await panelEmails(p)).not.toContain("attacker@evil.test");
  });
});

describe("formulas the emulator cannot evaluate", () => {
  const NESTED = `=${"(".repeat(1080)}1${")".repeat(1080)}`;
  const MINUSES = `=${"-".repeat(12_000)}1`;
  const SIGNS = `=${"-".repeat(5_000)}1`;

  it("show #ERROR! in their cell; every later call and a restart still work", async () => {
    const file = tempFile();
    const p = await start({ dataFile: file });
    const put = await send(p, "PUT", "/preview/sheets/Quickwin", {
      body: {
        range: "T2:W2",
        values: [[NESTED, MINUSES, SIGNS, `=${"(".repeat(50)}2${")".repeat(50)}`]],
      },
    });
    expect(put.status).toBe(200);
    const grid = async (preview: typeof p) => {
      const r = await send(preview, "GET", "/preview/grid");
      expect(r.status).toBe(200);
      const sheet = (r.data as { sheets: { name: string; display: string[][] }[] }).sheets.find(
        (s) => s.name === "Quickwin",
      )!;
      return sheet.display[1]!.slice(19, 23);
    };
    expect(await grid(p)).toEqual(["#ERROR!", "#ERROR!", "#ERROR!", "2"]);
    const state = await send(p, "POST", "/rpc/getSidebarState", { body: {} });
    expect([state.status, (state.data as { ok: boolean }).ok]).toEqual([200, true]);
    expect((await send(p, "GET", "/preview/sheets")).status).toBe(200);
    await stop(p);
    expect(readFileSync(file, "utf8")).toContain("((((");
    const again = await start({ dataFile: file });
    expect(again.origin).toBe("loaded");
    expect(await grid(again)).toEqual(["#ERROR!", "#ERROR!", "#ERROR!", "2"]);
    const rank = await send(again, "POST", "/rpc/getSidebarState", { body: {} });
    expect(rank.status).toBe(200);
  });
});
