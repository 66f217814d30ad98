/**
 * The workflows the sources emit get no finding from any lint rule (the project passes
 * its own checks), but those a reviewed waiver in the sources covers; a waiver that
 * silences nothing is a finding too.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { lintEmitted } from "../../scripts/pipeline/emitted-lint.ts";
import { emittedWorkflows } from "../support/emitted.ts";

test("the emitted workflows have no lint findings but the waived ones", async () => {
  const files = await emittedWorkflows();
  assert.ok(files.length >= 2, "the registry's workflows were emitted");
  const unwaived = (await lintEmitted(files)).filter((f) => f.waived === undefined);
  assert.deepEqual(unwaived.map((f) => `${f.file} ${f.path} [${f.rule}] ${f.message}`), []);
});
