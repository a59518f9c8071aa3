// Starting previews on free ports with temporary workbooks, and raw HTTP requests whose Host,
// Origin and Content-Type a test chooses (fetch would not let it set Host).
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach } from "vitest";
import { type Preview, startPreview } from "../../src/preview/server";

const dirs: string[] = [];
export function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "qw-preview-"));
  dirs.push(dir);
  return join(dir, "workbook.json");
}

const open: Preview[] = [];
export async function start(options: Parameters<typeof startPreview>[0]): Promise<Preview> {
  const p = await startPreview({ port: 0, ...options });
  open.push(p);
  return p;
}

/** Closes a preview started with start() before the test ends (e.g. to restart on its file). */
export async function stop(p: Preview): Promise<void> {
  const i = open.indexOf(p);
  if (i >= 0) open.splice(i, 1);
  await p.close();
}

afterEach(async () => {
  while (open.length) await open.pop()!.close();
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  data: unknown;
}

/** One request; headers default to the preview's own Host and, with a body, JSON. */
export function send(
  p: Preview,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === "string"
        ? options.body
        : JSON.stringify(options.body);
  const headers: Record<string, string> = { host: `127.0.0.1:${p.port}` };
  if (body !== undefined) {
    headers["content-type"] = "application/json";
    headers["content-length"] = String(Buffer.byteLength(body));
  }
  Object.assign(headers, options.headers);
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: p.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let data: unknown = text;
        try {
          data = JSON.parse(text);
        } catch {
          // Not JSON (the page's HTML): kept as text.
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, data });
      });
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
