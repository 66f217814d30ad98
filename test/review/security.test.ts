/**
 * Security changes between two versions of a workflow's YAML: each job's token scope
 * by scope (its own block, else the workflow's, else the repository default), actions
 * and their pins with the `# tag` comment, triggers, and lint waivers (comments, not
 * `#` lines inside scripts; a waiver on a step that moved is the same waiver).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { securityChanges, waiversIn } from "../../scripts/review/security.ts";
import { parseWorkflowDocument, type WorkflowDocument } from "../../scripts/lint/document.ts";

function version(text: string): WorkflowDocument {
  return parseWorkflowDocument("w.yml", text);
}

const BASE = `on:
  pull_request:
permissions: {}
jobs:
  test:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - name: Checkout
        uses: actions/checkout@8e8c483db84b4bee98b60c0593521ed34d9990e8 # v6.0.1
      - name: Test
        run: npm test
`;

test("no difference, no security change", () => {
  assert.deepEqual(securityChanges(version(BASE), version(BASE)), []);
});

test("a scope granted to a job is a widening; one taken away a narrowing", () => {
  const after = BASE.replace("      contents: read\n", "      pull-requests: write\n");
  assert.deepEqual(securityChanges(version(BASE), version(after)), [
    { kind: "permission-narrowed", path: "jobs.test.permissions.contents", before: "read", after: "none" },
    { kind: "permission-widened", path: "jobs.test.permissions.pull-requests", before: "none", after: "write" },
  ]);
});

test("a job without its own block gets the workflow's, and without either the repository default (ranked as write)", () => {
  const inherits = BASE.replace("    permissions:\n      contents: read\n", "").replace("permissions: {}", "permissions:\n  contents: read");
  assert.deepEqual(securityChanges(version(BASE), version(inherits)), [], "the same token, granted at the top");
  const repositoryDefault = BASE.replace("    permissions:\n      contents: read\n", "").replace("permissions: {}\n", "");
  const changes = securityChanges(version(BASE), version(repositoryDefault));
  assert.ok(changes.every((c) => c.kind === "permission-widened" && c.after === "default"), JSON.stringify(changes));
  assert.ok(changes.some((c) => c.path === "jobs.test.permissions.contents" && c.before === "read"));
  assert.ok(changes.some((c) => c.path === "jobs.test.permissions.packages" && c.before === "none"));
});

test("a new job's token is a widening from none", () => {
  const after = `${BASE}  lint:\n    runs-on: ubuntu-latest\n    permissions: read-all\n    steps:\n      - run: npm run lint\n`;
  const changes = securityChanges(version(BASE), version(after));
  assert.ok(changes.length > 10 && changes.every((c) => c.kind === "permission-widened" && c.path.startsWith("jobs.lint.permissions.") && c.before === "none" && c.after === "read"), JSON.stringify(changes));
});

test("actions added and removed, and a pin moved, with the tag from the comment", () => {
  const moved = BASE.replace("8e8c483db84b4bee98b60c0593521ed34d9990e8 # v6.0.1", "11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2");
  assert.deepEqual(securityChanges(version(BASE), version(moved)), [
    { kind: "pin-changed", path: "jobs.test.steps[0].uses", before: "actions/checkout@8e8c483db84b4bee98b60c0593521ed34d9990e8 # v6.0.1", after: "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2" },
  ]);
  const added = BASE.replace("      - name: Test\n", "      - uses: actions/setup-node@395ad3262231945c25e8478fd5baf05154b1d79f # v6.1.0\n      - name: Test\n");
  assert.deepEqual(securityChanges(version(BASE), version(added)), [{ kind: "action-added", path: "jobs.test.steps[1].uses", before: null, after: "actions/setup-node@395ad3262231945c25e8478fd5baf05154b1d79f # v6.1.0" }]);
  assert.deepEqual(securityChanges(version(added), version(BASE)), [{ kind: "action-removed", path: "jobs.test.steps[1].uses", before: "actions/setup-node@395ad3262231945c25e8478fd5baf05154b1d79f # v6.1.0", after: null }]);
});

test("triggers added, removed and with changed filters", () => {
  const after = BASE.replace("on:\n  pull_request:\n", "on:\n  pull_request:\n    branches: [main]\n  schedule:\n    - cron: '0 0 * * *'\n");
  assert.deepEqual(securityChanges(version(BASE), version(after)), [
    { kind: "trigger-changed", path: "on.pull_request", before: null, after: { branches: ["main"] } },
    { kind: "trigger-added", path: "on.schedule", before: null, after: [{ cron: "0 0 * * *" }] },
  ]);
  assert.deepEqual(securityChanges(version(after), version(BASE.replace("pull_request:", "push:"))).filter((c) => c.kind === "trigger-removed").map((c) => c.path), ["on.pull_request", "on.schedule"]);
});

test("waivers are comments: at the end of a line they cover it, on their own line the next one; a # line in a script is not one", () => {
  const text = `on: push
jobs:
  test:
    # lint-ignore: excessive-permissions -- the job publishes releases
    permissions: write-all
    steps:
      - name: Test # lint-ignore: template-injection -- the value is a constant
        run: |
          # lint-ignore: download-exec -- not a comment: script text
          npm test
      # lint-ignore: artipacked
      - uses: actions/checkout@8e8c483db84b4bee98b60c0593521ed34d9990e8
`;
  assert.deepEqual(waiversIn(version(text)), [
    { rule: "excessive-permissions", reason: "the job publishes releases", path: "jobs.test.permissions" },
    { rule: "template-injection", reason: "the value is a constant", path: "jobs.test.steps[0]" },
    { rule: "artipacked", reason: "", path: "jobs.test.steps[1]" },
  ]);
});

test("a waiver added is reported; the same waiver on a step that moved is not", () => {
  const steps = (first: string, second: string) => `on: push\npermissions: {}\njobs:\n  test:\n    runs-on: x\n    permissions: {}\n    steps:\n${first}${second}`;
  const waived = "      # lint-ignore: guard-coverage -- the step tolerates an empty value\n      - name: Use\n        run: echo use\n";
  const plain = "      - name: Use\n        run: echo use\n";
  const other = "      - name: Other\n        run: echo other\n";
  assert.deepEqual(securityChanges(version(steps(other, plain)), version(steps(other, waived))), [
    { kind: "waiver-added", path: "jobs.test.steps[1]", before: null, after: "guard-coverage -- the step tolerates an empty value" },
  ]);
  assert.deepEqual(securityChanges(version(steps(other, waived)), version(steps(waived, other))), [], "moved, not removed and added");
  assert.deepEqual(securityChanges(version(steps(other, waived)), version(steps(other, plain))).map((c) => c.kind), ["waiver-removed"]);
});
