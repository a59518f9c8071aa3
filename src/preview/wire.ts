// What google.script.run carries (DESIGN §5): primitives, plain objects and arrays. A Date, a
// function, a class instance (anything whose prototype is not a plain Object's), a symbol or
// a cycle fails the call with Google's message; undefined in an array becomes null; an
// undefined object property is dropped. Nothing else is converted.

export class WireError extends Error {
  constructor(property: string) {
    super(`Failed due to illegal value in property: ${property}`);
    this.name = "WireError";
  }
}

/** A plain object of any realm: its prototype is an Object.prototype (or null). */
function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** The value as the other side receives it (a copy in this realm); throws a WireError. */
export function toWire(value: unknown, property = "0"): unknown {
  const open = new Set<object>();
  const walk = (v: unknown, key: string): unknown => {
    if (v === null || typeof v === "string" || typeof v === "boolean" || typeof v === "number") {
      return v;
    }
    if (typeof v !== "object" || open.has(v)) throw new WireError(key);
    open.add(v);
    try {
      if (Array.isArray(v)) {
        return v.map((item, i) => (item === undefined ? null : walk(item, String(i))));
      }
      if (!isPlainObject(v)) throw new WireError(key);
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) {
        if (item !== undefined) out[k] = walk(item, k);
      }
      return out;
    } finally {
      open.delete(v);
    }
  };
  return walk(value, property);
}
