/**
 * A copy of the project in a new git repository, to review real commits (the review
 * benchmark and the review's tests): the project's files as this checkout has them
 * (tracked and new, not ignored; without the tests), this checkout's packages, and one
 * commit on `main`. The packages are linked one by one, so the copy's caches are its
 * own (the benchmark empties them), or as one folder, so the copy shares what this
 * checkout remembers (plans simulated before: the tests' base versions are the
 * project's own workflows).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { linkPackages } from "../review/link-packages.ts";

const IDENTITY = { GIT_AUTHOR_NAME: "Project Copy", GIT_AUTHOR_EMAIL: "copy@example.com", GIT_COMMITTER_NAME: "Project Copy", GIT_COMMITTER_EMAIL: "copy@example.com" };

/** Runs git in `root`; its output, or an error with git's message. */
export function gitIn(root: string, ...args: string[]): string {
  const run = spawnSync("git", args, { cwd: root, encoding: "utf8", env: { ...process.env, ...IDENTITY } });
  if (run.status !== 0) throw new Error(`git ${args.join(" ")} failed in ${root}: ${run.stderr}`);
  return run.stdout.trim();
}

/** Copies the project at `projectRoot` into the empty folder `target` and commits it on `main`. */
export function copyProject(projectRoot: string, target: string, caches: "own" | "shared"): void {
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: projectRoot, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (listed.status !== 0) throw new Error(`cannot list the files of ${projectRoot}: ${listed.stderr}`);
  for (const file of listed.stdout.split("\0")) {
    if (file === "" || file.startsWith("test/") || !existsSync(path.join(projectRoot, file))) continue;
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    cpSync(path.join(projectRoot, file), path.join(target, file));
  }
  if (caches === "own") linkPackages(path.join(projectRoot, "node_modules"), path.join(target, "node_modules"));
  else symlinkSync(path.join(projectRoot, "node_modules"), path.join(target, "node_modules"), "dir");
  writeFileSync(path.join(target, ".gitignore"), "node_modules\n.run-ts-cache/\n");
  gitIn(target, "init", "--quiet", "--initial-branch=main");
  gitIn(target, "add", "--all");
  gitIn(target, "commit", "--quiet", "-m", "the project");
}
