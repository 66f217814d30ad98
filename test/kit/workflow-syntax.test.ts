/**
 * The kit's workflow syntax at run time: what it writes for triggers, inputs,
 * reusable workflows, matrices, services and waivers, and the construction errors
 * for references the types cannot see (a matrix or service of another job, an input
 * or event the triggers lack, a callee that is not registered).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "yaml";
import { emitWorkflow } from "../../scripts/emit/emit-workflow.ts";
import { unresolvedCalls } from "../../workflows-src/kit/reusable.ts";
import {
  BuildError,
  callWorkflow,
  defaultPermissions,
  eq,
  event,
  format,
  job,
  jobOutputs,
  localWorkflowFile,
  matrix,
  reusableWorkflow,
  scriptStep,
  service,
  toJSON,
  unnamed,
  variable,
  variables,
  workflow,
  workflowDispatch,
  type BuiltWorkflow,
  type JobHandle,
  type WorkflowSpec,
} from "../../workflows-src/kit/index.ts";

const runsOn = "ubuntu-latest";
const echo = (): ReturnType<typeof scriptStep> => scriptStep({ name: "Echo", run: "echo hi" });

function build(spec: Partial<WorkflowSpec> & { jobs: readonly JobHandle[] }): BuiltWorkflow {
  return workflow(import.meta.url, { name: "t", on: "push", permissions: {}, ...spec });
}

function problemsOf(make: () => unknown): string[] {
  try {
    make();
  } catch (error) {
    assert.ok(error instanceof BuildError, String(error));
    return error.problems.map((p) => `[${p.path}] ${p.message}`);
  }
  return [];
}

test("every on: form is written as given: one event, a list, a mapping with null, filters and schedules", () => {
  const j = job("j", {}, () => ({ name: "j", "runs-on": runsOn, permissions: {}, steps: [echo()] }));
  assert.equal(build({ on: "push", jobs: [j] }).workflow.on, "push");
  assert.deepEqual(build({ on: ["push", "pull_request"], jobs: [j] }).workflow.on, ["push", "pull_request"]);
  const mapped = build({ on: { pull_request_target: null, push: { branches: "main", "tags-ignore": ["v0*"] }, schedule: [{ cron: "0 3 * * *" }], workflow_dispatch: {} }, jobs: [j] }).workflow.on;
  assert.deepEqual(mapped, { pull_request_target: null, push: { branches: "main", "tags-ignore": ["v0*"] }, schedule: [{ cron: "0 3 * * *" }], workflow_dispatch: {} });
});

test("dispatch inputs are written under on.workflow_dispatch and read as inputs.<name>", () => {
  const dispatch = workflowDispatch({ inputs: { target: { type: "choice", options: ["staging", "prod"], required: true } } });
  const j = job("j", {}, () => ({ name: "j", if: eq(dispatch.inputs.target, "prod"), "runs-on": runsOn, permissions: {}, steps: [echo()] }));
  const built = build({ on: { workflow_dispatch: dispatch }, jobs: [j] });
  assert.deepEqual(built.workflow.on, { workflow_dispatch: { inputs: { target: { type: "choice", options: ["staging", "prod"], required: true } } } });
  assert.equal(built.workflow.jobs["j"]?.if, "inputs.target == 'prod'");
});

test("reading an input of a declaration the triggers lack is refused", () => {
  const dispatch = workflowDispatch({ inputs: { target: { type: "string" } } });
  const j = job("j", {}, () => ({ name: "j", "runs-on": runsOn, permissions: {}, env: { TARGET: dispatch.inputs.target }, steps: [echo()] }));
  const problems = problemsOf(() => build({ on: "push", jobs: [j] }));
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /^\[jobs\.j\] reads inputs\.target of a declaration this workflow's triggers do not have/);
});

test("reading the payload of an event that does not trigger the workflow is refused", () => {
  const j = job("j", {}, () => ({ name: "j", "runs-on": runsOn, permissions: {}, env: { PR: event("pull_request").get("number") }, steps: [echo()] }));
  assert.match(problemsOf(() => build({ on: "push", jobs: [j] })).join("\n"), /reads the payload of "pull_request", which does not trigger this workflow/);
  assert.deepEqual(problemsOf(() => build({ on: ["push", "pull_request"], jobs: [j] })), []);
});

test("a payload field is read through a nullable value as GitHub reads it", () => {
  const fork = event("pull_request").get("pull_request").get("head").get("repo").get("fork");
  assert.equal(fork.toString(), "${{ github.event.pull_request.head.repo.fork }}");
  assert.deepEqual(fork.refs, [{ kind: "event", event: "pull_request" }]);
});

test("the vars context is read one variable at a time or whole", () => {
  const j = job("j", {}, () => ({ name: "j", "runs-on": runsOn, permissions: {}, env: { ONE: variable("GATE"), ALL: toJSON(variables) }, steps: [echo()] }));
  const built = build({ jobs: [j] }).workflow.jobs["j"];
  assert.ok(built && "steps" in built);
  assert.deepEqual(built.env, { ONE: "${{ vars.GATE }}", ALL: "${{ toJSON(vars) }}" });
});

test("a reusable workflow writes its declaration; callers' with: and secrets: and outputs follow it", () => {
  const callee = reusableWorkflow(import.meta.url, { inputs: { image: { type: "string", required: true } }, secrets: { token: { required: true } }, outputs: ["digest"] });
  const produce = job("produce", {}, () => ({ name: "p", "runs-on": runsOn, permissions: {}, outputs: { digest: "sha256:1" }, steps: [echo()] }));
  const built = build({ on: { workflow_call: callee.trigger({ digest: { value: jobOutputs(produce).digest, description: "the digest" } }) }, jobs: [produce] });
  assert.deepEqual(built.workflow.on, {
    workflow_call: {
      inputs: { image: { type: "string", required: true } },
      secrets: { token: { required: true } },
      outputs: { digest: { value: "${{ jobs.produce.outputs.digest }}", description: "the digest" } },
    },
  });

  const call = callWorkflow("call", { uses: callee }, () => ({ name: "Call", permissions: { contents: "read" }, with: { image: "app" }, secrets: { token: "${{ secrets.TOKEN }}" } }));
  const after = job("after", { needs: call }, (needs) => ({ name: "a", "runs-on": runsOn, permissions: {}, env: { DIGEST: needs(call).outputs.digest }, steps: [echo()] }));
  const caller = workflow(new URL("./caller.ts", import.meta.url).href, { name: "caller", on: "push", permissions: {}, jobs: [call, after] });
  assert.deepEqual(caller.workflow.jobs["call"], {
    name: "Call",
    uses: "./.github/workflows/workflow-syntax.test.yml",
    with: { image: "app" },
    secrets: { token: "${{ secrets.TOKEN }}" },
    permissions: { contents: "read" },
  });
  assert.equal((caller.workflow.jobs["after"] as { needs?: unknown }).needs, "call", "one needed job is written as a scalar");
  assert.deepEqual(unresolvedCalls([built, caller], () => false), []);
  assert.match(unresolvedCalls([caller], () => false).map((p) => p.message).join("\n"), /calls "\.\/\.github\/workflows\/workflow-syntax\.test\.yml", but no registered workflow has that workflow_call/);
});

test("a caller passing an input or secret the callee does not declare is refused", () => {
  const callee = reusableWorkflow(import.meta.url, { inputs: { image: { type: "string" } } });
  const call = callWorkflow("call", { uses: callee }, () => ({ name: "Call", permissions: {}, with: { image: "a", imgae: "b" } as { image: string }, secrets: { token: "x" } as never }));
  const problems = problemsOf(() => build({ jobs: [call] }));
  assert.ok(problems.some((p) => /^\[jobs\.call\.with\.imgae\] passes input "imgae", which ".*" does not declare/.test(p)), problems.join("\n"));
  assert.ok(problems.some((p) => /^\[jobs\.call\.secrets\.token\] passes secret "token"/.test(p)), problems.join("\n"));
});

test("a workflow_call declared for another module, or job outputs read outside its outputs, are refused", () => {
  const other = reusableWorkflow(new URL("./other.ts", import.meta.url).href, {});
  const j = job("j", {}, () => ({ name: "j", "runs-on": runsOn, permissions: {}, outputs: { x: "1" }, steps: [echo()] }));
  assert.match(problemsOf(() => build({ on: { workflow_call: other.trigger() }, jobs: [j] })).join("\n"), /^\[on\.workflow_call\] uses the workflow_call declared for "other\.yml"/);
  const reader = job("reader", {}, () => ({ name: "r", "runs-on": runsOn, permissions: {}, env: { X: jobOutputs(j).x }, steps: [echo()] }));
  assert.match(problemsOf(() => build({ jobs: [j, reader] })).join("\n"), /reads jobs\.j\.outputs, which only a workflow_call output/);
});

test("a declared local workflow file must exist, on disk or emitted", () => {
  const legacy = localWorkflowFile("./.github/workflows/legacy.yml", {});
  const call = callWorkflow("legacy", { uses: legacy }, () => ({ name: "Legacy", permissions: {} }));
  const caller = build({ jobs: [call] });
  assert.match(unresolvedCalls([caller], () => false).map((p) => p.message).join("\n"), /calls "\.\/\.github\/workflows\/legacy\.yml", which does not exist/);
  assert.deepEqual(unresolvedCalls([caller], (file) => file === "legacy.yml"), []);
});

test("a matrix is written with include and exclude, and read only by the job whose strategy it is", () => {
  const m = matrix({ os: ["ubuntu-latest", "macos-latest"] }, { include: [{ os: "ubuntu-latest", extra: true }], exclude: [{ os: "macos-latest" }] });
  const mine = job("mine", {}, () => ({ name: format("Test {0}", m.os), "runs-on": m.os, permissions: {}, strategy: { matrix: m, "fail-fast": false }, steps: [echo()] }));
  const built = build({ jobs: [mine] });
  assert.deepEqual((built.workflow.jobs["mine"] as { strategy?: unknown }).strategy, {
    matrix: { os: ["ubuntu-latest", "macos-latest"], include: [{ os: "ubuntu-latest", extra: true }], exclude: [{ os: "macos-latest" }] },
    "fail-fast": false,
  });
  assert.equal((built.workflow.jobs["mine"] as { "runs-on"?: unknown })["runs-on"], "${{ matrix.os }}");
  const stranger = job("stranger", {}, () => ({ name: "s", "runs-on": m.os, permissions: {}, steps: [echo()] }));
  assert.match(problemsOf(() => build({ jobs: [stranger] })).join("\n"), /^\[jobs\.stranger\] reads matrix\.os of a matrix that is not its strategy's/);
});

test("a service is read only by the job that runs it; the environment URL reads the job's own steps", () => {
  const db = service("postgres", { image: "postgres:16", ports: [5432] });
  const deploy = scriptStep({ name: "Deploy", id: "deploy", outputs: ["url"], run: "./deploy.sh" });
  const runs = job("runs", {}, () => ({ name: "r", "runs-on": runsOn, permissions: {}, services: [db], environment: { name: "prod", url: deploy.outputs.url }, steps: [deploy, scriptStep({ name: "Port", env: { PORT: db.port(5432) }, run: "true" })] }));
  const built = build({ jobs: [runs] });
  const model = built.workflow.jobs["runs"] as unknown as Record<string, unknown>;
  assert.deepEqual(model["services"], { postgres: { image: "postgres:16", ports: [5432] } });
  assert.deepEqual(model["environment"], { name: "prod", url: "${{ steps.deploy.outputs.url }}" });
  const other = scriptStep({ name: "Elsewhere", id: "elsewhere", outputs: ["url"], run: "true" });
  const wrong = job("wrong", {}, () => ({ name: "w", "runs-on": runsOn, permissions: {}, environment: { name: "prod", url: other.outputs.url }, steps: [scriptStep({ name: "Port", env: { PORT: db.port(5432) }, run: "true" })] }));
  const problems = problemsOf(() => build({ jobs: [wrong] }));
  assert.ok(problems.some((p) => /^\[jobs\.wrong\.environment\] environment reads steps\.elsewhere, which is not a step of job "wrong"/.test(p)), problems.join("\n"));
  assert.ok(problems.some((p) => /^\[jobs\.wrong\] reads job\.services of a service it does not run/.test(p)), problems.join("\n"));
});

test("unnamed and defaultPermissions leave their keys out", () => {
  const j = job("j", {}, () => ({ name: unnamed, "runs-on": runsOn, permissions: defaultPermissions, steps: [scriptStep({ name: unnamed, run: "true" })] }));
  const built = workflow(import.meta.url, { name: unnamed, on: "push", permissions: defaultPermissions, jobs: [j] });
  assert.deepEqual(built.workflow, { on: "push", jobs: { j: { "runs-on": runsOn, steps: [{ run: "true" }] } } });
});

test("a script with ${{ }} is refused unless the step waives template-injection with a reason", () => {
  const unsafe = job("j", {}, () => ({ name: "j", "runs-on": runsOn, permissions: {}, steps: [scriptStep({ name: "Unsafe", run: "echo ${{ github.ref }}" })] }));
  assert.match(problemsOf(() => build({ jobs: [unsafe] })).join("\n"), /step "Unsafe" has "\$\{\{" inside its run/);
  const waived = job("j", {}, () => ({ name: "j", "runs-on": runsOn, permissions: {}, steps: [scriptStep({ name: "Unsafe", run: "echo ${{ github.ref }}", waive: { "template-injection": "kept from the original file" } })] }));
  assert.deepEqual(problemsOf(() => build({ jobs: [waived] })), []);
});

test("a waiver needs a rule id and a one-line reason", () => {
  const j = job("j", {}, () => ({
    name: "j",
    "runs-on": runsOn,
    permissions: {},
    waive: { "Template Injection": "x", "artipacked": " " },
    steps: [scriptStep({ name: "s", run: "true", waive: { "download-exec": "one\ntwo" } })],
  }));
  const problems = problemsOf(() => build({ jobs: [j] }));
  assert.ok(problems.some((p) => /^\[jobs\.j\] waives "Template Injection", which is not a rule id/.test(p)), problems.join("\n"));
  assert.ok(problems.some((p) => /^\[jobs\.j\] waives "artipacked" without a reason/.test(p)), problems.join("\n"));
  assert.ok(problems.some((p) => /^\[jobs\.j\.steps\[0\]\] step "s" waives "download-exec" with a reason of several lines/.test(p)), problems.join("\n"));
});

test("waivers are written as lint-ignore comments before the node they waive, and leave the data unchanged", () => {
  const j = job("build", {}, () => ({
    name: "Build",
    "runs-on": runsOn,
    permissions: {},
    waive: { "excessive-permissions": "the token needs no scope" },
    steps: [echo(), scriptStep({ name: "Unsafe", run: "echo ${{ github.ref }}", waive: { "template-injection": "kept from the original file" } })],
  }));
  const built = build({ jobs: [j], waive: { "dangerous-triggers": "runs on pushes only" } });
  const text = emitWorkflow(built).content;
  assert.match(text, /\n# lint-ignore: dangerous-triggers -- runs on pushes only\nname: t\n/);
  assert.match(text, /\n {2}# lint-ignore: excessive-permissions -- the token needs no scope\n {2}build:\n/);
  assert.match(text, /\n {6}- name: Echo\n(.*\n)* {6}# lint-ignore: template-injection -- kept from the original file\n {6}- name: Unsafe\n/);
  const body = text.split("\n").filter((line) => !line.startsWith("# Generated") && !line.startsWith("# Change") && !line.startsWith("# content-")).join("\n");
  assert.deepEqual(parse(body), JSON.parse(JSON.stringify(built.workflow)));
});
