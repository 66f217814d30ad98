/**
 * The built-in functions of workflow expressions that take and return values:
 * string tests, `join`, `toJSON` and `hashFiles` (`format`, `fromJSON` and the status
 * functions live with the operators in `expr.ts`). Each is a typed call whose
 * arguments keep their references.
 */
import { call, type Condition, type Expr } from "./expr.ts";

/** A string argument: literal text or a string expression. */
export type StringArgument = string | Expr<string>;

/**
 * `contains(search, item)`: true when the string `search` contains `item`
 * (case-insensitively) or the array `search` has an element equal to it.
 */
export function contains(search: StringArgument | Expr<readonly unknown[]>, item: string | number | boolean | Expr): Condition {
  return call<boolean>("contains", search, item);
}

/** `startsWith(text, prefix)`, case-insensitive. */
export function startsWith(text: StringArgument, prefix: StringArgument): Condition {
  return call<boolean>("startsWith", text, prefix);
}

/** `endsWith(text, suffix)`, case-insensitive. */
export function endsWith(text: StringArgument, suffix: StringArgument): Condition {
  return call<boolean>("endsWith", text, suffix);
}

/** `join(array, separator)`: the elements as one string (separator `,` when omitted). */
export function join(array: Expr<readonly unknown[]> | Expr<string>, separator?: StringArgument): Expr<string> {
  return separator === undefined ? call<string>("join", array) : call<string>("join", array, separator);
}

/** `toJSON(value)`: the value as pretty-printed JSON text. */
export function toJSON(value: Expr): Expr<string> {
  return call<string>("toJSON", value);
}

/** `hashFiles(pattern, …)`: one SHA-256 of the workspace files matching the patterns, or `''` when none match. */
export function hashFiles(pattern: StringArgument, ...more: StringArgument[]): Expr<string> {
  return call<string>("hashFiles", pattern, ...more);
}
