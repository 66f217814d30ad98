/**
 * The project's own workflows pass its own rules: every registered rule, run on
 * every emitted workflow (with its TypeScript sources), finds nothing.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseWorkflowDocument } from "../../scripts/lint/document.ts";
import { lint } from "../../scripts/lint/engine.ts";
import { emittedWorkflows } from "../support/emitted.ts";

for (const file of await emittedWorkflows()) {
  test(`${file.path} has no lint findings`, () => {
    const findings = lint([parseWorkflowDocument(file.path, file.content, file.sources)]);
    assert.deepEqual(findings.map((f) => `${f.rule}@${f.path}: ${f.message}`), []);
  });
}

test("the emitted workflows are linted at all", async () => {
  assert.ok((await emittedWorkflows()).length >= 2);
});
