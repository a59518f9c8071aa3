// A typed, Promise-based wrapper over google.script.run (Apps Script's sidebar bridge, or the
// preview's shim). The contract is the server's own signatures: only its functions can be
// called, with their argument types, and each resolves with its declared result type.
import type * as addonShell from "../server/addon";
import type * as server from "../server/main";

/**
 * The google.script.run surface (DESIGN §5), as the sidebar sees it: every export of the server
 * entry except the add-on shell (menus and triggers). Type-only imports: nothing of the server
 * reaches the sidebar bundle.
 */
export type ServerApi = Omit<typeof server, keyof typeof addonShell>;
export type ApiName = keyof ServerApi;
export type ApiArgs<K extends ApiName> = Parameters<ServerApi[K]>;
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
export function call<K extends ApiName>(name: K, ...args: ApiArgs<K>): Promise<ApiResult<K>> {
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
