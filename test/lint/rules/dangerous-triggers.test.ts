import { test } from "node:test";
import assert from "node:assert/strict";
import { dangerousTriggers } from "../../../scripts/lint/rules/dangerous-triggers.ts";
import { lintText, where } from "../lint-text.ts";

const JOBS = "jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo a\n";

test("pull_request_target and workflow_run are reported in each form of on:", () => {
  assert.deepEqual(where(lintText(`on: pull_request_target\n${JOBS}`, [dangerousTriggers])), ["dangerous-triggers@on"]);
  assert.deepEqual(where(lintText(`on: [push, workflow_run]\n${JOBS}`, [dangerousTriggers])), ["dangerous-triggers@on"]);
  const mapping = `on:\n  pull_request_target:\n    branches: [main]\n  workflow_run:\n    workflows: [ci]\n${JOBS}`;
  const findings = lintText(mapping, [dangerousTriggers]);
  assert.deepEqual(where(findings).sort(), ["dangerous-triggers@on.pull_request_target", "dangerous-triggers@on.workflow_run"]);
  assert.match(findings[0]?.message ?? "", /use "pull_request"/);
});

test("pull_request, push and workflow_dispatch pass", () => {
  assert.deepEqual(lintText(`on:\n  pull_request:\n  push:\n  workflow_dispatch:\n${JOBS}`, [dangerousTriggers]), []);
});
