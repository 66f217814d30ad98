/**
 * A deleted action binding, in a copy of the project: the workflow sources import it,
 * so nothing that loads them compiles. `npm run check` names the missing file and the
 * command that restores it; `npm run gen` restores it (the same bytes) and then runs.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";

const binding = "generated/actions/docker-login-action.ts";

function projectCopy(): string {
  const root = mkdtempSync(path.join(tmpdir(), "restore-"));
  for (const entry of ["package.json", "package-lock.json", "tsconfig.json", "workflows-src", "scripts", "generated", ".github"]) cpSync(path.join(PROJECT_ROOT, entry), path.join(root, entry), { recursive: true });
  symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
  return root;
}

function npmRun(root: string, script: string) {
  return spawnSync("npm", ["run", "--silent", script], { cwd: root, encoding: "utf8", env: { ...process.env, RUN_TS_CACHE: path.join(root, ".run-ts-cache"), GITHUB_ACTIONS: "" } });
}

test("a deleted binding: check names it and the fix, gen restores it and runs", () => {
  const root = projectCopy();
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
