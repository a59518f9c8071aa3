// Values built on first use. Apps Script evaluates the whole script afresh for every execution
// (every google.script.run call, menu click and trigger), so whatever a module builds at load
// time is paid by every call, used or not: the zod schemas were half of the server script's
// load. A schema made with `lazy` is built the first time something touches it, so a call
// builds only the schemas it uses.

/**
 * Stands in for `build()`'s result, which is made on the first access of any kind (a property,
 * `in`, its keys, its prototype) and then serves every access; the type is the result's own.
 */
export function lazy<T extends object>(build: () => T): T {
  let value: T | undefined;
  const real = (): T => {
    value ??= build();
    return value;
  };
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, v) => Reflect.set(real(), key, v),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      // The stand-in's own target has none of these: the proxy may only report configurable ones.
      if (descriptor) descriptor.configurable = true;
      return descriptor;
    },
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
