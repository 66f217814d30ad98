import { test } from "node:test";
import assert from "node:assert/strict";
import { needsRef } from "../../../scripts/lint/rules/needs-ref.ts";
import { lintText } from "../lint-text.ts";

const workflow = (consumer: string) => `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    outputs:
      image_ref: \${{ steps.x.outputs.ref }}
    steps:
      - id: x
        run: echo "ref=a" >> "$GITHUB_OUTPUT"
  other:
    runs-on: ubuntu-latest
    steps:
      - run: echo
  test:
${consumer}`;

test("flags a job that reads a job it does not need", () => {
  const findings = lintText(workflow(`    needs: build\n    runs-on: ubuntu-latest\n    if: needs.other.result == 'success'\n    steps:\n      - run: echo\n`), [needsRef]);
  assert.deepEqual(findings.map((f) => [f.rule, f.path]), [["needs-ref", "jobs.test.if"]]);
  assert.match(findings[0]?.message ?? "", /add "other" to its needs/);
});

test("flags an output the needed job does not declare", () => {
  const findings = lintText(workflow(`    needs: [build]\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "$R"\n        env:\n          R: \${{ needs.build.outputs.image }}\n`), [needsRef]);
  assert.deepEqual(findings.map((f) => f.path), ["jobs.test.steps[0].env.R"]);
  assert.match(findings[0]?.message ?? "", /"image_ref"/);
});

test("flags a needs entry that names no job", () => {
  const findings = lintText(workflow(`    needs: [build, biuld]\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n`), [needsRef]);
  assert.deepEqual(findings.map((f) => f.path), ["jobs.test.needs[1]"]);
});

test("accepts declared outputs and results of direct needs", () => {
  const findings = lintText(workflow(`    needs: [build]\n    runs-on: ubuntu-latest\n    if: needs.build.result == 'success' && needs.build.outputs.image_ref != ''\n    steps:\n      - run: echo\n`), [needsRef]);
  assert.deepEqual(findings, []);
});

test("outputs of a job that calls a reusable workflow are declared there, and pass", () => {
  const text = `on: push
jobs:
  prepare:
    uses: ./.github/workflows/prepare-release.yml
  release:
    needs: prepare
    runs-on: ubuntu-latest
    steps:
      - env:
          VERSION: \${{ needs.prepare.outputs.version }}
        run: echo "$VERSION"
`;
  assert.deepEqual(lintText(text, [needsRef]), []);
});
