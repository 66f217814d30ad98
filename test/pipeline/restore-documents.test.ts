/**
 * A deleted action binding, in a copy of the project: the workflow sources import it,
 * so nothing that loads them compiles. `npm run check` names the missing file and the
 * command that restores it; `npm run gen` restores it (the same bytes) and then runs.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync, unlinkSync, existsSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { npmRun, projectCopy } from "../support/project-copy.ts";

const binding = "generated/actions/docker-login-action.ts";

test("a deleted binding: check names it and the fix, gen restores it and runs", () => {
  const root = projectCopy("restore");
  try {
    unlinkSync(path.join(root, binding));

    const check = npmRun(root, "check");
    assert.equal(check.status, 1);
    assert.match(check.stderr, /generated\/actions\/index\.ts:\d+:\d+: generated\/actions\/docker-login-action\.ts is missing/);
    assert.match(check.stderr, /`npm run gen`/);
    assert.equal(existsSync(path.join(root, binding)), false, "check writes nothing");

    const gen = npmRun(root, "gen");
    assert.equal(gen.status, 0, gen.stderr);
    assert.match(gen.stderr, /restored generated\/actions\/docker-login-action\.ts/);
    assert.equal(readFileSync(path.join(root, binding), "utf8"), readFileSync(path.join(PROJECT_ROOT, binding), "utf8"));

    const recheck = npmRun(root, "check");
    assert.equal(recheck.status, 0, recheck.stderr);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
