/**
 * The semantic diff of two workflow versions: fields by YAML path, steps as steps
 * (one moved step is one move, a renamed step that runs the same action is the same
 * step), other lists as values, and a new workflow listed job by job.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { workflowChanges } from "../../scripts/review/changes.ts";

const steps = (...names: string[]) => names.map((name) => ({ name, run: `echo ${name}` }));
const workflowWith = (jobSteps: object[], extra: object = {}) => ({ on: "push", jobs: { build: { "runs-on": "ubuntu-latest", steps: jobSteps, ...extra } } });

test("identical workflows have no change", () => {
  assert.deepEqual(workflowChanges(workflowWith(steps("a", "b")), workflowWith(steps("a", "b"))), []);
});

test("a step moved to the front is one move, not a shift of every other step", () => {
  const changes = workflowChanges(workflowWith(steps("a", "b", "c", "d")), workflowWith(steps("d", "a", "b", "c")));
  assert.deepEqual(changes, [{ path: "jobs.build.steps[0]", before: "jobs.build.steps[3]", after: "jobs.build.steps[0]", kind: "moved" }]);
});

test("a moved step that also changed reports the move and its changed field at its new place", () => {
  const before = workflowWith([...steps("a", "b"), { name: "c", run: "echo c", if: "always()" }]);
  const after = workflowWith([{ name: "c", run: "echo c", if: "success()" }, ...steps("a", "b")]);
  assert.deepEqual(workflowChanges(before, after), [
    { path: "jobs.build.steps[0]", before: "jobs.build.steps[2]", after: "jobs.build.steps[0]", kind: "moved" },
    { path: "jobs.build.steps[0].if", before: "always()", after: "success()", kind: "changed" },
  ]);
});

test("a step renamed without an id is the same step when it runs the same action", () => {
  const before = workflowWith([{ name: "Check out", uses: "actions/checkout@abc" }]);
  const after = workflowWith([{ name: "Checkout", uses: "actions/checkout@abc" }]);
  assert.deepEqual(workflowChanges(before, after), [{ path: "jobs.build.steps[0].name", before: "Check out", after: "Checkout", kind: "changed" }]);
});

test("steps with an id are matched by id even when everything else changed", () => {
  const before = workflowWith([{ id: "x", name: "one", run: "a" }, { id: "y", name: "two", run: "b" }]);
  const after = workflowWith([{ id: "y", name: "two", run: "b" }, { id: "x", name: "renamed", run: "c" }]);
  assert.deepEqual(workflowChanges(before, after), [
    { path: "jobs.build.steps[1]", before: "jobs.build.steps[0]", after: "jobs.build.steps[1]", kind: "moved" },
    { path: "jobs.build.steps[1].name", before: "one", after: "renamed", kind: "changed" },
    { path: "jobs.build.steps[1].run", before: "a", after: "c", kind: "changed" },
  ]);
});

test("an added and a removed step are reported at their own indices", () => {
  const changes = workflowChanges(workflowWith(steps("a", "b")), workflowWith(steps("a", "c")));
  assert.deepEqual(changes, [
    { path: "jobs.build.steps[1]", before: { name: "b", run: "echo b" }, after: null, kind: "removed" },
    { path: "jobs.build.steps[1]", before: null, after: { name: "c", run: "echo c" }, kind: "added" },
  ]);
});

test("lists other than steps are compared as values; maps key by key", () => {
  const before = { on: { push: { branches: ["main"] } }, permissions: {}, jobs: {} };
  const after = { on: { push: { branches: ["main", "dev"] }, workflow_dispatch: null }, permissions: { contents: "read" }, jobs: {} };
  assert.deepEqual(workflowChanges(before, after), [
    { path: "on.push.branches", before: ["main"], after: ["main", "dev"], kind: "changed" },
    { path: "on.workflow_dispatch", before: null, after: null, kind: "added" },
    { path: "permissions.contents", before: null, after: "read", kind: "added" },
  ]);
});

test("a new workflow is listed by top-level field and job by job", () => {
  const after = { name: "w", on: "push", jobs: { a: { "runs-on": "x" }, b: { "runs-on": "y" } } };
  assert.deepEqual(
    workflowChanges(undefined, after).map((c) => [c.kind, c.path]),
    [
      ["added", "name"],
      ["added", "on"],
      ["added", "jobs.a"],
      ["added", "jobs.b"],
    ],
  );
});
