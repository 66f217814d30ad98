/**
 * A remembered clean result applies only to exactly the workflows and inputs it
 * was recorded for.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { knownClean, rememberClean, type RememberedCheck } from "../../scripts/generated/clean-results.ts";

test("a clean result is known only for the same workflows and inputs", () => {
  const check: RememberedCheck = { name: `test-${process.pid}-${Date.now()}`, inputs: ["package-lock.json"] };
  const files = [{ path: ".github/workflows/a.yml", content: "name: a\n" }];
  const changed = [{ path: ".github/workflows/a.yml", content: "name: b\n" }];
  assert.equal(knownClean(check, files), false);
  rememberClean(check, files);
  assert.equal(knownClean(check, files), true);
  assert.equal(knownClean(check, changed), false, "a changed workflow is checked again");
  assert.equal(knownClean({ ...check, inputs: ["package.json"] }, files), false, "other inputs are checked again");
  assert.equal(knownClean(check, [...files, { path: "generated/x.md", content: "x" }]), true, "only workflows count");
});
