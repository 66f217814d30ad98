/**
 * One workflow expression as kit code. The expression is parsed with GitHub's parser
 * and rebuilt from the kit's typed pieces (contexts, handles, operators, functions);
 * the rebuilt kit expression must print exactly the original text and type-check as
 * the kit declares its pieces, else the importer writes `raw("…")` and reports it.
 * So an import never changes what the workflow file holds, and never writes code the
 * compiler refuses.
 */
import { Binary, ContextAccess, FunctionCall, Grouping, IndexAccess, Literal, Logical, Unary, type Expr as Ast } from "@actions/expressions/ast";
import { parseExpression } from "../../workflows-src/kit/expression-syntax.ts";
import { and, call, eq, Expr, ge, gt, JsonExpr, le, lt, ne, not, or, orElse, status } from "../../workflows-src/kit/expr.ts";
import { contextCode, type KitType } from "./kit-contexts.ts";
import { stringLiteral } from "../actions/code-text.ts";
import { pathText } from "../files/yaml-path.ts";

/** What an expression reads, resolved to the handles of the module being written. */
export interface ExpressionScope {
  /** `steps.<id>`: the step's variable and its declared outputs (undefined: any output may be read). */
  readonly steps: ReadonlyMap<string, { readonly variable: string; readonly outputs: ReadonlySet<string> | undefined }>;
  /** `needs.<id>`: the needed job's variable and its outputs. */
  readonly needs: ReadonlyMap<string, { readonly variable: string; readonly outputs: ReadonlySet<string> }>;
  /** `jobs.<id>` (in workflow_call outputs only). */
  readonly jobs: ReadonlyMap<string, { readonly variable: string; readonly outputs: ReadonlySet<string> }>;
  /** `inputs.<name>`: the accessor's code and type. */
  readonly inputs: ReadonlyMap<string, { readonly code: string; readonly type: KitType }>;
  /** `secrets.<name>` declared by this workflow's workflow_call: the accessor's code. */
  readonly callSecrets: ReadonlyMap<string, string>;
  /** The job's matrix: its variable and the type of each axis. */
  readonly matrix: { readonly variable: string; readonly axes: ReadonlyMap<string, KitType> } | undefined;
  /** `job.services.<id>`: the service's variable. */
  readonly services: ReadonlyMap<string, string>;
}

/** An empty scope: only contexts that need no handle. */
export const NO_HANDLES: ExpressionScope = {
  steps: new Map(),
  needs: new Map(),
  jobs: new Map(),
  inputs: new Map(),
  callSecrets: new Map(),
  matrix: undefined,
  services: new Map(),
};

/** An expression as code: typed, or raw when the kit cannot reproduce it. */
export interface ExpressionCode {
  readonly code: string;
  readonly type: KitType;
  /** Why it is raw, when it is. */
  readonly raw?: string;
  /** Kit names the code uses. */
  readonly imports: ReadonlySet<string>;
  /** Handles whose outputs the code reads (step variables), for guards. */
  readonly readsSteps: ReadonlySet<string>;
  /** Step variables the code names (status or outputs). */
  readonly steps: ReadonlySet<string>;
  /** Whether it calls a status function (replacing the implicit success()). */
  readonly usesStatus: boolean;
}

/** A typed piece: its code, a stand-in kit expression (for the printed text), and its type. */
interface Piece {
  code: string;
  kit: Expr | string | number | boolean | null;
  type: KitType;
}

class Untypable extends Error {}

/**
 * The code of the expression `text` (what stands between `${{` and `}}`).
 * @param want the type the place needs (`boolean` for conditions), or undefined for any
 */
export function expressionCode(text: string, scope: ExpressionScope, want?: "boolean" | "string" | "number"): ExpressionCode {
  const imports = new Set<string>();
  const readsSteps = new Set<string>();
  const steps = new Set<string>();
  let usesStatus = false;
  const rawCode = (reason: string): ExpressionCode => {
    const typeArgument = want === undefined ? "" : `<${want}>`;
    return { code: `raw${typeArgument}(${stringLiteral(text)})`, type: want ? { kind: want } : { kind: "unknown" }, raw: reason, imports: new Set(["raw"]), readsSteps: new Set(), steps: new Set(), usesStatus: false };
  };
  let ast: Ast;
  try {
    ast = parseExpression(text);
  } catch (error) {
    throw new Error(`expression "${text}" does not parse: ${(error as Error).message}`);
  }
  const use = (name: string): string => {
    imports.add(name);
    return name;
  };

  const piece = (node: Ast): Piece => {
    if (node instanceof Literal) return literalPiece(node);
    if (node instanceof Grouping) throw new Untypable("redundant parentheses");
    if (node instanceof Unary) {
      const inner = piece(node.expr);
      if (!isBoolean(inner.type) || !(inner.kit instanceof Expr)) throw new Untypable("! of a value that is not a condition");
      return { code: `${use("not")}(${inner.code})`, kit: not(inner.kit as Expr<boolean>), type: { kind: "boolean" } };
    }
    if (node instanceof Logical) return logicalPiece(node);
    if (node instanceof Binary) return comparisonPiece(node);
    if (node instanceof FunctionCall) return functionPiece(node);
    if (node instanceof ContextAccess || node instanceof IndexAccess) return accessPiece(node);
    throw new Untypable("a construct the kit does not type");
  };

  const literalPiece = (node: Literal): Piece => {
    const value = (node.literal as unknown as { value: unknown }).value;
    if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      return { code: typeof value === "string" ? stringLiteral(value) : String(value), kit: value, type: literalType(value) };
    }
    throw new Untypable("a literal the kit does not write");
  };

  const logicalPiece = (node: Logical): Piece => {
    const operator = node.operator.lexeme;
    const parts = node.args.map(piece);
    if (parts.every((p) => isBoolean(p.type) && p.kit instanceof Expr)) {
      const fn = operator === "&&" ? "and" : "or";
      const kit = (operator === "&&" ? and : or)(...parts.map((p) => p.kit as Expr<boolean>));
      return { code: `${use(fn)}(${parts.map((p) => p.code).join(", ")})`, kit, type: { kind: "boolean" } };
    }
    if (operator === "||" && parts.length === 2 && parts[0]!.kit instanceof Expr && assignable(parts[1]!, parts[0]!.type)) {
      const [left, right] = parts as [Piece, Piece];
      return { code: `${use("orElse")}(${left.code}, ${right.code})`, kit: orElse(left.kit as Expr, right.kit as Expr), type: left.type };
    }
    throw new Untypable(`${operator} of values that are not conditions`);
  };

  const comparisonPiece = (node: Binary): Piece => {
    const operator = node.operator.lexeme;
    const left = piece(node.left);
    const right = piece(node.right);
    if (!(left.kit instanceof Expr)) throw new Untypable("a comparison whose left side is a literal");
    const functions = { "==": eq, "!=": ne, "<": lt, "<=": le, ">": gt, ">=": ge } as const;
    const names = { "==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge" } as const;
    const fn = functions[operator as keyof typeof functions];
    if (!fn) throw new Untypable(`operator ${operator}`);
    if (operator !== "==" && operator !== "!=" && !["number", "string", "union"].includes(left.type.kind)) throw new Untypable("an ordering of values that are not numbers or strings");
    if (!assignable(right, left.type)) throw new Untypable("a comparison of values of different types");
    const kit = (fn as (a: Expr, b: unknown) => Expr<boolean>)(left.kit, right.kit);
    return { code: `${use(names[operator as keyof typeof names])}(${left.code}, ${right.code})`, kit, type: { kind: "boolean" } };
  };

  const functionPiece = (node: FunctionCall): Piece => {
    const name = node.functionName.lexeme;
    const args = node.args.map(piece);
    const exprArgs = (): Expr[] => args.map((a) => (a.kit instanceof Expr ? a.kit : (a.kit as never)));
    const stringish = (p: Piece): boolean => typeof p.kit === "string" || (p.kit instanceof Expr && isString(p.type));
    switch (name) {
      case "success":
      case "failure":
      case "always":
      case "cancelled":
        if (args.length) break;
        usesStatus = true;
        return { code: `${use("status")}.${name}()`, kit: status[name](), type: { kind: "boolean" } };
      case "contains":
        if (args.length === 2 && (stringish(args[0]!) || args[0]!.type.kind === "array") && args[1]!.type.kind !== "unknown") {
          return callPiece("contains", args, { kind: "boolean" });
        }
        break;
      case "startsWith":
      case "endsWith":
        if (args.length === 2 && args.every(stringish)) return callPiece(name, args, { kind: "boolean" });
        break;
      case "format":
        if (args.length >= 1 && typeof args[0]!.kit === "string") return callPiece("format", args, { kind: "string" });
        break;
      case "join":
        if ((args.length === 1 || args.length === 2) && args[0]!.kit instanceof Expr && (args[0]!.type.kind === "array" || isString(args[0]!.type)) && (args.length === 1 || stringish(args[1]!))) {
          return callPiece("join", args, { kind: "string" });
        }
        break;
      case "toJSON":
        if (args.length === 1 && args[0]!.kit instanceof Expr) return callPiece("toJSON", args, { kind: "string" });
        break;
      case "fromJSON":
        if (args.length === 1 && args[0]!.kit instanceof Expr && isString(args[0]!.type)) {
          const inner = call<string>("fromJSON", ...exprArgs());
          return { code: `${use("fromJSON")}(${args[0]!.code})`, kit: new JsonExpr(inner.text, inner.refs), type: { kind: "unknown" } };
        }
        break;
      case "hashFiles":
        if (args.length >= 1 && args.every(stringish)) return callPiece("hashFiles", args, { kind: "string" });
        break;
    }
    throw new Untypable(`${name}() with arguments the kit does not type`);
  };

  const callPiece = (name: string, args: Piece[], type: KitType): Piece => ({
    code: `${use(name)}(${args.map((a) => a.code).join(", ")})`,
    kit: call(name, ...args.map((a) => a.kit as Expr | string | number | boolean | null)),
    type,
  });

  const accessPiece = (node: Ast): Piece => {
    const path = accessPath(node);
    if (!path) throw new Untypable("an index the kit does not type");
    const found = contextCode(path, scope);
    if (!found) throw new Untypable(`"${path.map(String).join(".")}" is not a context or handle the kit types here`);
    for (const name of found.imports) imports.add(name);
    if (found.readsStep) readsSteps.add(found.readsStep);
    if (found.step) steps.add(found.step);
    return { code: found.code, kit: new JsonExpr(pathText(path)), type: found.type };
  };

  try {
    const top = piece(ast);
    if (!(top.kit instanceof Expr)) return rawCode("a constant written as an expression");
    if (top.kit.text !== text) return rawCode(`the kit writes it as "${top.kit.text}"`);
    if (want === "boolean" && !isBoolean(top.type)) return rawCode("a condition that is not a boolean expression");
    if (want === "number" && top.type.kind !== "number") return rawCode("a number field read from an expression that is not a number");
    return { code: top.code, type: top.type, imports, readsSteps, steps, usesStatus };
  } catch (error) {
    if (error instanceof Untypable) return rawCode(error.message);
    throw error;
  }
}

/** The property path of an access (`steps.x.outputs['y']` → ["steps","x","outputs","y"]); numbers for numeric indexes. */
function accessPath(node: Ast): (string | number)[] | undefined {
  if (node instanceof ContextAccess) return [node.name.lexeme];
  if (node instanceof IndexAccess) {
    const base = accessPath(node.expr);
    if (!base || !(node.index instanceof Literal)) return undefined;
    const value = (node.index.literal as unknown as { value: unknown }).value;
    // `a.b` is an identifier token; `a['b']` a string: only the first prints as the kit prints.
    if (typeof value === "string" && node.index.token.lexeme === value) return [...base, value];
    if (typeof value === "number" && node.index.token.lexeme === String(value)) return [...base, value];
    return undefined;
  }
  return undefined;
}

function literalType(value: string | number | boolean | null): KitType {
  if (value === null) return { kind: "null" };
  if (typeof value === "string") return { kind: "union", values: [value] };
  return { kind: typeof value as "number" | "boolean" };
}

function isBoolean(type: KitType): boolean {
  return type.kind === "boolean";
}

function isString(type: KitType): boolean {
  return type.kind === "string" || type.kind === "union";
}

/**
 * Whether a value may stand where the kit's `eq(a, b)` / `orElse(a, b)` wants the type
 * of `a`: a literal of that type, or an expression whose type it includes.
 */
function assignable(value: Piece, target: KitType): boolean {
  if (target.kind === "unknown") return true;
  const source = value.type;
  if (target.kind === "string") return isString(source);
  if (target.kind === "union") return source.kind === "union" && source.values.every((v) => target.values.includes(v));
  return source.kind === target.kind;
}
