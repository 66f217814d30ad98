import { test } from "node:test";
import assert from "node:assert/strict";
import { unknownKey } from "../../../scripts/lint/rules/unknown-key.ts";
import { lintText, oneJob } from "../lint-text.ts";

test("flags a misspelled step key and suggests the real one", () => {
  const findings = lintText(oneJob(`      - nme: Build\n        run: echo\n`), [unknownKey]);
  assert.deepEqual(findings.map((f) => [f.rule, f.path]), [["unknown-key", "jobs.build.steps[0].nme"]]);
  assert.match(findings[0]?.message ?? "", /did you mean "name"/);
});

test("flags unknown job and workflow keys", () => {
  const findings = lintText(`on: push\nenviron: {}\njobs:\n  build:\n    runs-on: x\n    need: [a]\n    steps:\n      - run: echo\n`, [unknownKey]);
  assert.deepEqual(findings.map((f) => f.path).sort(), ["environ", "jobs.build.need"]);
  assert.ok(findings.some((f) => f.message.includes('"needs"')));
});

test("accepts every key of a full step and job", () => {
  const steps = `      - id: a\n        name: A\n        if: always()\n        uses: actions/checkout@v6\n        with: {}\n        env: {}\n        continue-on-error: true\n        timeout-minutes: 5\n      - run: echo\n        shell: bash\n        working-directory: x\n`;
  const extra = `    name: B\n    permissions: {}\n    timeout-minutes: 10\n    concurrency: x\n    environment: prod\n    outputs: {}\n    env: {}\n    if: always()\n    strategy: {}\n    defaults: {}\n    continue-on-error: false\n    container: node\n    services: {}\n`;
  assert.deepEqual(lintText(oneJob(steps, extra), [unknownKey]), []);
});

test("keys GitHub's schema has are accepted without a list of our own: parallel and background steps, cancel-timeout-minutes", () => {
  const steps = `      - parallel:\n          - run: make a\n            background: true\n          - run: make b\n      - run: echo\n        background: true\n`;
  assert.deepEqual(lintText(oneJob(steps, `    cancel-timeout-minutes: 5\n`), [unknownKey]), []);
  const typo = lintText(oneJob(`      - run: echo\n        backgroud: true\n`), [unknownKey]);
  assert.match(typo[0]?.message ?? "", /unknown key "backgroud"; did you mean "background"\?/);
});
