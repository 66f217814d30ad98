/**
 * The benchmark's synthetic workflows go through the whole generator (build, lint
 * rules, emit) like the registered ones, each under its own file name, so the scaling
 * benchmark measures real work and does not break when a rule tightens.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "yaml";
import { generate } from "../../scripts/pipeline/generate.ts";
import { syntheticWorkflow } from "../../scripts/bench/synthetic-workflow.ts";

test("synthetic workflows generate cleanly, one file each, about the size of docker-build", async () => {
  const files = await generate({ workflows: [0, 1].map((index) => () => syntheticWorkflow(index)), reports: [] });
  const workflows = files.filter((file) => file.path.startsWith(".github/workflows/"));
  assert.deepEqual(workflows.map((file) => file.path), [".github/workflows/synthetic-0.yml", ".github/workflows/synthetic-1.yml"]);
  const jobs = (parse(workflows[0]!.content) as { jobs: Record<string, { steps: unknown[] }> }).jobs;
  assert.equal(Object.keys(jobs).length, 8);
  assert.equal(Object.values(jobs).reduce((sum, job) => sum + job.steps.length, 0), 41);
});
