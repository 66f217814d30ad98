/**
 * The docker-build pipeline simulated across the events of the seed's test plan:
 * the saved PR image is exactly a tag the build applied and the reference the
 * verify job scans; a skipped build is green with only the skipped twin reporting;
 * the seed's original shape fails on the skip path with the daemon's own error.
 * The scenarios are planned as the plan report plans them: a plan simulated before
 * by the same simulation code for the same workflow shape is remembered (after
 * `npm run gen`, all of them), and any change to either simulates again.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { parseEvent } from "../../scripts/sim/event-description.ts";
import { scenarios as DOCKER_BUILD_SCENARIOS } from "../../workflows-src/docker-build.scenarios.ts";
import { planScenarios } from "../../scripts/sim/plan-report.ts";
import { simulate, type Plan } from "../../scripts/sim/simulate.ts";
import { parseWorkflowShape } from "../../scripts/sim/workflow-shape.ts";
import { emittedWorkflows } from "../support/emitted.ts";

const emitted = (await emittedWorkflows()).find((file) => file.path === ".github/workflows/docker-build.yml")!;
const seed = parseWorkflowShape("seed", parse(readFileSync(join(PROJECT_ROOT, "test", "fixtures", "seed-docker-build-sim.yml"), "utf8")));
const plans = (await planScenarios(emitted.path, emitted.content, DOCKER_BUILD_SCENARIOS)).plans.map(({ scenario, event, plan }) => ({ label: scenario.label, event, plan }));
const failedJobs = (plan: Plan) => Object.values(plan.jobs).filter((j) => j.result === "failure").map((j) => j.id);

test("every scenario is triggered and no job fails", () => {
  for (const { label, plan } of plans) {
    assert.equal(plan.triggered, true, label);
    assert.deepEqual(failedJobs(plan), [], label);
  }
});

test("a built PR saves exactly a tag the build applied, and the verify job loads and scans that reference", () => {
  const built = plans.filter(({ event, plan }) => event.event === "pull_request" && plan.images.applied.length > 0);
  assert.ok(built.length >= 4);
  for (const { label, event, plan } of built) {
    assert.equal(plan.images.saved.length, 1, label);
    const saved = plan.images.saved[0]!;
    assert.ok(plan.images.applied.includes(saved), `${label}: ${saved} was not applied`);
    assert.equal(saved, `ghcr.io/${event.owner.toLowerCase()}/charon:pr-${event.pr}`, label);
    assert.equal(plan.jobs["build-and-push"]!.outputs["image_ref"], saved, label);
    assert.equal(plan.jobs["verify-supply-chain-pr"]!.result, "success", label);
    assert.deepEqual(plan.images.loaded, [saved], label);
    const sbom = plan.jobs["verify-supply-chain-pr"]!.steps.find((s) => s.id === "sbom");
    assert.equal(sbom?.how, "bash", `${label}: the SBOM step scans the loaded reference for real`);
    assert.equal(sbom?.result, "success", label);
    const artifact = plan.artifacts.find((a) => a.name === `pr-image-${event.pr}`);
    assert.ok(artifact && artifact.downloadedBy.length === 1, label);
  }
});

test("a skipped-build PR is green, only the skipped twin of the verify pair runs, and no image moves", () => {
  const skipped = plans.filter(({ event, plan }) => event.event === "pull_request" && plan.jobs["build-and-push"]!.outputs["skip_build"] === "true");
  assert.deepEqual(skipped.map((s) => s.label).sort(), ["PR #7 `chore:`", "PR #8 `chore(deps):`", "PR #9 by `renovate[bot]`"].sort());
  for (const { label, plan } of skipped) {
    assert.equal(plan.jobs["build-and-push"]!.result, "success", label);
    assert.equal(plan.jobs["verify-supply-chain-pr"]!.result, "skipped", label);
    assert.equal(plan.jobs["verify-supply-chain-pr-skipped"]!.result, "success", label);
    assert.deepEqual([plan.images.applied, plan.images.saved, plan.artifacts], [[], [], []], label);
  }
});

test("pushes publish the branch tag and the short sha, never a PR image", () => {
  const expected: Record<string, string> = { "push `main`": "latest", "push `development`": "dev", "push `feature/beta-release`": "beta", "manual run": "latest" };
  for (const { label, plan } of plans.filter((p) => p.label in expected)) {
    const names = plan.images.applied.map((ref) => ref.slice(ref.lastIndexOf(":") + 1));
    assert.equal(names[0], expected[label], label);
    assert.match(names[1] ?? "", /^sha-[0-9a-f]{7}$/, label);
    assert.deepEqual(plan.images.saved, [], label);
    assert.equal(plan.jobs["test-image"]!.result, "success", label);
  }
});

test("the seed's original shape fails on the skip path with the daemon's error", async () => {
  const plan = await simulate(seed, parseEvent({ event: "pull_request", pr: 123, title: "chore(deps): update node" }));
  const build = plan.jobs["build-and-push"]!;
  assert.equal(build.result, "failure");
  const save = build.steps.find((s) => s.name === "Save Docker Image as Artifact")!;
  assert.equal(save.result, "failure");
  assert.equal(save.how, "bash");
  assert.match(save.error ?? "", /^Error response from daemon: reference does not exist$/m);
  // Neither job of the verify pair reports: the twin meant for this case is skipped too.
  assert.equal(plan.jobs["verify-supply-chain-pr"]!.result, "skipped");
  assert.equal(plan.jobs["verify-supply-chain-pr-skipped"]!.result, "skipped");
});

test("the seed's original shape works when the build runs (the failure is the skip path's)", async () => {
  const plan = await simulate(seed, parseEvent({ event: "pull_request", pr: 123, owner: "UPPERCASE", title: "feat: x" }));
  assert.deepEqual(failedJobs(plan), []);
  assert.deepEqual(plan.images.saved, ["ghcr.io/uppercase/charon:pr-123"]);
});

test("each verified PR gets one comment naming the image it scanned; a skipped build's comment says why", () => {
  for (const { label, event, plan } of plans.filter(({ event }) => event.event === "pull_request" && event.fork === undefined)) {
    assert.equal(plan.comments.length, 1, label);
    const [comment] = plan.comments;
    assert.equal(comment!.issue, event.pr, label);
    if (plan.images.saved.length) {
      assert.match(comment!.body, /^### Supply chain verification: passed/, label);
      assert.ok(comment!.body.includes(`Image: \`${plan.images.saved[0]}\``), `${label}: the comment names the scanned image\n${comment!.body}`);
    } else {
      assert.match(comment!.body, /^### Supply chain verification: skipped/, label);
      assert.match(comment!.body, /title or commit message starts with a chore prefix|opened by renovate\[bot\]/, label);
    }
  }
});

test("a PR from a fork: the read-only token's refusal to comment is a warning, and the verify job stays green", () => {
  const fork = plans.find(({ event }) => event.fork !== undefined);
  assert.ok(fork, "the scenarios include a PR from a fork");
  assert.deepEqual(fork.plan.comments, []);
  const comment = fork.plan.jobs["verify-supply-chain-pr"]!.steps.find((s) => s.uses?.startsWith("actions/github-script"));
  assert.equal(comment?.result, "success");
  assert.match(comment?.detail ?? "", /^warning: could not comment on the pull request \(read-only token of a fork\)/);
  assert.equal(fork.plan.jobs["verify-supply-chain-pr"]!.result, "success");
});
