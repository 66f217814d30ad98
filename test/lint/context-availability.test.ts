import { test } from "node:test";
import assert from "node:assert/strict";
import { contextsAvailableAt } from "../../scripts/lint/context-availability.ts";
import { pathSegments } from "../../scripts/lint/document.ts";

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
