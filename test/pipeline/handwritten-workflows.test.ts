/**
 * GitHub runs every file under .github/workflows, so check lints the hand-written ones
 * too: in a copy of the project, a hand-written workflow with a script injection fails
 * `npm run check` at the file's own line; a clean hand-written workflow passes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
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

test("a hand-written workflow with an injection fails check at its line; a clean one passes", () => {
  const root = projectCopy("handwritten");
  try {
    const file = path.join(root, ".github/workflows/greet.yml");
    writeFileSync(file, workflow(`echo "\${{ github.event.pull_request.title }}"`));
    const injected = npmRun(root, "check");
    assert.equal(injected.status, 1, injected.stdout + injected.stderr);
    assert.match(injected.stdout, /^\.github\/workflows\/greet\.yml:11(:\d+)?: .*\[template-injection\]$/m);
    assert.match(injected.stdout, /hand-written workflow files/);

    writeFileSync(file, workflow(`echo "$TITLE"`));
    const clean = npmRun(root, "check");
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
