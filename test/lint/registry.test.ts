import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { rules } from "../../scripts/lint/registry.ts";

const names = (folder: string, suffix: string): string[] =>
  readdirSync(fileURLToPath(new URL(folder, import.meta.url)))
    .filter((f) => f.endsWith(suffix))
    .map((f) => f.slice(0, -suffix.length))
    .sort();

test("the registry lists exactly the rule files, each once, and every rule has its test", () => {
  const ids = rules.map((r) => r.id);
  assert.deepEqual([...ids].sort(), names("../../scripts/lint/rules/", ".ts"));
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual(names("./rules/", ".test.ts"), [...ids].sort());
});
