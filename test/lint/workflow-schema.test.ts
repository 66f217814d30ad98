import { test } from "node:test";
import assert from "node:assert/strict";
import { contextsAvailableAt, keysAllowedAt } from "../../scripts/lint/workflow-schema.ts";
import { pathSegments } from "../../scripts/files/yaml-path.ts";

const at = (path: string) => contextsAvailableAt(pathSegments(path));

test("a step if: has the step contexts but no secrets; a step's env:, with: and run: have secrets", () => {
  const stepIf = at("jobs.build.steps[2].if") ?? [];
  for (const name of ["github", "env", "steps", "needs", "matrix"]) assert.ok(stepIf.includes(name), name);
  assert.ok(!stepIf.includes("secrets"));
  for (const path of ["jobs.build.steps[2].env.TOKEN", "jobs.build.steps[2].with.password", "jobs.build.steps[2].run"]) {
    assert.ok(at(path)?.includes("secrets"), path);
  }
});

test("job-level places follow the schema: if: and runs-on without secrets, env: and container credentials with", () => {
  assert.deepEqual([...(at("jobs.build.if") ?? [])].sort(), ["github", "inputs", "needs", "vars"]);
  assert.ok(!at("jobs.build.runs-on")?.includes("secrets"));
  assert.ok(!at("jobs.build.container.image")?.includes("secrets"));
  assert.ok(at("jobs.build.container.credentials.password")?.includes("secrets"));
  assert.ok(at("jobs.build.env.TOKEN")?.includes("secrets"));
  assert.ok(!at("jobs.build.strategy.matrix.os[0]")?.includes("secrets"));
  assert.deepEqual([...(at("concurrency.group") ?? [])].sort(), ["github", "inputs", "vars"]);
});

test("a key the schema does not have gives no answer", () => {
  assert.equal(at("jobs.build.nme"), undefined);
  assert.equal(at("jobs.build.steps[0].colour"), undefined);
});

test("the keys of a job are those of both its forms (steps or a reusable-workflow call); a map of names has no fixed keys", () => {
  const job = keysAllowedAt(pathSegments("jobs.build")) ?? [];
  for (const key of ["runs-on", "steps", "needs", "uses", "with", "secrets"]) assert.ok(job.includes(key), key);
  assert.ok(!job.includes("run"));
  const step = keysAllowedAt(pathSegments("jobs.build.steps[0]")) ?? [];
  for (const key of ["run", "uses", "shell", "working-directory", "continue-on-error"]) assert.ok(step.includes(key), key);
  assert.deepEqual([...(keysAllowedAt([]) ?? [])].sort().slice(0, 3), ["concurrency", "defaults", "description"]);
  assert.equal(keysAllowedAt(pathSegments("jobs.build.env")), undefined);
  assert.equal(keysAllowedAt(pathSegments("jobs.build.steps[0].with")), undefined);
});
