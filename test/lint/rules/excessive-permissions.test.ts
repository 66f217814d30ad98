import { test } from "node:test";
import assert from "node:assert/strict";
import { excessivePermissions } from "../../../scripts/lint/rules/excessive-permissions.ts";
import { lintText, where } from "../lint-text.ts";

const EMITTED = { emitted: true } as const;

test("in an emitted workflow, no top-level block and a job without its own block are both reported", () => {
  const text = `on: push
jobs:
  test-image:
    runs-on: ubuntu-latest
    steps:
      - run: echo hi
`;
  const findings = lintText(text, [excessivePermissions], EMITTED);
  assert.deepEqual(where(findings).sort(), ["excessive-permissions@jobs.test-image.permissions", "excessive-permissions@permissions"]);
  assert.match(findings.find((f) => f.path === "permissions")?.message ?? "", /permissions: \{\}/);
});

test("in an emitted workflow, top-level write scopes and blanket write-all/read-all are reported", () => {
  const text = `on: push
permissions:
  contents: read
  packages: write
jobs:
  a:
    runs-on: ubuntu-latest
    permissions: write-all
    steps:
      - run: echo a
  b:
    runs-on: ubuntu-latest
    permissions: read-all
    steps:
      - run: echo b
`;
  assert.deepEqual(where(lintText(text, [excessivePermissions], EMITTED)), [
    "excessive-permissions@permissions.packages",
    "excessive-permissions@jobs.a.permissions",
    "excessive-permissions@jobs.b.permissions",
  ]);
  const topLevel = `on: push\npermissions: write-all\njobs: {}\n`;
  assert.deepEqual(where(lintText(topLevel, [excessivePermissions], EMITTED)), ["excessive-permissions@permissions"]);
});

test("an empty top-level block with per-job scopes passes, write scopes included", () => {
  const text = `on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      packages: write
    steps:
      - run: echo build
  quiet:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: echo quiet
`;
  assert.deepEqual(lintText(text, [excessivePermissions]), []);
});

test("in any other file, only a job on the default token and write-all are reported", () => {
  const defaultToken = `on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: echo hi
  scoped:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - run: echo hi
`;
  const findings = lintText(defaultToken, [excessivePermissions]);
  assert.deepEqual(where(findings), ["excessive-permissions@jobs.test.permissions"]);
  assert.match(findings[0]?.message ?? "", /default token/);
  const inherited = `on: push
permissions:
  contents: read
  pull-requests: write
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo a
  b:
    runs-on: ubuntu-latest
    permissions: read-all
    steps:
      - run: echo b
  c:
    runs-on: ubuntu-latest
    permissions: write-all
    steps:
      - run: echo c
`;
  assert.deepEqual(where(lintText(inherited, [excessivePermissions])), ["excessive-permissions@jobs.c.permissions"]);
});
