/**
 * `npm run plan -- [--workflow NAME|FILE] [--event push|pull_request|workflow_dispatch|issues
 * [--pr N] [--issue N] [--action TYPE] [--owner O] [--repo R] [--title T] [--actor A] [--ref REF]
 * [--head BRANCH] [--base BRANCH] [--fork OWNER] [--message M]] [--json]`: simulates an emitted workflow
 * for one event and prints the plan (jobs, steps, image references, artifacts,
 * comments); without --event, for each of the workflow's scenarios (the ones declared
 * next to its source, else events derived from its triggers), one line per job.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { exitWithUsage, readCommandLine } from "./cli/command-line.ts";
import { PROJECT_ROOT } from "../workflows-src/kit/project-root.ts";
import { WORKFLOWS_DIR } from "./emit/emit-workflow.ts";
import type { EventDescription } from "./sim/event-description.ts";
import type { ScenarioPlan } from "./sim/plan-report.ts";
import { formatPlan } from "./sim/plan-text.ts";
import type { Plan } from "./sim/simulate.ts";
import { jobOutcome, stepUncertainty } from "./sim/uncertain-results.ts";
import { parse } from "yaml";

const text = (description: string, value = "TEXT") => ({ type: "string", value, description }) as const;
const command = {
  name: "plan",
  summary:
    "Simulates an emitted workflow offline: for one event, every job and step with its result and why, image tags, saved and loaded references,\nartifacts and comments; without --event, one line per job for each of the workflow's scenarios. Actions run through models; the scripts\nthat decide the path run with bash in a sandbox. A success the simulation cannot vouch for is marked uncertain.",
  flags: {
    workflow: text("the workflow: a name (docker-build, workflows-check, …) or a YAML file (default: docker-build)", "NAME|FILE"),
    event: text("the event: push, pull_request, workflow_dispatch or issues (default: every scenario of the workflow)", "EVENT"),
    pr: text("pull request number", "N"),
    issue: text("issue number (issues)", "N"),
    action: text("the issue's activity (issues; default opened)", "TYPE"),
    owner: text("repository owner", "OWNER"),
    repo: text("repository name", "REPO"),
    title: text("pull request or issue title"),
    actor: text("who triggered the run", "LOGIN"),
    ref: text("the ref pushed (push)", "REF"),
    head: text("the pull request's head branch", "BRANCH"),
    base: text("the pull request's base branch", "BRANCH"),
    fork: text("the pull request comes from this owner's fork", "OWNER"),
    message: text("the head commit message"),
    json: { type: "boolean", description: "print the plan as JSON" },
  },
  examples: [
    "npm run plan -- --event pull_request --pr 123 --title 'feat: x'",
    "npm run plan -- --event push --ref refs/heads/main --json",
    "npm run plan -- --workflow workflows-check",
    "npm run plan -- --workflow auto-label-issues --event issues --issue 7 --title '[bug] caddy reload'",
  ],
} as const;
const { values: flags } = readCommandLine(command, process.argv.slice(2));
if (flags.pr !== undefined && !/^\d+$/.test(flags.pr)) exitWithUsage(command, `--pr takes a pull request number, not "${flags.pr}"`);
if (flags.issue !== undefined && !/^\d+$/.test(flags.issue)) exitWithUsage(command, `--issue takes an issue number, not "${flags.issue}"`);
const { workflow: workflowFlag, json, event: eventName, pr, issue, ...eventFields } = flags;
const givenFields = Object.entries({ ...eventFields, pr, issue }).filter(([, v]) => v !== undefined);
if (eventName === undefined && givenFields.length) exitWithUsage(command, `--${givenFields[0]![0]} describes an event; add --event`);

/** A workflow name (no slash, no extension) is the emitted file of that name; anything else is a path. */
function workflowFile(flag: string | undefined): string {
  if (flag === undefined) return join(PROJECT_ROOT, WORKFLOWS_DIR, "docker-build.yml");
  return /^[A-Za-z0-9_.-]+$/.test(flag) && !/\.ya?ml$/.test(flag) ? join(PROJECT_ROOT, WORKFLOWS_DIR, `${flag}.yml`) : resolve(flag);
}

/** The plan as data, with each success the simulation cannot vouch for marked `success (uncertain)` and its reason. */
function planData(plan: Plan, event: EventDescription): object {
  const jobs = Object.fromEntries(
    Object.entries(plan.jobs).map(([id, job]) => [
      id,
      {
        result: jobOutcome(plan, id, event),
        reason: job.reason,
        steps: job.steps.map((step) => {
          const uncertain = stepUncertainty(step, event);
          return uncertain ? { ...step, result: "success (uncertain)", uncertain } : step;
        }),
      },
    ]),
  );
  return { workflow: plan.workflow, event: plan.event, triggered: plan.triggered, trigger: plan.trigger, jobs, images: plan.images, artifacts: plan.artifacts, comments: plan.comments };
}

function scenarioLines({ scenario, event, plan }: ScenarioPlan): string[] {
  if (!plan.triggered) return [`${scenario.label}: not triggered (${plan.trigger})`];
  return [`${scenario.label}:`, ...Object.keys(plan.jobs).map((id) => `  ${id}: ${jobOutcome(plan, id, event)}`)];
}

async function main(): Promise<number> {
  // The simulation and its packages load after the flags are read, so --help and a wrong flag answer at once.
  const [{ parseEvent }, { planScenarios }, { scenariosFor }, { UnsupportedFeature }, { parseWorkflowShape }] = await Promise.all([
    import("./sim/event-description.ts"),
    import("./sim/plan-report.ts"),
    import("./sim/scenarios.ts"),
    import("./sim/unsupported.ts"),
    import("./sim/workflow-shape.ts"),
  ]);
  const file = workflowFile(workflowFlag);
  if (!existsSync(file)) {
    console.error(`plan: no workflow at "${file}"; run \`npm run gen\`, or name an emitted workflow or a YAML file with --workflow`);
    return 2;
  }
  const yamlText = readFileSync(file, "utf8");
  let scenarios;
  try {
    scenarios =
      eventName === undefined
        ? scenariosFor(file, parseWorkflowShape(file, parse(yamlText)))
        : [{ label: "the event", event: parseEvent(Object.fromEntries([["event", eventName], ...givenFields.map(([k, v]) => [k, k === "pr" || k === "issue" ? Number(v) : v])])) }];
  } catch (error) {
    console.error(`plan: ${(error as Error).message}`);
    return 2;
  }
  if (scenarios.length === 0) {
    console.error(`plan: ${file} has no trigger the simulation knows (push, pull_request, workflow_dispatch, issues) and declares no scenarios; pass --event`);
    return 2;
  }
  let plans;
  try {
    ({ plans } = await planScenarios(file, yamlText, scenarios));
  } catch (error) {
    if (!(error instanceof UnsupportedFeature)) throw error;
    console.error(`plan: ${file} needs ${error.message}`);
    return 1;
  }
  if (eventName !== undefined) {
    const [{ event, plan }] = plans as [ScenarioPlan];
    process.stdout.write(json ? `${JSON.stringify(planData(plan, event), null, 2)}\n` : formatPlan(plan, event));
  } else if (json) {
    console.log(JSON.stringify(plans.map(({ scenario, event, plan }) => ({ scenario: scenario.label, ...planData(plan, event) })), null, 2));
  } else {
    console.log(plans.flatMap(scenarioLines).join("\n"));
  }
  return 0;
}

process.exitCode = await main();
