/**
 * Every emitted workflow can be simulated, or names what the simulation lacks for it:
 * declared scenarios name emitted workflows, a workflow without declarations gets
 * events derived from its triggers, and
 * `npm run plan -- --workflow NAME` runs a workflow's scenarios by its name.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "yaml";
import { parseEvent } from "../../scripts/sim/event-description.ts";
import { GithubScriptRunner } from "../../scripts/sim/models/github-script-runner.ts";
import { planScenarios, type ScenarioPlan } from "../../scripts/sim/plan-report.ts";
import { DECLARED_SCENARIOS, derivedScenarios, scenariosFor, workflowName } from "../../scripts/sim/scenarios.ts";
import { triggers } from "../../scripts/sim/triggers.ts";
import { UnsupportedFeature } from "../../scripts/sim/unsupported.ts";
import { parseWorkflowShape } from "../../scripts/sim/workflow-shape.ts";
import { emittedWorkflows } from "../support/emitted.ts";
import { runScript } from "../support/run-script.ts";

const emitted = await emittedWorkflows();

test("declared scenarios belong to emitted workflows (a renamed workflow cannot lose them silently)", () => {
  const names = emitted.map((f) => workflowName(f.path));
  assert.deepEqual(Object.keys(DECLARED_SCENARIOS).filter((name) => !names.includes(name)), []);
});

/**
 * The emitted workflows the simulation cannot run, each with the feature it does not
 * model (a model of a runner, not a runner: see the README's known limits).
 */
const UNMODELLED: Readonly<Record<string, string>> = {
  "caddy-major-monitor": '"github.rest.repos"',
  codeql: '"strategy (matrix) of job "analyze""',
  "create-labels": '"github.rest.issues.createLabel"',
  "docs-to-issues": '"github-script require"',
  "propagate-changes": '"github.rest.repos"',
  "release-goreleaser": '"working-directory of step "Build Frontend""',
  renovate_prune: '"github.rest.git"',
};

test("every emitted workflow has scenarios, and its first one starts it", () => {
  for (const file of emitted) {
    const shape = parseWorkflowShape(file.path, parse(file.content));
    const scenarios = scenariosFor(file.path, shape);
    assert.ok(scenarios.length > 0, file.path);
    const decision = triggers(shape, parseEvent(scenarios[0]!.event));
    assert.equal(decision.triggered, true, `${file.path}: ${decision.reason}`);
  }
});

test("every emitted workflow is simulated for its first scenario, but those whose unmodelled feature is listed", async () => {
  const unsupported: Record<string, string> = {};
  // One process for every workflow's github-script bodies, not one per workflow.
  const scripts = new GithubScriptRunner();
  try {
    for (const file of emitted) {
      const scenarios = scenariosFor(file.path, parseWorkflowShape(file.path, parse(file.content)));
      try {
        const { plans } = await planScenarios(file.path, file.content, scenarios.slice(0, 1), scripts);
        assert.equal(plans[0]!.plan.triggered, true, `${file.path}: ${plans[0]!.plan.trigger}`);
      } catch (error) {
        if (!(error instanceof UnsupportedFeature)) throw error;
        unsupported[workflowName(file.path)] = error.message;
      }
    }
  } finally {
    await scripts.close();
  }
  assert.deepEqual(Object.keys(unsupported).sort(), Object.keys(UNMODELLED).sort());
  for (const [name, feature] of Object.entries(UNMODELLED)) assert.ok(unsupported[name]?.startsWith(`${feature} is not modelled`), `${name}: ${unsupported[name]}`);
});

test("a workflow without declarations gets a pull request from a branch and from a fork, pushes to its named branches, a manual run and an issue", () => {
  const workflow = parseWorkflowShape("ci.yml", { on: { pull_request: { branches: ["[ab]*", "develop"] }, push: { branches: ["main", "renovate/**", "!renovate/example"] }, workflow_dispatch: null, schedule: [{ cron: "0 0 * * *" }] }, jobs: {} });
  assert.deepEqual(derivedScenarios(workflow), [
    { label: "PR into `develop`", event: { event: "pull_request", pr: 1, base: "develop", title: "feat: a change" } },
    { label: "PR into `develop` from a fork", event: { event: "pull_request", pr: 2, base: "develop", fork: "contributor", title: "fix: a change" } },
    { label: "push `main`", event: { event: "push", ref: "refs/heads/main", message: "feat: a change" } },
    { label: "manual run", event: { event: "workflow_dispatch" } },
  ]);
  const renovate = parseWorkflowShape("r.yml", { on: { push: { branches: ["renovate/**"] } }, jobs: {} });
  assert.deepEqual(derivedScenarios(renovate).map((s) => s.event), [{ event: "push", ref: "refs/heads/renovate/example", message: "feat: a change" }]);
  assert.deepEqual(derivedScenarios(parseWorkflowShape("x.yml", { on: "push", jobs: {} })).map((s) => s.label), ["push `main`"]);
  assert.deepEqual(derivedScenarios(parseWorkflowShape("x.yml", { on: ["schedule"], jobs: {} })), []);
  assert.deepEqual(derivedScenarios(parseWorkflowShape("x.yml", { on: { issues: { types: ["reopened", "opened"] } }, jobs: {} })).map((s) => s.event), [{ event: "issues", issue: 3, action: "reopened", title: "A bug report" }]);
  assert.deepEqual(derivedScenarios(parseWorkflowShape("x.yml", { on: "issues", jobs: {} })).map((s) => s.label), ["issue #3 opened"]);
  assert.deepEqual(derivedScenarios(parseWorkflowShape("x.yml", { on: { push: { tags: ["v*"] } }, jobs: {} })).map((s) => s.event), [{ event: "push", ref: "refs/tags/vexample", message: "feat: a change" }]);
});

test("npm run plan -- --workflow NAME simulates that workflow's scenarios, one line per job", () => {
  const run = runScript("plan", ["--workflow", "workflows-check"]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^PR #22 from a fork:\n {2}check: success\n {2}review: success\n {2}review-comment: skipped$/m);
  assert.match(run.stdout, /^push `feature\/x`: not triggered/m);
  const unknown = runScript("plan", ["--workflow", "no-such-workflow"]);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /no workflow at ".*no-such-workflow\.yml"/);
});

test("a scenario whose step was stopped at its time limit is simulated once more, alone: a step that only met a busy moment finishes, one that never ends is stopped again", async () => {
  const LIMIT_MS = 1000;
  const workflow = (body: string) => `on: push\njobs:\n  j:\n    steps:\n      - uses: actions/github-script@v7\n        with:\n          script: ${JSON.stringify(body)}\n`;
  // Waits, without using a core, until nearly two limits from now: begun at once, the body is stopped; begun again, in a
  // new process after that, it has less than a limit left to wait and finishes (a quarter second short of it, so that
  // its answer comes well within the limit). Should the first begin late, it finishes at once and the test still holds.
  const until = Date.now() + 2 * LIMIT_MS - 250;
  const busyMoment = `const wait = ${until} - Date.now(); if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait); return 7;`;
  const push = [{ label: "push `main`", event: { event: "push" as const } }];
  const runners = [new GithubScriptRunner(LIMIT_MS), new GithubScriptRunner(LIMIT_MS)] as const;
  const [busy, hanging] = await Promise.all([
    planScenarios("busy.yml", workflow(busyMoment), push, runners[0]),
    planScenarios("hanging.yml", workflow("await new Promise(() => {});"), push, runners[1]),
  ]).finally(() => Promise.all(runners.map((runner) => runner.close())));
  const step = (plans: readonly ScenarioPlan[]) => plans[0]!.plan.jobs["j"]!.steps[0]!;
  assert.deepEqual([step(busy.plans).result, step(busy.plans).outputs["result"], step(busy.plans).timedOut], ["success", "7", undefined]);
  assert.deepEqual([step(hanging.plans).result, step(hanging.plans).timedOut], ["failure", true]);
});
