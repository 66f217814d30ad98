import { test } from "node:test";
import assert from "node:assert/strict";
import { secretsInherit } from "../../../scripts/lint/rules/secrets-inherit.ts";
import { lintText, where } from "../lint-text.ts";

test("a reusable workflow call with secrets: inherit is a warning naming the called workflow", () => {
  const text = `on: push
jobs:
  local:
    uses: ./.github/workflows/build.yml
    secrets: inherit
  remote:
    uses: octo-org/shared/.github/workflows/release.yml@0123456789abcdef0123456789abcdef01234567
    secrets: inherit
`;
  const findings = lintText(text, [secretsInherit]);
  assert.deepEqual(where(findings), ["secrets-inherit@jobs.local.secrets", "secrets-inherit@jobs.remote.secrets"]);
  assert.equal(findings[0]?.severity, "warning");
  assert.match(findings[1]?.message ?? "", /"octo-org\/shared\/\.github\/workflows\/release\.yml@0123456789abcdef0123456789abcdef01234567" with "secrets: inherit"; list the secrets/);
});

test("secrets listed by name, no secrets, and a key named secrets on a job that runs steps pass", () => {
  const text = `on: push
jobs:
  listed:
    uses: ./.github/workflows/build.yml
    secrets:
      TOKEN: \${{ secrets.TOKEN }}
  none:
    uses: ./.github/workflows/build.yml
  steps:
    runs-on: ubuntu-latest
    steps:
      - run: echo inherit
`;
  assert.deepEqual(lintText(text, [secretsInherit]), []);
});
