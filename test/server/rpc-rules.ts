// google.script.run's rules for values (Apps Script's HTML service "run" reference), as a
// function the tests apply to a server function's raw result. Where Google is silent (an
// undefined object property), the worse outcome is assumed: it arrives as null.

/** A value as google.script.run delivers it; throws where the call would fail. */
export function acrossGoogleScriptRun(value: unknown, path = "result"): unknown {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value === undefined) return null;
  if (typeof value === "function") throw new Error(`${path}: a function fails the call`);
  if (Array.isArray(value)) return value.map((v, i) => acrossGoogleScriptRun(v, `${path}[${i}]`));
  if (typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null)
      throw new Error(`${path}: a ${proto?.constructor?.name ?? "class"} instance fails the call`);
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, acrossGoogleScriptRun(v, `${path}.${k}`)]),
    );
  }
  throw new Error(`${path}: a ${typeof value} fails the call`);
}
