import { test } from "node:test";
import assert from "node:assert/strict";
import { readHeader } from "../../scripts/files/header.ts";
import { scenarios as DOCKER_BUILD_SCENARIOS } from "../../workflows-src/docker-build.scenarios.ts";
import { generatedFiles } from "../support/emitted.ts";

const report = (await generatedFiles()).find((f) => f.path === "generated/docker-build.plan.md");

test("gen produces the docker-build plan report with a header naming its source and command", () => {
  assert.ok(report, "generated/docker-build.plan.md is not generated");
  const header = readHeader(report.content);
  assert.equal(header?.source, "workflows-src/docker-build.ts");
  assert.match(report.content.split("\n")[1] ?? "", /npm run gen/);
});

test("the report has the job graph and one table row per scenario, without sandbox paths", () => {
  const text = report!.content;
  assert.match(text, /```mermaid\nflowchart LR/);
  assert.match(text, /job_0 --> job_\d+/);
  const rows = text.split("\n").filter((l) => l.startsWith("| PR #") || l.startsWith("| push") || l.startsWith("| manual"));
  assert.equal(rows.length, DOCKER_BUILD_SCENARIOS.length);
  assert.ok(rows.length >= 13, "the seed's twelve events and a PR from a fork");
  const chore = rows.find((r) => r.startsWith("| PR #8 `chore(deps):`"))!;
  // build-and-push, test-image, trivy-pr-app-only, verify-supply-chain-pr, verify-supply-chain-pr-skipped, tags, saved
  assert.deepEqual(chore.split(" | ").slice(1, 6).map((c) => c.replace(/^\S+ /, "")), ["success", "skipped", "success", "skipped", "success"]);
  assert.match(rows.find((r) => r.startsWith("| PR #123"))!, /`ghcr\.io\/uppercase\/charon:pr-123` \| `ghcr\.io\/uppercase\/charon:pr-123` \|$/);
  assert.doesNotMatch(text, /workflow-sim-|\/tmp\//);
});
