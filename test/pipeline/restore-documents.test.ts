/**
 * A deleted action binding, in a copy of the project: the workflow sources import it,
 * so nothing that loads them compiles. `npm run check` names the missing file and the
 * command that restores it; `npm run gen` restores it (the same bytes) and then runs.
 * So it does for a binding index a merge left stale or with its conflict markers.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { npmRun, projectCopy } from "../support/project-copy.ts";

const binding = "generated/actions/docker-login-action.ts";

test("a deleted binding: check names it and the fix, gen restores it and runs; a binding index a merge broke is restored too", () => {
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

    // The binding index as a merge can leave it: one side's exports kept, the other's lost, or the conflict itself.
    const index = path.join(root, "generated", "actions", "index.ts");
    const current = readFileSync(index, "utf8");
    const exports = current.split("\n").filter((line) => line.startsWith("export "));
    const mergedBadly = [current.replace(`${exports[0]}\n`, ""), current.replace(`${exports[0]}\n`, `<<<<<<< HEAD\n${exports[0]}\n=======\n>>>>>>> other\n`)];
    for (const text of mergedBadly) {
      writeFileSync(index, text);
      const regen = npmRun(root, "gen");
      assert.equal(regen.status, 0, regen.stderr);
      assert.match(regen.stderr, /restored generated\/actions\/index\.ts/);
      assert.equal(readFileSync(index, "utf8"), current);
    }
    assert.equal(npmRun(root, "check").status, 0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
