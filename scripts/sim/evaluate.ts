/**
 * Evaluates workflow expressions the way the runner does: `if:` conditions with the
 * status functions (`success()`, `failure()`, `always()`, `cancelled()`) and the
 * implicit `success() && (…)` around a condition that calls none of them, and
 * `${{ }}` templates in strings. Parsing goes through the project's expression-syntax
 * module; evaluation is GitHub's own evaluator with the status functions supplied.
 */
import { data, Evaluator, type Expr } from "@actions/expressions";
import { FunctionCall, Binary, Grouping, IndexAccess, Logical, Unary } from "@actions/expressions/ast";
import type { FunctionDefinition } from "@actions/expressions/funcs/info";
import { truthy } from "@actions/expressions/result";
import { parseExpression, splitTemplate } from "../../workflows-src/kit/expression-syntax.ts";

/**
 * What the status functions return. In a step: nothing before failed (success) or
 * something did (failure). In a job: every job it depends on, directly or not,
 * succeeded (success), or one of them failed (failure); a skipped one makes success()
 * false without making failure() true.
 */
export interface Status {
  readonly success: boolean;
  readonly failure: boolean;
  readonly cancelled: boolean;
}

/** Context name → plain JSON-like value. */
export type Contexts = Readonly<Record<string, unknown>>;

const STATUS_FUNCTIONS = new Set(["success", "failure", "always", "cancelled"]);

function toData(value: unknown): data.ExpressionData {
  return JSON.parse(JSON.stringify(value ?? null), data.reviver) as data.ExpressionData;
}

function dictionary(contexts: Contexts): data.Dictionary {
  const dict = new data.Dictionary();
  for (const [name, value] of Object.entries(contexts)) dict.add(name, toData(value));
  return dict;
}

function functions(status: Status): Map<string, FunctionDefinition> {
  const fn = (name: string, call: () => boolean): [string, FunctionDefinition] => [name, { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(call()) }];
  return new Map([
    fn("success", () => status.success),
    fn("failure", () => status.failure),
    fn("always", () => true),
    fn("cancelled", () => status.cancelled),
    ["hashfiles", { name: "hashFiles", minArgs: 1, maxArgs: 255, call: () => new data.StringData("") }],
  ]);
}

/** True when the expression calls one of the status functions anywhere. */
export function callsStatusFunction(node: Expr): boolean {
  if (node instanceof FunctionCall) return STATUS_FUNCTIONS.has(node.functionName.lexeme.toLowerCase()) || node.args.some(callsStatusFunction);
  if (node instanceof Logical) return node.args.some(callsStatusFunction);
  if (node instanceof Binary) return callsStatusFunction(node.left) || callsStatusFunction(node.right);
  if (node instanceof Unary) return callsStatusFunction(node.expr);
  if (node instanceof Grouping) return callsStatusFunction(node.group);
  if (node instanceof IndexAccess) return callsStatusFunction(node.expr) || callsStatusFunction(node.index);
  return false;
}

/** The expression text of an `if:` value: `${{ x }}` and bare `x` both give `x`; absent gives `success()`. */
export function conditionText(value: unknown): string {
  if (value === undefined || value === null) return "success()";
  if (typeof value === "boolean") return String(value);
  const text = String(value);
  const parts = splitTemplate(text);
  const expressions = parts.filter((p) => p.kind === "expression");
  const literal = parts.filter((p) => p.kind === "text").map((p) => p.text).join("").trim();
  if (expressions.length === 0) return text.trim();
  if (expressions.length === 1 && literal === "") return expressions[0]!.text;
  throw new Error(`condition "${text}" mixes text and expressions; write it as one expression`);
}

function toDisplay(value: data.ExpressionData): string {
  if (value instanceof data.Dictionary || value instanceof data.Array) return JSON.stringify(value, data.replacer, 2);
  return value.coerceString();
}

/** Evaluates one expression (the text between `${{` and `}}`). */
export function evaluateExpression(text: string, contexts: Contexts, status: Status): data.ExpressionData {
  return new Evaluator(parseExpression(text), dictionary(contexts), functions(status)).evaluate();
}

/** Evaluates an `if:` condition, adding the implicit `success() &&` when it calls no status function. */
export function evaluateCondition(value: unknown, contexts: Contexts, status: Status): { readonly result: boolean; readonly condition: string; readonly implicitSuccess: boolean } {
  const condition = conditionText(value);
  const implicitSuccess = !callsStatusFunction(parseExpression(condition));
  const effective = implicitSuccess ? `success() && (${condition})` : condition;
  const result = truthy(new Evaluator(parseExpression(effective), dictionary(contexts), functions(status)).evaluate());
  return { result, condition, implicitSuccess };
}

/** Substitutes every `${{ }}` in a string value, as the runner does before a step runs. */
export function evaluateTemplate(value: string, contexts: Contexts, status: Status): string {
  return splitTemplate(value)
    .map((part) => (part.kind === "text" ? part.text : toDisplay(evaluateExpression(part.text, contexts, status))))
    .join("");
}

/** Evaluates any YAML scalar the way a string input sees it (numbers and booleans as their text). */
export function evaluateScalar(value: unknown, contexts: Contexts, status: Status): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return evaluateTemplate(value, contexts, status);
  return String(value);
}
