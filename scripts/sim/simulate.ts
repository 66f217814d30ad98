/**
 * The simulation engine: runs an emitted workflow for one event, offline. Jobs run
 * in dependency order with GitHub's job and step conditions; action steps go to
 * their models; `run:` steps that decide the path (their outputs feed a condition,
 * or they move images with docker) run for real in a bash sandbox; the other
 * scripts are modelled as successes and said to be. The result is a plan: every job
 * and step with its result and why, the image references applied, saved and loaded,
 * and the artifacts and comments.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { daemonEvents } from "./daemon.ts";
import { callsStatusFunction, conditionText, convertedContext, evaluateCondition, type Contexts, type ExtraFunctions, type RunState as Status } from "../expressions/evaluate.ts";
import { hashFilesIn } from "./hash-files.ts";
import { dockerSubcommands } from "../shell/docker-commands.ts";
import { prepareScripts, rememberedScript } from "../shell/remembered-scripts.ts";
import { parseExpression } from "../../workflows-src/kit/expression-syntax.ts";
import { evaluateScalar, evaluateTemplate } from "./template.ts";
import type { EventDescription } from "./event-description.ts";
import { describeEvent, githubContext, type GithubContext } from "./event.ts";
import { GithubScriptRunner } from "./models/github-script-runner.ts";
import { ACTION_MODELS, actionKey } from "./models/index.ts";
import type { ArtifactRecord, CommentRecord, RunState } from "./models/model.ts";
import { readPaths, templateReadPaths } from "./references.ts";
import { rememberedJob, type JobInputs, type JobMemo } from "./job-memo.ts";
import { createJobSandbox, createRunSandbox, jobSandboxPaths, removeRunSandbox, runScript, type JobSandbox } from "./run-step.ts";
import { triggers } from "./triggers.ts";
import { UnsupportedFeature } from "./unsupported.ts";
import type { JobShape, StepShape, WorkflowShape } from "./workflow-shape.ts";

export type Result = "success" | "failure" | "skipped";

export interface StepPlan {
  readonly index: number;
  readonly id?: string;
  readonly name: string;
  readonly uses?: string;
  readonly result: Result;
  /** Why it ran or was skipped, and how it was simulated. */
  readonly reason: string;
  /** "model", "bash" (executed), "modelled" (script not executed), "no model". */
  readonly how?: "model" | "bash" | "modelled" | "no model";
  readonly detail?: string;
  readonly error?: string;
  readonly outputs: Readonly<Record<string, string>>;
  /**
   * The step was stopped at one of the simulation's time limits. Where it ends then
   * depends on the machine's speed (a loaded machine stops a step that would finish),
   * so no job or plan that holds it is remembered (job-memo.ts, plan-cache.ts).
   */
  readonly timedOut?: true;
}

export interface JobPlan {
  readonly id: string;
  readonly name: string;
  readonly needs: readonly string[];
  readonly condition: string;
  readonly result: Result;
  readonly reason: string;
  readonly steps: readonly StepPlan[];
  readonly outputs: Readonly<Record<string, string>>;
}

export interface Plan {
  readonly workflow: string;
  readonly event: string;
  readonly triggered: boolean;
  readonly trigger: string;
  readonly jobs: Readonly<Record<string, JobPlan>>;
  readonly images: { readonly applied: readonly string[]; readonly saved: readonly string[]; readonly loaded: readonly string[] };
  readonly artifacts: readonly ArtifactRecord[];
  readonly comments: readonly CommentRecord[];
}

// Scripts that move images through the daemon, or change the environment of later steps, decide the path too.
const PATH_DECIDING_DOCKER = new Set(["save", "load", "inspect", "pull", "images"]);

/** Answers of decidesPath by script text: every scenario of a plan reads the same scripts, and a parse costs milliseconds. */
const decidingScripts = new Map<string, boolean>();
const MAX_REMEMBERED_SCRIPTS = 1000;

/**
 * True when a script (read by the shell adapter, as the machine remembers it: the
 * parser loads only for a script never read) moves images through the daemon or
 * writes "$GITHUB_ENV".
 */
async function decidesPath(text: string): Promise<boolean> {
  let answer = decidingScripts.get(text);
  if (answer === undefined) {
    await prepareScripts([{ text, dialect: "bash" }]);
    const script = rememberedScript(text, "bash");
    answer = dockerSubcommands(script).some((s) => PATH_DECIDING_DOCKER.has(s)) || script.expansions.some((e) => e.name === "GITHUB_ENV");
    if (decidingScripts.size >= MAX_REMEMBERED_SCRIPTS) decidingScripts.clear();
    decidingScripts.set(text, answer);
  }
  return answer;
}

function needsOf(job: JobShape): string[] {
  return job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
}

function jobOrder(workflow: WorkflowShape): string[] {
  const ids = Object.keys(workflow.jobs);
  const done: string[] = [];
  const visiting = new Set<string>();
  const visit = (id: string, from: string) => {
    if (done.includes(id)) return;
    const job = workflow.jobs[id];
    if (!job) throw new Error(`job "${from}" needs "${id}", which does not exist; fix needs`);
    if (visiting.has(id)) throw new Error(`jobs "${id}" and "${from}" need each other; break the cycle`);
    visiting.add(id);
    for (const need of needsOf(job)) visit(need, id);
    visiting.delete(id);
    done.push(id);
  };
  for (const id of ids) visit(id, id);
  return done;
}

function ancestors(workflow: WorkflowShape, id: string, into = new Set<string>()): Set<string> {
  for (const need of needsOf(workflow.jobs[id]!)) {
    if (into.has(need)) continue;
    into.add(need);
    ancestors(workflow, need, into);
  }
  return into;
}

/**
 * Step ids whose outputs decide a path: read by a step condition of their job, or
 * by a job output that another job's condition reads.
 */
function pathDecidingSteps(workflow: WorkflowShape, jobId: string): Set<string> {
  const job = workflow.jobs[jobId]!;
  const ids = new Set<string>();
  const addSteps = (paths: readonly (readonly string[])[]) => {
    for (const p of paths) if (p[0] === "steps" && p[1]) ids.add(p[1]);
  };
  for (const step of job.steps ?? []) if (step.if !== undefined) addSteps(readPaths(conditionText(step.if)));
  const readOutputs = new Set<string>();
  for (const other of Object.values(workflow.jobs)) {
    if (other.if === undefined) continue;
    for (const p of readPaths(conditionText(other.if))) if (p[0] === "needs" && p[1] === jobId && p[2] === "outputs" && p[3]) readOutputs.add(p[3]);
  }
  for (const [name, value] of Object.entries(job.outputs ?? {})) if (readOutputs.has(name)) addSteps(templateReadPaths(value));
  return ids;
}

function stepName(step: StepShape, index: number): string {
  if (step.name) return step.name;
  if (step.uses) return `Run ${step.uses}`;
  return `Run ${(step.run ?? "").split("\n")[0] ?? `step ${index}`}`;
}

function defaultEnv(github: GithubContext, jobId: string, eventPath: string): Record<string, string> {
  return {
    GITHUB_EVENT_NAME: github.event_name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: github.ref,
    GITHUB_REF_NAME: github.ref_name,
    GITHUB_SHA: github.sha,
    GITHUB_REPOSITORY: github.repository,
    GITHUB_REPOSITORY_OWNER: github.repository_owner,
    GITHUB_ACTOR: github.actor,
    GITHUB_HEAD_REF: github.head_ref,
    GITHUB_BASE_REF: github.base_ref,
    GITHUB_RUN_ID: github.run_id,
    GITHUB_RUN_NUMBER: github.run_number,
    GITHUB_JOB: jobId,
    GITHUB_WORKFLOW: github.workflow,
    GITHUB_SERVER_URL: github.server_url,
  };
}

function lastLines(text: string, count: number): string {
  return text.trim().split("\n").slice(-count).join("\n");
}

/** A condition's result, its text for the plan, and whether GitHub's implicit success() applies to it. */
function decide(value: string | number | boolean | undefined, contexts: Contexts, state: Status, extra?: ExtraFunctions): { result: boolean; condition: string; implicitSuccess: boolean } {
  const condition = conditionText(value);
  const result = evaluateCondition(typeof value === "number" ? String(value) : value, contexts, state, extra);
  // No condition at all is GitHub's default success(): a blocking failure explains the skip just the same.
  return { result, condition, implicitSuccess: value === undefined || !callsStatusFunction(parseExpression(condition)) };
}

interface StepState {
  outputs: Record<string, string>;
  outcome: Result;
  conclusion: Result;
}

/**
 * Simulates one event over a parsed workflow.
 * @param scripts the process github-script bodies run in, to share it with the other
 *   plans of one version of the workflow; without it the simulation starts its own
 * @param memo where jobs are remembered by their inputs (job-memo.ts): a job simulated
 *   before with the same inputs is replayed, not run; without it every job runs
 */
export async function simulate(workflow: WorkflowShape, event: EventDescription, scripts?: GithubScriptRunner, memo?: JobMemo): Promise<Plan> {
  const workflowName = workflow.name ?? "workflow";
  const github = githubContext(event, workflowName);
  const trigger = triggers(workflow, event);
  const base: Plan = { workflow: workflowName, event: describeEvent(event), triggered: trigger.triggered, trigger: trigger.reason, jobs: {}, images: { applied: [], saved: [], loaded: [] }, artifacts: [], comments: [] };
  if (!trigger.triggered) return base;

  const sandbox = createRunSandbox();
  const run: RunState = { sandbox, artifacts: new Map(), comments: [], applied: [], scripts: scripts ?? new GithubScriptRunner() };
  const jobs: Record<string, JobPlan> = {};
  const daemons: { job: JobSandbox; id: string }[] = [];
  try {
    const eventPath = join(sandbox.root, "event.json");
    writeFileSync(eventPath, JSON.stringify(github.event));
    const constant: Contexts = { vars: {}, secrets: { GITHUB_TOKEN: "***" }, inputs: {}, matrix: {}, strategy: {} };
    const ok: Status = { failed: false, cancelled: false };
    const workflowEnv: Record<string, string> = {};
    for (const [k, v] of Object.entries(workflow.env ?? {})) workflowEnv[k] = evaluateScalar(v, { ...constant, github }, ok);

    for (const jobId of jobOrder(workflow)) {
      const job = workflow.jobs[jobId]!;
      const needs = needsOf(job);
      const jobGithub = { ...github, job: jobId };
      const upstream = [...ancestors(workflow, jobId)];
      const status: Status = {
        failed: upstream.some((id) => jobs[id]?.result === "failure"),
        cancelled: false,
        dependencySkipped: upstream.some((id) => jobs[id]?.result === "skipped"),
      };
      const needsContext = Object.fromEntries(needs.map((id) => [id, { result: jobs[id]!.result, outputs: jobs[id]!.outputs }]));
      // github (the event payload with it) is converted for the evaluator once per job, not per expression.
      const jobContexts: Contexts = { ...constant, github: convertedContext(jobGithub), needs: needsContext, env: workflowEnv };
      const decision = decide(job.if, jobContexts, status);
      const common = { id: jobId, name: job.name ?? jobId, needs, condition: decision.condition };
      if (job.uses) throw new UnsupportedFeature(`reusable workflow job "${jobId}"`);
      if (job.strategy !== undefined) throw new UnsupportedFeature(`strategy (matrix) of job "${jobId}"`);
      if (!decision.result) {
        const blocking = upstream.filter((id) => jobs[id]?.result !== "success");
        const reason =
          decision.implicitSuccess && blocking.length
            ? `needed job ${blocking.map((id) => `"${id}" ${jobs[id]!.result}`).join(", ")} (implicit success() is false)`
            : `if: ${decision.condition} → false`;
        jobs[jobId] = { ...common, result: "skipped", reason, steps: [], outputs: {} };
        continue;
      }

      const deciding = pathDecidingSteps(workflow, jobId);
      const head = { ...common, reason: decision.condition === "success()" ? "ran" : `if: ${decision.condition} → true` };
      const inputs: JobInputs = {
        workflow: { name: workflowName, env: workflow.env ?? null, defaults: workflow.defaults ?? null },
        jobId,
        job,
        deciding: [...deciding].sort(),
        event,
        status,
        needs: needsContext,
      };
      jobs[jobId] = await rememberedJob(memo, inputs, run, () => runJob({ workflow, jobId, head, deciding, contexts: jobContexts, github: jobGithub, event, eventPath, workflowEnv, run }));
      daemons.push({ job: jobSandboxPaths(sandbox, jobId), id: jobId });
    }

    const saved: string[] = [];
    const loaded: string[] = [];
    for (const { job } of daemons) {
      for (const e of daemonEvents(job.daemon)) (e.kind === "save" ? saved : loaded).push(e.ref);
    }
    const plan: Plan = { ...base, jobs, images: { applied: run.applied, saved, loaded }, artifacts: [...run.artifacts.values()], comments: run.comments };
    return scrubPaths(plan, sandbox.root, daemons);
  } finally {
    if (!scripts) await run.scripts.close();
    await removeRunSandbox(sandbox);
  }
}

/** What a job that runs needs from its run: the decided head of its plan and the contexts of the job. */
interface JobRun {
  readonly workflow: WorkflowShape;
  readonly jobId: string;
  readonly head: Pick<JobPlan, "id" | "name" | "needs" | "condition" | "reason">;
  /** Its steps whose outputs decide a path (pathDecidingSteps): their scripts run for real. */
  readonly deciding: ReadonlySet<string>;
  readonly contexts: Contexts;
  readonly github: GithubContext;
  readonly event: EventDescription;
  readonly eventPath: string;
  readonly workflowEnv: Readonly<Record<string, string>>;
  readonly run: RunState;
}

/** Runs a job whose condition held: its steps in order, in a runner of its own. */
async function runJob({ workflow, jobId, head, deciding, contexts: jobContexts, github: jobGithub, event, eventPath, workflowEnv, run }: JobRun): Promise<JobPlan> {
  const job = workflow.jobs[jobId]!;
  const sandbox = run.sandbox;
  const ok: Status = { failed: false, cancelled: false };
  const jobSandbox = createJobSandbox(sandbox, jobId);
  const runner = { os: "Linux", arch: "X64", name: "simulated", temp: jobSandbox.temp, tool_cache: join(jobSandbox.root, "toolcache") };
  const env: Record<string, string> = { ...workflowEnv };
  for (const [k, v] of Object.entries(job.env ?? {})) env[k] = evaluateScalar(v, { ...jobContexts, runner, env }, ok);
  const fns = hashFilesIn(jobSandbox.root, jobSandbox.workspace);
  const steps: Record<string, StepState> = {};
  const stepPlans: StepPlan[] = [];
  let failed = false;

  for (const [index, step] of (job.steps ?? []).entries()) {
    const stepStatus: Status = { failed, cancelled: false };
    const contexts: Contexts = { ...jobContexts, runner, env, steps, job: { status: failed ? "failure" : "success" } };
    const name = stepName(step, index);
    const ident = { index, name, ...(step.id ? { id: step.id } : {}), ...(step.uses ? { uses: step.uses } : {}) };
    const record = (plan: StepPlan) => {
      stepPlans.push(plan);
      if (step.id) steps[step.id] = { outputs: { ...plan.outputs }, outcome: plan.result, conclusion: plan.result };
    };
    const cond = decide(step.if, contexts, stepStatus, fns);
    if (!cond.result) {
      const reason = cond.implicitSuccess && failed ? "an earlier step failed (implicit success() is false)" : `if: ${cond.condition} → false`;
      record({ ...ident, result: "skipped", reason, outputs: {} });
      continue;
    }
    const stepEnv: Record<string, string> = { ...env };
    for (const [k, v] of Object.entries(step.env ?? {})) stepEnv[k] = evaluateScalar(v, { ...contexts, env: stepEnv }, stepStatus, fns);
    const evalContexts: Contexts = { ...contexts, env: stepEnv };
    const ran = cond.condition === "success()" ? "ran" : `if: ${cond.condition} → true`;
    const stepRef = `${jobId}/${step.id ?? index}`;
    let plan: StepPlan;

    if (step.uses) {
      const model = ACTION_MODELS.get(actionKey(step.uses));
      if (!model) {
        plan = { ...ident, result: "success", reason: ran, how: "no model", detail: `no model for "${actionKey(step.uses)}"; assumed to succeed with no outputs`, outputs: {} };
      } else {
        const withValues: Record<string, string> = {};
        for (const [k, v] of Object.entries(step.with ?? {})) withValues[k] = evaluateScalar(v, evalContexts, stepStatus, fns);
        const result = await model.run({ with: withValues, env: stepEnv, github: jobGithub, event, job: jobSandbox, run, stepRef });
        if (result.env) Object.assign(env, result.env);
        plan = { ...ident, result: result.outcome, reason: ran, how: "model", detail: result.summary, outputs: result.outputs, ...(result.error ? { error: result.error } : {}), ...(result.timedOut ? { timedOut: true } : {}) };
      }
    } else {
      const script = evaluateTemplate(step.run ?? "", evalContexts, stepStatus, fns);
      const executes = (step.id !== undefined && deciding.has(step.id)) || (await decidesPath(script));
      if (!executes) {
        plan = { ...ident, result: "success", reason: ran, how: "modelled", detail: "script not executed (does not decide the path)", outputs: {} };
      } else {
        if (step["working-directory"] ?? job.defaults?.run?.["working-directory"] ?? workflow.defaults?.run?.["working-directory"]) throw new UnsupportedFeature(`working-directory of step "${name}"`);
        const shell = step.shell ?? job.defaults?.run?.shell ?? workflow.defaults?.run?.shell;
        const result = await runScript(script, shell, { ...defaultEnv(jobGithub, jobId, eventPath), ...stepEnv }, jobSandbox, sandbox.registry, String(index));
        Object.assign(env, result.env);
        const success = result.exitCode === 0 && result.problem === undefined;
        const error = result.problem ?? (success ? undefined : lastLines(result.stderr || result.stdout, 3) || `exit code ${result.exitCode}`);
        const dropped = result.droppedOutput ? `; output cut to its last bytes (${result.droppedOutput} bytes dropped)` : "";
        const detail = `${success ? "executed" : `executed, exit code ${result.exitCode}`}${dropped}`;
        plan = { ...ident, result: success ? "success" : "failure", reason: ran, how: "bash", detail, outputs: result.outputs, ...(error ? { error } : {}), ...(result.timedOut ? { timedOut: true } : {}) };
      }
    }
    const continueOnError = evaluateScalar(step["continue-on-error"] ?? false, evalContexts, stepStatus) === "true";
    record(plan);
    if (plan.result === "failure") {
      // continue-on-error holds with or without an id; only a step with an id has a conclusion to read.
      if (!continueOnError) failed = true;
      else if (step.id) steps[step.id]!.conclusion = "success";
    }
  }

  const finalContexts: Contexts = { ...jobContexts, runner, env, steps };
  const outputs: Record<string, string> = {};
  for (const [k, v] of Object.entries(job.outputs ?? {})) outputs[k] = evaluateTemplate(v, finalContexts, ok);
  return { ...head, result: failed ? "failure" : "success", steps: stepPlans, outputs };
}

/** Replaces sandbox paths with the names a reader knows ($RUNNER_TEMP, $GITHUB_WORKSPACE) so plans are deterministic. */
function scrubPaths(plan: Plan, root: string, daemons: readonly { job: JobSandbox }[]): Plan {
  let text = JSON.stringify(plan);
  for (const { job } of daemons) {
    text = text.replaceAll(job.temp, "$RUNNER_TEMP").replaceAll(job.workspace, "$GITHUB_WORKSPACE");
  }
  text = text.replaceAll(root, "<sandbox>");
  return JSON.parse(text) as Plan;
}
