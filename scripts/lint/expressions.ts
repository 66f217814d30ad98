/**
 * The expressions of a workflow value as the rules need them: parsed by GitHub's
 * parser (through the kit's expression-syntax module) and reduced to the context
 * paths they read (`steps.meta.outputs.json`).
 */
import { data, type Expr as ExpressionAst } from "@actions/expressions";
import { ContextAccess, IndexAccess, Literal, Star } from "@actions/expressions/ast";
import { parseExpression, splitTemplate } from "../../workflows-src/kit/expression-syntax.ts";
import type { ScalarEntry } from "./walk.ts";

/** One parsed `${{ }}` (or a whole `if:`) of a value. */
export interface ParsedExpression {
  readonly text: string;
  readonly ast: ExpressionAst;
}

/** A context path an expression reads: `["steps", "meta", "outputs", "json"]`, cut at the first non-literal index (`*` for a filter). */
export interface ContextPath {
  readonly segments: readonly string[];
  /** Dotted form, e.g. `steps.meta.outputs.json`. */
  readonly text: string;
}

/**
 * The expressions of a scalar. An `if:` without `${{ }}` is one expression; other
 * values hold expressions only inside `${{ }}`. Parts that do not parse are left
 * out (the workflow parser reports them), so rules see only well-formed input.
 */
export function expressionsOf(entry: Pick<ScalarEntry, "value" | "isCondition">): readonly ParsedExpression[] {
  const { value, isCondition } = entry;
  // Most values hold no expression: they are not looked up (a long script would be hashed for each rule).
  if (typeof value !== "string" || (!isCondition && !value.includes("${{"))) return [];
  const cache = isCondition ? parsedConditions : parsedValues;
  let parsed = cache.get(value);
  if (!parsed) cache.set(value, (parsed = parseValue(value, isCondition)));
  return parsed;
}

/** Parsed expressions by value and by condition: every rule reads the same values, so each is parsed once. */
const parsedValues = new Map<string, ParsedExpression[]>();
const parsedConditions = new Map<string, ParsedExpression[]>();

function parseValue(value: string, isCondition: boolean): ParsedExpression[] {
  let texts: string[];
  try {
    texts = isCondition && !value.includes("${{") ? [value] : splitTemplate(value).flatMap((p) => (p.kind === "expression" ? [p.text] : []));
  } catch {
    return [];
  }
  return texts.flatMap((text) => {
    try {
      // An empty `${{ }}` parses to nothing; GitHub's workflow parser reports it.
      const ast = parseExpression(text) as ExpressionAst | undefined;
      return ast ? [{ text, ast }] : [];
    } catch {
      return [];
    }
  });
}

/** Parses an `if:` value (with or without `${{ }}`); a boolean literal becomes a literal expression; undefined when absent or malformed. */
export function conditionOf(value: unknown): ExpressionAst | undefined {
  if (typeof value === "boolean") return parseExpression(String(value));
  if (typeof value === "number") return parseExpression(value === 0 ? "false" : "true");
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  const parts = expressionsOf({ value: trimmed, isCondition: true });
  // `${{ a }}` alone is the expression; `${{ a }} && b` mixed with text is a string, which the runner treats as true when non-empty.
  if (trimmed.startsWith("${{") && trimmed.endsWith("}}") && parts.length === 1) return parts[0]?.ast;
  if (!trimmed.includes("${{")) return parts[0]?.ast;
  return parseExpression(trimmed.length ? "true" : "false");
}

/** Every context path an expression reads, outermost access first. */
export function contextPathsOf(ast: ExpressionAst): readonly ContextPath[] {
  let found = pathsRead.get(ast);
  if (!found) pathsRead.set(ast, (found = readPaths(ast)));
  return found;
}

/** Context paths by expression: the parsed expressions are shared (see expressionsOf), and so is what they read. */
const pathsRead = new WeakMap<ExpressionAst, readonly ContextPath[]>();

function readPaths(ast: ExpressionAst): ContextPath[] {
  const found: ContextPath[] = [];
  const visit = (node: ExpressionAst): void => {
    const chain = accessChain(node);
    if (chain) {
      found.push({ segments: chain.segments, text: chain.segments.join(".") });
      chain.dynamic.forEach(visit);
      return;
    }
    for (const child of childrenOf(node)) visit(child);
  };
  visit(ast);
  return found;
}

/** Context paths read by every expression of a scalar. */
export function contextPathsOfValue(entry: Pick<ScalarEntry, "value" | "isCondition">): readonly ContextPath[] {
  return expressionsOf(entry).flatMap((e) => contextPathsOf(e.ast));
}

/** The direct sub-expressions of a node (public fields of GitHub's AST classes). */
export function childrenOf(node: ExpressionAst): ExpressionAst[] {
  const fields = node as unknown as Record<string, unknown>;
  const children: ExpressionAst[] = [];
  for (const key of ["left", "right", "expr", "group", "index"]) {
    const child = fields[key];
    if (child && typeof child === "object" && "accept" in child) children.push(child as ExpressionAst);
  }
  const args = fields["args"];
  if (Array.isArray(args)) children.push(...(args as ExpressionAst[]));
  return children;
}

/**
 * A chain of accesses rooted at a context (`steps.meta.outputs['json']`): its literal
 * segments up to the first computed or numeric index (`cut` from there on), and the
 * computed indexes, which are visited on their own. Undefined when the node is not
 * such a chain.
 */
function accessChain(node: ExpressionAst): { segments: string[]; dynamic: ExpressionAst[]; cut: boolean } | undefined {
  if (node instanceof ContextAccess) return { segments: [node.name.lexeme.toLowerCase()], dynamic: [], cut: false };
  if (!(node instanceof IndexAccess)) return undefined;
  const inner = accessChain(node.expr);
  if (!inner) return undefined;
  const index = node.index;
  if (!inner.cut && index instanceof Literal && index.literal.kind === data.Kind.String) {
    return { ...inner, segments: [...inner.segments, index.literal.coerceString()] };
  }
  const dynamic = index instanceof Literal || index instanceof Star ? inner.dynamic : [...inner.dynamic, index];
  return { segments: inner.segments, dynamic, cut: true };
}
