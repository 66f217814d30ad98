/**
 * Generated files meant for review that are costly to compute: the per-event plan
 * of a workflow (a simulation) and the catalogue of the lint rules (it loads every
 * rule). Each is remembered on this machine by the digest of what it was computed
 * from (see report-cache.ts), never reused from the committed file; its tooling is
 * imported only when it has to be computed.
 */
import { isEmittedWorkflow } from "../emit/emit-workflow.ts";
import { renderRuleCatalogue, RULE_CATALOGUE_PATH, RULE_CATALOGUE_SOURCE } from "../lint/catalogue.ts";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import type { GeneratedFile } from "../files/generated-file.ts";
import { markdownSections, withHeader } from "../files/header.ts";
import { cachedReport, inputsDigest, type RenderedReport } from "./report-cache.ts";

/** Produces further generated files from the emitted workflow files. */
export type ReportGenerator = (emitted: readonly GeneratedFile[]) => Promise<GeneratedFile[]>;

/** A report file: its body remembered by `digest` or rendered, with the header and section marks. */
async function reportFile(file: { path: string; source: string; digest: string }, render: () => Promise<RenderedReport>): Promise<GeneratedFile> {
  const name = file.path.replace(/^generated\//, "").replace(/[^A-Za-z0-9.-]+/g, "-");
  const body = await cachedReport(name, file.digest, render);
  return { path: file.path, content: withHeader("html", file.source, markdownSections(body)) };
}

/** `generated/<name>.plan.md` for each emitted workflow that declares scenarios: the workflow simulated for them. */
export const workflowPlans: ReportGenerator = async (emitted) => {
  const [{ declaredScenarios, workflowName }, { SIMULATION_INPUTS }] = await Promise.all([import("../sim/scenarios.ts"), import("../sim/plan-cache.ts")]);
  const reports = emitted.filter(isEmittedWorkflow).flatMap((workflow) => {
    const scenarios = declaredScenarios(workflow.path);
    if (!scenarios) return [];
    const name = workflowName(workflow.path);
    const digest = inputsDigest(PROJECT_ROOT, [workflow.content, JSON.stringify(scenarios)], SIMULATION_INPUTS);
    return [
      reportFile({ path: `generated/${name}.plan.md`, source: `workflows-src/${name}.ts`, digest }, async () => {
        const { renderPlanReport } = await import("../sim/plan-report.ts");
        const { text, timeLimited } = await renderPlanReport(workflow.path, workflow.content, scenarios);
        return { body: text, remember: !timeLimited };
      }),
    ];
  });
  return Promise.all(reports);
};

/** `generated/lint-rules.md`: the catalogue of the lint rules, from their metadata. */
export const ruleCatalogue: ReportGenerator = async () => {
  const digest = inputsDigest(PROJECT_ROOT, [], ["scripts/lint"]);
  return [
    await reportFile({ path: RULE_CATALOGUE_PATH, source: RULE_CATALOGUE_SOURCE, digest }, async () => {
      const { rules } = await import("../lint/registry.ts");
      return { body: renderRuleCatalogue(rules), remember: true };
    }),
  ];
};

export const reports: readonly ReportGenerator[] = [workflowPlans, ruleCatalogue];
