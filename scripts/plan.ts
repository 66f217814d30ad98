/**
 * `npm run plan -- --event push|pull_request|workflow_dispatch [--pr N] [--owner O]
 * [--repo R] [--title T] [--actor A] [--ref REF] [--head BRANCH] [--base BRANCH]
 * [--message M] [--workflow FILE] [--json]`: simulates the workflow for one event and
 * prints the plan (jobs, steps, image references, artifacts).
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { z } from "zod";
import { PROJECT_ROOT } from "./project-root.ts";
import { parseEvent } from "./sim/event.ts";
import { formatPlan } from "./sim/plan-text.ts";
import { simulate } from "./sim/simulate.ts";
import { parseWorkflowShape } from "./sim/workflow-shape.ts";

const text = { type: "string" } as const;
const options = { event: text, pr: text, owner: text, repo: text, title: text, actor: text, ref: text, head: text, base: text, message: text, workflow: text, json: { type: "boolean" } } as const;
const flags = z.strictObject({
  event: z.string({ error: "--event is required (push, pull_request or workflow_dispatch)" }),
  pr: z.string().regex(/^\d+$/, "--pr takes a number").transform(Number).optional(),
  owner: z.string().optional(),
  repo: z.string().optional(),
  title: z.string().optional(),
  actor: z.string().optional(),
  ref: z.string().optional(),
  head: z.string().optional(),
  base: z.string().optional(),
  message: z.string().optional(),
  workflow: z.string().optional(),
  json: z.boolean().optional(),
});

function main(): number {
  let values: unknown;
  try {
    values = parseArgs({ options, strict: true }).values;
  } catch (error) {
    console.error(`${(error as Error).message}; see the header of scripts/plan.ts for the flags`);
    return 2;
  }
  const parsed = flags.safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => (i.path.length ? `--${i.path.join(".")}: ${i.message}` : i.message)).join("\n"));
    return 2;
  }
  const { workflow: workflowFlag, json, ...eventFlags } = parsed.data;
  const defined = Object.fromEntries(Object.entries(eventFlags).filter(([, v]) => v !== undefined));
  let event;
  try {
    event = parseEvent(defined);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const file = workflowFlag ? resolve(workflowFlag) : join(PROJECT_ROOT, ".github", "workflows", "docker-build.yml");
  const workflow = parseWorkflowShape(file, parse(readFileSync(file, "utf8")));
  const plan = simulate(workflow, event);
  if (json) {
    const jobs = Object.fromEntries(Object.entries(plan.jobs).map(([id, job]) => [id, { result: job.result, reason: job.reason, steps: job.steps }]));
    console.log(JSON.stringify({ workflow: plan.workflow, event: plan.event, triggered: plan.triggered, trigger: plan.trigger, jobs, images: plan.images, artifacts: plan.artifacts }, null, 2));
  } else {
    process.stdout.write(formatPlan(plan));
  }
  return 0;
}

process.exitCode = main();
