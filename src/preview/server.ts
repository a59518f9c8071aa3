// The preview server of `npm start` (DESIGN §6): the built server script in the emulator,
// the sidebar with a google.script.run shim, and a small API over the workbook. Requests are
// handled strictly one at a time, like separate Apps Script executions; the workbook is saved
// atomically after every change.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { seedDemo } from "./demo";
import { addonMenu, dialogHtml, latestDialog } from "./dialogs";
import {
  checkWorkbookData,
  createEmulator,
  DEFAULT_OWNER,
  type Emulator,
  type WorkbookData,
} from "./emulator";
import { refusal } from "./guard";
import { HttpError } from "./http";
import { PREVIEW_PAGE, previewSidebarHtml } from "./page";
import { normalizeLocale, rpcAnswer } from "./rpc-route";
import { loadServer, type ServerRuntime } from "./script-host";
import { editSheets } from "./sheet-routes";
import { previewUsers } from "./users";

export const SIDEBAR_FILE = fileURLToPath(new URL("../../dist/sidebar.html", import.meta.url));
export const DEFAULT_DATA_FILE = ".preview/workbook.json";
export { STRANGER } from "./users";

const MAX_BODY = 5 * 1024 * 1024;
const BODY_TIMEOUT_MS = 10_000;

export class CorruptWorkbookError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(
      `The preview workbook ${file} cannot be read: ${reason}.\n` +
        `It was left untouched. To start afresh, move it aside or delete it (rm "${file}"), ` +
        "or point QW_DATA at another file.",
    );
    this.name = "CorruptWorkbookError";
  }
}

/** Reads a persisted workbook; null when the file does not exist; throws when it is corrupt. */
export function readWorkbook(file: string): WorkbookData | null {
  if (!existsSync(file)) return null;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new CorruptWorkbookError(file, error instanceof Error ? error.message : String(error));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CorruptWorkbookError(
      file,
      `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const problem = checkWorkbookData(data);
  if (problem) throw new CorruptWorkbookError(file, problem);
  return data as WorkbookData;
}

/** Writes the workbook atomically: a temporary file, then a rename over the old one. */
export function writeWorkbook(file: string, data: WorkbookData, previewUsers: string[] = []): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ ...data, previewUsers })}\n`);
  renameSync(temp, file);
}

/** Users the preview has seen (kept beside the workbook for the user switcher). */
function previewUsersOf(data: WorkbookData | null): string[] {
  const list = (data as { previewUsers?: unknown } | null)?.previewUsers;
  return Array.isArray(list)
    ? list.filter((x): x is string => typeof x === "string").slice(0, 20)
    : [];
}

/** A change reaches the workbook file this long after the last request that made one. */
export const SAVE_DELAY_MS = 150;

export interface PreviewOptions {
  /** Default 8080; 0 picks a free port. */
  port?: number;
  host?: string;
  /** The workbook file (QW_DATA); default .preview/workbook.json under the current directory. */
  dataFile?: string;
  /** Seed a new workbook with the demo panel and quickwins (default true; QW_DEMO=0 → false). */
  demo?: boolean;
  /** The server script; default dist/server.js. */
  code?: string;
  /** The sidebar HTML; default dist/sidebar.html. */
  sidebarHtml?: string;
  /** The spreadsheet owner and default user. */
  owner?: string;
  log?: (message: string) => void;
}

export interface Preview {
  readonly url: string;
  readonly port: number;
  readonly dataFile: string;
  readonly runtime: ServerRuntime;
  readonly emulator: Emulator;
  /** What happened at start: "loaded", "demo" or "empty". */
  readonly origin: "loaded" | "demo" | "empty";
  /** Writes a change not saved yet at once (the server saves within SAVE_DELAY_MS anyway). */
  save(): void;
  /** Stops serving, then saves what is left. */
  close(): Promise<void>;
}

type Json = Record<string, unknown> | unknown[];

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    "content-type": type,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...headers,
  });
  res.end(body);
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: Json,
  headers: Record<string, string> = {},
): void {
  send(res, status, JSON.stringify(body), "application/json; charset=utf-8", headers);
}

/** Sent with a 408 or 413: the rest of that request is not read, so the connection closes. */
const CLOSE = { connection: "close" };

/**
 * Reads a request body. Too slow or too large: a 408 or 413 that still reaches the client
 * (the socket is closed only after the reply has been written).
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    const fail = (error: HttpError) => {
      failed = true;
      clearTimeout(timer);
      chunks.length = 0;
      reject(error);
    };
    const timer = setTimeout(() => {
      fail(new HttpError(408, "The request body took too long to arrive.", CLOSE));
    }, BODY_TIMEOUT_MS);
    req.on("data", (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > MAX_BODY) {
        fail(new HttpError(413, "The request body is too large.", CLOSE));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      clearTimeout(timer);
      resolveBody(Buffer.concat(chunks).toString("utf8"));
    });
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

const GET_ONLY = { allow: "GET, HEAD" };
const WITH_BODY = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** What the request handler needs from the running preview. */
interface PreviewContext {
  emulator: Emulator;
  runtime: ServerRuntime;
  sidebarTemplate: string;
  seenUsers: string[];
  sawUser(email: string): void;
  saveIfChanged(): void;
  log(message: string): void;
}

async function handleRequest(
  pc: PreviewContext,
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
): Promise<void> {
  const { emulator, runtime, sidebarTemplate, seenUsers, sawUser, saveIfChanged, log } = pc;
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const path = url.pathname;
  const method = req.method ?? "GET";
  try {
    if (path === "/" || path === "/index.html") {
      if (method !== "GET" && method !== "HEAD") throw new HttpError(405, "Use GET.", GET_ONLY);
      send(res, 200, PREVIEW_PAGE, "text/html; charset=utf-8");
      return;
    }
    if (path === "/favicon.ico") {
      res.writeHead(204, { "cache-control": "max-age=86400" });
      res.end();
      return;
    }
    if (path === "/sidebar") {
      if (method !== "GET" && method !== "HEAD") throw new HttpError(405, "Use GET.", GET_ONLY);
      const user = url.searchParams.get("user") ?? emulator.owner;
      const locale = normalizeLocale(url.searchParams.get("locale") ?? "id");
      send(res, 200, previewSidebarHtml(sidebarTemplate, user, locale), "text/html; charset=utf-8");
      return;
    }
    if (path === "/preview/dialog" || path === "/preview/menu" || path.startsWith("/dialog/")) {
      if (method !== "GET") throw new HttpError(405, "Use GET.", { allow: "GET" });
      const user = url.searchParams.get("user") ?? emulator.owner;
      const locale = normalizeLocale(url.searchParams.get("locale") ?? "id");
      if (path === "/preview/dialog") sendJson(res, 200, { dialog: latestDialog(emulator) });
      else if (path === "/preview/menu") {
        sendJson(res, 200, { menu: addonMenu(runtime, user, locale) });
        saveIfChanged();
      } else {
        const html = dialogHtml(emulator, Number(path.slice("/dialog/".length)), user, locale);
        if (html === null) throw new HttpError(404, "No such dialog.");
        send(res, 200, html, "text/html; charset=utf-8");
      }
      return;
    }
    if (path.startsWith("/rpc/")) {
      const answer = rpcAnswer(runtime, { method, path, body }, sawUser);
      saveIfChanged();
      sendJson(res, answer.status, answer.json, answer.headers);
      return;
    }
    if (path === "/preview/sheets" && method === "GET") {
      sendJson(res, 200, emulator.snapshot() as unknown as Json);
      return;
    }
    if (path === "/preview/grid") {
      // The page's grid: the sheets as above, plus what each cell shows and what retyping
      // it takes (the formula bar), so selecting a cell and pressing Enter changes nothing.
      if (method !== "GET") throw new HttpError(405, "Use GET.", { allow: "GET" });
      sendJson(res, 200, emulator.grid() as unknown as Json);
      return;
    }
    if (path.startsWith("/preview/sheets/") || (path === "/preview/sheets" && method !== "GET")) {
      const answer = editSheets(emulator, method, path, body);
      if (!answer) throw new HttpError(405, "Use GET or POST.", { allow: "GET, POST" });
      saveIfChanged();
      sendJson(res, 200, answer);
      return;
    }
    if (path === "/preview/users") {
      if (method !== "GET") throw new HttpError(405, "Use GET.", { allow: "GET" });
      const list = previewUsers(runtime, seenUsers);
      saveIfChanged();
      sendJson(res, 200, list);
      return;
    }
    throw new HttpError(404, `Not found: ${path}`);
  } catch (error) {
    if (error instanceof HttpError) {
      if (!res.headersSent) {
        sendJson(
          res,
          error.status,
          { ok: false, error: { message: error.message } },
          error.headers,
        );
      }
      return;
    }
    log(
      `Error handling ${method} ${path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    if (!res.headersSent) {
      sendJson(res, 500, {
        ok: false,
        error: { message: error instanceof Error ? error.message : String(error) },
      });
    }
  }
}

/**
 * Listens on host:port and hands each request to `handle` strictly one at a time: each waits
 * for the previous one to finish. The body is read before a request joins the queue, so a
 * slow or stalled client delays only itself; a refused request (guard.ts) is answered unread.
 */
async function serveOneAtATime(
  handle: (req: IncomingMessage, res: ServerResponse, body: string) => Promise<void>,
  host: string,
  port: number,
): Promise<Server> {
  let queue: Promise<void> = Promise.resolve();
  const server: Server = createServer((req, res) => {
    const refused = refusal(req, host, (server.address() as AddressInfo).port);
    const reading = refused
      ? Promise.reject(refused)
      : WITH_BODY.has(req.method ?? "")
        ? readBody(req)
        : Promise.resolve("");
    reading.then(
      (body) => {
        queue = queue.then(() => handle(req, res, body)).catch(() => {});
      },
      (error: unknown) => {
        if (!(error instanceof HttpError) || res.headersSent) {
          req.destroy();
          return;
        }
        const rpc: Record<string, string> = (req.url ?? "").startsWith("/rpc/")
          ? { "x-service-calls": "0" }
          : {};
        res.on("finish", () => req.destroy());
        sendJson(
          res,
          error.status,
          { ok: false, error: { message: error.message } },
          {
            ...error.headers,
            ...rpc,
          },
        );
      },
    );
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolveListen();
    });
  });
  return server;
}

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const log = options.log ?? (() => {});
  const dataFile = resolve(options.dataFile ?? DEFAULT_DATA_FILE);
  const owner = options.owner ?? DEFAULT_OWNER;
  const saved = readWorkbook(dataFile);
  const emulator = createEmulator(saved ? { data: saved } : { owner, locale: "id_ID" });
  const runtime = loadServer(
    options.code === undefined ? { emulator } : { emulator, code: options.code },
  );
  const sidebarTemplate = options.sidebarHtml ?? readFileSync(SIDEBAR_FILE, "utf8");
  let origin: Preview["origin"] = "loaded";
  if (!saved) {
    if (options.demo ?? true) {
      seedDemo(runtime, { owner });
      origin = "demo";
    } else origin = "empty";
    writeWorkbook(dataFile, emulator.toJSON());
    log(
      origin === "demo"
        ? `New workbook with demo data: ${dataFile}`
        : `New empty workbook (one blank sheet): ${dataFile}`,
    );
  } else log(`Workbook: ${dataFile}`);
  let savedVersion = emulator.version;
  /** Users who made RPC calls, most recent first (for the user switcher). */
  const seenUsers: string[] = previewUsersOf(saved);
  const sawUser = (email: string) => {
    const i = seenUsers.indexOf(email);
    if (i >= 0) seenUsers.splice(i, 1);
    seenUsers.unshift(email);
    if (seenUsers.length > 20) seenUsers.pop();
  };

  // A change is saved within SAVE_DELAY_MS, once for a burst of requests (opening the sidebar
  // makes several, a person clicking through it many): each save writes the whole workbook
  // (~50 KB for the demo: a formatted column is saved as runs, see CellData.n). close() (and so
  // Ctrl-C in `npm start`) saves what is left at once.
  let pending: ReturnType<typeof setTimeout> | null = null;
  const saveNow = () => {
    if (pending) clearTimeout(pending);
    pending = null;
    if (emulator.version === savedVersion) return;
    const version = emulator.version;
    writeWorkbook(dataFile, emulator.toJSON(), seenUsers);
    savedVersion = version;
  };
  const saveIfChanged = () => {
    if (emulator.version === savedVersion || pending) return;
    pending = setTimeout(() => {
      try {
        saveNow();
      } catch (error) {
        // Kept unsaved: the next change tries again, and close() reports it.
        log(
          `Could not save ${dataFile}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }, SAVE_DELAY_MS);
  };

  const context: PreviewContext = {
    emulator,
    runtime,
    sidebarTemplate,
    seenUsers,
    sawUser,
    saveIfChanged,
    log,
  };
  const handle = (req: IncomingMessage, res: ServerResponse, body: string) =>
    handleRequest(context, req, res, body);
  const host = options.host ?? "127.0.0.1";
  const server = await serveOneAtATime(handle, host, options.port ?? 8080);
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}/`,
    port: address.port,
    dataFile,
    runtime,
    emulator,
    origin,
    save: saveNow,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.closeAllConnections?.();
        server.close(() => {
          try {
            saveNow();
            resolveClose();
          } catch (error) {
            rejectClose(error);
          }
        });
      }),
  };
}
