/**
 * The seed's original workflow shape (test/fixtures/seed-docker-build.yml) gets
 * the findings that name its bug: the save step is not guarded by the build, and
 * the image reference is rebuilt by hand where the metadata step has the tags.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { parseWorkflowDocument } from "../../scripts/lint/document.ts";
import { lint } from "../../scripts/lint/engine.ts";
import { loadWorkflowFile } from "../../scripts/lint/load.ts";
// The rules read scripts as they ask for them: the parser is loaded (remembered-scripts.ts).
import "../../scripts/shell/read-shell.ts";

const fixture = fileURLToPath(new URL("../fixtures/seed-docker-build.yml", import.meta.url));
const RULES = new Set(["guard-coverage", "hand-built-ref", "step-ref", "needs-ref", "artifact-contract", "duplicate-id", "needs-cycle", "unknown-key"]);

test("the seed-shaped workflow gets guard-coverage and hand-built-ref at the save step, and nothing else from these rules", async () => {
  const loaded = await loadWorkflowFile(fixture);
  assert.deepEqual(loaded.findings, [], "GitHub's parser accepts the fixture: the bug is not a syntax error");
  assert.ok(loaded.document);
  // The seed is the project's own workflow before the rewrite: its policy rules apply.
  const findings = lint([parseWorkflowDocument(loaded.document.file, loaded.document.text, { emitted: true })]).filter((f) => RULES.has(f.rule));
  assert.deepEqual(
    findings.map((f) => [f.rule, f.path, f.line]),
    [
      ["guard-coverage", "jobs.build-and-push.steps[8].if", 72],
      ["hand-built-ref", "jobs.build-and-push.steps[8].run", 73],
      ["hand-built-ref", "jobs.verify-supply-chain-pr.steps[2].run", 100],
    ],
  );
  assert.match(findings[0]?.message ?? "", /"build-and-push" was skipped/);
});
