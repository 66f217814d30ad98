/**
 * Which expressions can carry text that someone other than the workflow's author
 * chooses: a pull request's title or branch, a commit message, a step's output, a
 * string input. Pasted into a script, such text can become code. Values that GitHub
 * fixes (a commit SHA, a run id, an event name), that only a repository's
 * maintainers set (secrets, variables, the workflow's own matrix), and booleans
 * (comparisons, `contains()`) cannot, whatever the event. Read from GitHub's
 * expression AST, never from the text.
 */
import type { Expr as ExpressionAst } from "@actions/expressions";
import { Binary, FunctionCall, Grouping, Literal, Logical, Unary } from "@actions/expressions/ast";
import { contextPathsOf, expressionsOf } from "./expressions.ts";
import type { WorkflowObject } from "./document.ts";
import { isYamlMap, type YamlMap } from "./walk.ts";

/** `github.*` properties whose values GitHub fixes or only maintainers choose (a branch name needs push access). */
const FIXED_GITHUB = new Set([
  "sha", "run_id", "run_number", "run_attempt", "repository", "repository_id", "repository_owner", "repository_owner_id", "event_name",
  "workspace", "action_path", "server_url", "api_url", "graphql_url", "job", "workflow", "workflow_ref", "workflow_sha", "ref", "ref_name",
  "ref_type", "ref_protected", "base_ref", "retention_days", "token", "actor", "actor_id", "triggering_actor", "action", "action_ref",
  "action_repository", "path", "env", "output_path", "state", "step_summary", "repositoryurl",
]);

/** The last property of `github.event.…` paths that hold numbers, ids, SHAs, booleans or GitHub-constrained names. */
const FIXED_EVENT_FIELDS = new Set([
  "number", "id", "node_id", "sha", "head_sha", "before", "after", "merged", "draft", "state", "action", "conclusion", "status",
  "run_number", "run_attempt", "created_at", "updated_at", "closed_at", "merged_at", "additions", "deletions", "changed_files",
  "commits", "login", "full_name", "private", "fork", "default_branch", "html_url", "url", "forced", "deleted", "created",
]);

/** Functions whose result is a boolean or a hash whatever their arguments. */
const FIXED_FUNCTIONS = new Set(["contains", "startswith", "endswith", "success", "failure", "always", "cancelled", "hashfiles"]);

/** What the expression can see: the workflow (input types, env), the job (matrix, env) and the step (env). */
export interface ExpressionScope {
  readonly workflow: WorkflowObject;
  readonly job: YamlMap | undefined;
  readonly step?: YamlMap | undefined;
  /** Env variables being resolved, so that `A: ${{ env.A }}` ends. */
  readonly resolving?: ReadonlySet<string>;
}

/** True when the expression's value can hold text chosen by someone other than the workflow's maintainers. */
export function mayCarryUntrustedText(ast: ExpressionAst, scope: ExpressionScope): boolean {
  if (ast instanceof Literal || ast instanceof Binary || ast instanceof Unary) return false;
  if (ast instanceof Grouping) return mayCarryUntrustedText(ast.group, scope);
  if (ast instanceof Logical) return ast.args.some((arg) => mayCarryUntrustedText(arg, scope));
  if (ast instanceof FunctionCall) return !FIXED_FUNCTIONS.has(ast.functionName.lexeme.toLowerCase()) && ast.args.some((arg) => mayCarryUntrustedText(arg, scope));
  const paths = contextPathsOf(ast);
  return paths.length === 0 || paths.some((path) => !isFixed(path.segments, scope));
}

function isFixed(segments: readonly string[], scope: ExpressionScope): boolean {
  const [root, first, second] = segments;
  switch (root) {
    case "secrets":
    case "vars":
    case "runner":
    case "job":
    case "strategy":
      return true;
    case "matrix":
      return !hasExpression(scope.job?.["strategy"]);
    case "needs":
      return second === "result";
    case "steps":
      return second === "outcome" || second === "conclusion";
    case "inputs":
      return isFixedInput(scope.workflow, first);
    case "env":
      return first !== undefined && isFixedEnv(first, scope);
    case "github": {
      if (first !== "event") return first !== undefined && FIXED_GITHUB.has(first);
      if (second === "inputs") return isFixedInput(scope.workflow, segments[3]);
      const last = segments[segments.length - 1] ?? "";
      // The repository and its owner are the maintainers' own.
      const ofRepository = segments[2] === "repository" && (segments.length === 4 || segments[3] === "owner");
      return segments.length > 2 && (FIXED_EVENT_FIELDS.has(last) || ofRepository);
    }
    default:
      return false;
  }
}

/**
 * True for an env variable the workflow sets (on the step, the job or the workflow,
 * nearest first) to a value without `${{ }}` or whose expressions are fixed. A variable
 * set elsewhere (through $GITHUB_ENV, by an action) can hold anything.
 */
function isFixedEnv(name: string, scope: ExpressionScope): boolean {
  const value = [scope.step, scope.job, scope.workflow].map((owner) => (isYamlMap(owner?.["env"]) ? (owner["env"] as YamlMap)[name] : undefined)).find((v) => v !== undefined);
  if (typeof value === "number" || typeof value === "boolean") return true;
  if (typeof value !== "string" || scope.resolving?.has(name)) return false;
  const inner = { ...scope, resolving: new Set([...(scope.resolving ?? []), name]) };
  return expressionsOf({ value, isCondition: false }).every((e) => !mayCarryUntrustedText(e.ast, inner));
}

/** True for an input declared (by every event that declares it) as a boolean, number, choice or environment. */
function isFixedInput(workflow: WorkflowObject, name: string | undefined): boolean {
  const on = workflow["on"];
  if (name === undefined || !isYamlMap(on)) return false;
  const types = ["workflow_dispatch", "workflow_call"].flatMap((event) => {
    const inputs = isYamlMap(on[event]) ? (on[event] as YamlMap)["inputs"] : undefined;
    const input = isYamlMap(inputs) ? inputs[name] : undefined;
    if (input === undefined) return [];
    return [isYamlMap(input) && typeof input["type"] === "string" ? input["type"] : "string"];
  });
  return types.length > 0 && types.every((type) => FIXED_INPUT_TYPES.has(type));
}

const FIXED_INPUT_TYPES = new Set(["boolean", "number", "choice", "environment"]);

function hasExpression(value: unknown): boolean {
  return JSON.stringify(value ?? null).includes("${{");
}
