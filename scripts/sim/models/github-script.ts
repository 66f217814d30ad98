/**
 * Model of actions/github-script v7: the script body runs, as the action runs it (the
 * body of an async function of `require`, `github`, `context`, `core`, `exec`, `glob`,
 * `io`), in a separate V8 context with stand-ins for those:
 *
 * - `github.rest.issues.createComment` records the comment; on a pull request from a
 *   fork it is refused with 403, as GitHub refuses the fork's read-only token;
 * - `context` is built from the event (`repo`, `issue`, `payload`, `sha`, `ref`, …);
 * - `core` records warnings, notices, errors, outputs and `setFailed`;
 * - `process.env` is the step's environment and nothing else of `process`.
 *
 * Does not model (reported as unsupported when a script reaches them): other API
 * calls, `exec`, `glob`, `io`, `require`. A script that throws fails the step, as in
 * the action; the step's `result` output is the script's return value, JSON-encoded
 * unless `result-encoding: string`.
 */
import { createContext, runInContext } from "node:vm";
import { UnsupportedFeature } from "../unsupported.ts";
import type { ActionModel, ModelInput, ModelResult } from "./model.ts";

// A script that awaits something the stand-ins never settle would hang the plan.
const TIME_LIMIT_MS = 5000;

/** What a script did through the stand-ins. */
interface ScriptEffects {
  comments: { issue: number; body: string }[];
  messages: string[];
  outputs: Record<string, string>;
  failed?: string;
}

export const githubScriptModel: ActionModel = {
  action: "actions/github-script",
  describes: "runs the script with stand-ins for the API (comments recorded; refused with 403 for a fork), context and core",
  async run(input) {
    const script = input.with["script"] ?? "";
    if (script.trim() === "") return { outcome: "failure", outputs: {}, summary: "no script", error: "Input required and not supplied: script" };
    const effects: ScriptEffects = { comments: [], messages: [], outputs: {} };
    let value: unknown;
    try {
      value = await withTimeLimit(runScript(script, input, effects));
    } catch (error) {
      if (error instanceof UnsupportedFeature) throw error;
      return { outcome: "failure", outputs: effects.outputs, summary: "the script threw", error: `Unhandled error: ${(error as Error)?.message ?? String(error)}` };
    }
    if (effects.failed !== undefined) return { outcome: "failure", outputs: effects.outputs, summary: "core.setFailed", error: effects.failed };
    const result = value === undefined ? "" : input.with["result-encoding"] === "string" ? String(value) : JSON.stringify(value);
    return { outcome: "success", outputs: { ...effects.outputs, result }, summary: account(effects) };
  },
};

/** One line: the comments made (their first line) and the messages logged. */
function account(effects: ScriptEffects): string {
  const parts = effects.comments.map((c) => `commented on #${c.issue}: "${c.body.split("\n")[0]}"`);
  parts.push(...effects.messages);
  return parts.length ? parts.join("; ") : "ran, no API calls";
}

function withTimeLimit<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the script did not finish within ${TIME_LIMIT_MS / 1000} s`)), TIME_LIMIT_MS);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

function runScript(script: string, input: ModelInput, effects: ScriptEffects): Promise<unknown> {
  const sandbox = createContext({ process: { env: { ...input.env } }, console: quietConsole(effects) });
  const parameters = ["require", "__original_require__", "github", "context", "core", "exec", "glob", "io"];
  // The body is compiled inside the sandbox, so it sees only what the sandbox holds.
  const body = runInContext(`(async function (${parameters.join(", ")}) {\n${script}\n})`, sandbox, { filename: `${input.stepRef} (github-script)` }) as (...args: unknown[]) => Promise<unknown>;
  const notModelled = (what: string) => () => {
    throw new UnsupportedFeature(`github-script ${what}`);
  };
  return body(notModelled("require"), notModelled("require"), githubClient(input, effects), scriptContext(input), core(effects), unsupportedObject("exec"), unsupportedObject("glob"), unsupportedObject("io"));
}

function quietConsole(effects: ScriptEffects): Pick<Console, "log" | "info" | "warn" | "error"> {
  const record = (...args: unknown[]) => void effects.messages.push(`log: ${args.map(String).join(" ")}`);
  return { log: record, info: record, warn: record, error: record };
}

/** `github` with the one endpoint the workflows use; any other call is reported as not modelled. */
function githubClient(input: ModelInput, effects: ScriptEffects): unknown {
  const event = input.github.event as { pull_request?: { head?: { repo?: { full_name?: string } } } };
  const fromFork = event.pull_request !== undefined && event.pull_request.head?.repo?.full_name !== input.github.repository;
  const createComment = async (params: { issue_number: number; body: string }) => {
    if (fromFork) throw Object.assign(new Error("Resource not accessible by integration"), { status: 403 });
    effects.comments.push({ issue: params.issue_number, body: params.body });
    input.run.comments.push({ issue: params.issue_number, body: params.body, postedBy: input.stepRef });
    return { status: 201, data: { id: effects.comments.length, body: params.body } };
  };
  return { rest: new Proxy({ issues: new Proxy({ createComment }, unsupportedMembers("github.rest.issues")) }, unsupportedMembers("github.rest")) };
}

function scriptContext(input: ModelInput): unknown {
  const github = input.github;
  const [owner, repo] = github.repository.split("/");
  const payload = github.event as { number?: number; pull_request?: { number?: number } };
  return {
    eventName: github.event_name,
    payload,
    sha: github.sha,
    ref: github.ref,
    actor: github.actor,
    workflow: github.workflow,
    job: github.job,
    runId: Number(github.run_id),
    runNumber: Number(github.run_number),
    serverUrl: github.server_url,
    apiUrl: github.api_url,
    repo: { owner, repo },
    issue: { owner, repo, number: payload.pull_request?.number ?? payload.number },
  };
}

function core(effects: ScriptEffects): unknown {
  const log = (kind: string) => (message: unknown) => void effects.messages.push(`${kind}: ${String(message)}`);
  return new Proxy(
    {
      info: () => undefined,
      debug: () => undefined,
      notice: log("notice"),
      warning: log("warning"),
      error: log("error"),
      setOutput: (name: string, value: unknown) => void (effects.outputs[name] = typeof value === "string" ? value : JSON.stringify(value)),
      setFailed: (message: unknown) => void (effects.failed = String(message)),
    },
    unsupportedMembers("core"),
  );
}

function unsupportedObject(name: string): unknown {
  return new Proxy({}, unsupportedMembers(name));
}

/** A proxy handler that reports any member the model does not define as unsupported. */
function unsupportedMembers(prefix: string): ProxyHandler<object> {
  return {
    get(target, key) {
      if (typeof key === "symbol" || key in target) return Reflect.get(target, key);
      throw new UnsupportedFeature(`${prefix}.${key}`);
    },
  };
}
