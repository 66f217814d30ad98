/**
 * Which steps and job outputs a condition reads (`steps.<id>…`, `needs.<job>.outputs.<name>`),
 * found by walking the parsed expression. The simulation uses it to tell the steps
 * that decide the path of a run from the ones that only do work.
 */
import type { Expr } from "@actions/expressions";
import { Binary, ContextAccess, FunctionCall, Grouping, IndexAccess, Literal, Logical, Unary } from "@actions/expressions/ast";
import { parseExpression, splitTemplate } from "../../workflows-src/kit/expression-syntax.ts";

/** A property path read by an expression, such as ["steps", "skip", "outputs", "skip_build"]. */
export type ReadPath = readonly string[];

function pathOf(node: Expr): string[] | undefined {
  if (node instanceof ContextAccess) return [node.name.lexeme];
  if (node instanceof IndexAccess) {
    const base = pathOf(node.expr);
    if (!base) return undefined;
    if (node.index instanceof Literal) return [...base, node.index.literal.coerceString()];
    return base;
  }
  return undefined;
}

function collect(node: Expr, into: string[][]): void {
  const path = pathOf(node);
  if (path) {
    into.push(path);
    if (node instanceof IndexAccess && !(node.index instanceof Literal)) collect(node.index, into);
    return;
  }
  if (node instanceof FunctionCall || node instanceof Logical) node.args.forEach((a) => collect(a, into));
  else if (node instanceof Binary) {
    collect(node.left, into);
    collect(node.right, into);
  } else if (node instanceof Unary) collect(node.expr, into);
  else if (node instanceof Grouping) collect(node.group, into);
  else if (node instanceof IndexAccess) {
    collect(node.expr, into);
    collect(node.index, into);
  }
}

/** Paths read by one expression text. */
export function readPaths(expression: string): ReadPath[] {
  const paths: string[][] = [];
  collect(parseExpression(expression), paths);
  return paths.map((p) => p.map((s, i) => (i === 0 ? s.toLowerCase() : s)));
}

/** Paths read by every `${{ }}` of a string value. */
export function templateReadPaths(value: string): ReadPath[] {
  return splitTemplate(value).flatMap((part) => (part.kind === "expression" ? readPaths(part.text) : []));
}
