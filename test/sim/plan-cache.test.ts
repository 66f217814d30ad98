/**
 * Plans are remembered by the workflow shape the simulation reads, not by the text:
 * every field the shape keeps changes the key, a field it drops (a timeout, the
 * runner label, permissions) does not, and a remembered plan is then reused without
 * simulating.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { parse } from "yaml";
import { parseEvent, type EventDescription } from "../../scripts/sim/event-description.ts";
import { inputDigest } from "../../scripts/sim/input-digest.ts";
import { planKey as keyOf, rememberedPlan as remembered, shapeDigest, SIMULATION_INPUTS } from "../../scripts/sim/plan-cache.ts";
import type { Plan } from "../../scripts/sim/simulate.ts";
import { parseWorkflowShape, workflowShape, type WorkflowShape } from "../../scripts/sim/workflow-shape.ts";
import { everyLoaded } from "../support/import-graph.ts";

// Every key the shape declares, each with a value, and keys it does not declare beside them.
const WORKFLOW = `
name: keyed
on:
  push:
    branches: [main]
    branches-ignore: [old]
    paths: [src/**]
    paths-ignore: [docs/**]
    tags: [v*]
    tags-ignore: [v0*]
  pull_request:
    types: [opened]
  schedule:
    - cron: "0 0 * * *"
env:
  TOP: "1"
defaults:
  run:
    shell: bash
    working-directory: top
permissions:
  contents: read
concurrency: keyed
jobs:
  first:
    name: First
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      contents: read
    if: github.event_name == 'push'
    env:
      JOB: two
      EMPTY: null
    outputs:
      out: \${{ steps.s.outputs.value }}
    strategy:
      matrix:
        n: [1]
    defaults:
      run:
        shell: sh
        working-directory: job
    steps:
      - id: s
        name: Step
        if: success()
        run: echo "value=1" >> "$GITHUB_OUTPUT"
        shell: bash
        env:
          STEP: 3
        continue-on-error: false
        working-directory: step
        timeout-minutes: 5
      - uses: actions/github-script@v7
        with:
          script: return 1
          flag: true
  second:
    needs: [first]
    uses: ./.github/workflows/other.yml
`;

const shape = (text: string) => parseWorkflowShape("keyed.yml", parse(text));
const planKey = (workflow: WorkflowShape, event: EventDescription) => keyOf(shapeDigest(workflow), event);
const rememberedPlan = (workflow: WorkflowShape, event: EventDescription, simulate: () => Promise<Plan>) => remembered(shapeDigest(workflow), event, simulate);
const event = parseEvent({ event: "push", ref: "refs/heads/main" });

/** Every leaf of a plain value, as its path and value. */
function leaves(value: unknown, at: (string | number)[] = []): { path: (string | number)[]; value: unknown }[] {
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([key, item]) => leaves(item, [...at, Array.isArray(value) ? Number(key) : key]));
  return [{ path: at, value }];
}

/** A copy of `value` with the leaf at `path` changed to another value of its type. */
function changed(value: unknown, path: readonly (string | number)[]): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const old = parent[last];
  parent[last] = typeof old === "string" ? `${old}x` : typeof old === "number" ? old + 1 : typeof old === "boolean" ? !old : "was null";
  return copy;
}

test("the shape keeps no key the simulation does not read", () => {
  const workflow = shape(WORKFLOW);
  const paths = leaves(workflow).map((leaf) => leaf.path.join("."));
  for (const dropped of ["timeout-minutes", "runs-on", "permissions", "concurrency"]) {
    assert.equal(paths.filter((p) => p.split(".").includes(dropped)).length, 0, `${dropped} is kept`);
  }
  // Every key the shape declares has a value here: the next test changes each one.
  const job = workflowShape.shape.jobs.valueType;
  const step = job.shape.steps.unwrap().element;
  const declared = [
    ...Object.keys(workflowShape.shape).map((key) => [key]),
    ...Object.keys(job.shape).map((key) => ["jobs", "*", key]),
    ...Object.keys(step.shape).map((key) => ["jobs", "*", "steps", "*", key]),
  ];
  const given = (key: string[]) => leaves(workflow).some(({ path }) => key.every((part, i) => part === "*" || part === path[i]));
  for (const key of declared) assert.ok(given(key), `WORKFLOW gives no value to ${key.join(".")}`);
});

test("a change to any field the simulation reads changes the plan's key", () => {
  const workflow = shape(WORKFLOW);
  const key = planKey(workflow, event);
  const all = leaves(workflow);
  for (const { path } of all) {
    const other = parseWorkflowShape("keyed.yml", changed(workflow, path));
    assert.notEqual(planKey(other, event), key, `changing ${path.join(".")} leaves the key as it was`);
  }
  assert.notEqual(planKey(workflow, parseEvent({ event: "push", ref: "refs/heads/other" })), key, "another event");
});

test("a change the shape drops leaves the key as it is; the order of jobs does not", () => {
  const key = planKey(shape(WORKFLOW), event);
  const edits: [string, string][] = [
    ["timeout-minutes: 10", "timeout-minutes: 45"],
    ["runs-on: ubuntu-latest", "runs-on: [self-hosted, linux]"],
    ["concurrency: keyed", "concurrency: other"],
    ["name: keyed", "name: keyed # a comment"],
    ['TOP: "1"', "TOP: '1'"],
  ];
  for (const [from, to] of edits) {
    assert.ok(WORKFLOW.includes(from), from);
    assert.equal(planKey(shape(WORKFLOW.replace(from, to)), event), key, `${from} → ${to}`);
  }
  const swapped = shape(WORKFLOW);
  const reordered = { ...swapped, jobs: { second: swapped.jobs["second"]!, first: swapped.jobs["first"]! } };
  assert.notEqual(planKey(reordered, event), key, "jobs in another order run in another order");
});

test("the digest tells apart values that print alike", () => {
  const distinct = [["1", 1], [null, Number.NaN], [0, -0], [true, "true"], [[], {}], [["ab"], ["a", "b"]], [{ a: 1, b: 2 }, { b: 2, a: 1 }], ["\uD800", "\uFFFD"], [{ a: undefined }, {}]];
  for (const [a, b] of distinct) assert.notEqual(inputDigest(a), inputDigest(b), `${String(a)} and ${String(b)}`);
  assert.equal(inputDigest({ a: [1, "x"] }), inputDigest({ a: [1, "x"] }));
  assert.throws(() => inputDigest({ when: new Date(0) }), /holds a Date, which cannot be keyed/);
});

test("a remembered plan is reused for a text that differs only where the simulation does not read", async () => {
  // A name never simulated before, so the first call computes.
  const text = WORKFLOW.replace("name: keyed", `name: keyed-${randomUUID()}`);
  const plan = { workflow: "remembered", jobs: {} } as unknown as Plan;
  let simulated = 0;
  const simulate = async () => {
    simulated++;
    return plan;
  };
  assert.deepEqual(await rememberedPlan(shape(text), event, simulate), plan);
  assert.deepEqual(await rememberedPlan(shape(text.replace("timeout-minutes: 10", "timeout-minutes: 11")), event, simulate), plan);
  assert.equal(simulated, 1);
  await rememberedPlan(shape(text.replace("script: return 1", "script: return 2")), event, simulate);
  assert.equal(simulated, 2, "a changed script is simulated");
  // Two requests for one plan at once simulate it once.
  const fresh = shape(text.replace("JOB: two", "JOB: three"));
  await Promise.all([rememberedPlan(fresh, event, simulate), rememberedPlan(fresh, event, simulate)]);
  assert.equal(simulated, 3);
});

test("a plan with a step stopped at a time limit is not remembered: on a loaded machine a step that would finish is stopped", async () => {
  const text = WORKFLOW.replace("name: keyed", `name: keyed-${randomUUID()}`);
  const stopped = { workflow: "stopped", jobs: { j: { steps: [{ result: "failure", timedOut: true }] } } } as unknown as Plan;
  const finished = { workflow: "finished", jobs: { j: { steps: [{ result: "success" }] } } } as unknown as Plan;
  let next = stopped;
  let simulated = 0;
  const simulate = async () => {
    simulated++;
    return next;
  };
  assert.equal(await rememberedPlan(shape(text), event, simulate), stopped);
  next = finished;
  assert.equal(await rememberedPlan(shape(text), event, simulate), finished, "simulated again");
  assert.deepEqual(await rememberedPlan(shape(text), event, simulate), finished, "the plan that finished is remembered");
  assert.equal(simulated, 2);
});

test("every project file the simulation imports is among the inputs a plan is remembered by", async () => {
  // Static and dynamic imports alike: a model loaded on demand changes plans too.
  const { files } = await everyLoaded(["scripts/sim/plan-report.ts", "scripts/sim/simulate.ts"]);
  assert.ok(files.has("scripts/sim/models/metadata-action.ts") && files.has("scripts/expressions/evaluate.ts"), "the graph reaches the models (the walk works)");
  // Where plans, reports and sandboxes are kept, not what they hold.
  const keeping = ["scripts/files/json-cache.ts", "scripts/files/memory-folder.ts", "scripts/pipeline/report-cache.ts", "workflows-src/kit/project-root.ts"];
  const covered = (file: string) => keeping.includes(file) || SIMULATION_INPUTS.some((input) => file === input || file.startsWith(`${input}/`));
  assert.deepEqual([...files].filter((file) => !covered(file)), [], "add these to SIMULATION_INPUTS in scripts/sim/plan-cache.ts");
});
