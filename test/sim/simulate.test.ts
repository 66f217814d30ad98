import { test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "yaml";
import { githubContext, parseEvent } from "../../scripts/sim/event.ts";
import { parseFileCommands } from "../../scripts/sim/run-step.ts";
import { simulate } from "../../scripts/sim/simulate.ts";
import { parseWorkflowShape } from "../../scripts/sim/workflow-shape.ts";
import { runScript } from "../support/run-script.ts";

const wf = (text: string) => parseWorkflowShape("inline.yml", parse(text));
const push = (ref = "refs/heads/main") => parseEvent({ event: "push", ref });
const failingStep = `
      - id: boom
        run: docker save missing/image:tag -o "$RUNNER_TEMP/x.tar"`;

test("a skipped or failed dependency blocks the implicit success(), transitively; failure() sees only failures", async () => {
  const plan = await simulate(
    wf(`
on: push
jobs:
  off: { if: "false", steps: [{ run: "true" }] }
  after-off: { needs: off, steps: [{ run: "true" }] }
  always-after-off: { needs: off, if: always(), steps: [{ run: "true" }] }
  failure-after-off: { needs: off, if: failure(), steps: [{ run: "true" }] }
  broken:
    steps:${failingStep}
  bridge: { needs: broken, if: always(), steps: [{ run: "true" }] }
  after-bridge: { needs: bridge, steps: [{ run: "true" }] }
  on-failure: { needs: bridge, if: failure(), steps: [{ run: "true" }] }
`),
    push(),
  );
  const result = (id: string) => plan.jobs[id]!.result;
  assert.equal(result("off"), "skipped");
  assert.equal(result("after-off"), "skipped");
  assert.match(plan.jobs["after-off"]!.reason, /"off" skipped/);
  assert.equal(result("always-after-off"), "success");
  assert.equal(result("failure-after-off"), "skipped");
  assert.equal(result("broken"), "failure");
  assert.equal(result("bridge"), "success");
  assert.equal(result("after-bridge"), "skipped", "the failed job two levels up still blocks success()");
  assert.equal(result("on-failure"), "success");
});

test("after a failed step later steps are skipped unless their condition calls a status function; continue-on-error keeps the job green", async () => {
  const plan = await simulate(
    wf(`
on: push
jobs:
  j:
    steps:${failingStep}
      - run: "true"
      - if: failure()
        run: "true"
  k:
    steps:${failingStep}
        continue-on-error: true
      - run: "true"
`),
    push(),
  );
  assert.deepEqual(plan.jobs["j"]!.steps.map((s) => s.result), ["failure", "skipped", "success"]);
  assert.equal(plan.jobs["j"]!.result, "failure");
  assert.deepEqual(plan.jobs["k"]!.steps.map((s) => s.result), ["failure", "success"]);
  assert.equal(plan.jobs["k"]!.result, "success");
});

test("path-deciding scripts run with real GITHUB_OUTPUT and GITHUB_ENV; other scripts are marked as modelled", async () => {
  const plan = await simulate(
    wf(`
on: push
jobs:
  j:
    steps:
      - id: decide
        env: { WHO: "\${{ github.actor }}" }
        run: |
          echo "who=$WHO" >> "$GITHUB_OUTPUT"
          { echo "text<<EOF"; echo "a"; echo "b"; echo "EOF"; } >> "$GITHUB_OUTPUT"
          echo "FROM_ENV=yes" >> "$GITHUB_ENV"
      - id: uses-env
        if: steps.decide.outputs.who == 'Wikid82' && env.FROM_ENV == 'yes'
        run: echo "seen=$FROM_ENV" >> "$GITHUB_OUTPUT"
      - if: steps.uses-env.outputs.seen == 'yes'
        run: echo "only work"
`),
    push(),
  );
  const [decide, usesEnv, work] = plan.jobs["j"]!.steps;
  assert.equal(decide!.how, "bash");
  assert.deepEqual(decide!.outputs, { who: "Wikid82", text: "a\nb" });
  assert.equal(usesEnv!.result, "success");
  assert.equal(work!.how, "modelled");
  assert.equal(work!.result, "success");
});

test("branch filters decide whether the workflow runs", async () => {
  const workflow = wf(`
on:
  push: { branches: [main, "feature/**"] }
  pull_request: { branches: [main] }
jobs: { j: { steps: [{ run: "true" }] } }
`);
  assert.equal((await simulate(workflow, push("refs/heads/feature/a/b"))).triggered, true);
  const other = await simulate(workflow, push("refs/heads/other"));
  assert.equal(other.triggered, false);
  assert.match(other.trigger, /not in on\.push\.branches/);
  assert.equal((await simulate(workflow, parseEvent({ event: "pull_request", pr: 1, base: "development" }))).triggered, false);
  assert.equal((await simulate(workflow, parseEvent({ event: "workflow_dispatch" }))).triggered, false);
});

test("file commands: name=value lines and heredoc blocks; a malformed line is an error", () => {
  assert.deepEqual({ ...parseFileCommands("a=1\nb<<X\nline 1\nline=2\nX\nc=x=y\n") }, { a: "1", b: "line 1\nline=2", c: "x=y" });
  assert.throws(() => parseFileCommands("b<<X\nnever closed\n"), /no closing delimiter "X"/);
  assert.throws(() => parseFileCommands("garbage\n"), /neither name=value/);
});

test("an event description is validated with the field and the fix named", () => {
  assert.throws(() => parseEvent({ event: "pull_request" }), /pr: .*--pr N/);
  assert.throws(() => parseEvent({ event: "push", pr: 3 }), /pr: "pr" only applies to pull_request/);
  assert.throws(() => parseEvent({ event: "release" }), /event:/);
  assert.throws(() => parseEvent({ event: "push", fork: "contributor" }), /fork: "fork" only applies to pull_request/);
});

test("a pull request from a fork has the fork as its head repository and its owner as the actor", () => {
  const github = githubContext(parseEvent({ event: "pull_request", pr: 4, fork: "contributor" }), "w");
  const pullRequest = (github.event as { pull_request: { head: { repo: { full_name: string } }; base: { repo: { full_name: string } } } }).pull_request;
  assert.equal(pullRequest.head.repo.full_name, "contributor/charon");
  assert.equal(pullRequest.base.repo.full_name, "Wikid82/charon");
  assert.equal(github.actor, "contributor");
});

const plan = (...args: string[]) => runScript("plan", args);

test("npm run plan --json gives jobs with results and steps, images and artifacts", () => {
  const run = plan("--event", "pull_request", "--pr", "5", "--owner", "UPPERCASE", "--title", "chore: x", "--json");
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout);
  assert.deepEqual(Object.keys(out.images), ["applied", "saved", "loaded"]);
  assert.equal(out.jobs["verify-supply-chain-pr-skipped"].result, "success");
  assert.ok(Array.isArray(out.jobs["build-and-push"].steps));
  assert.deepEqual(out.artifacts, []);
});

test("npm run plan rejects a bad flag by name", () => {
  const run = plan("--event", "pull_request", "--pr", "five");
  assert.equal(run.status, 2);
  assert.match(run.stderr, /--pr/);
});
