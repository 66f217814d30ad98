/**
 * Typed expressions. An `Expr<T>` is the text of one GitHub expression plus the
 * references it reads (step outputs, step statuses, job outputs, job results), so
 * that jobs can check at construction time that every reference is reachable.
 * Expressions are built from handles and operators, never typed by hand; `raw()`
 * is the one visible escape hatch.
 */
import { parseExpression } from "./expression-syntax.ts";

/** What an expression reads, recorded so that jobs and workflows can check reachability. */
export type Reference =
  | { kind: "step"; stepId: string; owner: object; what: "output" | "status"; name: string }
  | { kind: "job"; jobId: string; owner: object; what: "output" | "result"; name: string }
  /** `jobs.<id>.outputs.<name>`: a workflow_call output reading a job of the workflow. */
  | { kind: "workflow-job"; jobId: string; owner: object; name: string }
  /** `inputs.<name>`, `secrets.<name>` of a declared workflow input or secret; the owner is the declaration. */
  | { kind: "input" | "secret"; owner: object; name: string }
  /** `matrix.<axis>`; the owner is the matrix. */
  | { kind: "matrix"; owner: object; name: string }
  /** `job.services.<id>…`; the owner is the service. */
  | { kind: "service"; owner: object; name: string }
  /** `github.event` read as the payload of one event. */
  | { kind: "event"; event: string }
  | { kind: "status"; name: "success" | "failure" | "always" | "cancelled" }
  | { kind: "raw"; text: string };

/** Result of a step: `steps.<id>.outcome` / `.conclusion`. */
export type StepStatus = "success" | "failure" | "cancelled" | "skipped";
/** Result of a job: `needs.<id>.result`. */
export type JobResult = "success" | "failure" | "cancelled" | "skipped";

declare const valueType: unique symbol;

/** A typed GitHub Actions expression. `T` is the type of the value it evaluates to. */
export class Expr<T = unknown> {
  declare readonly [valueType]: T;
  /** @param text expression source without `${{ }}`; @param refs what it reads; @param precedence binding strength, for parentheses */
  constructor(
    readonly text: string,
    readonly refs: readonly Reference[] = [],
    readonly precedence: Precedence = Precedence.Primary,
    /** For a comparison, its exact negation (`==` ↔ `!=`), so `not()` stays readable. */
    readonly negation?: () => Condition,
  ) {}

  /** The expression wrapped as `${{ … }}`, for use in a `with:`, `env:` or `outputs:` value. */
  toString(): string {
    return "${{ " + this.text + " }}";
  }
}

/** A boolean expression used as an `if:` condition. */
export type Condition = Expr<boolean>;

/** A value accepted where the workflow wants a scalar: a literal, an expression or a template. */
export type Value = string | number | boolean | Expr | Template;

/** Literal text with embedded expressions, emitted as `text${{ expr }}text`. Build it with `tpl`. */
export class Template {
  constructor(
    readonly strings: readonly string[],
    readonly exprs: readonly Expr[],
  ) {}

  get refs(): readonly Reference[] {
    return this.exprs.flatMap((e) => e.refs);
  }

  toString(): string {
    return this.strings.reduce((out, text, i) => out + text + (this.exprs[i]?.toString() ?? ""), "");
  }
}

/** Joins values into one multi-line template (one value per line), references tracked. */
export function lines(...values: (string | Expr | Template)[]): Template {
  return concat(values.flatMap((value, i) => (i > 0 ? ["\n", value] : [value])));
}

/**
 * Tagged template: `` tpl`${runner.temp}/${file}` `` → `${{ runner.temp }}/image.tar`.
 * Expressions are embedded (references tracked); plain strings and numbers are inlined.
 */
export function tpl(strings: TemplateStringsArray, ...values: (Expr | Template | string | number)[]): Template {
  const parts: (string | Expr | Template)[] = [];
  strings.forEach((text, i) => {
    parts.push(text);
    const value = values[i];
    if (value !== undefined) parts.push(typeof value === "number" ? String(value) : value);
  });
  return concat(parts);
}

/** Concatenates text, expressions and templates into one template. */
function concat(parts: readonly (string | Expr | Template)[]): Template {
  const texts: string[] = [""];
  const exprs: Expr[] = [];
  for (const part of parts) {
    if (typeof part === "string") {
      texts[texts.length - 1] += part;
    } else if (part instanceof Expr) {
      exprs.push(part);
      texts.push("");
    } else {
      texts[texts.length - 1] += part.strings[0] ?? "";
      part.exprs.forEach((expr, j) => {
        exprs.push(expr);
        texts.push(part.strings[j + 1] ?? "");
      });
    }
  }
  return new Template(texts, exprs);
}

/** Binding strength of an expression's outermost operator, to add parentheses only where needed. */
export const enum Precedence {
  Or = 1,
  And = 2,
  Equality = 3,
  Comparison = 4,
  Unary = 5,
  Primary = 6,
}

function operand(value: Value | null, min: Precedence): { text: string; refs: readonly Reference[] } {
  if (value instanceof Template) throw new Error("a template is a string value, not an operand; use format() inside expressions");
  if (!(value instanceof Expr)) return { text: literalText(value), refs: [] };
  return { text: value.precedence < min ? `(${value.text})` : value.text, refs: value.refs };
}

function literalText(value: string | number | boolean | null): string {
  if (value === null) return "null";
  if (typeof value === "string") return `'${value.replaceAll("'", "''")}'`;
  return String(value);
}


/**
 * The escape hatch: an expression written as text. Its references are not tracked by
 * the kit, so prefer handles; every emitted expression is still parsed and checked.
 */
export function raw<T = unknown>(text: string): Expr<T> {
  parseExpression(text);
  return new Expr<T>(text, [{ kind: "raw", text }]);
}

/** `a == b`. Comparing with a literal of the expression's own type is type-checked. */
export function eq<T>(a: Expr<T>, b: NoInfer<T> | Expr<NoInfer<T>>): Condition {
  return comparison(a, "==", b as Value, () => ne(a, b));
}

/** `a != b`. */
export function ne<T>(a: Expr<T>, b: NoInfer<T> | Expr<NoInfer<T>>): Condition {
  return comparison(a, "!=", b as Value, () => eq(a, b));
}

/**
 * `a < b` (numbers; strings compare case-insensitively). `not()` of an ordering stays
 * `!(…)`: a value that is not a number makes both `a < b` and `a >= b` false.
 */
export function lt<T extends number | string>(a: Expr<T>, b: NoInfer<T> | Expr<NoInfer<T>>): Condition {
  return ordering(a, "<", b);
}

/** `a <= b`. */
export function le<T extends number | string>(a: Expr<T>, b: NoInfer<T> | Expr<NoInfer<T>>): Condition {
  return ordering(a, "<=", b);
}

/** `a > b`. */
export function gt<T extends number | string>(a: Expr<T>, b: NoInfer<T> | Expr<NoInfer<T>>): Condition {
  return ordering(a, ">", b);
}

/** `a >= b`. */
export function ge<T extends number | string>(a: Expr<T>, b: NoInfer<T> | Expr<NoInfer<T>>): Condition {
  return ordering(a, ">=", b);
}

function ordering(a: Value, op: string, b: Value): Condition {
  const left = operand(a, Precedence.Comparison);
  const right = operand(b, Precedence.Comparison + 1);
  return new Expr<boolean>(`${left.text} ${op} ${right.text}`, [...left.refs, ...right.refs], Precedence.Comparison);
}

function comparison(a: Value, op: string, b: Value, negation: () => Condition): Condition {
  const left = operand(a, Precedence.Equality);
  const right = operand(b, Precedence.Equality + 1);
  return new Expr<boolean>(`${left.text} ${op} ${right.text}`, [...left.refs, ...right.refs], Precedence.Equality, negation);
}

/** Logical and of conditions; `and()` of one condition is that condition. */
export function and(...conditions: Condition[]): Condition {
  return logical("&&", Precedence.And, conditions);
}

/** Logical or of conditions. */
export function or(...conditions: Condition[]): Condition {
  return logical("||", Precedence.Or, conditions);
}

function logical(op: string, prec: Precedence, conditions: Condition[]): Condition {
  const [first, ...rest] = conditions;
  if (!first) throw new Error(`${op === "&&" ? "and" : "or"}() needs at least one condition`);
  if (rest.length === 0) return first;
  // Same-operator operands need no parentheses: && and || are associative.
  const parts = conditions.map((c) => operand(c, prec));
  return new Expr<boolean>(parts.map((p) => p.text).join(` ${op} `), parts.flatMap((p) => p.refs), prec);
}

/** Logical not; `not(a == b)` is written `a != b` and vice versa, which means the same. */
export function not(condition: Condition): Condition {
  if (condition.negation) return condition.negation();
  const inner = operand(condition, Precedence.Unary);
  return new Expr<boolean>(`!${inner.text}`, inner.refs, Precedence.Unary);
}

/** A call of a built-in function with tracked references. */
export function call<T>(name: string, ...args: (Value | null)[]): Expr<T> {
  const parts = args.map((a) => operand(a, Precedence.Or));
  return new Expr<T>(`${name}(${parts.map((p) => p.text).join(", ")})`, parts.flatMap((p) => p.refs));
}



/** `format('{0}…', …)`: builds a string from pieces without writing `${{` by hand. */
export function format(template: string, ...args: Value[]): Expr<string> {
  return call<string>("format", template, ...args);
}

/**
 * `a || b`: the first truthy of two values (used for defaults, e.g. `x || '{}'`).
 * A JSON output with a JSON fallback stays JSON text of its shape, for `fromJSON`.
 */
export function orElse<T>(value: JsonText<T>, fallback: string): JsonText<T>;
export function orElse<T>(value: Expr<T>, fallback: T | Expr<T>): Expr<T>;
export function orElse<T>(value: Expr<T>, fallback: T | Expr<T>): Expr<unknown> {
  const left = operand(value, Precedence.And);
  const right = operand(fallback as Value, Precedence.And);
  const text = `${left.text} || ${right.text}`;
  const refs = [...left.refs, ...right.refs];
  return value instanceof JsonText ? new JsonText(text, refs, Precedence.Or) : new Expr<T>(text, refs, Precedence.Or);
}

/**
 * `cond && a || b`: GitHub's ternary idiom. When `a` is falsy (empty, or null — a
 * payload field may be null) the result is `b`, whatever `cond` is.
 */
export function ifElse<T extends string | number | boolean>(cond: Condition, a: T | Expr<T | null>, b: T | Expr<T>): Expr<T> {
  const c = operand(cond, Precedence.And + 1);
  const left = operand(a as Value, Precedence.And + 1);
  const right = operand(b as Value, Precedence.And);
  return new Expr<T>(`${c.text} && ${left.text} || ${right.text}`, [...c.refs, ...left.refs, ...right.refs], Precedence.Or);
}

/** A JSON value read with `fromJSON`, whose properties and elements stay typed expressions. */
export class JsonExpr<T> extends Expr<T> {
  /**
   * Property access: `x.key` (or `x['key']` when the key is not an identifier). A value
   * that may be null (a pull request's `head.repo`, null for a deleted fork) is read
   * through as GitHub does: a property of null is null, so the result may be null too.
   */
  get<K extends keyof NonNullable<T> & string>(key: K): JsonExpr<NonNullable<T>[K] | Extract<T, null | undefined>> {
    const access = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? `.${key}` : `[${literalText(key)}]`;
    return new JsonExpr<NonNullable<T>[K] | Extract<T, null | undefined>>(`${operand(this, Precedence.Primary).text}${access}`, this.refs);
  }

  /** Element access: `x[i]`. */
  at<E>(this: JsonExpr<readonly E[]>, index: number): JsonExpr<E> {
    return new JsonExpr<E>(`${operand(this, Precedence.Primary).text}[${index}]`, this.refs);
  }
}

declare const jsonShape: unique symbol;

/**
 * A string expression whose value is JSON of a known shape `T`, such as an action's
 * JSON output; `fromJSON` of it is typed without the caller naming the shape.
 */
export class JsonText<T> extends Expr<string> {
  declare readonly [jsonShape]: T;
}

/** `fromJSON(text)` of a JSON output: typed by the shape the output declares. */
export function fromJSON<T>(text: JsonText<T>): JsonExpr<T>;
/** `fromJSON(text)`, typed by the shape the caller declares for the JSON. */
export function fromJSON<T>(text: Expr<string>): JsonExpr<T>;
export function fromJSON<T>(text: Expr<string>): JsonExpr<T> {
  const inner = call<string>("fromJSON", text);
  return new JsonExpr<T>(inner.text, inner.refs);
}

const statusCall = (name: "success" | "failure" | "always" | "cancelled"): Condition =>
  new Expr<boolean>(`${name}()`, [{ kind: "status", name }]);

/** Status functions. Using one replaces the implicit `success()` of an `if:`. */
export const status = {
  success: (): Condition => statusCall("success"),
  failure: (): Condition => statusCall("failure"),
  always: (): Condition => statusCall("always"),
  cancelled: (): Condition => statusCall("cancelled"),
} as const;

/** `hashFiles(pattern) != ''`: true when a file matching the pattern exists in the workspace. */
export function fileExists(pattern: string): Condition {
  return ne(call<string>("hashFiles", pattern), "");
}
