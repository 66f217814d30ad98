import { test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "yaml";
import { githubContext } from "../../scripts/sim/event.ts";
import { parseEvent } from "../../scripts/sim/event-description.ts";
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

test("a push of a tag is matched against the tag filters, and a push filtered only by tags (or only by branches) starts no run for the other kind", async () => {
  const tagsOnly = wf(`
on:
  push: { tags: ["v*"], tags-ignore: ["v*-rc*"] }
jobs: { j: { steps: [{ run: "true" }] } }
`);
  assert.equal((await simulate(tagsOnly, push("refs/tags/v1.2.0"))).triggered, true);
  assert.match((await simulate(tagsOnly, push("refs/tags/v1.3.0-rc1"))).trigger, /tag "v1\.3\.0-rc1" is in on\.push\.tags-ignore/);
  assert.match((await simulate(tagsOnly, push("refs/tags/release"))).trigger, /not in on\.push\.tags/);
  assert.match((await simulate(tagsOnly, push("refs/heads/main"))).trigger, /filters only tags/);
  const branchesOnly = wf(`
on:
  push: { branches: [main] }
jobs: { j: { steps: [{ run: "true" }] } }
`);
  assert.match((await simulate(branchesOnly, push("refs/tags/v1.2.0"))).trigger, /filters only branches/);
  assert.equal((await simulate(wf("on: push\njobs: { j: { steps: [{ run: \"true\" }] } }"), push("refs/tags/v1.2.0"))).triggered, true, "an unfiltered push starts on tags too");
});

test("an issues event starts the workflow when its activity is one of on.issues.types, and its payload carries the issue", async () => {
  const workflow = wf(`
on:
  issues: { types: [opened, reopened] }
jobs: { j: { if: "github.event.issue.number == 7 && github.event.action == 'reopened'", steps: [{ run: "true" }] } }
`);
  const reopened = await simulate(workflow, parseEvent({ event: "issues", issue: 7, action: "reopened", title: "[bug] x" }));
  assert.equal(reopened.triggered, true);
  assert.equal(reopened.jobs["j"]!.result, "success");
  const closed = await simulate(workflow, parseEvent({ event: "issues", issue: 7, action: "closed" }));
  assert.equal(closed.triggered, false);
  assert.match(closed.trigger, /"closed" is not in on\.issues\.types/);
  assert.equal((await simulate(workflow, parseEvent({ event: "issues", issue: 8 }))).jobs["j"]!.result, "skipped", "the activity is opened when none is given");
  const github = githubContext(parseEvent({ event: "issues", issue: 7, title: "[bug] x" }), "w");
  assert.deepEqual(github.event["issue"], { number: 7, title: "[bug] x", body: "", state: "open", user: { login: "Wikid82" } });
  assert.equal(github.ref, "refs/heads/main");
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
  assert.throws(() => parseEvent({ event: "issues" }), /issue: .*--issue N/);
  assert.throws(() => parseEvent({ event: "push", issue: 3 }), /issue: "issue" only applies to issues/);
  assert.throws(() => parseEvent({ event: "pull_request", pr: 1, action: "opened" }), /action: "action" only applies to issues/);
  assert.throws(() => parseEvent({ event: "push", title: "x" }), /title: "title" only applies to pull_request and issues/);
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
