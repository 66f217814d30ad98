import { test } from "node:test";
import assert from "node:assert/strict";
import { unsoundCondition } from "../../../scripts/lint/rules/unsound-condition.ts";
import { lintText, where } from "../lint-text.ts";

test("text around ${{ }} and a | block scalar's newline make an always-true if:", () => {
  const text = `on: push
jobs:
  build:
    if: \${{ github.event_name == 'push' }} && \${{ github.ref == 'refs/heads/main' }}
    runs-on: ubuntu-latest
    steps:
      - if: |
          \${{ github.event_name == 'pull_request' }}
        run: echo pr
      - if: \${{ false }} || true
        run: echo never
`;
  const findings = lintText(text, [unsoundCondition]);
  assert.deepEqual(where(findings), ["unsound-condition@jobs.build.if", "unsound-condition@jobs.build.steps[0].if", "unsound-condition@jobs.build.steps[1].if"]);
  assert.match(findings[1]?.message ?? "", /"\\n".*always true/);
});

test("a bare expression, one ${{ }} alone, a >- block and a boolean pass", () => {
  const text = `on: push
jobs:
  build:
    if: github.event_name == 'push'
    runs-on: ubuntu-latest
    steps:
      - if: \${{ github.event_name == 'pull_request' }}
        run: echo pr
      - if: >-
          \${{ github.event_name == 'push' &&
          github.ref == 'refs/heads/main' }}
        run: echo main
      - if: |
          github.event_name == 'push'
        run: echo push
      - if: false
        run: echo never
`;
  assert.deepEqual(lintText(text, [unsoundCondition]), []);
});
