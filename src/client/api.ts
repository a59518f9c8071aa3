// A typed, Promise-based wrapper over google.script.run (Apps Script's sidebar bridge, or the
// preview's shim). Only the names of the ServerApi can be called, with their own result types.
import type { ServerApi } from "../core/types";

export type ApiName = keyof ServerApi;
export type ApiResult<K extends ApiName> = ReturnType<ServerApi[K]>;

/** google.script.run as the sidebar uses it (our own typing, independent of @types). */
interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: unknown) => void): Runner;
  [name: string]: unknown;
}

function runner(): Runner | null {
  const g = (globalThis as { google?: { script?: { run?: Runner } } }).google;
  return g?.script?.run ?? null;
}

/** An error raised by the server (or the bridge): `message` is for people. */
export class ServerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ServerError";
  }
}

/** The readable part of what the failure handler receives ("Error: …" prefixes removed). */
export function errorText(error: unknown): string {
  let message = "";
  if (error && typeof error === "object" && "message" in error) {
    message = String((error as { message: unknown }).message);
  } else if (typeof error === "string") {
    message = error;
  }
  return message.replace(/^(Uncaught\s+)?(Error|Exception|UserError|TypeError)\s*:\s*/i, "").trim();
}

/** Calls a server function; resolves with its result or rejects with a ServerError. */
export function call<K extends ApiName>(name: K, ...args: unknown[]): Promise<ApiResult<K>> {
  return new Promise((resolve, reject) => {
    const run = runner();
    if (!run) {
      reject(new ServerError(""));
      return;
    }
    const bound = run
      .withSuccessHandler((value) => resolve(value as ApiResult<K>))
      .withFailureHandler((error) => reject(new ServerError(errorText(error))));
    const fn = bound[name];
    if (typeof fn !== "function") {
      reject(new ServerError(""));
      return;
    }
    try {
      (fn as (...a: unknown[]) => void).apply(bound, args);
    } catch (error) {
      reject(new ServerError(errorText(error)));
    }
  });
}
