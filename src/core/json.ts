// What a value looks like after a JSON round trip, as google.script.run does it between the
// sidebar and the server: Dates, functions, bigints and symbols do not survive, `undefined` in
// an array turns into null, an undefined property disappears. Type-level only.

type Lost = Date | bigint | symbol | undefined | ((...args: never[]) => unknown);

/**
 * T with everything JSON loses turned to `never`: T is JSON-clean exactly when it is assignable
 * to JsonClean<T> (see IsJsonClean). Optional properties stay optional.
 */
export type JsonClean<T> = T extends string | number | boolean | null
  ? T
  : T extends Lost
    ? never
    : T extends readonly (infer U)[]
      ? JsonClean<U>[]
      : T extends object
        ? { [K in keyof T]: JsonClean<T[K]> }
        : never;

/** true when a value of type T arrives on the other side of google.script.run as T. */
export type IsJsonClean<T> = [T] extends [JsonClean<T>] ? true : false;
