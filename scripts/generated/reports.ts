/**
 * Generated files computed from the emitted workflows (reports meant for review,
 * such as the per-event plan of a workflow). Each generator loads its tooling
 * lazily, so the simulation stays out of the import graph until gen needs it.
 */
import type { GeneratedFile } from "./generated-file.ts";

/** Produces further generated files from the emitted workflow files. */
export type ReportGenerator = (emitted: readonly GeneratedFile[]) => Promise<GeneratedFile[]>;

const DOCKER_BUILD = ".github/workflows/docker-build.yml";

/** `generated/docker-build.plan.md`: the docker-build workflow simulated for the scenarios of its test plan. */
export const dockerBuildPlan: ReportGenerator = async (emitted) => {
  const workflow = emitted.find((f) => f.path === DOCKER_BUILD);
  if (!workflow) return [];
  const [{ renderPlanReport }, { DOCKER_BUILD_SCENARIOS }] = await Promise.all([import("../sim/plan-report.ts"), import("../sim/scenarios.ts")]);
  return [{ path: "generated/docker-build.plan.md", content: await renderPlanReport(DOCKER_BUILD, workflow.content, "workflows-src/docker-build.ts", DOCKER_BUILD_SCENARIOS) }];
};

export const reports: readonly ReportGenerator[] = [dockerBuildPlan];
