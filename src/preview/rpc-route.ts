// POST /rpc/NAME (DESIGN §6): a google.script.run call over HTTP — one execution of the named
// server function as the given user. Every answer says how many service calls it made.
import { resolveLocale } from "../core/i18n/format";
import type { Locale } from "../core/types";
import { HttpError, parseJsonObject } from "./http";
import type { ServerRuntime } from "./script-host";

/** Deeper than any payload of the add-on; Apps Script's own serializer refuses far less. */
const MAX_ARG_DEPTH = 64;

/** Whether arrays/objects nest deeper than `limit` (iterative: no stack to overflow). */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth >= limit) return true;
    for (const child of Object.values(v as object)) stack.push([child, depth + 1]);
  }
  return false;
}

export function normalizeLocale(value: unknown): Locale {
  return resolveLocale(typeof value === "string" ? value : undefined);
}

export interface RpcAnswer {
  status: number;
  json: Record<string, unknown>;
  headers: Record<string, string>;
}

/** The request's name, arguments, user and locale; a bad one is an HttpError (no calls). */
function readCall(
  runtime: ServerRuntime,
  request: { method: string; path: string; body: string },
): { name: string; args: unknown[]; user: string; locale: Locale } {
  const noCalls = { "x-service-calls": "0" };
  if (request.method !== "POST")
    throw new HttpError(405, "Use POST.", { ...noCalls, allow: "POST" });
  let name: string;
  try {
    name = decodeURIComponent(request.path.slice("/rpc/".length));
  } catch {
    throw new HttpError(404, "Unknown server function.", noCalls);
  }
  if (!runtime.functionNames().includes(name)) {
    throw new HttpError(404, `Unknown server function: ${name}`, noCalls);
  }
  let body: Record<string, unknown>;
  try {
    body = parseJsonObject(request.body);
  } catch (error) {
    if (error instanceof HttpError) throw new HttpError(error.status, error.message, noCalls);
    throw error;
  }
  const args = body.args === undefined ? [] : body.args;
  if (!Array.isArray(args)) throw new HttpError(400, '"args" must be an array.', noCalls);
  if (nestedDeeperThan(args, MAX_ARG_DEPTH)) {
    throw new HttpError(400, "The arguments are nested too deeply.", noCalls);
  }
  if (body.user !== undefined && typeof body.user !== "string") {
    throw new HttpError(400, '"user" must be a string.', noCalls);
  }
  const user = typeof body.user === "string" ? body.user : runtime.emulator.owner;
  return { name, args, user, locale: normalizeLocale(body.locale ?? "id") };
}

/** Runs the call; refusals of the request itself throw an HttpError carrying no calls. */
export function rpcAnswer(
  runtime: ServerRuntime,
  request: { method: string; path: string; body: string },
  sawUser: (email: string) => void,
): RpcAnswer {
  const call = readCall(runtime, request);
  if (call.user.trim() !== "") sawUser(call.user);
  const result = runtime.call(call.name, call.args, { email: call.user, locale: call.locale });
  const headers = { "x-service-calls": String(result.serviceCalls) };
  return result.ok
    ? { status: 200, json: { ok: true, value: result.value }, headers }
    : { status: 200, json: { ok: false, error: { message: result.error.message } }, headers };
}
