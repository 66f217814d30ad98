import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { rules } from "../../scripts/lint/registry.ts";

const rulesDir = new URL("../../scripts/lint/rules/", import.meta.url);
const testsDir = new URL("./rules/", import.meta.url);
const names = (dir: URL, suffix: string): string[] =>
  readdirSync(dir).filter((f) => f.endsWith(suffix)).map((f) => f.slice(0, -suffix.length)).sort();

test("the registry lists exactly the rule files, once each", () => {
  const ids = rules.map((r) => r.id);
  assert.deepEqual([...ids].sort(), names(rulesDir, ".ts"));
  assert.equal(new Set(ids).size, ids.length);
});

test("every rule file has a test file and every test file a rule", () => {
  assert.deepEqual(names(testsDir, ".test.ts"), names(rulesDir, ".ts"));
});

test("every rule file opens with a header comment naming its id", () => {
  for (const id of names(rulesDir, ".ts")) {
    const text = readFileSync(new URL(`${id}.ts`, rulesDir), "utf8");
    assert.ok(text.startsWith("/**"), `${id}.ts has no header comment`);
    assert.ok(text.slice(0, text.indexOf("*/")).includes(id), `the header of ${id}.ts does not name "${id}"`);
  }
});

test("every rule says what it detects and why it matters", () => {
  for (const rule of rules) {
    assert.ok(rule.what.length > 10 && rule.why.length > 10, `rule "${rule.id}" lacks what/why`);
    assert.match(rule.severity, /^(error|warning)$/);
  }
});
