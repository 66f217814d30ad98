/**
 * A success the simulation cannot vouch for is shown as uncertain: an action without
 * a model, and a code-scanning upload or attestation from a fork's pull request
 * (read-only token, no OIDC token), which the no-op models run as a success. The same
 * steps from a branch of the repository stay plain successes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseEvent } from "../../scripts/sim/event-description.ts";
import { simulate } from "../../scripts/sim/simulate.ts";
import { jobOutcome, stepOutcome, stepUncertainty } from "../../scripts/sim/uncertain-results.ts";
import { parseWorkflowShape } from "../../scripts/sim/workflow-shape.ts";
import { planScenarios } from "../../scripts/sim/plan-report.ts";
import { emittedWorkflows } from "../support/emitted.ts";

const workflow = parseWorkflowShape("scan.yml", {
  on: { pull_request: null },
  jobs: {
    scan: {
      "runs-on": "ubuntu-latest",
      steps: [
        { name: "Upload SARIF", uses: "github/codeql-action/upload-sarif@19b2f06db2b6f5108140aeb04014ef02b648f789" },
        { name: "Attest", uses: "actions/attest-sbom@4651f806c01d8637787e274ac3bdf724ef169f34" },
      ],
    },
    other: { "runs-on": "ubuntu-latest", steps: [{ name: "Something unmodelled", uses: "acme/unknown-action@0123456789012345678901234567890123456789" }] },
  },
});

test("from a fork, the SARIF upload and the attestation are uncertain successes, with the reason", async () => {
  const event = parseEvent({ event: "pull_request", pr: 3, fork: "someone" });
  const plan = await simulate(workflow, event);
  const [upload, attest] = plan.jobs["scan"]!.steps;
  assert.equal(upload!.result, "success", "the model itself says success");
  assert.equal(stepOutcome(upload!, event), "success (uncertain)");
  assert.match(stepUncertainty(upload!, event)!, /read-only token \(no security-events: write\)/);
  assert.match(stepUncertainty(attest!, event)!, /no id-token: write/);
  assert.equal(jobOutcome(plan, "scan", event), "success (uncertain)");
});

test("from a branch of the repository, the same steps are plain successes; an action without a model never is", async () => {
  const event = parseEvent({ event: "pull_request", pr: 3 });
  const plan = await simulate(workflow, event);
  assert.equal(jobOutcome(plan, "scan", event), "success");
  assert.equal(jobOutcome(plan, "other", event), "success (uncertain)");
  assert.equal(stepUncertainty(plan.jobs["other"]!.steps[0]!, event), "no model of the action: assumed to succeed");
  assert.equal(jobOutcome(plan, "missing", event), "absent");
});

test("the docker-build plan shows the fork's SARIF upload as uncertain, and no other scenario's", async () => {
  const dockerBuild = (await emittedWorkflows()).find((f) => f.path.endsWith("/docker-build.yml"))!;
  const { plans } = await planScenarios(dockerBuild.path, dockerBuild.content, [
    { label: "fork", event: { event: "pull_request", pr: 11, fork: "contributor" } },
    { label: "branch", event: { event: "pull_request", pr: 12 } },
  ]);
  assert.deepEqual(
    plans.map(({ plan, event }) => jobOutcome(plan, "verify-supply-chain-pr", event)),
    ["success (uncertain)", "success"],
  );
});
