/**
 * Generated files merge the way their bodies merge: two branches that change different
 * jobs of docker-build, each with its regenerated YAML (and whatever other generated file
 * follows), merge with real git without a conflict, and the merged tree passes
 * `npm run check`. A line summarising a whole file (a digest in a header) would make
 * every such pair conflict.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { npmRun, projectCopy } from "../support/project-copy.ts";

function git(root: string, ...args: string[]) {
  const run = spawnSync("git", args, {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, GIT_AUTHOR_NAME: "Maintainer", GIT_AUTHOR_EMAIL: "maintainer@example.com", GIT_COMMITTER_NAME: "Maintainer", GIT_COMMITTER_EMAIL: "maintainer@example.com" },
  });
  return run;
}

function mustGit(root: string, ...args: string[]): string {
  const run = git(root, ...args);
  assert.equal(run.status, 0, `git ${args.join(" ")}: ${run.stdout}${run.stderr}`);
  return run.stdout;
}

/** Changes one job's source, regenerates and commits on a new branch from `main`. */
function changeOnBranch(root: string, branch: string, file: string, from: string, to: string): void {
  mustGit(root, "checkout", "-q", "-b", branch, "main");
  const source = path.join(root, file);
  const text = readFileSync(source, "utf8");
  assert.ok(text.includes(from), `${file} has ${from}`);
  writeFileSync(source, text.replace(from, to));
  const gen = npmRun(root, "gen");
  assert.equal(gen.status, 0, gen.stdout + gen.stderr);
  mustGit(root, "add", "-A");
  mustGit(root, "commit", "-q", "-m", `change ${branch}`);
}

test("two branches changing different jobs of one workflow merge without conflict, and check passes", () => {
  const root = projectCopy("merge");
  try {
    writeFileSync(path.join(root, ".gitignore"), "node_modules\n");
    mustGit(root, "init", "-q", "-b", "main");
    mustGit(root, "add", "-A");
    mustGit(root, "commit", "-q", "-m", "base");

    changeOnBranch(root, "test-image-timeout", "workflows-src/docker-build/test-image.ts", '"timeout-minutes": 20', '"timeout-minutes": 25');
    changeOnBranch(root, "verify-timeout", "workflows-src/docker-build/verify-supply-chain-pr.ts", '"timeout-minutes": 15', '"timeout-minutes": 18');
    assert.match(mustGit(root, "diff", "--stat", "main", "verify-timeout"), /docker-build\.yml/, "the branch changed the generated YAML");

    mustGit(root, "checkout", "-q", "test-image-timeout");
    const merge = git(root, "merge", "--no-edit", "verify-timeout");
    assert.equal(merge.status, 0, `the merge conflicts:\n${merge.stdout}${merge.stderr}\n${git(root, "diff").stdout}`);

    const yaml = readFileSync(path.join(root, ".github/workflows/docker-build.yml"), "utf8");
    assert.match(yaml, /timeout-minutes: 25/);
    assert.match(yaml, /timeout-minutes: 18/);
    const check = npmRun(root, "check");
    assert.equal(check.status, 0, check.stdout + check.stderr);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
