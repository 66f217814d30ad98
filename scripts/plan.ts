/**
 * `npm run plan -- --event push|pull_request|workflow_dispatch [--pr N] [--owner O]
 * [--repo R] [--title T] [--actor A] [--ref REF] [--head BRANCH] [--base BRANCH]
 * [--fork OWNER] [--message M] [--workflow FILE] [--json]`: simulates the workflow for one event and
 * prints the plan (jobs, steps, image references, artifacts).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { exitWithUsage, readCommandLine } from "./cli/command-line.ts";
import { PROJECT_ROOT } from "../workflows-src/kit/project-root.ts";
import { parseEvent } from "./sim/event.ts";
import { formatPlan } from "./sim/plan-text.ts";
import { simulate } from "./sim/simulate.ts";
import { UnsupportedFeature } from "./sim/unsupported.ts";
import { parseWorkflowShape } from "./sim/workflow-shape.ts";

const text = (description: string, value = "TEXT") => ({ type: "string", value, description }) as const;
const command = {
  name: "plan",
  summary:
    "Simulates a generated workflow for one event, offline: every job and step with its result and why, image tags, saved and loaded\nreferences, artifacts and comments. Actions run through models; the scripts that decide the path run with bash in a sandbox.",
  flags: {
    event: text("the event: push, pull_request or workflow_dispatch (required)", "EVENT"),
    pr: text("pull request number", "N"),
    owner: text("repository owner", "OWNER"),
    repo: text("repository name", "REPO"),
    title: text("pull request title"),
    actor: text("who triggered the run", "LOGIN"),
    ref: text("the ref pushed (push)", "REF"),
    head: text("the pull request's head branch", "BRANCH"),
    base: text("the pull request's base branch", "BRANCH"),
    fork: text("the pull request comes from this owner's fork", "OWNER"),
    message: text("the head commit message"),
    workflow: text("the workflow file (default: .github/workflows/docker-build.yml)", "FILE"),
    json: { type: "boolean", description: "print the plan as JSON" },
  },
  examples: ["npm run plan -- --event pull_request --pr 123 --title 'feat: x'", "npm run plan -- --event push --ref refs/heads/main --json"],
} as const;
const { values: flags } = readCommandLine(command, process.argv.slice(2));
if (flags.event === undefined) exitWithUsage(command, "--event is required");
if (flags.pr !== undefined && !/^\d+$/.test(flags.pr)) exitWithUsage(command, `--pr takes a pull request number, not "${flags.pr}"`);

async function main(): Promise<number> {
  const { workflow: workflowFlag, json, pr, ...eventFlags } = flags;
  let event;
  try {
    event = parseEvent(Object.fromEntries(Object.entries({ ...eventFlags, pr: pr === undefined ? undefined : Number(pr) }).filter(([, v]) => v !== undefined)));
  } catch (error) {
    console.error(`plan: ${(error as Error).message}`);
    return 2;
  }
  const file = workflowFlag ? resolve(workflowFlag) : join(PROJECT_ROOT, ".github", "workflows", "docker-build.yml");
  if (!existsSync(file)) {
    console.error(`plan: no workflow at "${file}"; run \`npm run gen\` or pass --workflow FILE`);
    return 2;
  }
  const workflow = parseWorkflowShape(file, parse(readFileSync(file, "utf8")));
  let plan;
  try {
    plan = await simulate(workflow, event);
  } catch (error) {
    if (!(error instanceof UnsupportedFeature)) throw error;
    console.error(`plan: ${file} needs ${error.message}`);
    return 1;
  }
  if (json) {
    const jobs = Object.fromEntries(Object.entries(plan.jobs).map(([id, job]) => [id, { result: job.result, reason: job.reason, steps: job.steps }]));
    console.log(JSON.stringify({ workflow: plan.workflow, event: plan.event, triggered: plan.triggered, trigger: plan.trigger, jobs, images: plan.images, artifacts: plan.artifacts }, null, 2));
  } else {
    process.stdout.write(formatPlan(plan));
  }
  return 0;
}

process.exitCode = await main();
