/**
 * Jobs remembered by their inputs (job-memo.ts): a plan whose jobs are replayed is the
 * plan the simulation computes, for docker-build's scenarios that move images,
 * artifacts and comments between jobs; two runs that meet the same job at once simulate
 * it once; a change to one job simulates that job alone;
 * a job whose files from upstream differ is simulated again; a sandbox holding more
 * than the memo keeps, or one with a step stopped at a time limit, is simulated and not
 * remembered; and a remembered job cannot write outside its sandbox.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { parseEvent } from "../../scripts/sim/event-description.ts";
import { MAX_TREE_BYTES, type JobMemo, type RememberedJob } from "../../scripts/sim/job-memo.ts";
import { GithubScriptRunner } from "../../scripts/sim/models/github-script-runner.ts";
import { simulate } from "../../scripts/sim/simulate.ts";
import { parseWorkflowShape, type WorkflowShape } from "../../scripts/sim/workflow-shape.ts";
import { scenarios } from "../../workflows-src/docker-build.scenarios.ts";
import { emittedWorkflows } from "../support/emitted.ts";

/** A memo in memory that counts the jobs simulated (written) and replayed (found). */
function countingMemo(): JobMemo & { simulated: string[]; replayed: number } {
  const entries = new Map<string, RememberedJob>();
  const memo = {
    simulated: [] as string[],
    replayed: 0,
    read(key: string) {
      const found = entries.get(key);
      if (found) memo.replayed++;
      // A copy, as from disk: a replay must not share objects with the memo.
      return found && (JSON.parse(JSON.stringify(found)) as RememberedJob);
    },
    write(key: string, job: RememberedJob) {
      memo.simulated.push(job.plan.id);
      entries.set(key, JSON.parse(JSON.stringify(job)) as RememberedJob);
    },
  };
  return memo;
}

const dockerBuild = async (): Promise<WorkflowShape> => {
  const file = (await emittedWorkflows()).find((f) => f.path === ".github/workflows/docker-build.yml")!;
  return parseWorkflowShape(file.path, parse(file.content));
};
const scenario = (label: string) => parseEvent(scenarios.find((s) => s.label === label)!.event);
/** One process for the github-script bodies of docker-build's simulations here (the PR comment), not one per simulation. */
const bodies = new GithubScriptRunner();
after(() => bodies.close());
// A built PR (image saved, uploaded, downloaded, loaded and scanned; a comment) and a push (tags applied, no artifact).
const LABELS = ["PR #42 (TestUser)", "push `main`"];
const PUSH = parseEvent({ event: "push", ref: "refs/heads/main" });

/** The memo of docker-build's PR and push, filled by the first test: the test of a changed job starts from it rather than simulate the PR again (empty when run alone, and then it does). */
const dockerMemo = countingMemo();

test("a plan whose jobs are all replayed is the plan simulated: results, outputs, images, artifacts and comments", async () => {
  const workflow = await dockerBuild();
  const memo = dockerMemo;
  for (const label of LABELS) {
    const simulated = await simulate(workflow, scenario(label), bodies, memo);
    const before = { simulated: memo.simulated.length, replayed: memo.replayed };
    const replayed = await simulate(workflow, scenario(label), bodies, memo);
    assert.equal(memo.simulated.length, before.simulated, `${label}: nothing simulated again`);
    assert.equal(memo.replayed - before.replayed, Object.values(simulated.jobs).filter((job) => job.steps.length > 0).length, `${label}: every job that ran was replayed`);
    assert.deepEqual(replayed, simulated, label);
  }
  const pr = await simulate(workflow, scenario("PR #42 (TestUser)"), bodies, memo);
  assert.ok(pr.images.saved.length === 1 && pr.images.loaded.length === 1 && pr.artifacts.some((a) => a.downloadedBy.length > 0) && pr.comments.length === 1, "the replayed PR moved its image and artifact between jobs and commented");
});

test("two runs of one process that meet the same job at once simulate it once: the other waits and replays it", async () => {
  const workflow = await dockerBuild();
  const memo = countingMemo();
  const event = scenario("PR #42 (TestUser)");
  const [first, second] = await Promise.all([simulate(workflow, event, bodies, memo), simulate(workflow, event, bodies, memo)]);
  assert.deepEqual(second, first);
  const ran = Object.values(first.jobs).filter((job) => job.steps.length > 0).map((job) => job.id);
  assert.deepEqual(memo.simulated.sort(), ran.sort(), "each job that ran was simulated once");
  assert.equal(memo.replayed, 0, "the waiting run replayed what the other computed, not what the memo held");
});

test("a change to one job simulates that job again and replays the others; the plan is the changed workflow's", async () => {
  const workflow = await dockerBuild();
  const memo = dockerMemo;
  const event = scenario("PR #42 (TestUser)");
  const original = await simulate(workflow, event, bodies, memo);
  const changed = structuredClone(workflow);
  const scan = changed.jobs["trivy-pr-app-only"]!.steps!.at(-1)!;
  (scan as { if?: string }).if = "github.event.pull_request.number == 1";
  memo.simulated.length = 0;
  const replayed = await simulate(changed, event, bodies, memo);
  assert.deepEqual(memo.simulated, ["trivy-pr-app-only"]);
  assert.notDeepEqual(replayed.jobs["trivy-pr-app-only"], original.jobs["trivy-pr-app-only"], "the change shows in the plan");
  assert.deepEqual(replayed, await simulate(changed, event, bodies), "the plan the changed workflow gets with nothing remembered");
});

test("a job whose upstream files differ is simulated again, though its shape and needs are the same", async () => {
  const workflow = (content: string) =>
    parseWorkflowShape(
      "files.yml",
      parse(`
on: push
jobs:
  up:
    steps:
      # Writing $GITHUB_ENV makes the script run for real; the file it leaves is in the run's sandbox, outside the job's.
      - run: |
          echo "${content}" > "$RUNNER_TEMP/../../../shared.txt"
          echo "WRITTEN=yes" >> "$GITHUB_ENV"
  down:
    needs: up
    steps:
      - id: read
        run: echo "text=$(cat "$RUNNER_TEMP/../../../shared.txt")" >> "$GITHUB_OUTPUT"
      - if: steps.read.outputs.text == 'b'
        run: "true"
`),
    );
  const memo = countingMemo();
  const a = await simulate(workflow("a"), PUSH, undefined, memo);
  memo.simulated.length = 0;
  const b = await simulate(workflow("b"), PUSH, undefined, memo);
  assert.deepEqual(memo.simulated, ["up", "down"], "up changed; down reads what up wrote");
  assert.equal(a.jobs["down"]!.steps[1]!.result, "skipped");
  assert.equal(b.jobs["down"]!.steps[1]!.result, "success");
});

test("a job that leaves more files than the memo keeps is simulated and not remembered, and its plan is whole", async () => {
  const workflow = parseWorkflowShape(
    "big.yml",
    parse(`
on: push
jobs:
  big:
    steps:
      - run: |
          head -c ${MAX_TREE_BYTES + 1} /dev/zero > "$RUNNER_TEMP/big"
          echo "SIZE=$(stat -c %s "$RUNNER_TEMP/big")" >> "$GITHUB_ENV"
      - id: size
        run: echo "bytes=$SIZE" >> "$GITHUB_OUTPUT"
      - if: steps.size.outputs.bytes == '${MAX_TREE_BYTES + 1}'
        run: "true"
`),
  );
  const memo = countingMemo();
  for (let run = 0; run < 2; run++) {
    const plan = await simulate(workflow, PUSH, undefined, memo);
    assert.deepEqual(plan.jobs["big"]!.steps.map((step) => step.result), ["success", "success", "success"]);
  }
  assert.deepEqual(memo.simulated, []);
});

test("a job with a step stopped at a time limit is not remembered: on a loaded machine a step that would finish is stopped", async () => {
  const workflow = (body: string) =>
    parseWorkflowShape("limit.yml", parse(`on: push\njobs:\n  j:\n    steps:\n      - uses: actions/github-script@v7\n        with:\n          script: ${JSON.stringify(body)}\n`));
  const scripts = new GithubScriptRunner(300);
  const memo = countingMemo();
  try {
    const stopped = await simulate(workflow("await new Promise(() => {});"), PUSH, scripts, memo);
    assert.deepEqual([stopped.jobs["j"]!.steps[0]!.result, stopped.jobs["j"]!.steps[0]!.timedOut], ["failure", true], "the plan says the step was stopped");
    assert.deepEqual(memo.simulated, [], "the stopped job was remembered");
    const finished = await simulate(workflow("return 1;"), PUSH, scripts, memo);
    assert.deepEqual([finished.jobs["j"]!.steps[0]!.result, finished.jobs["j"]!.steps[0]!.timedOut], ["success", undefined]);
    assert.deepEqual(memo.simulated, ["j"], "the job that finished is remembered");
  } finally {
    await scripts.close();
  }
});

test("a remembered job that names a path outside its sandbox is refused, and nothing is written", async () => {
  const workflow = parseWorkflowShape("one.yml", parse("on: push\njobs:\n  j:\n    steps:\n      - run: docker images\n"));
  const victim = join(tmpdir(), `job-memo-victim-${process.pid}`);
  const memo = countingMemo();
  await simulate(workflow, PUSH, undefined, memo);
  const tampered: JobMemo = {
    read: (key) => {
      const found = memo.read(key);
      return found && { ...found, written: [...found.written, [`../../../../../../../../..${victim}`, { type: "file", mode: 0o644, data: "" }]] };
    },
    write: () => undefined,
  };
  try {
    await assert.rejects(simulate(workflow, PUSH, undefined, tampered), /is not a plain path in its sandbox/);
    assert.equal(existsSync(victim), false);
  } finally {
    rmSync(victim, { force: true });
  }
});
