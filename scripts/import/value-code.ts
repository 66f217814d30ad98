/**
 * Values of a workflow file as kit code. A string with `${{ }}` becomes a typed
 * expression or a `tpl` template when the kit prints it back exactly; one the kit
 * would print otherwise (`${{x}}` without spaces) stays a string, which the workflow
 * still parses and checks. Everything raw is recorded for the import's report.
 */
import { splitTemplate } from "../../workflows-src/kit/expression-syntax.ts";
import { keyCode, listCode, literalCode, objectCode, templateText } from "./code-text.ts";
import { expressionCode, type ExpressionCode, type ExpressionScope } from "./expression-code.ts";
import type { KitType } from "./kit-contexts.ts";
import { stringLiteral } from "../actions/code-text.ts";

/** What the writers record while they work: kit names used, raw expressions, text kept as written. */
export interface CodeLog {
  readonly imports: Set<string>;
  /** `path: what — why` for each expression imported raw or text kept as written. */
  readonly raw: string[];
  /** Step variables whose outputs the code read (for guards). */
  readonly readsSteps: Set<string>;
  /** Step variables the code names at all (each needs a variable). */
  readonly steps: Set<string>;
  usesStatus: boolean;
}

/** A fresh log. */
export function codeLog(): CodeLog {
  return { imports: new Set(), raw: [], readsSteps: new Set(), steps: new Set(), usesStatus: false };
}

/** Where a string stands, which decides the code it may become. */
export type Place =
  /** a `Value` (string, number, boolean, any expression, template) */
  | "value"
  /** a name: text, a string expression or a template */
  | "string"
  /** an `if:`: a condition written bare, a template or a constant */
  | "condition"
  /** `number | Expr<number>` */
  | "number"
  /** `boolean | Expr<boolean>` */
  | "boolean";

/** The code of a string value at `place`, or undefined when no kit code fits the place (the caller writes it raw). */
export function stringCode(text: string, scope: ExpressionScope, at: string, place: Place, log: CodeLog): string | undefined {
  if (place === "condition" && !text.includes("${{")) {
    return take(expressionCode(text, scope, "boolean"), at, log).code;
  }
  let parts: ReturnType<typeof splitTemplate>;
  try {
    parts = splitTemplate(text);
  } catch {
    parts = [{ kind: "text", text }];
  }
  const expressions = parts.filter((p) => p.kind === "expression");
  if (!expressions.length) return place === "value" || place === "string" ? stringLiteral(text) : place === "condition" ? asWritten(text, log) : undefined;
  const canonical = parts.map((p) => (p.kind === "text" ? p.text : `\${{ ${p.text} }}`)).join("");
  if (canonical !== text) {
    log.raw.push(`${at}: kept as written (the kit writes "\${{ … }}" with one space inside)`);
    return place === "value" || place === "string" ? stringLiteral(text) : place === "condition" ? asWritten(text, log) : undefined;
  }
  if (parts.length === 1) {
    const want = place === "number" || place === "boolean" ? place : undefined;
    const code = take(expressionCode(expressions[0]!.text, scope, want), at, log);
    if (place === "number" || place === "boolean") return code.code;
    if (place === "value") return code.code;
    if (place === "string" && isStringType(code.type)) return code.code;
    return templateCode([{ kind: "expression", code: code.code }], log);
  }
  if (place === "number" || place === "boolean") return undefined;
  return templateCode(
    parts.map((part) => (part.kind === "text" ? { kind: "text", text: part.text } : { kind: "expression", code: take(expressionCode(part.text, scope), at, log).code })),
    log,
  );
}

/** Text kept exactly as written where the kit wants a template (an `if:` with `${{ }}` the kit would print otherwise). */
function asWritten(text: string, log: CodeLog): string {
  log.imports.add("tpl");
  return `tpl\`${templateText(text)}\``;
}

function templateCode(parts: readonly ({ kind: "text"; text: string } | { kind: "expression"; code: string })[], log: CodeLog): string {
  log.imports.add("tpl");
  return `tpl\`${parts.map((part) => (part.kind === "text" ? templateText(part.text) : `\${${part.code}}`)).join("")}\``;
}

function take(code: ExpressionCode, at: string, log: CodeLog): ExpressionCode {
  for (const name of code.imports) log.imports.add(name);
  for (const step of code.readsSteps) log.readsSteps.add(step);
  for (const step of code.steps) log.steps.add(step);
  if (code.usesStatus) log.usesStatus = true;
  if (code.raw) log.raw.push(`${at}: raw(${code.code.slice(code.code.indexOf("(") + 1, -1)}) — ${code.raw}`);
  return code;
}

function isStringType(type: KitType): boolean {
  return type.kind === "string" || type.kind === "union";
}

/** Workflow data (an env map, a container, `with:` values) as code, strings as values. */
export function dataCode(value: unknown, scope: ExpressionScope, at: string, log: CodeLog, indent: string): string {
  if (typeof value === "string") return stringCode(value, scope, at, "value", log) ?? stringLiteral(value);
  if (Array.isArray(value)) return listCode(value.map((item, i) => dataCode(item, scope, `${at}[${i}]`, log, indent + "  ")), indent);
  if (value !== null && typeof value === "object") {
    return objectCode(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, dataCode(v, scope, `${at}.${k}`, log, indent + "  ")] as const),
      indent,
    );
  }
  return literalCode(value);
}

/** A map of values (env, outputs, with): each entry a value. */
export function valueMapCode(map: Readonly<Record<string, unknown>>, scope: ExpressionScope, at: string, log: CodeLog, indent: string): string | undefined {
  const entries: [string, string][] = [];
  for (const [k, v] of Object.entries(map)) {
    if (v !== null && typeof v === "object") return undefined;
    entries.push([k, dataCode(v, scope, `${at}.${keyCode(k)}`, log, indent + "  ")]);
  }
  return objectCode(entries, indent);
}
