/**
 * A remembered clean result applies only to exactly the workflow text and checking
 * inputs it was recorded for, one workflow at a time, and keeps the note recorded with it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cleanMemory, type RememberedCheck } from "../../scripts/pipeline/clean-results.ts";

const check: RememberedCheck = { name: `test-${process.pid}-${Date.now()}`, inputs: ["package-lock.json"] };
const a = { path: ".github/workflows/a.yml", content: "name: a\n" };
const b = { path: ".github/workflows/b.yml", content: "name: b\n" };
const paths = (files: readonly { path: string }[]): string[] => files.map((file) => file.path);

test("a workflow remembered clean is not checked again; the others are", () => {
  const first = cleanMemory(check, [a, b, { path: "generated/x.md", content: "x" }]);
  assert.deepEqual(paths(first.unchecked), [a.path, b.path], "only workflows are checked");
  first.remember(a);
  assert.deepEqual(paths(cleanMemory(check, [a, b]).unchecked), [b.path]);
});

test("a changed workflow, or other checking inputs, mean checking again", () => {
  cleanMemory(check, [a]).remember(a);
  assert.deepEqual(paths(cleanMemory(check, [{ ...a, content: "name: changed\n" }]).unchecked), [a.path]);
  assert.deepEqual(paths(cleanMemory({ ...check, inputs: ["package.json"] }, [a]).unchecked), [a.path]);
  assert.deepEqual(paths(cleanMemory({ ...check, name: `${check.name}-other` }, [a]).unchecked), [a.path], "each check remembers for itself");
  assert.deepEqual(cleanMemory(check, [a]).unchecked, []);
});

test("the note kept with a clean workflow comes back with it; a workflow not remembered has none", () => {
  const noted = { path: ".github/workflows/noted.yml", content: `name: noted ${process.pid}\n` };
  cleanMemory(check, [noted]).remember(noted, "two waived findings");
  const memory = cleanMemory(check, [noted, { ...b, content: "name: never remembered\n" }]);
  assert.deepEqual([...memory.notes], [[noted.path, "two waived findings"]]);
  assert.deepEqual(paths(memory.unchecked), [b.path]);
});
