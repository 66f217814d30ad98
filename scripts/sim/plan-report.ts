/**
 * The plan report of a workflow (`generated/<workflow>.plan.md`): a mermaid graph
 * of its jobs and their conditions, and a table of scenarios × jobs with the image
 * tags the build applied and the reference it saved, computed by the simulation.
 * A success the simulation cannot vouch for is shown as uncertain, with the reason.
 * Deterministic: fixed event data, no timings, no sandbox paths.
 */
import { parse } from "yaml";
import { parseEvent, type EventDescription } from "./event-description.ts";
import { rememberedJobs, rememberedPlan, shapeDigest, timeLimited } from "./plan-cache.ts";
import type { GithubScriptRunner } from "./models/github-script-runner.ts";
import type { Scenario } from "./scenario.ts";
import type { Plan } from "./simulate.ts";
import { jobOutcome, stepUncertainty } from "./uncertain-results.ts";
import { conditionText } from "../expressions/evaluate.ts";
import { triggerNames } from "./triggers.ts";
import { parseWorkflowShape, type WorkflowShape } from "./workflow-shape.ts";

const MARK: Readonly<Record<string, string>> = { success: "✅ success", failure: "❌ failure", skipped: "⏭️ skipped", "success (uncertain)": "❔ success (uncertain)" };

/** One scenario simulated: its validated event and the plan. */
export interface ScenarioPlan {
  readonly scenario: Scenario;
  readonly event: EventDescription;
  readonly plan: Plan;
}

function mermaidLabel(text: string): string {
  return text.replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;");
}

function graph(workflow: WorkflowShape): string[] {
  const ids = Object.keys(workflow.jobs);
  const node = (id: string) => `job_${ids.indexOf(id)}`;
  const lines = ["```mermaid", "flowchart LR", `  event(("${mermaidLabel(triggerNames(workflow).join(" / ") || "event")}"))`];
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

function table(workflow: WorkflowShape, plans: readonly ScenarioPlan[]): string[] {
  const jobs = Object.keys(workflow.jobs);
  // Image columns only for a workflow that moves images in some scenario.
  const images = plans.some(({ plan }) => plan.images.applied.length > 0 || plan.images.saved.length > 0);
  const extra = images ? ["tags applied", "saved reference"] : [];
  const lines = [`| scenario | ${[...jobs.map((j) => `\`${j}\``), ...extra].join(" | ")} |`, `| --- | ${[...jobs, ...extra].map(() => "---").join(" | ")} |`];
  for (const { scenario, event, plan } of plans) {
    const cells = jobs.map((id) => {
      const outcome = jobOutcome(plan, id, event);
      return MARK[outcome] ?? outcome;
    });
    if (images) cells.push(code(plan.images.applied), code(plan.images.saved));
    lines.push(`| ${scenario.label} | ${cells.join(" | ")} |`);
  }
  return lines;
}

function details(plans: readonly ScenarioPlan[]): string[] {
  const lines: string[] = [];
  for (const { scenario, event, plan } of plans) {
    lines.push(`<details><summary>${scenario.label}: ${plan.event}</summary>`, "", `- trigger: ${plan.trigger}`);
    for (const job of Object.values(plan.jobs)) {
      lines.push(`- \`${job.id}\`: ${jobOutcome(plan, job.id, event)} — ${job.reason}`);
      for (const step of job.steps) {
        if (step.result === "skipped" && job.result !== "failure") continue;
        const how = step.how === "modelled" ? " (script modelled, not executed)" : step.how === "bash" ? " (script executed)" : step.how ? ` (${step.how}: ${step.detail ?? ""})` : "";
        const uncertain = stepUncertainty(step, event);
        lines.push(`  - ${step.name}: ${step.result}${how}${uncertain ? ` — uncertain: ${uncertain}` : ""}${step.error ? ` — \`${step.error.split("\n").join(" ")}\`` : ""}`);
      }
    }
    const artifacts = plan.artifacts.map((a) => `\`${a.name}\` (${a.files.join(", ")})${a.downloadedBy.length ? ", downloaded" : ""}`);
    const comments = plan.comments.map((c) => `#${c.issue} "${c.body.split("\n")[0]}"`);
    lines.push(`- loaded references: ${code(plan.images.loaded)}`, `- artifacts: ${artifacts.length ? artifacts.join("; ") : "none"}`, `- comments: ${comments.length ? comments.join("; ") : "none"}`, "", "</details>", "");
  }
  return lines;
}

/**
 * Simulates each scenario over a workflow's YAML text (a plan simulated before for the
 * same shape and event is remembered). The scenarios share one process for their
 * github-script bodies: `scripts` when given (the caller's, left open: tests that plan
 * many workflows start one process, not one per workflow), else one started here and
 * closed at the end.
 */
export async function planScenarios(file: string, yamlText: string, scenarios: readonly Scenario[], scripts?: GithubScriptRunner): Promise<{ workflow: WorkflowShape; plans: ScenarioPlan[] }> {
  const workflow = parseWorkflowShape(file, parse(yamlText));
  // The simulation (its models and their libraries) loads only when a plan is not remembered.
  let runner: Promise<GithubScriptRunner> | undefined = scripts && Promise.resolve(scripts);
  const simulate = async (event: EventDescription) => {
    runner ??= import("./models/github-script-runner.ts").then(({ GithubScriptRunner }) => new GithubScriptRunner());
    const [{ simulate }, bodies] = await Promise.all([import("./simulate.ts"), runner]);
    return simulate(workflow, event, bodies, rememberedJobs);
  };
  const shape = shapeDigest(workflow);
  const planOf = async (scenario: Scenario): Promise<ScenarioPlan> => {
    const event = parseEvent(scenario.event);
    return { scenario, event, plan: await rememberedPlan(shape, event, () => simulate(event)) };
  };
  try {
    // Scenarios are independent runs with their own sandboxes: simulate them concurrently.
    const first = await Promise.all(scenarios.map(planOf));
    // A step stopped at its time limit may only have met a busy moment, and the scenarios simulated beside it are
    // much of what kept the machine busy. Before a plan says a step was stopped, its scenario is simulated once more,
    // alone (the jobs that finished are replayed from the memo): a step that never ends is stopped again.
    const plans: ScenarioPlan[] = [];
    for (const planned of first) plans.push(timeLimited(planned.plan) ? await planOf(planned.scenario) : planned);
    return { workflow, plans };
  } finally {
    if (!scripts) await (await runner)?.close();
  }
}

/**
 * The body of the report (everything after the generated-file header) for a workflow
 * file and its scenarios; `timeLimited` when a step of a plan was stopped at a time
 * limit, so that the report is not remembered either (plan-cache.ts).
 */
export async function renderPlanReport(file: string, yamlText: string, scenarios: readonly Scenario[]): Promise<{ text: string; timeLimited: boolean }> {
  const { workflow, plans } = await planScenarios(file, yamlText, scenarios);
  const text = [
    `# Plan of \`${file}\``,
    "",
    "What the workflow does for each scenario, computed offline by the simulation (`npm run plan -- --event …` shows one event in full).",
    "Action steps run through models (docker/metadata-action is checked against its own test vectors by `npm run conformance`; github-script bodies run with stand-ins for the API, which refuse a fork's comment with 403); a success the simulation cannot vouch for (an action without a model, an upload GitHub may refuse from a fork) is marked ❔ uncertain, with the reason in the details; `run:` steps whose outputs decide a condition, or that move images or change the environment, are executed with bash in a sandbox with a simulated Docker daemon (syft and grype are stand-ins: one SBOM component, no vulnerability); other scripts are modelled as succeeding and marked as such.",
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
  return { text, timeLimited: plans.some(({ plan }) => timeLimited(plan)) };
}
