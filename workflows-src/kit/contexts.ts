/**
 * Typed accessors for the contexts the runner provides: `github`, `runner`, `job`,
 * `strategy`, `env`, `vars`, `secrets`, and the payload of the triggering event.
 * Each is an expression value, so `github.eventName` compares only with event names.
 * (`steps`, `needs`, `inputs` and `matrix` come from handles: steps, `needs()`,
 * `workflowDispatch()`/`reusableWorkflow()` and `matrix()`.)
 */
import type { WebhookEventMap } from "@octokit/webhooks-types";
import { Expr, JsonExpr } from "./expr.ts";
import type { EventName } from "./triggers.ts";

const ctx = <T>(text: string): Expr<T> => new Expr<T>(text);

/** The `github` context. */
export const github = {
  action: ctx<string>("github.action"),
  actionPath: ctx<string>("github.action_path"),
  actionRef: ctx<string>("github.action_ref"),
  actionRepository: ctx<string>("github.action_repository"),
  actionStatus: ctx<string>("github.action_status"),
  actor: ctx<string>("github.actor"),
  actorId: ctx<string>("github.actor_id"),
  apiUrl: ctx<string>("github.api_url"),
  baseRef: ctx<string>("github.base_ref"),
  env: ctx<string>("github.env"),
  eventName: ctx<EventName>("github.event_name"),
  eventPath: ctx<string>("github.event_path"),
  graphqlUrl: ctx<string>("github.graphql_url"),
  headRef: ctx<string>("github.head_ref"),
  job: ctx<string>("github.job"),
  path: ctx<string>("github.path"),
  ref: ctx<string>("github.ref"),
  refName: ctx<string>("github.ref_name"),
  refProtected: ctx<boolean>("github.ref_protected"),
  refType: ctx<"branch" | "tag">("github.ref_type"),
  repository: ctx<string>("github.repository"),
  repositoryId: ctx<string>("github.repository_id"),
  repositoryOwner: ctx<string>("github.repository_owner"),
  repositoryOwnerId: ctx<string>("github.repository_owner_id"),
  repositoryUrl: ctx<string>("github.repositoryUrl"),
  retentionDays: ctx<string>("github.retention_days"),
  runId: ctx<string>("github.run_id"),
  runNumber: ctx<string>("github.run_number"),
  runAttempt: ctx<string>("github.run_attempt"),
  secretSource: ctx<"None" | "Actions" | "Codespaces" | "Dependabot">("github.secret_source"),
  serverUrl: ctx<string>("github.server_url"),
  sha: ctx<string>("github.sha"),
  token: ctx<string>("github.token"),
  triggeringActor: ctx<string>("github.triggering_actor"),
  workflow: ctx<string>("github.workflow"),
  workflowRef: ctx<string>("github.workflow_ref"),
  workflowSha: ctx<string>("github.workflow_sha"),
  workspace: ctx<string>("github.workspace"),
  /** Payload fields the pipeline reads without naming the event (see `event()` for typed payloads). */
  event: {
    headCommitMessage: ctx<string>("github.event.head_commit.message"),
    pullRequest: {
      number: ctx<number>("github.event.pull_request.number"),
      title: ctx<string>("github.event.pull_request.title"),
      headSha: ctx<string>("github.event.pull_request.head.sha"),
      headRepoFullName: ctx<string>("github.event.pull_request.head.repo.full_name"),
    },
  },
} as const;

/** The payload of an event, as GitHub's webhook types describe it (a plain record when they have none). */
export type EventPayload<E extends EventName> = E extends keyof WebhookEventMap ? WebhookEventMap[E] : Readonly<Record<string, unknown>>;

/**
 * `github.event` read as the payload of `name`: its fields are typed
 * (`event("pull_request").get("pull_request").get("number")` is a number). The
 * workflow must be triggered by that event (or be a reusable workflow, whose payload
 * is its caller's).
 */
export function event<E extends EventName>(name: E): JsonExpr<EventPayload<E>> {
  return new JsonExpr<EventPayload<E>>("github.event", [{ kind: "event", event: name }]);
}

/** The `runner` context. */
export const runner = {
  name: ctx<string>("runner.name"),
  os: ctx<"Linux" | "Windows" | "macOS">("runner.os"),
  arch: ctx<"X86" | "X64" | "ARM" | "ARM64">("runner.arch"),
  temp: ctx<string>("runner.temp"),
  toolCache: ctx<string>("runner.tool_cache"),
  debug: ctx<string>("runner.debug"),
  environment: ctx<"github-hosted" | "self-hosted">("runner.environment"),
} as const;

/** The `job` context of the running job (its services are read through their handles). */
export const currentJob = {
  status: ctx<"success" | "failure" | "cancelled">("job.status"),
  checkRunId: ctx<number>("job.check_run_id"),
  container: {
    id: ctx<string>("job.container.id"),
    network: ctx<string>("job.container.network"),
  },
} as const;

/** The `strategy` context of a matrix job. */
export const strategy = {
  failFast: ctx<boolean>("strategy.fail-fast"),
  jobIndex: ctx<number>("strategy.job-index"),
  jobTotal: ctx<number>("strategy.job-total"),
  maxParallel: ctx<number>("strategy.max-parallel"),
} as const;

/** `env.<NAME>` for a workflow- or job-level variable. */
export function envVar(name: string): Expr<string> {
  return ctx<string>(`env.${name}`);
}

/** `vars.<NAME>`: a configuration variable of the repository, organization or environment. */
export function variable(name: string): Expr<string> {
  return ctx<string>(`vars.${name}`);
}

/** The whole `vars` context: every configuration variable by name (e.g. for `toJSON(variables)`). */
export const variables = ctx<Readonly<Record<string, string>>>("vars");

/** `secrets.<NAME>`; only valid where GitHub allows the secrets context (not in `if:`). */
export function secret(name: string): Expr<string> {
  return ctx<string>(`secrets.${name}`);
}
