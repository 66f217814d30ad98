/**
 * Plans remembered per machine: a simulation runs bash for the scripts that decide
 * the path and a process for github-script bodies, and the same workflow shape
 * simulated for the same event with the same simulation code gives the same plan.
 * So the plan report (`npm run gen`) and `npm run review` keep each plan under the
 * digest of those three inputs (input-digest.ts says why the shape, not the text),
 * and the review of a change that `gen` has already simulated, of a base reviewed
 * before, or of an edit to a field the simulation does not read, runs no simulation.
 * Jobs are remembered here too (job-memo.ts), so a plan that is simulated replays
 * every job whose inputs an earlier plan met.
 */
import { createHash } from "node:crypto";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { jsonCache } from "../files/json-cache.ts";
import { inputsDigest } from "../pipeline/report-cache.ts";
import type { EventDescription } from "./event-description.ts";
import { inputDigest } from "./input-digest.ts";
import { stoppedAtTimeLimit, type JobMemo, type RememberedJob } from "./job-memo.ts";
import type { Plan } from "./simulate.ts";
import type { WorkflowShape } from "./workflow-shape.ts";

/**
 * Everything besides the workflow shape and the event that can change a plan or its
 * report: the simulation's code (every project file it imports; a test keeps the list
 * whole) and the locked packages.
 */
export const SIMULATION_INPUTS = ["scripts/sim", "scripts/expressions", "scripts/shell", "workflows-src/kit/expression-syntax.ts", "scripts/files/tree-digest.ts", "scripts/files/file-digests.ts", "scripts/run-ts/cache.mjs", "package-lock.json"];

const plans = jsonCache<Plan>("plans", 2000);
const jobs = jsonCache<RememberedJob>("jobs", 4000);
/** Plans being computed in this process: a review simulates both versions at once, and they often share a shape. */
const computing = new Map<string, Promise<Plan>>();
let tooling: string | undefined;

/** The digest of a workflow shape, computed once for all the scenarios it is simulated for. */
export function shapeDigest(workflow: WorkflowShape): string {
  return inputDigest(workflow);
}

/** The digest of the simulation's code and locked packages, read once per process. */
function toolingDigest(): string {
  tooling ??= inputsDigest(PROJECT_ROOT, [], SIMULATION_INPUTS);
  return tooling;
}

/** The key a plan of the workflow whose shape has `shape` for its digest is remembered under for `event`. */
export function planKey(shape: string, event: EventDescription): string {
  return createHash("sha256").update(`${toolingDigest()}\0${shape}\0${inputDigest(event)}`).digest("hex");
}

/**
 * Jobs remembered per machine (job-memo.ts), under the simulation's code as well as
 * their inputs: a plan not remembered whole is simulated job by job, and a job whose
 * inputs an earlier plan met is replayed.
 */
export const rememberedJobs: JobMemo = {
  read: (key) => jobs.read(jobKey(key)),
  write: (key, job) => jobs.write(jobKey(key), job),
};

function jobKey(inputs: string): string {
  return createHash("sha256").update(`${toolingDigest()}\0${inputs}`).digest("hex");
}

/**
 * The plan for `event` of the workflow whose shape has `shape` for its digest:
 * remembered, or computed by `simulate` and remembered, unless a step of it was stopped
 * at a time limit (its end depends on the machine's speed; see `stoppedAtTimeLimit`).
 */
export async function rememberedPlan(shape: string, event: EventDescription, simulate: () => Promise<Plan>): Promise<Plan> {
  const key = planKey(shape, event);
  const known = plans.read(key) ?? computing.get(key);
  if (known) return known;
  const plan = simulate().then((computed) => {
    if (!timeLimited(computed)) plans.write(key, computed);
    return computed;
  });
  computing.set(key, plan);
  try {
    return await plan;
  } finally {
    computing.delete(key);
  }
}

/** Whether a step of the plan was stopped at a time limit: then it is not to be remembered, nor anything made from it. */
export function timeLimited(plan: Plan): boolean {
  return Object.values(plan.jobs).some(stoppedAtTimeLimit);
}
