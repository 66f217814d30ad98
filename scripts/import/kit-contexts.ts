/**
 * The kit's name for each context value an expression may read, and the type the kit
 * gives it, so that imported code compiles: `github.event_name` is `github.eventName`
 * (one of the event names), `steps.meta.outputs.tags` is `meta.outputs.tags` of the
 * step's handle, `matrix.os` the matrix handle's axis. The names of the `github`,
 * `runner`, `job` and `strategy` contexts are read from the kit's own objects; their
 * types, which exist only for the compiler, are listed here and tested against the kit.
 */
import { currentJob, github, runner, strategy } from "../../workflows-src/kit/contexts.ts";
import { Expr } from "../../workflows-src/kit/expr.ts";
import { readEvents, schemaDefinitions } from "../schema/event-types.ts";
import type { ExpressionScope } from "./expression-code.ts";
import { stringLiteral } from "../actions/code-text.ts";

/** The type of a kit expression, as far as the importer needs it to write code that compiles. */
export type KitType =
  | { readonly kind: "string" | "number" | "boolean" | "null" | "unknown" | "array" }
  /** A value of several kinds (a matrix axis of numbers, say): usable as a value, never compared. */
  | { readonly kind: "mixed" }
  /** A string that is one of these values (a union of string literals). */
  | { readonly kind: "union"; readonly values: readonly string[] };

const EVENT_RESULT = ["success", "failure", "cancelled", "skipped"];

/** Types of the context values whose type is not `string`, by expression text. */
export const CONTEXT_TYPES: Readonly<Record<string, KitType>> = {
  "github.event_name": { kind: "union", values: readEvents(schemaDefinitions()).map((event) => event.name) },
  "github.ref_protected": { kind: "boolean" },
  "github.ref_type": { kind: "union", values: ["branch", "tag"] },
  "github.secret_source": { kind: "union", values: ["None", "Actions", "Codespaces", "Dependabot"] },
  "github.event.pull_request.number": { kind: "number" },
  "runner.os": { kind: "union", values: ["Linux", "Windows", "macOS"] },
  "runner.arch": { kind: "union", values: ["X86", "X64", "ARM", "ARM64"] },
  "runner.environment": { kind: "union", values: ["github-hosted", "self-hosted"] },
  "job.status": { kind: "union", values: ["success", "failure", "cancelled"] },
  "job.check_run_id": { kind: "number" },
  "strategy.fail-fast": { kind: "boolean" },
  "strategy.job-index": { kind: "number" },
  "strategy.job-total": { kind: "number" },
  "strategy.max-parallel": { kind: "number" },
};

/** Expression text → kit code of every named context value (`github.event_name` → `github.eventName`). */
export const NAMED_CONTEXTS: ReadonlyMap<string, { code: string; root: string }> = new Map(
  (
    [
      ["github", github],
      ["runner", runner],
      ["currentJob", currentJob],
      ["strategy", strategy],
    ] as const
  ).flatMap(([root, object]) => namedValues(root, object)),
);

function namedValues(code: string, object: object): [string, { code: string; root: string }][] {
  return Object.entries(object).flatMap(([key, value]) => {
    const member = `${code}.${key}`;
    if (value instanceof Expr) return [[value.text, { code: member, root: code.split(".")[0]! }]];
    return typeof value === "object" && value !== null ? namedValues(member, value) : [];
  });
}

/** The code of a context value, with the kit names it imports and the step whose output it reads. */
export interface ContextCode {
  readonly code: string;
  readonly type: KitType;
  readonly imports: readonly string[];
  /** The variable of the step whose output it reads (the reader is guarded against it). */
  readonly readsStep?: string;
  /** The variable of the step it names at all (its status or outputs): the step needs a variable. */
  readonly step?: string;
}

/**
 * The kit code of a property path (`["steps", "meta", "outputs", "tags"]`), or
 * undefined when the kit has no typed name for it in this scope (the expression is
 * then imported raw).
 */
export function contextCode(path: readonly (string | number)[], scope: ExpressionScope): ContextCode | undefined {
  const [root, first, second, third, ...rest] = path;
  const text = path.join(".");
  const named = NAMED_CONTEXTS.get(text);
  if (named) return { code: named.code, type: CONTEXT_TYPES[text] ?? { kind: "string" }, imports: [named.root] };
  const property = (name: string | number | undefined): string | undefined => (typeof name === "string" ? (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `.${name}` : `[${stringLiteral(name)}]`) : undefined);
  switch (root) {
    case "steps": {
      const step = typeof first === "string" ? scope.steps.get(first) : undefined;
      if (!step || rest.length) return undefined;
      if ((second === "outcome" || second === "conclusion") && third === undefined) return { code: `${step.variable}.${second}`, type: { kind: "union", values: EVENT_RESULT }, imports: [], step: step.variable };
      if (second === "outputs" && typeof third === "string" && (step.outputs === undefined || step.outputs.has(third))) {
        return { code: `${step.variable}.outputs${property(third)}`, type: { kind: "string" }, imports: [], readsStep: step.variable, step: step.variable };
      }
      return undefined;
    }
    case "needs": {
      const job = typeof first === "string" ? scope.needs.get(first) : undefined;
      if (!job || rest.length) return undefined;
      if (second === "result" && third === undefined) return { code: `needs(${job.variable}).result`, type: { kind: "union", values: EVENT_RESULT }, imports: [] };
      if (second === "outputs" && typeof third === "string" && job.outputs.has(third)) return { code: `needs(${job.variable}).outputs${property(third)}`, type: { kind: "string" }, imports: [] };
      return undefined;
    }
    case "jobs": {
      const job = typeof first === "string" ? scope.jobs.get(first) : undefined;
      if (!job || second !== "outputs" || typeof third !== "string" || rest.length || !job.outputs.has(third)) return undefined;
      return { code: `jobOutputs(${job.variable})${property(third)}`, type: { kind: "string" }, imports: ["jobOutputs"] };
    }
    case "inputs": {
      const input = typeof first === "string" && second === undefined ? scope.inputs.get(first) : undefined;
      return input && { code: input.code, type: input.type, imports: [] };
    }
    case "matrix": {
      const axis = typeof first === "string" && second === undefined ? scope.matrix?.axes.get(first) : undefined;
      return axis && scope.matrix && { code: `${scope.matrix.variable}${property(first)}`, type: axis, imports: [] };
    }
    case "secrets":
    case "vars":
    case "env": {
      if (typeof first !== "string" || second !== undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(first)) return undefined;
      const declared = root === "secrets" ? scope.callSecrets.get(first) : undefined;
      if (declared) return { code: declared, type: { kind: "string" }, imports: [] };
      const fn = root === "secrets" ? "secret" : root === "vars" ? "variable" : "envVar";
      return { code: `${fn}(${stringLiteral(first)})`, type: { kind: "string" }, imports: [fn] };
    }
    case "job": {
      const service = first === "services" && typeof second === "string" ? scope.services.get(second) : undefined;
      if (!service) return undefined;
      if (third === "ports" && rest.length === 1 && typeof rest[0] === "number") return { code: `${service}.port(${rest[0]})`, type: { kind: "string" }, imports: [] };
      if (rest.length) return undefined;
      if (third === "id") return { code: `${service}.containerId`, type: { kind: "string" }, imports: [] };
      if (third === "network") return { code: `${service}.network`, type: { kind: "string" }, imports: [] };
      return undefined;
    }
    default:
      return undefined;
  }
}
