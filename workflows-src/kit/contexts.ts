/**
 * Typed accessors for the runner-provided contexts the workflows read. Each is an
 * expression value, so `github.eventName` can be compared only with event names.
 */
import { Expr } from "./expr.ts";

/** Events a workflow here can be triggered by. */
export type EventName = "push" | "pull_request" | "workflow_dispatch";

const ctx = <T>(text: string): Expr<T> => new Expr<T>(text);

/** The `github` context (the fields the project uses). */
export const github = {
  eventName: ctx<EventName>("github.event_name"),
  ref: ctx<string>("github.ref"),
  refName: ctx<string>("github.ref_name"),
  headRef: ctx<string>("github.head_ref"),
  sha: ctx<string>("github.sha"),
  actor: ctx<string>("github.actor"),
  repository: ctx<string>("github.repository"),
  repositoryOwner: ctx<string>("github.repository_owner"),
  serverUrl: ctx<string>("github.server_url"),
  runId: ctx<string>("github.run_id"),
  token: ctx<string>("github.token"),
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

/** The `runner` context. */
export const runner = {
  temp: ctx<string>("runner.temp"),
} as const;

/** `env.<NAME>` for a workflow- or job-level variable. */
export function envVar(name: string): Expr<string> {
  return ctx<string>(`env.${name}`);
}

/** `secrets.<NAME>`; only valid where GitHub allows the secrets context (not in `if:`). */
export function secret(name: string): Expr<string> {
  return ctx<string>(`secrets.${name}`);
}

/** The `job` context of the running job. */
export const currentJob = {
  status: ctx<"success" | "failure" | "cancelled">("job.status"),
} as const;
