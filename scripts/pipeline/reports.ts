/**
 * Generated files meant for review that are costly to compute: the per-event plan
 * of a workflow (a simulation) and the catalogue of the lint rules (it loads every
 * rule). Each records the digest of what it was computed from and is reused from
 * disk while that digest is unchanged; its tooling is imported only when it has
 * to be computed again.
 */
import { renderRuleCatalogue, RULE_CATALOGUE_PATH, RULE_CATALOGUE_SOURCE } from "../lint/catalogue.ts";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import type { GeneratedFile } from "../files/generated-file.ts";
import { withHeader } from "../files/header.ts";
import { inputsDigest, inputsLine, reusableReport } from "./report-cache.ts";

/** Where a report may find its previous version (the tree gen writes to or check compares with). */
export interface ReportContext {
  root?: string;
}

/** Produces further generated files from the emitted workflow files. */
export type ReportGenerator = (emitted: readonly GeneratedFile[], context: ReportContext) => Promise<GeneratedFile[]>;

/** A report reused from disk when made from `digest`, else rendered (body only) and given its header. */
async function reportFile(context: ReportContext, file: { path: string; source: string; digest: string }, render: () => Promise<string>): Promise<GeneratedFile> {
  const reused = reusableReport(context.root, file.path, file.digest);
  if (reused) return { path: file.path, content: reused };
  return { path: file.path, content: withHeader("html", file.source, `${inputsLine(file.digest)}\n${await render()}`) };
}

const DOCKER_BUILD = ".github/workflows/docker-build.yml";
/** Everything besides the workflow text that can change the plan. */
const SIMULATION_INPUTS = ["scripts/sim", "scripts/expressions", "workflows-src/kit/expression-syntax.ts", "package-lock.json"];

/** `generated/docker-build.plan.md`: the docker-build workflow simulated for the scenarios of its test plan. */
export const dockerBuildPlan: ReportGenerator = async (emitted, context) => {
  const workflow = emitted.find((f) => f.path === DOCKER_BUILD);
  if (!workflow) return [];
  const digest = inputsDigest(PROJECT_ROOT, [workflow.content], SIMULATION_INPUTS);
  return [
    await reportFile(context, { path: "generated/docker-build.plan.md", source: "workflows-src/docker-build.ts", digest }, async () => {
      const [{ renderPlanReport }, { DOCKER_BUILD_SCENARIOS }] = await Promise.all([import("../sim/plan-report.ts"), import("../sim/scenarios.ts")]);
      return renderPlanReport(DOCKER_BUILD, workflow.content, DOCKER_BUILD_SCENARIOS);
    }),
  ];
};

/** `generated/lint-rules.md`: the catalogue of the lint rules, from their metadata. */
export const ruleCatalogue: ReportGenerator = async (_emitted, context) => {
  const digest = inputsDigest(PROJECT_ROOT, [], ["scripts/lint"]);
  return [
    await reportFile(context, { path: RULE_CATALOGUE_PATH, source: RULE_CATALOGUE_SOURCE, digest }, async () => {
      const { rules } = await import("../lint/registry.ts");
      return renderRuleCatalogue(rules);
    }),
  ];
};

export const reports: readonly ReportGenerator[] = [dockerBuildPlan, ruleCatalogue];
