/**
 * Generated files meant for review that are costly to compute: the per-event plan
 * of a workflow (a simulation) and the catalogue of the lint rules (it loads every
 * rule). Each records the digest of what it was computed from and is reused from
 * disk while that digest is unchanged; its tooling is imported only when it has
 * to be computed again.
 */
import { isEmittedWorkflow } from "../emit/emit-workflow.ts";
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

/** `generated/<name>.plan.md` for each emitted workflow that declares scenarios: the workflow simulated for them. */
export const workflowPlans: ReportGenerator = async (emitted, context) => {
  const [{ declaredScenarios, workflowName }, { SIMULATION_INPUTS }] = await Promise.all([import("../sim/scenarios.ts"), import("../sim/plan-cache.ts")]);
  const reports = emitted.filter(isEmittedWorkflow).flatMap((workflow) => {
    const scenarios = declaredScenarios(workflow.path);
    if (!scenarios) return [];
    const name = workflowName(workflow.path);
    const digest = inputsDigest(PROJECT_ROOT, [workflow.content, JSON.stringify(scenarios)], SIMULATION_INPUTS);
    return [
      reportFile(context, { path: `generated/${name}.plan.md`, source: `workflows-src/${name}.ts`, digest }, async () => {
        const { renderPlanReport } = await import("../sim/plan-report.ts");
        return renderPlanReport(workflow.path, workflow.content, scenarios);
      }),
    ];
  });
  return Promise.all(reports);
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

export const reports: readonly ReportGenerator[] = [workflowPlans, ruleCatalogue];
