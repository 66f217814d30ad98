/**
 * Generated files computed from the emitted workflows (reports meant for review,
 * such as the per-event plan of a workflow). Each generator loads its tooling
 * lazily, so the simulation stays out of the import graph until gen needs it, and
 * reuses the report on disk when nothing it was computed from has changed.
 */
import { PROJECT_ROOT } from "../project-root.ts";
import type { GeneratedFile } from "./generated-file.ts";
import { withHeader } from "./header.ts";
import { inputsDigest, inputsLine, reusableReport } from "./report-cache.ts";

/** Where a report may find its previous version (the tree gen writes to or check compares with). */
export interface ReportContext {
  root?: string;
}

/** Produces further generated files from the emitted workflow files. */
export type ReportGenerator = (emitted: readonly GeneratedFile[], context: ReportContext) => Promise<GeneratedFile[]>;

const DOCKER_BUILD = ".github/workflows/docker-build.yml";
const PLAN = "generated/docker-build.plan.md";
/** Everything besides the workflow text that can change the plan. */
const SIMULATION_INPUTS = ["scripts/sim", "scripts/expressions", "workflows-src/kit/expression-syntax.ts", "package-lock.json"];

/** `generated/docker-build.plan.md`: the docker-build workflow simulated for the scenarios of its test plan. */
export const dockerBuildPlan: ReportGenerator = async (emitted, context) => {
  const workflow = emitted.find((f) => f.path === DOCKER_BUILD);
  if (!workflow) return [];
  const digest = inputsDigest(PROJECT_ROOT, [workflow.content], SIMULATION_INPUTS);
  const reused = reusableReport(context.root, PLAN, digest);
  if (reused) return [{ path: PLAN, content: reused }];
  const [{ renderPlanReport }, { DOCKER_BUILD_SCENARIOS }] = await Promise.all([import("../sim/plan-report.ts"), import("../sim/scenarios.ts")]);
  const body = await renderPlanReport(DOCKER_BUILD, workflow.content, DOCKER_BUILD_SCENARIOS);
  return [{ path: PLAN, content: withHeader("html", "workflows-src/docker-build.ts", `${inputsLine(digest)}\n${body}`) }];
};

export const reports: readonly ReportGenerator[] = [dockerBuildPlan];
