/**
 * What the runner does with values before a step runs: the text of an `if:`
 * (`${{ x }}` and bare `x` alike) and `${{ }}` substitution in strings (`with:`,
 * `env:`, `run:`, job outputs). Evaluation itself, and what an `if:` means, is
 * scripts/expressions/evaluate.ts.
 */
import { data } from "@actions/expressions";
import { splitTemplate } from "../../workflows-src/kit/expression-syntax.ts";
import { evaluateExpression, type Contexts, type ExtraFunctions, type RunState } from "../expressions/evaluate.ts";

function asString(value: data.ExpressionData): string {
  if (value instanceof data.Dictionary || value instanceof data.Array) return JSON.stringify(value, data.replacer, 2);
  return value.coerceString();
}

/** Substitutes every `${{ }}` in a string value, as the runner does before a step runs. */
export function evaluateTemplate(value: string, contexts: Contexts, state: RunState, extra?: ExtraFunctions): string {
  return splitTemplate(value)
    .map((part) => (part.kind === "text" ? part.text : asString(evaluateExpression(part.text, contexts, state, extra))))
    .join("");
}

/** Evaluates any YAML scalar the way a string input sees it (numbers and booleans as their text). */
export function evaluateScalar(value: unknown, contexts: Contexts, state: RunState, extra?: ExtraFunctions): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return evaluateTemplate(value, contexts, state, extra);
  return String(value);
}
