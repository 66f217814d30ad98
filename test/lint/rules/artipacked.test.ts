import { test } from "node:test";
import assert from "node:assert/strict";
import { artipacked } from "../../../scripts/lint/rules/artipacked.ts";
import { lintText, where } from "../lint-text.ts";

const CHECKOUT = "actions/checkout@8e8c483db84b4bee98b60c0593521ed34d9990e8 # v6.0.1";

test("a checkout without persist-credentials: false is reported, also with it set to true", () => {
  const text = `on: push
jobs:
  verify:
    runs-on: ubuntu-latest
    steps:
      - uses: ${CHECKOUT}
      - uses: ${CHECKOUT}
        with:
          persist-credentials: true
`;
  const findings = lintText(text, [artipacked]);
  assert.deepEqual(where(findings), ["artipacked@jobs.verify.steps[0].with.persist-credentials", "artipacked@jobs.verify.steps[1].with.persist-credentials"]);
  assert.match(findings[0]?.message ?? "", /persist-credentials: false/);
});

test("persist-credentials: false passes, and so does a job that pushes with git later", () => {
  const text = `on: push
jobs:
  verify:
    runs-on: ubuntu-latest
    steps:
      - uses: ${CHECKOUT}
        with:
          persist-credentials: false
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: ${CHECKOUT}
      - run: |
          git tag v1
          git push origin v1
`;
  assert.deepEqual(lintText(text, [artipacked]), []);
});

test("a git push before the checkout does not excuse it", () => {
  const text = `on: push
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - run: git push origin main
      - uses: ${CHECKOUT}
`;
  assert.deepEqual(where(lintText(text, [artipacked])), ["artipacked@jobs.release.steps[1].with.persist-credentials"]);
});
