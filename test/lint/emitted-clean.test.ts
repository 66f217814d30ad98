/**
 * The workflows the sources emit get no finding from any lint rule (the project passes
 * its own checks), but those a reviewed waiver in the sources covers; a waiver that
 * silences nothing is a finding too. So it is when the written files are linted by
 * path, with the waivers the kit writes into them as comments.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { lintEmitted } from "../../scripts/pipeline/emitted-lint.ts";
import path from "node:path";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { emittedWorkflows } from "../support/emitted.ts";

test("the emitted workflows have no lint findings but the waived ones", async () => {
  const files = await emittedWorkflows();
  assert.ok(files.length >= 2, "the registry's workflows were emitted");
  const unwaived = (await lintEmitted(files)).filter((f) => f.waived === undefined);
  assert.deepEqual(unwaived.map((f) => `${f.file} ${f.path} [${f.rule}] ${f.message}`), []);
});

test("linted by path, as a user lints any workflow, the emitted files get no finding but the waived ones, each waiver in use", async () => {
  const { lintFiles } = await import("../../scripts/lint/lint-files.ts");
  const files = (await emittedWorkflows()).map((f) => path.join(PROJECT_ROOT, f.path));
  const findings = await lintFiles(files);
  assert.deepEqual(findings.filter((f) => f.waived === undefined).map((f) => `${f.file}:${f.line} [${f.rule}] ${f.message}`), []);
  // The kit's waivers read from the YAML comments it writes: each covers its finding.
  assert.ok(findings.some((f) => f.rule === "dangerous-triggers" && f.waived !== undefined), "the workflow_run waivers cover their findings");
});
