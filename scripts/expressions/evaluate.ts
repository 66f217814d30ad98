/**
 * Evaluation of workflow expressions with GitHub's own evaluator. Contexts are
 * plain objects; the runner's status functions are supplied from the state of
 * the job (or of the needed jobs), and an `if:` without a status function gets
 * the implicit `success() &&` that GitHub adds.
 */
import { data, Evaluator, type Expr as ExpressionAst } from "@actions/expressions";
import { ContextAccess, FunctionCall } from "@actions/expressions/ast";
import type { FunctionDefinition } from "@actions/expressions/funcs/info";
import { truthy } from "@actions/expressions/result";
import { parseExpression, splitTemplate } from "../../workflows-src/kit/expression-syntax.ts";

/** What the status functions answer: whether an earlier step (or a needed job) failed or the run was cancelled. */
export interface RunState {
  failed: boolean;
  cancelled: boolean;
  /** Job conditions: a needed job (directly or not) was skipped, so success() is false while failure() is not true. */
  dependencySkipped?: boolean;
}

function succeeded(state: RunState): boolean {
  return !state.failed && !state.cancelled && !state.dependencySkipped;
}

/** Plain-object contexts by name (`github`, `steps`, `needs`, `env`, …). */
export type Contexts = Record<string, unknown>;

/** Calls `visit` on every node of an expression's tree (tokens are not nodes). */
function forEachNode(ast: ExpressionAst, visit: (node: object) => boolean | void): void {
  const walk = (node: unknown): boolean => {
    if (!node || typeof node !== "object") return false;
    if (visit(node) === true) return true;
    for (const child of Object.values(node)) {
      if (Array.isArray(child) ? child.some(walk) : child && typeof child === "object" && !("lexeme" in child) && walk(child)) return true;
    }
    return false;
  };
  walk(ast);
}

/** A context as the evaluator's typed data. */
function converted(value: unknown): data.ExpressionData {
  // The library's reviver turns plain JSON into its typed expression data.
  return JSON.parse(JSON.stringify(value), data.reviver) as data.ExpressionData;
}

/**
 * A context converted once, for a caller that evaluates many expressions against it:
 * pass it in `Contexts` in place of the plain object, and change neither afterwards.
 * (The simulation converts each job's `github`, event payload included, once.)
 */
export function convertedContext(value: object): data.Dictionary {
  return converted(value) as data.Dictionary;
}

/** An expression parsed, with the contexts it names (lower case) and whether it calls a status function. */
interface Parsed {
  readonly ast: ExpressionAst;
  readonly named: ReadonlySet<string>;
  readonly callsStatus: boolean;
}

/** Parsed expressions by text: a simulation evaluates the same few texts for every job, step and scenario. */
const parsedTexts = new Map<string, Parsed>();
const MAX_REMEMBERED_TEXTS = 10_000;

// The tree is only read by the evaluator, never changed, so one parse serves every evaluation of a text.
function parsed(text: string): Parsed {
  let found = parsedTexts.get(text);
  if (!found) {
    const ast = parseExpression(text);
    const named = new Set<string>();
    forEachNode(ast, (node) => void (node instanceof ContextAccess && named.add(node.name.lexeme.toLowerCase())));
    found = { ast, named, callsStatus: callsStatusFunction(ast) };
    if (parsedTexts.size >= MAX_REMEMBERED_TEXTS) parsedTexts.clear();
    parsedTexts.set(text, found);
  }
  return found;
}

/**
 * The contexts an expression names, as the evaluator's typed data. Only those: the
 * evaluator reaches a context only through its name in the expression (names are
 * case-insensitive), and converting the others for every expression cost most of a
 * simulation's time in its own process.
 */
function toData(contexts: Contexts, named: ReadonlySet<string>): data.Dictionary {
  const dictionary = new data.Dictionary();
  for (const [name, value] of Object.entries(contexts)) {
    // An absent context stays absent, as JSON leaves out an undefined value.
    if (value === undefined || !named.has(name.toLowerCase())) continue;
    dictionary.add(name, value instanceof data.Dictionary ? value : converted(value));
  }
  return dictionary;
}

/** Functions beyond the status functions that a caller supplies (the simulation's `hashFiles`), by lower-case name. */
export type ExtraFunctions = ReadonlyMap<string, FunctionDefinition>;

function statusFunctions(state: RunState, extra: ExtraFunctions = new Map()): Map<string, FunctionDefinition> {
  const fn = (name: string, value: () => boolean): [string, FunctionDefinition] => [
    name.toLowerCase(),
    { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(value()) },
  ];
  return new Map([
    fn("success", () => succeeded(state)),
    fn("failure", () => state.failed),
    fn("always", () => true),
    fn("cancelled", () => state.cancelled),
    ...extra,
  ]);
}

/** Evaluates one expression (the text between `${{` and `}}`) to its typed value. */
export function evaluateExpression(text: string, contexts: Contexts, state: RunState = { failed: false, cancelled: false }, extra?: ExtraFunctions): data.ExpressionData {
  const { ast, named } = parsed(text);
  return new Evaluator(ast, toData(contexts, named), statusFunctions(state, extra)).evaluate();
}

/** True when the expression calls a status function anywhere (then GitHub adds no implicit `success()`). */
export function callsStatusFunction(ast: ExpressionAst): boolean {
  let found = false;
  forEachNode(ast, (node) => (found = node instanceof FunctionCall && ["success", "failure", "always", "cancelled"].includes(node.functionName.lexeme.toLowerCase())));
  return found;
}

/** The expression text of an `if:` value: `${{ x }}` and bare `x` both give `x`; absent gives `success()`. */
export function conditionText(value: unknown): string {
  if (value === undefined || value === null) return "success()";
  if (typeof value === "boolean") return String(value);
  const text = String(value).trim();
  const parts = splitTemplate(text);
  const only = parts.length === 1 ? parts[0] : undefined;
  return only?.kind === "expression" ? only.text : text;
}

/**
 * Decides an `if:` as the runner does: a missing condition means `success()`; a
 * condition without a status function means `success() && (condition)`; a value
 * written as `${{ … }}` is unwrapped; the result is converted by truthiness.
 */
export function evaluateCondition(condition: string | boolean | undefined, contexts: Contexts, state: RunState, extra?: ExtraFunctions): boolean {
  if (condition === undefined) return succeeded(state);
  if (typeof condition === "boolean") return condition && succeeded(state);
  const { ast, named, callsStatus } = parsed(conditionText(condition));
  const value = truthy(new Evaluator(ast, toData(contexts, named), statusFunctions(state, extra)).evaluate());
  return callsStatus ? value : value && succeeded(state);
}
