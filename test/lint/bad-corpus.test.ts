/**
 * The bad-input corpus: every workflow under test/fixtures/bad/ is rejected with
 * the rule id it expects. YAML files name it in a first-line `# expect: <id>`
 * comment and are read as emitted workflows (the corpus is what gen must refuse, so
 * the project's policy rules apply); TypeScript files build a workflow with the kit
 * and export `expect`. Adding a file adds a test.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { emitWorkflow } from "../../scripts/emit/emit-workflow.ts";
import { parseWorkflowDocument } from "../../scripts/lint/document.ts";
import { lint } from "../../scripts/lint/engine.ts";
import { emittedDocuments, loadWorkflowFile } from "../../scripts/lint/load.ts";
import { rules } from "../../scripts/lint/registry.ts";
import type { BuiltWorkflow } from "../../workflows-src/kit/workflow.ts";
// The rules read scripts as they ask for them: the parser is loaded (remembered-scripts.ts).
import "../../scripts/shell/read-shell.ts";

const folder = new URL("../fixtures/bad/", import.meta.url);
const files = readdirSync(folder).sort();
const ruleIds = new Set(rules.map((r) => r.id));

test("the corpus has at least 15 cases, in YAML and in TypeScript", () => {
  assert.ok(files.length >= 15, `only ${files.length} cases`);
  assert.ok(files.some((f) => f.endsWith(".yml")) && files.some((f) => f.endsWith(".ts")));
});

for (const name of files.filter((f) => f.endsWith(".yml"))) {
  test(`${name} is rejected by its expected rule`, async () => {
    const path = fileURLToPath(new URL(name, folder));
    const expected = /^# expect: ([a-z-]+)\n/.exec(readFileSync(path, "utf8"))?.[1];
    assert.ok(expected && ruleIds.has(expected), `${name} must start with "# expect: <rule-id>" naming a registered rule`);
    const loaded = await loadWorkflowFile(path);
    assert.ok(loaded.document, `${name} is YAML`);
    const findings = lint([parseWorkflowDocument(loaded.document.file, loaded.document.text, { emitted: true })]);
    assert.ok(findings.some((f) => f.rule === expected && f.severity === "error"), `${name}: expected "${expected}", got ${JSON.stringify(findings.map((f) => f.rule))}`);
  });
}

for (const name of files.filter((f) => f.endsWith(".ts"))) {
  test(`${name} builds with the kit and is rejected by its expected rule, pointing at its TypeScript (or its script file)`, async () => {
    // A literal pattern, so a compiled run of the tests compiles the fixtures in with the kit they build with.
    const fixture = (await import(`../fixtures/bad/${name.slice(0, -".ts".length)}.ts`)) as { expect: string; build: () => BuiltWorkflow };
    assert.ok(ruleIds.has(fixture.expect), `${name} must export expect = a registered rule id`);
    const findings = lint(emittedDocuments([emitWorkflow(fixture.build())])).filter((f) => f.rule === fixture.expect);
    assert.ok(findings.length > 0, `${name}: expected "${fixture.expect}"`);
    const whereFixed = (source: string | undefined): boolean => !!source && (source.startsWith(`test/fixtures/bad/${name}:`) || source.startsWith("test/fixtures/bad/scripts/"));
    assert.ok(findings.some((f) => whereFixed(f.source)), `${name}: a finding names the TypeScript line or the script file (${findings.map((f) => f.source).join(", ")})`);
  });
}
