/**
 * The one place where workflow expressions are parsed. It wraps GitHub's own
 * lexer and parser (`@actions/expressions`) so that the kit, the rules and the
 * simulation agree on what an expression is; nothing in the project reads
 * `${{ }}` with a regular expression.
 */
import { Lexer, Parser, type Expr as ExpressionAst } from "@actions/expressions";
import type { FunctionInfo } from "@actions/expressions/funcs/info";

/** Every context a workflow expression may name (availability per key is a rule's business). */
export const CONTEXT_NAMES = [
  "github",
  "env",
  "vars",
  "job",
  "jobs",
  "steps",
  "runner",
  "secrets",
  "strategy",
  "matrix",
  "needs",
  "inputs",
] as const;

/** Functions the runner adds on top of the language's built-ins. */
export const RUNNER_FUNCTIONS: FunctionInfo[] = [
  { name: "success", minArgs: 0, maxArgs: 0 },
  { name: "failure", minArgs: 0, maxArgs: 0 },
  { name: "always", minArgs: 0, maxArgs: 0 },
  { name: "cancelled", minArgs: 0, maxArgs: 0 },
  { name: "hashFiles", minArgs: 1, maxArgs: 255 },
];

/** Parses the text of one expression (what stands between `${{` and `}}`); throws on a syntax error. */
export function parseExpression(text: string): ExpressionAst {
  const { tokens } = new Lexer(text).lex();
  return new Parser(tokens, [...CONTEXT_NAMES], RUNNER_FUNCTIONS).parse();
}

/** A piece of a string value: literal text, or the text of one `${{ }}` expression. */
export type TemplatePart = { kind: "text"; text: string } | { kind: "expression"; text: string };

/**
 * Splits a string value into literal text and `${{ }}` expressions. The end of an
 * expression is the first `}}` outside a single-quoted string literal, which is how
 * the runner finds it too. An unterminated `${{` is an error.
 */
export function splitTemplate(value: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let cursor = 0;
  for (;;) {
    const open = value.indexOf("${{", cursor);
    if (open < 0) break;
    if (open > cursor) parts.push({ kind: "text", text: value.slice(cursor, open) });
    const close = findExpressionEnd(value, open + 3);
    if (close < 0) throw new Error(`unterminated "\${{" at offset ${open}`);
    parts.push({ kind: "expression", text: value.slice(open + 3, close).trim() });
    cursor = close + 2;
  }
  if (cursor < value.length) parts.push({ kind: "text", text: value.slice(cursor) });
  return parts;
}

function findExpressionEnd(value: string, from: number): number {
  let inString = false;
  for (let i = from; i < value.length; i++) {
    const ch = value[i];
    if (inString) {
      if (ch === "'") {
        if (value[i + 1] === "'") i++;
        else inString = false;
      }
    } else if (ch === "'") {
      inString = true;
    } else if (ch === "}" && value[i + 1] === "}") {
      return i;
    }
  }
  return -1;
}

/** True when the value holds at least one `${{ }}` expression. */
export function containsExpression(value: string): boolean {
  return splitTemplate(value).some((part) => part.kind === "expression");
}
