/**
 * GitHub runs every file under .github/workflows, so check lints the hand-written ones
 * too: in a copy of the project, a hand-written workflow with a script injection fails
 * `npm run check` at the file's own line; a clean hand-written workflow passes. The
 * same holds for a local action's `action.yml` under .github/actions (which the kit
 * does not write), in `npm run check` and in `npm run lint`.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { npmRun, projectCopy } from "../support/project-copy.ts";

const workflow = (run: string) => `name: Greet
on:
  pull_request: {}
permissions: {}
jobs:
  greet:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - name: Greet
        run: ${run}
`;

const action = (run: string) => `name: Greet
description: Greets the pull request
runs:
  using: composite
  steps:
    - name: Greet
      shell: bash
      run: ${run}
`;

test("a hand-written workflow and a local action with an injection fail check (and lint, for the action) at their lines; clean ones pass", () => {
  // One copy for both: each command's run answers for the workflow and the action at once.
  const root = projectCopy("handwritten");
  try {
    const workflowFile = path.join(root, ".github/workflows/greet.yml");
    writeFileSync(workflowFile, workflow(`echo "\${{ github.event.pull_request.title }}"`));
    const folder = path.join(root, ".github/actions/greet");
    mkdirSync(folder, { recursive: true });
    const actionFile = path.join(folder, "action.yml");
    writeFileSync(actionFile, action(`echo "\${{ github.event.pull_request.title }}"`));

    const injected = npmRun(root, "check");
    assert.equal(injected.status, 1, injected.stdout + injected.stderr);
    assert.match(injected.stdout, /^\.github\/workflows\/greet\.yml:11(:\d+)?: .*\[template-injection\]$/m);
    assert.match(injected.stdout, /hand-written workflow files/);
    assert.match(injected.stdout, /^\.github\/actions\/greet\/action\.yml:8(:\d+)?: .*\[template-injection\]$/m);
    const linted = npmRun(root, "lint");
    assert.equal(linted.status, 1, linted.stdout + linted.stderr);
    assert.match(linted.stdout, /\.github\/actions\/greet\/action\.yml:8:\d+: .*\[template-injection\]/);

    writeFileSync(workflowFile, workflow(`echo "$TITLE"`));
    writeFileSync(actionFile, action(`echo "$TITLE"`));
    const clean = npmRun(root, "check");
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    const cleanLint = npmRun(root, "lint");
    assert.equal(cleanLint.status, 0, cleanLint.stdout + cleanLint.stderr);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
