// A tiny formula evaluator: enough for a preview to show sensible values. Supported: number,
// string and boolean literals; cell and range references (same or other sheet); + - * / ^ &
// and comparisons; functions SUM AVERAGE MIN MAX COUNT COUNTA IF AND OR NOT ROUND ABS LEN
// UPPER LOWER TRIM CONCATENATE HYPERLINK. Anything else evaluates to "#NAME?", a syntax error to
// "#ERROR!", a circular reference to "#REF!" — the strings getValues returns for such cells.
import { type A1Ref, parseA1 } from "./a1";
import { DateVal, type Val } from "./values";

export interface FormulaHost {
  /** Values of a rectangle; throws "#REF!" for an unknown sheet. */
  values(ref: A1Ref): (Val | "")[][];
  toSerial(ms: number): number;
}

type Scalar = number | string | boolean | "";
type Value = Scalar | Scalar[][];

class FormulaError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const ERRORS = new Set(["#NAME?", "#ERROR!", "#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NUM!"]);

export function isErrorValue(v: unknown): boolean {
  return typeof v === "string" && ERRORS.has(v);
}

interface Token {
  type: "num" | "str" | "ref" | "id" | "op" | "(" | ")" | "," | "end";
  text: string;
}

const REF =
  /^(?:'(?:[^']|'')+'!|[A-Za-z_][\w.]*!)?\$?[A-Za-z]{0,3}\$?\d*(?::\$?[A-Za-z]{0,3}\$?\d*)?/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = src.slice(i);
    const num = /^(\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest);
    if (num && !/^\d+:/.test(rest)) {
      out.push({ type: "num", text: num[0] });
      i += num[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      while (j < src.length) {
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j];
        j++;
      }
      if (j >= src.length) throw new FormulaError("#ERROR!");
      out.push({ type: "str", text: s });
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_$']/.test(ch) || /^\d+:\d+/.test(rest)) {
      const fn = /^[A-Za-z_][\w.]*(?=\s*\()/.exec(rest);
      if (fn) {
        out.push({ type: "id", text: fn[0] });
        i += fn[0].length;
        continue;
      }
      const ref = REF.exec(rest);
      if (ref?.[0] && parseA1(ref[0])) {
        out.push({ type: "ref", text: ref[0] });
        i += ref[0].length;
        continue;
      }
      const id = /^[A-Za-z_][\w.]*/.exec(rest);
      if (id) {
        out.push({ type: "id", text: id[0] });
        i += id[0].length;
        continue;
      }
      throw new FormulaError("#ERROR!");
    }
    const op = /^(<>|<=|>=|[-+*/^&=<>%])/.exec(rest);
    if (op) {
      out.push({ type: "op", text: op[0] });
      i += op[0].length;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === ",") {
      out.push({ type: ch, text: ch });
      i++;
      continue;
    }
    throw new FormulaError("#ERROR!");
  }
  out.push({ type: "end", text: "" });
  return out;
}

/** Beyond these the emulator gives up on a formula and shows #ERROR! (Sheets' own limits are
 * higher; a preview only needs to stay up whatever a workbook holds). */
export const MAX_FORMULA_LENGTH = 8_192;
export const MAX_FORMULA_NESTING = 100;

class Evaluator {
  private pos = 0;
  /** Open parentheses, function calls and unary signs around the current token. */
  private nesting = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly host: FormulaHost,
  ) {}

  run(): Value {
    const v = this.comparison();
    if (this.peek().type !== "end") throw new FormulaError("#ERROR!");
    return v;
  }

  private peek(): Token {
    return this.tokens[this.pos]!;
  }
  private next(): Token {
    return this.tokens[this.pos++]!;
  }
  private isOp(...ops: string[]): boolean {
    const t = this.peek();
    return t.type === "op" && ops.includes(t.text);
  }

  private comparison(): Value {
    let left = this.concat();
    while (this.isOp("=", "<>", "<", ">", "<=", ">=")) {
      const op = this.next().text;
      const right = this.concat();
      left = compare(scalar(left), scalar(right), op);
    }
    return left;
  }
  private concat(): Value {
    let left = this.additive();
    while (this.isOp("&")) {
      this.next();
      const right = this.additive();
      left = text(scalar(left)) + text(scalar(right));
    }
    return left;
  }
  private additive(): Value {
    let left = this.term();
    while (this.isOp("+", "-")) {
      const op = this.next().text;
      const a = num(scalar(left));
      const b = num(scalar(this.term()));
      left = op === "+" ? a + b : a - b;
    }
    return left;
  }
  private term(): Value {
    let left = this.unary();
    while (this.isOp("*", "/")) {
      const op = this.next().text;
      const a = num(scalar(left));
      const b = num(scalar(this.unary()));
      if (op === "/" && b === 0) throw new FormulaError("#DIV/0!");
      left = op === "*" ? a * b : a / b;
    }
    return left;
  }
  /** Runs a nested part of the formula, refusing nesting beyond MAX_FORMULA_NESTING. */
  private nested<T>(fn: () => T): T {
    if (++this.nesting > MAX_FORMULA_NESTING) throw new FormulaError("#ERROR!");
    try {
      return fn();
    } finally {
      this.nesting--;
    }
  }
  private unary(): Value {
    if (this.isOp("-")) {
      this.next();
      return this.nested(() => -num(scalar(this.unary())));
    }
    if (this.isOp("+")) {
      this.next();
      return this.nested(() => this.unary());
    }
    return this.power();
  }
  private power(): Value {
    let base = this.postfix();
    while (this.isOp("^")) {
      this.next();
      base = num(scalar(base)) ** num(scalar(this.postfix()));
    }
    return base;
  }
  private postfix(): Value {
    let v = this.primary();
    while (this.isOp("%")) {
      this.next();
      v = num(scalar(v)) / 100;
    }
    return v;
  }
  private primary(): Value {
    const t = this.next();
    switch (t.type) {
      case "num":
        return Number(t.text);
      case "str":
        return t.text;
      case "(": {
        const v = this.nested(() => this.comparison());
        if (this.next().type !== ")") throw new FormulaError("#ERROR!");
        return v;
      }
      case "ref": {
        const ref = parseA1(t.text)!;
        const grid = this.host.values(ref).map((row) => row.map((v) => this.plain(v)));
        if (grid.length === 1 && grid[0]!.length === 1) return grid[0]![0]!;
        return grid;
      }
      case "id": {
        const name = t.text.toUpperCase();
        if (this.peek().type === "(") {
          this.next();
          const args: Value[] = [];
          if (this.peek().type !== ")") {
            for (;;) {
              args.push(this.nested(() => this.comparison()));
              if (this.peek().type === ",") {
                this.next();
                continue;
              }
              break;
            }
          }
          if (this.next().type !== ")") throw new FormulaError("#ERROR!");
          return call(name, args);
        }
        if (name === "TRUE") return true;
        if (name === "FALSE") return false;
        throw new FormulaError("#NAME?");
      }
      default:
        throw new FormulaError("#ERROR!");
    }
  }
  private plain(v: Val | ""): Scalar {
    if (v instanceof DateVal) return this.host.toSerial(v.ms);
    if (isErrorValue(v)) throw new FormulaError(v as string);
    return v;
  }
}

function scalar(v: Value): Scalar {
  if (Array.isArray(v)) {
    if (v.length === 1 && v[0]!.length === 1) return v[0]![0]!;
    throw new FormulaError("#VALUE!");
  }
  return v;
}

function num(v: Scalar): number {
  if (v === "") return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const n = Number(v.trim());
  if (v.trim() === "" || !Number.isFinite(n)) throw new FormulaError("#VALUE!");
  return n;
}

function text(v: Scalar): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(Number(v.toPrecision(15)));
  return v;
}

function truthy(v: Scalar): boolean {
  if (typeof v === "string") {
    const u = v.toUpperCase();
    if (u === "TRUE") return true;
    if (u === "FALSE" || v === "") return false;
    throw new FormulaError("#VALUE!");
  }
  return Boolean(v);
}

function compare(a: Scalar, b: Scalar, op: string): boolean {
  const rank = (x: Scalar) =>
    typeof x === "number" || x === "" ? 0 : typeof x === "string" ? 1 : 2;
  let c: number;
  if (rank(a) !== rank(b)) c = rank(a) - rank(b);
  else if (typeof a === "string" && typeof b === "string") {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    c = x < y ? -1 : x > y ? 1 : 0;
  } else {
    const x = num(a);
    const y = num(b);
    c = x < y ? -1 : x > y ? 1 : 0;
  }
  switch (op) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    default:
      return c >= 0;
  }
}

function flat(args: Value[]): { values: Scalar[]; fromRange: boolean[] } {
  const values: Scalar[] = [];
  const fromRange: boolean[] = [];
  for (const a of args) {
    if (Array.isArray(a)) {
      for (const row of a)
        for (const v of row) {
          values.push(v);
          fromRange.push(true);
        }
    } else {
      values.push(a);
      fromRange.push(false);
    }
  }
  return { values, fromRange };
}

/** Numbers for aggregates: ranges contribute only numbers; direct arguments are converted. */
function numbers(args: Value[]): number[] {
  const { values, fromRange } = flat(args);
  const out: number[] = [];
  values.forEach((v, i) => {
    if (fromRange[i]) {
      if (typeof v === "number") out.push(v);
    } else out.push(num(v));
  });
  return out;
}

function arity(args: Value[], min: number, max: number): void {
  if (args.length < min || args.length > max) throw new FormulaError("#N/A");
}

function call(name: string, args: Value[]): Value {
  switch (name) {
    case "SUM":
      return numbers(args).reduce((a, b) => a + b, 0);
    case "AVERAGE": {
      const n = numbers(args);
      if (n.length === 0) throw new FormulaError("#DIV/0!");
      return n.reduce((a, b) => a + b, 0) / n.length;
    }
    case "MIN": {
      const n = numbers(args);
      return n.length ? Math.min(...n) : 0;
    }
    case "MAX": {
      const n = numbers(args);
      return n.length ? Math.max(...n) : 0;
    }
    case "COUNT":
      return flat(args).values.filter((v) => typeof v === "number").length;
    case "COUNTA":
      return flat(args).values.filter((v) => v !== "").length;
    case "IF": {
      arity(args, 1, 3);
      const cond = truthy(scalar(args[0]!));
      return cond ? (args[1] ?? true) : (args[2] ?? false);
    }
    case "AND":
      return flat(args).values.every((v) => truthy(v));
    case "OR":
      return flat(args).values.some((v) => truthy(v));
    case "NOT":
      arity(args, 1, 1);
      return !truthy(scalar(args[0]!));
    case "ROUND": {
      arity(args, 1, 2);
      const places = args[1] === undefined ? 0 : num(scalar(args[1]));
      const f = 10 ** places;
      const x = num(scalar(args[0]!));
      return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
    }
    case "ABS":
      arity(args, 1, 1);
      return Math.abs(num(scalar(args[0]!)));
    case "LEN":
      arity(args, 1, 1);
      return text(scalar(args[0]!)).length;
    case "UPPER":
      arity(args, 1, 1);
      return text(scalar(args[0]!)).toUpperCase();
    case "LOWER":
      arity(args, 1, 1);
      return text(scalar(args[0]!)).toLowerCase();
    case "TRIM":
      arity(args, 1, 1);
      return text(scalar(args[0]!)).trim().replace(/ +/g, " ");
    case "CONCATENATE":
      return flat(args)
        .values.map((v) => text(v))
        .join("");
    case "HYPERLINK":
      arity(args, 1, 2);
      return scalar(args[1] ?? args[0]!);
    default:
      throw new FormulaError("#NAME?");
  }
}

/** Evaluates "=…"; returns the cell value Sheets would show (error codes as strings). */
export function evaluateFormula(formula: string, host: FormulaHost): Val | "" {
  if (formula.length > MAX_FORMULA_LENGTH) return "#ERROR!";
  try {
    const v = new Evaluator(tokenize(formula.replace(/^=/, "")), host).run();
    const s = scalar(v);
    if (typeof s === "number" && !Number.isFinite(s)) return "#NUM!";
    return s;
  } catch (error) {
    if (error instanceof FormulaError) return error.code;
    throw error;
  }
}
