/**
 * The context values a piece of workflow text reads: the property path of every
 * context access in its expressions, found with GitHub's parser (a condition is an
 * expression even without `${{ }}`). The importer uses them to know which step
 * outputs and matrix axes a job reads before it writes the job.
 */
import { ContextAccess, FunctionCall, IndexAccess, Literal, Logical, Unary, Binary, Grouping, type Expr as Ast } from "@actions/expressions/ast";
import { parseExpression, splitTemplate } from "../../workflows-src/kit/expression-syntax.ts";

/** Property paths read by a string value (`isCondition` for an `if:`, which needs no `${{ }}`). */
export function accessPaths(text: string, isCondition = false): (string | number)[][] {
  const sources: string[] = [];
  try {
    if (isCondition && !text.includes("${{")) sources.push(text);
    else for (const part of splitTemplate(text)) if (part.kind === "expression") sources.push(part.text);
  } catch {
    return [];
  }
  const paths: (string | number)[][] = [];
  for (const source of sources) {
    let ast: Ast;
    try {
      ast = parseExpression(source);
    } catch {
      continue;
    }
    collect(ast, paths);
  }
  return paths;
}

function collect(node: Ast, paths: (string | number)[][]): void {
  const path = pathOf(node);
  if (path) return void paths.push(path);
  if (node instanceof IndexAccess) {
    collect(node.expr, paths);
    collect(node.index, paths);
  } else if (node instanceof Unary) collect(node.expr, paths);
  else if (node instanceof Binary) {
    collect(node.left, paths);
    collect(node.right, paths);
  } else if (node instanceof Logical) node.args.forEach((arg) => collect(arg, paths));
  else if (node instanceof Grouping) collect(node.group, paths);
  else if (node instanceof FunctionCall) node.args.forEach((arg) => collect(arg, paths));
}

/** The longest plain property path of an access (`a.b['c'][0]`), or undefined when an index is computed. */
function pathOf(node: Ast): (string | number)[] | undefined {
  if (node instanceof ContextAccess) return [node.name.lexeme];
  if (!(node instanceof IndexAccess) || !(node.index instanceof Literal)) return undefined;
  const base = pathOf(node.expr);
  const value = (node.index.literal as unknown as { value: unknown }).value;
  return base && (typeof value === "string" || typeof value === "number") ? [...base, value] : undefined;
}

/**
 * Calls `visit` with each path read anywhere in a workflow value (keys named `if`
 * are conditions).
 */
export function visitExpressions(value: unknown, visit: (path: readonly (string | number)[]) => void, key = ""): void {
  if (typeof value === "string") for (const path of accessPaths(value, key === "if")) visit(path);
  else if (Array.isArray(value)) for (const item of value) visitExpressions(item, visit);
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) visitExpressions(v, visit, k);
}
