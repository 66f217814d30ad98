/**
 * The workflows the sources emit get no finding from any lint rule (the project passes
 * its own checks), except the ones their sources waive with a reason, as gen does.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { lintEmitted } from "../../scripts/pipeline/emitted-lint.ts";
import { emittedWorkflows } from "../support/emitted.ts";

test("the emitted workflows have no lint findings their sources do not waive", async () => {
  const files = await emittedWorkflows();
  assert.ok(files.length >= 2, "the registry's workflows were emitted");
  const findings = await lintEmitted(files);
  assert.deepEqual(findings.filter((f) => f.waived === undefined).map((f) => `${f.file} ${f.path} [${f.rule}] ${f.message}`), []);
});
