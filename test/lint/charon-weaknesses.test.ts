import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseWorkflowDocument } from "../../scripts/lint/document.ts";
import { lint } from "../../scripts/lint/engine.ts";
import { where } from "./lint-text.ts";

// The weaknesses SECURITY.md lists for Charon's hand-written workflow, each caught by its rule:
// the security rules, plus guard-coverage for the save step that ran on skipped builds and
// hand-built-ref for the image name the test job rebuilt from context values. The reproduction is
// held to the project's own policy (read as an emitted workflow), as the workflow that replaces it is.
const FIXTURE = "test/fixtures/charon-weaknesses.yml";
const findings = lint([parseWorkflowDocument(FIXTURE, readFileSync(new URL("../fixtures/charon-weaknesses.yml", import.meta.url), "utf8"), { emitted: true })]);

test("the reproduction of Charon's workflow gets the expected findings, by rule", () => {
  const counts: Record<string, number> = {};
  for (const finding of findings) counts[finding.rule] = (counts[finding.rule] ?? 0) + 1;
  assert.deepEqual(counts, {
    "excessive-permissions": 2,
    "concurrency-group": 1,
    artipacked: 3,
    "secrets-context": 1,
    "template-injection": 3,
    "download-exec": 2,
    "fail-open-gate": 2,
    "guard-coverage": 2,
    "hand-built-ref": 1,
  });
});

test("each weakness is reported where it is", () => {
  assert.deepEqual(where(findings), [
    "excessive-permissions@permissions",
    "concurrency-group@concurrency.group",
    "artipacked@jobs.build-and-push.steps[0].with.persist-credentials",
    "secrets-context@jobs.build-and-push.steps[2].if",
    "guard-coverage@jobs.build-and-push.steps[5].if",
    "guard-coverage@jobs.build-and-push.steps[5].if",
    "excessive-permissions@jobs.test-image.permissions",
    "artipacked@jobs.test-image.steps[0].with.persist-credentials",
    "hand-built-ref@jobs.test-image.steps[1].run",
    "template-injection@jobs.test-image.steps[1].run",
    "artipacked@jobs.verify-supply-chain-pr.steps[0].with.persist-credentials",
    "download-exec@jobs.verify-supply-chain-pr.steps[1].run",
    "download-exec@jobs.verify-supply-chain-pr.steps[1].run",
    "fail-open-gate@jobs.verify-supply-chain-pr.steps[2].run",
    "fail-open-gate@jobs.verify-supply-chain-pr.steps[2].run",
    "template-injection@jobs.verify-supply-chain-pr.steps[3].with.script",
    "template-injection@jobs.verify-supply-chain-pr.steps[4].run",
  ]);
  const messages = findings.map((f) => f.message).join("\n");
  for (const fact of ["github.event.repository.name", "github.ref", "anchore/syft/main/install.sh", "anchore/grype/main/install.sh", '"CRITICAL"', '"HIGH"', "secrets.DOCKERHUB_TOKEN"]) {
    assert.ok(messages.includes(fact), `no finding names ${JSON.stringify(fact)}`);
  }
});
