/**
 * The plan report of a workflow (`generated/<workflow>.plan.md`): a mermaid graph
 * of its jobs and their conditions, and a table of scenarios × jobs with the image
 * tags the build applied and the reference it saved, computed by the simulation.
 * Deterministic: fixed event data, no timings, no sandbox paths.
 */
import { parse } from "yaml";
import { parseEvent } from "./event.ts";
import type { Scenario } from "./scenarios.ts";
import { simulate, type Plan, type Result } from "./simulate.ts";
import { conditionText } from "../expressions/evaluate.ts";
import { parseWorkflowShape, type WorkflowShape } from "./workflow-shape.ts";

const MARK: Readonly<Record<Result, string>> = { success: "✅ success", failure: "❌ failure", skipped: "⏭️ skipped" };

function mermaidLabel(text: string): string {
  return text.replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;");
}

function graph(workflow: WorkflowShape): string[] {
  const ids = Object.keys(workflow.jobs);
  const node = (id: string) => `job_${ids.indexOf(id)}`;
  const lines = ["```mermaid", "flowchart LR", `  event(("${mermaidLabel(Object.keys(typeof workflow.on === "object" && !Array.isArray(workflow.on) ? workflow.on : {}).join(" / ") || "event")}"))`];
  for (const [id, job] of Object.entries(workflow.jobs)) {
    const condition = job.if === undefined ? "" : `<br/>if: ${mermaidLabel(conditionText(job.if))}`;
    lines.push(`  ${node(id)}["<b>${mermaidLabel(id)}</b>${condition}"]`);
    const needs = job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
    if (needs.length === 0) lines.push(`  event --> ${node(id)}`);
    for (const need of needs) lines.push(`  ${node(need)} --> ${node(id)}`);
  }
  lines.push("```");
  return lines;
}

const code = (values: readonly string[]) => (values.length ? values.map((v) => `\`${v}\``).join("<br/>") : "—");

function table(workflow: WorkflowShape, plans: readonly { scenario: Scenario; plan: Plan }[]): string[] {
  const jobs = Object.keys(workflow.jobs);
  const lines = [`| scenario | ${jobs.map((j) => `\`${j}\``).join(" | ")} | tags applied | saved reference |`, `| --- | ${jobs.map(() => "---").join(" | ")} | --- | --- |`];
  for (const { scenario, plan } of plans) {
    const cells = jobs.map((id) => (plan.triggered ? MARK[plan.jobs[id]!.result] : "not triggered"));
    lines.push(`| ${scenario.label} | ${cells.join(" | ")} | ${code(plan.images.applied)} | ${code(plan.images.saved)} |`);
  }
  return lines;
}

function details(plans: readonly { scenario: Scenario; plan: Plan }[]): string[] {
  const lines: string[] = [];
  for (const { scenario, plan } of plans) {
    lines.push(`<details><summary>${scenario.label}: ${plan.event}</summary>`, "", `- trigger: ${plan.trigger}`);
    for (const job of Object.values(plan.jobs)) {
      lines.push(`- \`${job.id}\`: ${job.result} — ${job.reason}`);
      for (const step of job.steps) {
        if (step.result === "skipped" && job.result !== "failure") continue;
        const how = step.how === "modelled" ? " (script modelled, not executed)" : step.how === "bash" ? " (script executed)" : step.how ? ` (${step.how}: ${step.detail ?? ""})` : "";
        lines.push(`  - ${step.name}: ${step.result}${how}${step.error ? ` — \`${step.error.split("\n").join(" ")}\`` : ""}`);
      }
    }
    const artifacts = plan.artifacts.map((a) => `\`${a.name}\` (${a.files.join(", ")})${a.downloadedBy.length ? ", downloaded" : ""}`);
    const comments = plan.comments.map((c) => `#${c.issue} "${c.body.split("\n")[0]}"`);
    lines.push(`- loaded references: ${code(plan.images.loaded)}`, `- artifacts: ${artifacts.length ? artifacts.join("; ") : "none"}`, `- comments: ${comments.length ? comments.join("; ") : "none"}`, "", "</details>", "");
  }
  return lines;
}

/** Simulates each scenario over a workflow's YAML text. */
export async function planScenarios(file: string, yamlText: string, scenarios: readonly Scenario[]): Promise<{ workflow: WorkflowShape; plans: { scenario: Scenario; plan: Plan }[] }> {
  const workflow = parseWorkflowShape(file, parse(yamlText));
  // Scenarios are independent runs with their own sandboxes: simulate them concurrently.
  const plans = await Promise.all(scenarios.map(async (scenario) => ({ scenario, plan: await simulate(workflow, parseEvent(scenario.event)) })));
  return { workflow, plans };
}

/** The body of the report (everything after the generated-file header) for a workflow file and its scenarios. */
export async function renderPlanReport(file: string, yamlText: string, scenarios: readonly Scenario[]): Promise<string> {
  const { workflow, plans } = await planScenarios(file, yamlText, scenarios);
  return [
    `# Plan of \`${file}\``,
    "",
    "What the workflow does for each scenario, computed offline by the simulation (`npm run plan -- --event …` shows one event in full).",
    "Action steps run through models (docker/metadata-action is checked against its own test vectors by `npm run conformance`; github-script bodies run with stand-ins for the API, which refuse a fork's comment with 403); `run:` steps whose outputs decide a condition, or that move images or change the environment, are executed with bash in a sandbox with a simulated Docker daemon (syft and grype are stand-ins: one SBOM component, no vulnerability); other scripts are modelled as succeeding and marked as such.",
    "",
    "## Jobs and conditions",
    "",
    ...graph(workflow),
    "",
    "## Scenarios",
    "",
    ...table(workflow, plans),
    "",
    "## Details",
    "",
    ...details(plans),
  ].join("\n");
}
