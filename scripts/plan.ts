/**
 * `npm run plan -- --event push|pull_request|workflow_dispatch [--pr N] [--owner O]
 * [--repo R] [--title T] [--actor A] [--ref REF] [--head BRANCH] [--base BRANCH]
 * [--fork OWNER] [--message M] [--workflow FILE] [--json]`: simulates the workflow for one event and
 * prints the plan (jobs, steps, image references, artifacts).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { parseFlags } from "./cli/flags.ts";
import { PROJECT_ROOT } from "../workflows-src/kit/project-root.ts";
import { parseEvent } from "./sim/event.ts";
import { formatPlan } from "./sim/plan-text.ts";
import { simulate } from "./sim/simulate.ts";
import { UnsupportedFeature } from "./sim/unsupported.ts";
import { parseWorkflowShape } from "./sim/workflow-shape.ts";

const text = z.string();
const flags = parseFlags(
  "plan",
  process.argv.slice(2),
  z.strictObject({
    event: z.string({ error: "required: push, pull_request or workflow_dispatch" }),
    pr: z.string().regex(/^\d+$/, "takes a pull request number").transform(Number).optional(),
    owner: text.optional(),
    repo: text.optional(),
    title: text.optional(),
    actor: text.optional(),
    ref: text.optional(),
    head: text.optional(),
    base: text.optional(),
    fork: text.optional(),
    message: text.optional(),
    workflow: text.optional(),
    json: z.literal(true).optional(),
  }),
);

async function main(): Promise<number> {
  const { workflow: workflowFlag, json, ...eventFlags } = flags;
  let event;
  try {
    event = parseEvent(Object.fromEntries(Object.entries(eventFlags).filter(([, v]) => v !== undefined)));
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
