/**
 * Which steps and jobs run on a pull request titled "feat: …" (built) and one
 * titled "chore(deps): …" (skipped). The skip decision comes from running the
 * emitted skip script with bash; the conditions are decided by GitHub's evaluator.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { evaluateCondition, type RunState } from "../scripts/expressions/evaluate.ts";
import { emittedWorkflow } from "./support/emitted.ts";
import { createJobSandbox, createRunSandbox, removeRunSandbox, runScript } from "../scripts/sim/run-step.ts";

const workflow = await emittedWorkflow("docker-build.yml");
const jobs = workflow["jobs"] as Record<string, any>;
const buildJob = jobs["build-and-push"];
const stepById = (id: string): any => buildJob.steps.find((s: any) => s.id === id);
const ok: RunState = { failed: false, cancelled: false };

/** Runs the emitted skip script for real (bash, real $GITHUB_OUTPUT) and returns its skip_build output. */
async function skipBuildFor(env: Record<string, string>): Promise<string | undefined> {
  const run = createRunSandbox();
  try {
    const result = await runScript(stepById("skip").run, stepById("skip").shell, env, createJobSandbox(run, "build-and-push"), run.registry, "skip");
    assert.equal(result.exitCode, 0, result.stderr);
    return result.outputs["skip_build"];
  } finally {
    await removeRunSandbox(run);
  }
}

async function pullRequest(title: string) {
  const github = {
    event_name: "pull_request",
    actor: "Wikid82",
    ref: "refs/pull/123/merge",
    head_ref: "fix/some-branch",
    event: { pull_request: { number: 123, title } },
  };
  const skipBuild = await skipBuildFor({
    EVENT_NAME: github.event_name,
    ACTOR: github.actor,
    REF: github.ref,
    HEAD_REF: github.head_ref,
    PR_TITLE: title,
    COMMIT_MESSAGE: "",
  });
  return { github, skipBuild };
}

/** Runs the build job's steps in order: a step that runs is taken to succeed. */
function buildJobSteps(github: object, skipBuild: string | undefined) {
  const steps: Record<string, { outcome: string; outputs: Record<string, string> }> = {
    skip: { outcome: "success", outputs: { skip_build: skipBuild ?? "" } },
  };
  const ran: Record<string, boolean> = {};
  for (const step of buildJob.steps) {
    if (step.id === "skip") continue;
    const runs = evaluateCondition(step.if, { github, steps }, ok);
    ran[step.name] = runs;
    if (step.id) steps[step.id] = { outcome: runs ? "success" : "skipped", outputs: {} };
  }
  return { ran, skipBuild: skipBuild ?? "" };
}

function jobsRun(github: object, skipBuild: string) {
  const needs = { "build-and-push": { result: "success", outputs: { skip_build: skipBuild } } };
  return {
    verify: evaluateCondition(jobs["verify-supply-chain-pr"].if, { github, needs }, ok),
    twin: evaluateCondition(jobs["verify-supply-chain-pr-skipped"].if, { github, needs }, ok),
  };
}

for (const [title, expectedSkip] of [
  ["feat: add a proxy host option", "false"],
  ["chore(deps): update caddy to v2.10", "true"],
] as const) {
  test(`a pull request titled "${title}"`, async (t) => {
    const { github, skipBuild } = await pullRequest(title);
    assert.equal(skipBuild, expectedSkip);
    const { ran } = buildJobSteps(github, skipBuild);
    const { verify, twin } = jobsRun(github, expectedSkip);
    const built = expectedSkip === "false";
    assert.equal(ran["Build and push Docker image"], built);
    assert.equal(ran["Save the PR image"], built, "the save step runs exactly when the build ran");
    assert.equal(ran["Upload the PR image artifact"], built);
    assert.equal(verify, built);
    assert.equal(twin, !built);
    t.diagnostic(`skip_build=${skipBuild}; save: ${ran["Save the PR image"] ? "runs" : "skipped"}; upload: ${ran["Upload the PR image artifact"] ? "runs" : "skipped"}; verify-supply-chain-pr: ${verify ? "runs" : "skipped"}; verify-supply-chain-pr-skipped: ${twin ? "runs" : "skipped"}`);
  });
}

test("the seed's save condition would run on the skipped build (regression)", async () => {
  const { github, skipBuild } = await pullRequest("chore(deps): update caddy to v2.10");
  const seedCondition = "github.event_name == 'pull_request'";
  const steps = { skip: { outcome: "success", outputs: { skip_build: skipBuild } }, build: { outcome: "skipped", outputs: {} } };
  assert.equal(evaluateCondition(seedCondition, { github, steps }, ok), true);
  assert.equal(evaluateCondition(stepById("save").if, { github, steps }, ok), false);
});

test("on every pull request whose build job succeeded, exactly one of verify and its twin runs", () => {
  const github = { event_name: "pull_request" };
  for (const skipBuild of ["true", "false", "", "TRUE", "yes"]) {
    const { verify, twin } = jobsRun(github, skipBuild);
    assert.equal(Number(verify) + Number(twin), 1, `skip_build=${JSON.stringify(skipBuild)}`);
  }
  for (const event of ["push", "workflow_dispatch"]) {
    const { verify, twin } = jobsRun({ event_name: event }, "false");
    assert.equal(verify || twin, false, event);
  }
});
