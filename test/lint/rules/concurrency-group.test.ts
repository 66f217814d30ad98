import { test } from "node:test";
import assert from "node:assert/strict";
import { concurrencyGroup } from "../../../scripts/lint/rules/concurrency-group.ts";
import { lintText, where } from "../lint-text.ts";

const JOBS = "jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo a\n";

test("a group from github.workflow alone is reported, at workflow and job level", () => {
  const text = `on: push
concurrency: \${{ github.workflow }}
jobs:
  a:
    runs-on: ubuntu-latest
    concurrency:
      group: ci-\${{ github.workflow }}
    steps:
      - run: echo a
`;
  const findings = lintText(text, [concurrencyGroup]);
  assert.deepEqual(where(findings), ["concurrency-group@concurrency", "concurrency-group@jobs.a.concurrency.group"]);
  assert.match(findings[0]?.message ?? "", /alone.*github\.event_name/);
});

test("github.workflow in a callable workflow is reported even with the ref", () => {
  const text = `on:\n  push:\n  workflow_call:\nconcurrency:\n  group: \${{ github.workflow }}-\${{ github.ref }}\n${JOBS}`;
  const findings = lintText(text, [concurrencyGroup]);
  assert.deepEqual(where(findings), ["concurrency-group@concurrency.group"]);
  assert.match(findings[0]?.message ?? "", /workflow_call.*deadlock/);
});

test("a group from a prefix, the event and the ref passes, and so does workflow plus ref without workflow_call", () => {
  assert.deepEqual(lintText(`on: push\nconcurrency:\n  group: build-\${{ github.event_name }}-\${{ github.ref }}\n${JOBS}`, [concurrencyGroup]), []);
  assert.deepEqual(lintText(`on: push\nconcurrency:\n  group: \${{ github.workflow }}-\${{ github.ref }}\n${JOBS}`, [concurrencyGroup]), []);
});

test("a workflow that runs only on a schedule or by hand may serialise all its runs in one group", () => {
  const text = `on:
  schedule:
    - cron: "0 5 * * *"
  workflow_dispatch:
concurrency:
  group: \${{ github.workflow }}
jobs:
  renovate:
    runs-on: ubuntu-latest
    steps:
      - run: echo renovate
`;
  assert.deepEqual(lintText(text, [concurrencyGroup]), []);
});
