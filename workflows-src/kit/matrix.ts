/**
 * `strategy.matrix` with typed axes. `matrix({ os: [...], node: [...] }, { include,
 * exclude })` gives `m.os`, `m.node` (and the keys `include` adds) as expressions
 * typed by their values; `exclude` may name only declared axes and values. A job
 * reads the matrix only of its own strategy. A matrix computed at run time
 * (`${{ fromJSON(…) }}`) is declared with `matrixFrom`, naming the axes it reads.
 */
import { Expr, JsonExpr } from "./expr.ts";
import { toModel, type ModelValue } from "./model.ts";

/** A value a matrix axis may take. */
export type Configuration = string | number | boolean | null | readonly Configuration[] | { readonly [key: string]: Configuration };

/** Axes by name: the list of values, or an expression that yields the list. */
export type Axes = Readonly<Record<string, readonly Configuration[] | Expr<readonly Configuration[]>>>;

/** An `include` or `exclude` entry. */
export type MatrixEntry = Readonly<Record<string, Configuration | Expr>>;

type AxisValue<A, K extends PropertyKey> = K extends keyof A ? (A[K] extends readonly (infer V)[] ? V : A[K] extends Expr<readonly (infer V)[]> ? V : never) : never;
type IncludeKeys<I> = I extends readonly (infer E)[] ? (E extends unknown ? keyof E & string : never) : never;
type IncludeValue<I, K extends PropertyKey> = I extends readonly (infer E)[] ? (E extends { readonly [P in K]: infer V } ? (V extends Expr<infer T> ? T : V) : never) : never;

/** `matrix.<axis>` of each axis, typed by the values the axis and `include` give it. */
export type MatrixValues<A, I> = { readonly [K in (keyof A & string) | IncludeKeys<I>]: JsonExpr<AxisValue<A, K> | IncludeValue<I, K>> };

/** An `exclude` entry: declared axes with their declared values. */
export type ExcludeEntry<A> = { readonly [K in keyof A]?: AxisValue<A, K> };

const modelKey = Symbol("matrix model");

/** A declared matrix: its `matrix.<axis>` expressions, and its model for `strategy.matrix`. */
export type Matrix<V = Readonly<Record<string, Expr>>> = V & { readonly [modelKey]: ModelValue };

/**
 * Declares a matrix: `axes` are the lists, `include` adds combinations (and keys),
 * `exclude` removes them.
 * @example const m = matrix({ os: ["ubuntu-latest", "macos-latest"], node: [20, 22] }, { exclude: [{ os: "macos-latest", node: 20 }] });
 */
export function matrix<const A extends Axes, const I extends readonly MatrixEntry[] = readonly []>(
  axes: A,
  options: { readonly include?: I | Expr<readonly MatrixEntry[]>; readonly exclude?: readonly ExcludeEntry<A>[] | Expr<readonly MatrixEntry[]> } = {},
): Matrix<MatrixValues<A, I>> {
  const names = new Set<string>(Object.keys(axes));
  if (Array.isArray(options.include)) for (const entry of options.include as readonly MatrixEntry[]) for (const key of Object.keys(entry)) names.add(key);
  const model = toModel({ ...axes, include: options.include, exclude: options.exclude });
  return declared([...names], model) as Matrix<MatrixValues<A, I>>;
}

/**
 * A matrix computed at run time: `strategy.matrix` is the expression (usually
 * `fromJSON(…)` of a job output), and `axes` names the keys the job reads, typed by `T`.
 * @example const m = matrixFrom<{ target: string }>(fromJSON(needs(plan).outputs.targets), ["target"]);
 */
export function matrixFrom<T extends Readonly<Record<string, unknown>>>(expression: Expr, axes: readonly (keyof T & string)[]): Matrix<{ readonly [K in keyof T & string]: JsonExpr<T[K]> }> {
  return declared(axes, expression.toString()) as Matrix<{ readonly [K in keyof T & string]: JsonExpr<T[K]> }>;
}

function declared(names: readonly string[], model: ModelValue): Matrix {
  const handle: Record<string | symbol, unknown> = { [modelKey]: model };
  for (const name of names) handle[name] = new JsonExpr(`matrix.${name}`, [{ kind: "matrix", owner: handle, name }]);
  return handle as Matrix;
}

/**
 * The `strategy.matrix` value of a declared matrix.
 * @internal used by jobs.
 */
export function matrixModel(declaredMatrix: Matrix<object>): ModelValue {
  return declaredMatrix[modelKey];
}
