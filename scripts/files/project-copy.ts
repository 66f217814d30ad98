/**
 * A throw-away copy of the project: the files git knows in this checkout (tracked, and
 * new ones not ignored), without the tests, and this checkout's installed packages.
 * Tests change files in one and run the commands as a maintainer would; the benchmarks
 * time gen after an edit, or a review of a commit, in one, so the working tree is never
 * touched.
 *
 * The packages are linked as one folder, so the copy shares what this checkout
 * remembers under node_modules/.cache (results keyed by content), or one link per
 * package, so the copy's caches are its own (a benchmark that must start cold).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { linkPackages } from "./link-packages.ts";

/** Whose caches the copy uses. */
export type CopyCaches = "shared" | "own";

const IDENTITY = { GIT_AUTHOR_NAME: "Project Copy", GIT_AUTHOR_EMAIL: "copy@example.com", GIT_COMMITTER_NAME: "Project Copy", GIT_COMMITTER_EMAIL: "copy@example.com" };

/** Copies the project into a new temporary directory (under `parent`, default the system's) and returns its path. */
export function projectCopy(prefix: string, parent = tmpdir(), caches: CopyCaches = "shared"): string {
  const root = mkdtempSync(path.join(parent, `${prefix}-`));
  copyProject(PROJECT_ROOT, root, caches);
  return root;
}

/** Copies the project at `projectRoot` into the empty folder `target`. */
export function copyProject(projectRoot: string, target: string, caches: CopyCaches): void {
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: projectRoot, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (listed.status !== 0) throw new Error(`cannot list the files of ${projectRoot}: ${listed.stderr}`);
  const files = listed.stdout.split("\0").filter((file) => file !== "" && !file.startsWith("test/") && existsSync(path.join(projectRoot, file)));
  // Each folder made once and each file copied by the kernel with its mode: half the time of cpSync per file, which a test suite making many copies feels.
  for (const folder of new Set(files.map((file) => path.dirname(file)))) mkdirSync(path.join(target, folder), { recursive: true });
  for (const file of files) copyFileSync(path.join(projectRoot, file), path.join(target, file));
  if (caches === "own") linkPackages(path.join(projectRoot, "node_modules"), path.join(target, "node_modules"));
  else symlinkSync(path.join(projectRoot, "node_modules"), path.join(target, "node_modules"), "dir");
}

/** Makes `root` (a copy) a git repository whose first commit on `main` holds it. */
export function commitCopy(root: string): void {
  writeFileSync(path.join(root, ".gitignore"), "node_modules\n");
  gitIn(root, "init", "--quiet", "--initial-branch=main");
  gitIn(root, "add", "--all");
  gitIn(root, "commit", "--quiet", "-m", "the project");
}

/** Runs git in `root`; its output, or an error with git's message. */
export function gitIn(root: string, ...args: string[]): string {
  const run = spawnSync("git", args, { cwd: root, encoding: "utf8", env: { ...process.env, ...IDENTITY } });
  if (run.status !== 0) throw new Error(`git ${args.join(" ")} failed in ${root}: ${run.stderr}`);
  return run.stdout.trim();
}
