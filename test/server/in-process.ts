// The server functions of src/server/main.ts run in this process against an emulator, with
// Apps Script's globals set to the emulator's while they run: raw results (nothing serialized)
// and executions that can be nested at any point — e.g. after a function returned but before
// its execution ended, where a write that was never flushed is still pending.
import type { Emulator } from "../../src/preview/emulator";
import * as main from "../../src/server/main";

const SERVICES = [
  "SpreadsheetApp",
  "LockService",
  "Session",
  "PropertiesService",
  "Utilities",
  "HtmlService",
];
type Server = typeof main;

export function inProcess(emulator: Emulator) {
  return {
    /** One execution as `user`; `fn` calls the server functions (and may nest another run). */
    run<T>(user: { email: string; locale?: string }, fn: (server: Server) => T): T {
      const g = globalThis as Record<string, unknown>;
      const saved = SERVICES.map((name) => g[name]);
      for (const name of SERVICES) g[name] = emulator.globals[name];
      try {
        return emulator.runExecution({ email: user.email, locale: user.locale ?? "id" }, () =>
          fn(main),
        ).value;
      } finally {
        SERVICES.forEach((name, i) => {
          g[name] = saved[i];
        });
      }
    },
  };
}
