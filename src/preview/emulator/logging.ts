// Logger and console: the script's output, kept (and printed on request).

export function createLogging(logs: string[], print: boolean) {
  const record = (level: string, args: unknown[]) => {
    const line = args
      .map((a) =>
        typeof a === "string"
          ? a
          : (() => {
              try {
                return JSON.stringify(a);
              } catch {
                return String(a);
              }
            })(),
      )
      .join(" ");
    logs.push(level === "log" ? line : `[${level}] ${line}`);
    if (logs.length > 1000) logs.splice(0, logs.length - 1000);
    if (print) console.error(`[server ${level}] ${line}`);
  };
  const Logger = {
    log: (format: unknown, ...args: unknown[]) => {
      let msg = String(format);
      if (args.length) {
        let k = 0;
        msg = msg.replace(/%s|%d/g, () => String(args[k++]));
      }
      record("log", [msg]);
      return Logger;
    },
    getLog: () => logs.join("\n"),
    clear: () => {
      logs.length = 0;
    },
  };
  const consoleObj = {
    log: (...a: unknown[]) => record("log", a),
    info: (...a: unknown[]) => record("info", a),
    warn: (...a: unknown[]) => record("warn", a),
    error: (...a: unknown[]) => record("error", a),
    time: (_label?: string) => {},
    timeEnd: (_label?: string) => {},
  };
  return { Logger, console: consoleObj };
}
