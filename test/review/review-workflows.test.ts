/**
 * The review of workflow texts, in memory: a workflow added or removed, one whose text
 * differs only in comments, and one the simulation cannot run (a matrix), whose review
 * says so in its notes rather than showing no behaviour change.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { reviewWorkflows } from "../../scripts/review/review-workflows.ts";

const FILE = ".github/workflows/ci.yml";
const ci = (extra = "") => `# a header comment
name: CI
on:
  push:
    branches: [main]
permissions: {}
jobs:
  test:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - name: Test
        run: npm test
${extra}`;

test("an added workflow: its jobs, tokens, triggers and behaviour are all new", async () => {
  const [review] = (await reviewWorkflows("0".repeat(40), [], [{ path: FILE, content: ci() }])).workflows;
  assert.equal(review!.status, "added");
  assert.deepEqual(review!.changes.map((c) => c.path), ["name", "on", "permissions", "jobs.test"]);
  assert.deepEqual(review!.security.map((s) => [s.kind, s.path]), [
    ["permission-widened", "jobs.test.permissions.contents"],
    ["trigger-added", "on.push"],
  ]);
  assert.deepEqual(review!.behaviour, [{ scenario: "push `main`", job: "test", before: "absent", after: "success", what: "result" }]);
});

test("a removed workflow is the same, the other way", async () => {
  const [review] = (await reviewWorkflows("0".repeat(40), [{ path: FILE, content: ci() }], [])).workflows;
  assert.equal(review!.status, "removed");
  assert.deepEqual(review!.behaviour, [{ scenario: "push `main`", job: "test", before: "success", after: "absent", what: "result" }]);
  assert.ok(review!.security.every((s) => s.kind === "permission-narrowed" || s.kind === "trigger-removed"));
});

test("text that differs only in comments is no change", async () => {
  const [review] = (await reviewWorkflows("0".repeat(40), [{ path: FILE, content: ci() }], [{ path: FILE, content: ci().replace("# a header comment", "# another header") }])).workflows;
  assert.deepEqual(review, { file: FILE, status: "unchanged", changes: [], behaviour: [], security: [], lint: { new: [], fixed: [] }, notes: [] });
});

test("a workflow the simulation cannot run is reviewed without behaviour, and the notes say why", async () => {
  const matrix = ci("    strategy:\n      matrix:\n        node: [20, 24]\n");
  const [review] = (await reviewWorkflows("0".repeat(40), [{ path: FILE, content: ci() }], [{ path: FILE, content: matrix }])).workflows;
  assert.equal(review!.status, "changed");
  assert.deepEqual(review!.changes, [{ path: "jobs.test.strategy", before: null, after: { matrix: { node: [20, 24] } }, kind: "added" }]);
  assert.deepEqual(review!.behaviour, []);
  assert.equal(review!.notes.length, 1);
  assert.match(review!.notes[0]!, /^the working tree's version was not simulated: .*strategy \(matrix\) of job "test"/);
});
