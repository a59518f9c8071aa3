// The emulator's machinery: executions (user, locale, locks, service-call count), counting
// of service calls, fault injection, interleaving hooks, and the proxies through which script
// code sees emulated objects (every method call counted; unknown methods fail loudly).

export interface Execution {
  readonly id: number;
  email: string;
  locale: string;
  calls: number;
}

export interface ServiceCallInfo {
  /** 1-based number of this call within its execution. */
  count: number;
  /** "Kind.method", e.g. "Range.setValues". */
  method: string;
  /** The user of the execution making the call. */
  email: string;
  /** Nesting depth: 0 for a top-level execution, 1 for one run from a hook, … */
  depth: number;
}

export type ServiceCallHook = (info: ServiceCallInfo) => void;

/** Base of every emulated object; fields starting with "_" are invisible to script code. */
export abstract class Emulated {
  constructor(
    readonly _core: Core,
    readonly _kind: string,
    readonly _counted: boolean = true,
  ) {}
}

/**
 * Property names that test tools and the language probe on any object (matchers, thenables,
 * serializers); they must read as absent rather than as a "not emulated" method.
 */
const PROBED = new Set([
  "toJSON",
  "then",
  "catch",
  "finally",
  "asymmetricMatch",
  "nodeType",
  "tagName",
  "inspect",
  "length",
  "size",
  "next",
  "call",
  "apply",
  "bind",
  "prototype",
  "valueOf",
  "entries",
  "keys",
  "values",
  "forEach",
  "map",
]);

/** An Apps Script-like method name: an unknown one of these is "not emulated". */
const METHOD_LIKE = /^[a-z][A-Za-z0-9]*$/;

export class Core {
  private nextExecutionId = 1;
  readonly ambient: Execution;
  private stack: Execution[] = [];
  private reported: Execution;
  private totalCalls = 0;
  private failAt: { seq: number; message: string | undefined } | null = null;
  private hook: ServiceCallHook | null = null;
  private inHook = false;
  /** lock key → id of the owning execution */
  readonly locks = new Map<string, number>();
  private readonly proxies = new WeakMap<Emulated, unknown>();
  private readonly targets = new WeakMap<object, Emulated>();
  private readonly wrappers = new WeakMap<Emulated, Map<string, unknown>>();
  /** Constructors of the realm script code runs in (a vm context), so instanceof works there. */
  realm: { Date: DateConstructor; Error: ErrorConstructor } = { Date, Error };
  /** The message of an injected fault when none is given. */
  transientMessage = () => "Service Spreadsheets failed while accessing document.";

  constructor(defaultUser: { email: string; locale: string }) {
    this.ambient = { id: 0, email: defaultUser.email, locale: defaultUser.locale, calls: 0 };
    this.reported = this.ambient;
  }

  get current(): Execution {
    return this.stack[this.stack.length - 1] ?? this.ambient;
  }

  get inExecution(): boolean {
    return this.stack.length > 0;
  }

  /** Runs each script call (buffered writes record them); default: just the call. */
  around: (target: Emulated, method: string, args: unknown[], call: () => unknown) => unknown = (
    _target,
    _method,
    _args,
    call,
  ) => call();

  /** Called as an execution ends, before its locks are released (commits buffered writes). */
  onExecutionEnd: (executionId: number) => void = () => {};

  /**
   * An ending execution's locks go before its pending writes land (the emulator's
   * executionEnd "release-first"), and `endWindow` runs in between: not re-entered by the
   * executions it runs.
   */
  releaseFirst = false;
  endWindow: (() => void) | null = null;
  private inEndWindow = false;

  get depth(): number {
    return Math.max(0, this.stack.length - 1);
  }

  get serviceCalls(): number {
    return this.stack.length ? this.current.calls : this.reported.calls;
  }

  resetServiceCalls(): void {
    if (this.stack.length) this.current.calls = 0;
    else this.reported.calls = 0;
  }

  failOnCall(n: number, message?: string): void {
    if (!Number.isInteger(n) || n < 1) throw new Error("failOnCall: n must be an integer ≥ 1");
    this.failAt = { seq: this.totalCalls + n, message };
  }

  onServiceCall(hook: ServiceCallHook | null): void {
    this.hook = hook;
  }

  /** Runs fn as one execution of the given user; its locks are released when it ends. */
  runExecution<T>(
    user: { email: string; locale: string },
    fn: () => T,
  ): {
    value: T;
    serviceCalls: number;
  } {
    const exec: Execution = {
      id: this.nextExecutionId++,
      email: user.email,
      locale: user.locale,
      calls: 0,
    };
    // fn may switch the realm (Emulator.useRealm); the outer one comes back when it ends.
    const outerRealm = this.realm;
    this.stack.push(exec);
    try {
      const value = fn();
      return { value, serviceCalls: exec.calls };
    } finally {
      try {
        if (this.releaseFirst) this.releaseThenWait(exec.id);
        this.onExecutionEnd(exec.id);
      } finally {
        this.releaseLocksOf(exec.id);
        this.stack.pop();
        this.realm = outerRealm;
        if (this.stack.length === 0) this.reported = exec;
      }
    }
  }

  /** Releases an ending execution's locks and runs the window hook before its writes land. */
  private releaseThenWait(executionId: number): void {
    this.releaseLocksOf(executionId);
    if (!this.endWindow || this.inEndWindow) return;
    this.inEndWindow = true;
    try {
      this.endWindow();
    } finally {
      this.inEndWindow = false;
    }
  }

  releaseLocksOf(executionId: number): void {
    for (const [key, owner] of [...this.locks]) {
      if (owner === executionId) this.locks.delete(key);
    }
  }

  /** An error as Apps Script's services throw it: name "Exception", so String(e) reads
   * "Exception: …" in logs while e.message is the bare message. */
  error(message: string): Error {
    const e = new this.realm.Error(message);
    e.name = "Exception";
    return e;
  }

  /** Apps Script's error for arguments of the wrong types: "The parameters (…) don't match …". */
  badParameters(types: string, method: string): Error {
    return this.error(`The parameters (${types}) don't match the method signature for ${method}.`);
  }

  date(ms: number): Date {
    return new this.realm.Date(ms);
  }

  /** Counts one service call (hook first, then fault injection); throws an injected fault. */
  count(method: string): void {
    const exec = this.current;
    if (!this.stack.length) this.reported = this.ambient;
    exec.calls++;
    const seq = ++this.totalCalls;
    if (this.hook && !this.inHook) {
      this.inHook = true;
      try {
        this.hook({ count: exec.calls, method, email: exec.email, depth: this.depth });
      } finally {
        this.inHook = false;
      }
    }
    if (this.failAt && this.failAt.seq === seq) {
      const message = this.failAt.message ?? this.transientMessage();
      this.failAt = null;
      throw this.error(message);
    }
  }

  /** The script-facing proxy of an emulated object. */
  wrap<T extends Emulated>(target: T): T {
    let proxy = this.proxies.get(target);
    if (!proxy) {
      proxy = new Proxy(target, this.handler());
      this.proxies.set(target, proxy);
      this.targets.set(proxy as object, target);
    }
    return proxy as T;
  }

  /** The emulated object behind a proxy (or the value itself). */
  unwrap(value: unknown): unknown {
    if (value && typeof value === "object") return this.targets.get(value) ?? value;
    return value;
  }

  /** Proxies for results: emulated objects and arrays (1–2 levels) of them. */
  out(value: unknown): unknown {
    if (value instanceof Emulated) return this.wrap(value);
    if (Array.isArray(value) && value.some((v) => v instanceof Emulated || Array.isArray(v))) {
      return value.map((v) => this.out(v));
    }
    return value;
  }

  private handler(): ProxyHandler<Emulated> {
    return {
      get: (target, prop) => {
        if (typeof prop === "symbol") {
          if (prop === Symbol.toStringTag) return target._kind;
          return undefined;
        }
        if (prop.startsWith("_") || prop === "constructor") return undefined;
        if (prop === "toString") return () => target._kind;
        if (Object.prototype.hasOwnProperty.call(Object.prototype, prop)) return undefined;
        const value = (target as unknown as Record<string, unknown>)[prop];
        if (typeof value === "function")
          return this.method(target, prop, value as (...args: unknown[]) => unknown);
        if (value !== undefined) return value;
        if (METHOD_LIKE.test(prop) && !PROBED.has(prop)) {
          return () => {
            throw this.error(`not emulated: ${target._kind}.${prop}`);
          };
        }
        return undefined;
      },
      set: () => false,
      has: (target, prop) => typeof prop === "string" && !prop.startsWith("_") && prop in target,
      ownKeys: () => [],
      getOwnPropertyDescriptor: () => undefined,
    };
  }

  private method(target: Emulated, name: string, fn: (...args: unknown[]) => unknown): unknown {
    let cache = this.wrappers.get(target);
    if (!cache) {
      cache = new Map();
      this.wrappers.set(target, cache);
    }
    let wrapper = cache.get(name);
    if (!wrapper) {
      const core = this;
      wrapper = function emulatedMethod(...args: unknown[]) {
        if (target._counted) core.count(`${target._kind}.${name}`);
        const unwrapped = args.map((a) => core.unwrap(a));
        const result = core.around(target, name, unwrapped, () => fn.apply(target, unwrapped));
        return core.out(result);
      };
      cache.set(name, wrapper);
    }
    return wrapper;
  }
}
