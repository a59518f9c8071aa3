// The preview server (DESIGN §6) in-process on a free port with a temporary workbook file.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Preview, SAVE_DELAY_MS, startPreview } from "../../src/preview/server";

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "qw-preview-"));
  dirs.push(dir);
  return join(dir, "sub", "workbook.json");
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const open: Preview[] = [];
async function start(options: Parameters<typeof startPreview>[0]): Promise<Preview> {
  const p = await startPreview({ port: 0, ...options });
  open.push(p);
  return p;
}
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function json(
  p: Preview,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; data: unknown; headers: Headers }> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    init.headers = { "content-type": "application/json" };
  }
  const r = await fetch(new URL(path, p.url), init);
  const text = await r.text();
  return { status: r.status, data: JSON.parse(text), headers: r.headers };
}

describe("an empty workbook (QW_DEMO=0)", () => {
  it("is one blank Sheet1, saved at once to QW_DATA", async () => {
    const file = tempFile();
    const p = await start({ dataFile: file, demo: false });
    expect(p.origin).toBe("empty");
    const r = await json(p, "GET", "/preview/sheets");
    expect(r.status).toBe(200);
    expect(r.data).toEqual({ sheets: [{ name: "Sheet1", values: [], formulas: [] }] });
    const saved = JSON.parse(readFileSync(file, "utf8"));
    expect(saved.sheets.map((s: { name: string }) => s.name)).toEqual(["Sheet1"]);
  });

  it("users: the owner and a stranger, both without a role before setup", async () => {
    const p = await start({ dataFile: tempFile(), demo: false });
    const r = await json(p, "GET", "/preview/users");
    expect(r.data).toEqual([
      { email: "koordinator@patikab.go.id", role: null },
      { email: "tamu@example.com", role: null },
    ]);
  });
});

describe("POST /rpc/NAME", () => {
  let p: Preview;
  beforeAll(async () => {
    p = await startPreview({ port: 0, dataFile: tempFile(), demo: false });
  });
  afterAll(async () => {
    await p.close();
  });

  it("an unknown function is a 404 with a JSON error", async () => {
    const r = await json(p, "POST", "/rpc/noSuchFunction", { args: [] });
    expect(r.status).toBe(404);
    expect(r.headers.get("x-service-calls")).toBe("0");
    for (const name of ["__proto__", "constructor", "QuickwinServer", "toString"]) {
      expect((await json(p, "POST", `/rpc/${name}`, { args: [] })).status).toBe(404);
    }
    expect(r.data).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining("noSuchFunction") },
    });
  });

  it("an empty body calls with no arguments as the owner", async () => {
    const r = await fetch(new URL("/rpc/getSidebarState", p.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
    });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({
      ok: true,
      value: { user: { email: "koordinator@patikab.go.id" } },
    });
  });

  it("refusals on this path still say how many service calls they made, and what is allowed", async () => {
    const get = await fetch(new URL("/rpc/getSidebarState", p.url));
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect(get.headers.get("x-service-calls")).toBe("0");
    const bad = await json(p, "POST", "/rpc/%E0%A4%A", {});
    expect(bad.status).toBe(404);
    expect(bad.headers.get("x-service-calls")).toBe("0");
    const put = await json(p, "PUT", "/preview/sheets", {});
    expect([put.status, put.headers.get("allow")]).toEqual([405, "GET, POST"]);
  });

  it("arguments nested absurdly deep are a 400, not an engine error", async () => {
    const deep = `${"[".repeat(5000)}"x"${"]".repeat(5000)}`;
    const r = await json(p, "POST", "/rpc/saveQuickwin", `{"args":[${deep}]}`);
    expect(r.status).toBe(400);
    expect(r.headers.get("x-service-calls")).toBe("0");
    expect(r.data).toEqual({
      ok: false,
      error: { message: "The arguments are nested too deeply." },
    });
  });

  it("a body over 5 MB gets its 413 (the reply arrives before the connection closes)", async () => {
    const r = await fetch(new URL("/rpc/saveQuickwin", p.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ args: ["x".repeat(6 * 1024 * 1024)] }),
    }).catch((error: unknown) => error);
    expect(r).toBeInstanceOf(Response);
    const res = r as Response;
    expect(res.status).toBe(413);
    expect(res.headers.get("x-service-calls")).toBe("0");
    expect(await res.json()).toEqual({
      ok: false,
      error: { message: "The request body is too large." },
    });
  });

  it("a client that stalls mid-body delays nobody else", async () => {
    const socket = connect(Number(new URL(p.url).port), "127.0.0.1");
    await new Promise<void>((done) => socket.once("connect", () => done()));
    let stalledAnswered = false;
    socket.on("data", () => {
      stalledAnswered = true;
    });
    socket.on("close", () => {
      stalledAnswered = true;
    });
    socket.write(
      `POST /rpc/getSidebarState HTTP/1.1\r\nHost: 127.0.0.1:${new URL(p.url).port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`,
    );
    // Queued behind the stalled request, this would wait for its 10 s timeout.
    const users = await json(p, "GET", "/preview/users");
    expect(users.status).toBe(200);
    expect(stalledAnswered).toBe(false);
    socket.destroy();
  }, 5_000); // a request queued behind the stalled one would wait for its 10 s timeout

  it("a bad JSON body is a 400; so are args that are not an array", async () => {
    expect((await json(p, "POST", "/rpc/getSidebarState", "{oops")).status).toBe(400);
    expect((await json(p, "POST", "/rpc/getSidebarState", { args: {} })).status).toBe(400);
    expect((await json(p, "POST", "/rpc/getSidebarState", [1])).status).toBe(400);
  });

  it("answers { ok, value } with X-Service-Calls; the first setup makes its caller coordinator", async () => {
    const before = await json(p, "POST", "/rpc/getSidebarState", {
      args: [],
      user: "dina@bappeda.id",
      locale: "en",
    });
    expect(before.status).toBe(200);
    expect(Object.keys(before.data as object).sort()).toEqual(["ok", "value"]);
    expect(before.data).toMatchObject({ ok: true, value: { setupDone: false, locale: "en" } });
    const calls = Number(before.headers.get("x-service-calls"));
    expect(Number.isInteger(calls) && calls > 0).toBe(true);

    const setup = await json(p, "POST", "/rpc/setupSpreadsheet", {
      args: [],
      user: "dina@bappeda.id",
      locale: "id",
    });
    expect(setup.data).toMatchObject({ ok: true, value: { user: { role: "coordinator" } } });
    const users = await json(p, "GET", "/preview/users");
    expect(users.data).toContainEqual({ email: "dina@bappeda.id", role: "coordinator" });
  });

  it("a server error is { ok: false, error: { message } } with the server's message", async () => {
    const r = await json(p, "POST", "/rpc/saveSettings", {
      args: [{ shortlistSize: 3 }],
      user: "tamu@example.com",
    });
    expect(r.status).toBe(200);
    expect(Object.keys(r.data as object).sort()).toEqual(["error", "ok"]);
    expect(r.data).toMatchObject({ ok: false, error: { message: expect.any(String) } });
    expect(r.headers.get("x-service-calls")).toMatch(/^\d+$/);
  });

  it("handles concurrent requests one at a time, as separate executions", async () => {
    await json(p, "POST", "/rpc/setupSpreadsheet", { args: [], user: "dina@bappeda.id" });
    const quickwin = (i: number) => ({
      name: `Quickwin ${i}`,
      agency: "Diskominfo",
      dimension: "governance",
      description: "",
      startDate: "2019-09-01",
      endDate: "2019-09-30",
      budget: 1000 * i,
    });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        json(p, "POST", "/rpc/saveQuickwin", { args: [quickwin(i)], user: "dina@bappeda.id" }),
      ),
    );
    for (const r of results) expect(r.data).toMatchObject({ ok: true });
    const ids = results.map((r) => (r.data as { value: { id: string } }).value.id);
    expect(new Set(ids).size).toBe(12);
  });
});

describe("PUT /preview/sheets/NAME", () => {
  it("writes as a person typing (an id_ID spreadsheet); GET reads back as Sheets would", async () => {
    const p = await start({ dataFile: tempFile(), demo: false });
    const put = await json(p, "PUT", "/preview/sheets/Sheet1", {
      range: "A2:F3",
      values: [
        ["007", "'007", "2019-09-05", "=1+1", "TRUE", "+62 812"],
        ["1.500,5", "10%", "+62812", "=NOPE()", "", "'=2+2"],
      ],
    });
    expect(put.status).toBe(200);
    const r = await json(p, "GET", "/preview/sheets");
    expect(r.data).toEqual({
      sheets: [
        {
          name: "Sheet1",
          values: [
            ["", "", "", "", "", ""],
            [7, "007", "2019-09-04T17:00:00.000Z", 2, true, "+62 812"],
            [1500.5, 0.1, 62812, "#NAME?", "", "=2+2"],
          ],
          formulas: [
            ["", "", "", "", "", ""],
            ["", "", "", "=1+1", "", ""],
            ["", "", "", "=NOPE()", "", ""],
          ],
        },
      ],
    });
    // The page's grid: what Sheets shows, and what retyping each cell takes.
    const grid = (await json(p, "GET", "/preview/grid")).data as {
      sheets: { display: string[][]; inputs: string[][] }[];
    };
    expect(grid.sheets[0]!.display.slice(1)).toEqual([
      ["7", "007", "2019-09-05", "2", "TRUE", "+62 812"],
      ["1.500,50", "10%", "62812", "#NAME?", "", "=2+2"],
    ]);
    expect(grid.sheets[0]!.inputs.slice(1)).toEqual([
      ["7", "'007", "2019-09-05", "=1+1", "TRUE", "+62 812"],
      ["1500,5", "0,1", "62812", "=NOPE()", "", "'=2+2"],
    ]);
  });

  it("404 for an unknown sheet, 400 for a bad range, size or body", async () => {
    const p = await start({ dataFile: tempFile(), demo: false });
    const body = { range: "A1", values: [["x"]] };
    expect((await json(p, "PUT", "/preview/sheets/Nope", body)).status).toBe(404);
    const bad = await json(p, "PUT", "/preview/sheets/Sheet1", { range: "A0", values: [["x"]] });
    expect(bad).toMatchObject({ status: 400, data: { error: { message: "Range not found" } } });
    const outside = await json(p, "PUT", "/preview/sheets/Sheet1", {
      range: "A1001",
      values: [["x"]],
    });
    expect(outside).toMatchObject({
      status: 400,
      data: {
        error: { message: "The coordinates of the range are outside the dimensions of the sheet." },
      },
    });
    const size = await json(p, "PUT", "/preview/sheets/Sheet1", {
      range: "A1:B1",
      values: [["x"]],
    });
    expect(size).toMatchObject({
      status: 400,
      data: {
        error: {
          message:
            "The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.",
        },
      },
    });
    const long = await json(p, "PUT", "/preview/sheets/Sheet1", {
      range: "A1",
      values: [["x".repeat(50_001)]],
    });
    expect(long).toMatchObject({
      status: 400,
      data: {
        error: {
          message:
            "Your input contains more than the maximum of 50000 characters in a single cell.",
        },
      },
    });
    expect((await json(p, "PUT", "/preview/sheets/Sheet1", "{nope")).status).toBe(400);
    expect(
      (await json(p, "PUT", "/preview/sheets/Sheet1", { range: "A1", values: "x" })).status,
    ).toBe(400);
    // Nothing was written by any refused request.
    expect((await json(p, "GET", "/preview/sheets")).data).toEqual({
      sheets: [{ name: "Sheet1", values: [], formulas: [] }],
    });
  });
});

describe("persistence", () => {
  it("the workbook survives a restart, saved atomically within a moment of every change", async () => {
    const file = tempFile();
    const p1 = await start({ dataFile: file, demo: false });
    const written = () => JSON.parse(readFileSync(file, "utf8"));
    await json(p1, "PUT", "/preview/sheets/Sheet1", { range: "A1:B1", values: [["007", "=1+1"]] });
    await json(p1, "POST", "/rpc/setupSpreadsheet", { args: [], user: "dina@bappeda.id" });
    const before = (await json(p1, "GET", "/preview/sheets")).data;
    // Saved SAVE_DELAY_MS after a change, once for a burst (not a 2 MB write per request).
    const now = JSON.stringify(p1.emulator.toJSON());
    const current = () => {
      const { previewUsers: _, ...data } = written();
      return JSON.stringify(data) === now;
    };
    const deadline = Date.now() + 40 * SAVE_DELAY_MS;
    while (!current() && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, SAVE_DELAY_MS / 5));
    }
    const { previewUsers, ...saved } = written();
    expect(saved).toEqual(p1.emulator.toJSON());
    expect(previewUsers).toEqual(["dina@bappeda.id"]);
    expect(readdirSync(join(file, "..")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    await open.pop()!.close();

    const p2 = await start({ dataFile: file, demo: true });
    expect(p2.origin).toBe("loaded");
    expect((await json(p2, "GET", "/preview/sheets")).data).toEqual(before);
    const users = await json(p2, "GET", "/preview/users");
    expect(users.data).toContainEqual({ email: "dina@bappeda.id", role: "coordinator" });
  });

  it("closing saves a change made just before, at once", async () => {
    const file = tempFile();
    const p = await start({ dataFile: file, demo: false });
    await json(p, "PUT", "/preview/sheets/Sheet1", { range: "A1", values: [["terakhir"]] });
    const expected = p.emulator.toJSON();
    await open.pop()!.close();
    const { previewUsers: _, ...saved } = JSON.parse(readFileSync(file, "utf8"));
    expect(saved).toEqual(expected);
  });

  it("a corrupt file is reported clearly and left untouched", async () => {
    const file = tempFile();
    await start({ dataFile: file, demo: false });
    await open.pop()!.close();
    writeFileSync(file, '{"format": "quickwin-emulator-workbook", "version": 1, "sheets": [');
    await expect(startPreview({ port: 0, dataFile: file })).rejects.toThrow(
      new RegExp(
        `${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} cannot be read: not valid JSON.*delete it`,
        "s",
      ),
    );
    const good = (await start({ dataFile: tempFile(), demo: false })).emulator.toJSON();
    await open.pop()!.close();
    const broken = structuredClone(good) as unknown as { sheets: { cells: unknown[] }[] };
    broken.sheets[0]!.cells.push({ r: 1, c: 1, v: { oops: true } });
    writeFileSync(file, JSON.stringify(broken));
    await expect(startPreview({ port: 0, dataFile: file })).rejects.toThrow(
      /workbook\.sheets\[0\]\.cells\[0\]\.v must be/,
    );
    const twice = structuredClone(good) as unknown as { sheets: { name: string }[] };
    twice.sheets.push({ ...twice.sheets[0]!, name: "SHEET1" } as never);
    writeFileSync(file, JSON.stringify(twice));
    await expect(startPreview({ port: 0, dataFile: file })).rejects.toThrow(/not unique/);
    writeFileSync(file, JSON.stringify({ hello: "world" }));
    await expect(startPreview({ port: 0, dataFile: file })).rejects.toThrow(/format/);
    expect(readFileSync(file, "utf8")).toBe(JSON.stringify({ hello: "world" }));
  });
});

describe("the demo workbook", () => {
  it("is seeded through the server functions: panel, quickwins and reviews", async () => {
    const p = await start({ dataFile: tempFile() });
    expect(p.origin).toBe("demo");
    const users = (await json(p, "GET", "/preview/users")).data as {
      email: string;
      role: string | null;
    }[];
    expect(users[0]).toEqual({ email: "koordinator@patikab.go.id", role: "coordinator" });
    expect(users.filter((u) => u.role === "reviewer").length).toBeGreaterThanOrEqual(4);
    expect(users[users.length - 1]).toEqual({ email: "tamu@example.com", role: null });
    const state = await json(p, "POST", "/rpc/getSidebarState", {
      args: [],
      user: "penilai.disdagperin@patikab.go.id",
    });
    const quickwins = (
      state.data as { value: { quickwins: { name: string; agencyConflict: boolean }[] } }
    ).value.quickwins;
    expect(quickwins.length).toBeGreaterThanOrEqual(6);
    expect(quickwins.find((q) => q.name === "Satrio Pasar")?.agencyConflict).toBe(true);
    const bappeda = await json(p, "POST", "/rpc/getSidebarState", {
      args: [],
      user: "penilai.bappeda@patikab.go.id",
    });
    expect(
      (bappeda.data as { value: { progress: { scored: number } } }).value.progress.scored,
    ).toBeGreaterThan(0);
  });
});

describe("GET / and GET /sidebar", () => {
  it("the preview page is served", async () => {
    const p = await start({ dataFile: tempFile(), demo: false });
    const r = await fetch(p.url);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/text\/html/);
    const html = await r.text();
    expect(html).toContain('id="sidebar"');
    expect(html).not.toMatch(/innerHTML/);
  });

  it("the sidebar carries the locale in its boot JSON, and the shim before the app script", async () => {
    const p = await start({ dataFile: tempFile(), demo: false });
    const user = 'evil"</script><b>@x.id';
    const r = await fetch(new URL(`/sidebar?user=${encodeURIComponent(user)}&locale=en`, p.url));
    const html = await r.text();
    expect(html).toContain('<script id="qw-boot" type="application/json">{"locale":"en"}</script>');
    expect(html).not.toContain("</script><b>");
    const shimAt = html.indexOf("google.script");
    const appAt = html.lastIndexOf("<script>");
    expect(shimAt).toBeGreaterThan(0);
    expect(shimAt).toBeLessThan(appAt);
  });

  it("the google.script.run shim: any name, handlers in any order, user object, server errors", async () => {
    const p = await start({ dataFile: tempFile(), demo: false });
    const html = await (
      await fetch(new URL("/sidebar?user=dina%40bappeda.id&locale=en", p.url))
    ).text();
    const shim = /<script>(\(function \(\) \{[\s\S]*?\}\)\(\);)<\/script>/.exec(html)![1]!;
    const origin = p.url.replace(/\/$/, "");
    const window: Record<string, unknown> = {};
    const context = vm.createContext({
      window,
      location: { origin },
      fetch: (url: string, init: RequestInit) => fetch(origin + url, init),
      setTimeout,
      console,
    });
    vm.runInContext(shim, context);
    const google = window.google as {
      script: { run: Record<string, (...a: unknown[]) => unknown>; host: { close(): void } };
    };
    const run = google.script.run as unknown as {
      withSuccessHandler(f: (v: unknown, u: unknown) => void): typeof run;
      withFailureHandler(f: (e: Error, u: unknown) => void): typeof run;
      withUserObject(o: unknown): typeof run;
    } & Record<string, (...a: unknown[]) => void>;
    const ok = await new Promise<[unknown, unknown]>((resolve, reject) => {
      run
        .withUserObject({ tag: 1 })
        .withFailureHandler(reject)
        .withSuccessHandler((v, u) => resolve([v, u])).getSidebarState!();
    });
    expect(ok[0]).toMatchObject({ user: { email: "dina@bappeda.id" }, locale: "en" });
    expect(ok[1]).toEqual({ tag: 1 });
    const failure = await new Promise<[Error, unknown]>((resolve) => {
      run
        .withSuccessHandler(() => resolve([new Error("unexpected success"), null]))
        .withUserObject("u")
        .withFailureHandler((e, u) => resolve([e, u])).saveSettings!({ shortlistSize: 2 });
    });
    expect(failure[0]).toBeInstanceOf(vm.runInContext("Error", context));
    expect(failure[0].message).not.toBe("unexpected success");
    expect(failure[0].message.length).toBeGreaterThan(0);
    expect(failure[1]).toBe("u");
    const unknown = await new Promise<Error>((resolve) => {
      run.withFailureHandler((e) => resolve(e)).doesNotExist!(1, 2);
    });
    expect(unknown.message).toMatch(/doesNotExist/);
    expect(() => google.script.host.close()).not.toThrow();
  });

  it("unknown paths are 404", async () => {
    const p = await start({ dataFile: tempFile(), demo: false });
    expect((await fetch(new URL("/nope", p.url))).status).toBe(404);
    expect((await json(p, "DELETE", "/preview/sheets", {})).status).toBe(405);
  });
});
