import { test } from "node:test";
import assert from "node:assert/strict";
import { duplicateId } from "../../../scripts/lint/rules/duplicate-id.ts";
import { lintText, oneJob } from "../lint-text.ts";

test("flags two steps of a job with one id", () => {
  const findings = lintText(oneJob(`      - id: meta\n        run: echo\n      - id: meta\n        run: echo\n`), [duplicateId]);
  assert.deepEqual(findings.map((f) => [f.rule, f.path]), [["duplicate-id", "jobs.build.steps[1].id"]]);
});

test("flags two jobs with one id and a key written twice on a step", () => {
  const text = `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo\n        if: always()\n        if: success()\n  a:\n    runs-on: y\n    steps:\n      - run: echo\n`;
  const findings = lintText(text, [duplicateId]);
  assert.deepEqual(findings.map((f) => f.path).sort(), ["jobs.a", "jobs.a.steps[0].if"]);
});

test("accepts the same step id in two jobs", () => {
  const text = `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - id: s\n        run: echo\n  b:\n    runs-on: x\n    steps:\n      - id: s\n        run: echo\n`;
  assert.deepEqual(lintText(text, [duplicateId]), []);
});
