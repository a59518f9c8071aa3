// Results cross google.script.run as JSON-like values (DESIGN §5). An optional field that a
// parser left `undefined` would arrive as null at best (and a form would show "null"), so
// every result leaves the server with such properties removed — absent means the same thing.
// Anything else google.script.run cannot carry (a Date, a function) is a bug the tests catch.

/** A copy of `value` without undefined object properties (arrays keep their length). */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => withoutUndefined(v)) as T;
  if (value === null || typeof value !== "object") return value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = withoutUndefined(v);
  return out as T;
}
