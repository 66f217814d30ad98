/**
 * Model of actions/github-script v7: the script body runs, as the action runs it (the
 * body of an async function of `require`, `github`, `context`, `core`, `exec`, `glob`,
 * `io`), with stand-ins for those:
 *
 * - `github.rest.issues.createComment` records the comment; on a pull request from a
 *   fork it is refused with 403, as GitHub refuses the fork's read-only token;
 * - `context` is built from the event (`repo`, `issue`, `payload`, `sha`, `ref`, …);
 * - `core` records warnings, notices, errors, outputs and `setFailed`;
 * - `process.env` is the step's environment and nothing else of `process`.
 *
 * The body runs in a child process (`github-script-host.mjs`, kept by the plan's
 * `GithubScriptRunner`) with an empty environment, Node's permission model (no files,
 * no child processes), no network where the machine allows a network namespace, and
 * a hard time limit per body; the stand-ins send their calls here over IPC, and this
 * model answers them. A body that breaks out of its V8 context reaches only that
 * process, never the one running the simulation.
 *
 * Does not model (reported as unsupported when a script reaches them): other API
 * calls, `exec`, `glob`, `io`, `require`. A script that throws fails the step, as in
 * the action; the step's `result` output is the script's return value, JSON-encoded
 * unless `result-encoding: string`.
 */
import { z } from "zod";
import { UnsupportedFeature } from "../unsupported.ts";
import type { BodyChannel } from "./github-script-runner.ts";
import type { ActionModel, ModelInput, ModelResult } from "./model.ts";

/** What a script did through the stand-ins. */
interface ScriptEffects {
  comments: { issue: number; body: string }[];
  messages: string[];
  outputs: Record<string, string>;
  failed?: string;
  unsupported?: string;
}

/** What the body's process may send; anything else ends it. */
const hostMessage = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("message"), text: z.string() }),
  z.strictObject({ kind: z.literal("output"), name: z.string(), value: z.string() }),
  z.strictObject({ kind: z.literal("failed"), message: z.string() }),
  z.strictObject({ kind: z.literal("unsupported"), feature: z.string() }),
  z.strictObject({ kind: z.literal("call"), id: z.number(), method: z.string(), params: z.strictObject({ issue_number: z.unknown(), body: z.unknown() }) }),
  z.strictObject({ kind: z.literal("done"), result: z.string().optional() }),
  z.strictObject({ kind: z.literal("threw"), message: z.string() }),
]);

export const githubScriptModel: ActionModel = {
  action: "actions/github-script",
  describes: "runs the script in an isolated process with stand-ins for the API (comments recorded; refused with 403 for a fork), context and core",
  async run(input) {
    const script = input.with["script"] ?? "";
    if (script.trim() === "") return { outcome: "failure", outputs: {}, summary: "no script", error: "Input required and not supplied: script" };
    return runIsolated(script, input);
  },
};

/** One line: the comments made (their first line) and the messages logged. */
function account(effects: ScriptEffects): string {
  const parts = effects.comments.map((c) => `commented on #${c.issue}: "${c.body.split("\n")[0]}"`);
  parts.push(...effects.messages);
  return parts.length ? parts.join("; ") : "ran, no API calls";
}

async function runIsolated(script: string, input: ModelInput): Promise<ModelResult> {
  const effects: ScriptEffects = { comments: [], messages: [], outputs: {} };
  let ending: { kind: "done"; result?: string | undefined } | { kind: "threw"; message: string } | { kind: "refused"; reason: string } | undefined;
  const onMessage = (raw: unknown, channel: BodyChannel) => {
    const parsed = hostMessage.safeParse(raw);
    if (!parsed.success) {
      ending ??= { kind: "refused", reason: "the script's process sent a message the model does not know" };
      channel.kill();
      return;
    }
    const message = parsed.data;
    switch (message.kind) {
      case "message":
        effects.messages.push(message.text);
        break;
      case "output":
        effects.outputs[message.name] = message.value;
        break;
      case "failed":
        effects.failed = message.message;
        break;
      case "unsupported":
        effects.unsupported ??= message.feature;
        channel.kill();
        break;
      case "call":
        channel.send({ kind: "answer", id: message.id, answer: answerCall(message.method, message.params, input, effects) });
        break;
      default:
        ending ??= message;
        channel.finish();
    }
  };
  const start = { kind: "start", script, env: { ...input.env }, context: scriptContext(input), stepRef: input.stepRef, encoding: input.with["result-encoding"] };
  const runner = input.run.scripts;
  const ran = await runner.run(start, onMessage);
  if (effects.unsupported !== undefined) throw new UnsupportedFeature(effects.unsupported);
  if (ran.kind === "timed out") {
    const error = ran.during === "body" ? `the script did not finish within ${runner.timeLimitSeconds} s; its process was killed` : "the script's process did not start in time; it was killed";
    return { outcome: "failure", outputs: effects.outputs, summary: "time limit", error, timedOut: true };
  }
  if (!ending && ran.kind === "exited") {
    return { outcome: "failure", outputs: effects.outputs, summary: "the script's process ended", error: `the script's process ended without a result (${ran.signal ?? `exit code ${ran.status}`}): ${ran.stderr.trim().split("\n").slice(-1)[0] ?? ""}` };
  }
  if (!ending) throw new Error("the github-script model finished a body without its result");
  if (ending.kind === "refused") return { outcome: "failure", outputs: effects.outputs, summary: "refused", error: ending.reason };
  if (ending.kind === "threw") return { outcome: "failure", outputs: effects.outputs, summary: "the script threw", error: `Unhandled error: ${ending.message}` };
  if (effects.failed !== undefined) return { outcome: "failure", outputs: effects.outputs, summary: "core.setFailed", error: effects.failed };
  return { outcome: "success", outputs: { ...effects.outputs, result: ending.result ?? "" }, summary: account(effects) };
}

/** The simulated API's answer to a stand-in call: a comment is recorded, or refused with 403 for a fork's token. */
function answerCall(method: string, params: { issue_number: unknown; body: unknown }, input: ModelInput, effects: ScriptEffects): unknown {
  if (method !== "issues.createComment") return { status: 404, message: "Not Found" };
  const event = input.github.event as { pull_request?: { head?: { repo?: { full_name?: string } } } };
  const fromFork = event.pull_request !== undefined && event.pull_request.head?.repo?.full_name !== input.github.repository;
  if (fromFork) return { status: 403, message: "Resource not accessible by integration" };
  const issue = Number(params.issue_number);
  const body = String(params.body);
  effects.comments.push({ issue, body });
  input.run.comments.push({ issue, body, postedBy: input.stepRef });
  return { status: 201, data: { id: effects.comments.length, body } };
}

function scriptContext(input: ModelInput): unknown {
  const github = input.github;
  const [owner, repo] = github.repository.split("/");
  const payload = github.event as { number?: number; issue?: { number?: number }; pull_request?: { number?: number } };
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
    issue: { owner, repo, number: payload.issue?.number ?? payload.pull_request?.number ?? payload.number },
  };
}
