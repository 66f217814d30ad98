/**
 * A copy of the project in a temporary git repository, for reviewing real commits:
 * the project's files (not its tests), this checkout's packages linked one by one
 * (so the copy's caches are its own), one commit on `main`. Edits are string
 * replacements in the copy's sources that fail loudly when their anchor is gone.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";

const IDENTITY = { GIT_AUTHOR_NAME: "Review Test", GIT_AUTHOR_EMAIL: "review@example.com", GIT_COMMITTER_NAME: "Review Test", GIT_COMMITTER_EMAIL: "review@example.com" };

export interface ProjectRepo {
  readonly root: string;
  /** Runs git in the copy; throws with git's message when it fails. */
  git(...args: string[]): string;
  /** Replaces `from` with `to` in a file of the copy; throws when `from` is not there. */
  edit(file: string, from: string, to: string): void;
  /** Runs `npm run review` in the copy, as npm runs it. */
  review(...args: string[]): SpawnSyncReturns<string>;
  remove(): void;
}

export function projectRepo(): ProjectRepo {
  const root = mkdtempSync(path.join(tmpdir(), "review-repo-"));
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: PROJECT_ROOT, encoding: "utf8" });
  for (const file of listed.stdout.split("\0")) {
    if (file === "" || file.startsWith("test/") || !existsSync(path.join(PROJECT_ROOT, file))) continue;
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    cpSync(path.join(PROJECT_ROOT, file), path.join(root, file));
  }
  mkdirSync(path.join(root, "node_modules"));
  for (const entry of readdirSync(path.join(PROJECT_ROOT, "node_modules"))) {
    if (entry !== ".cache") symlinkSync(path.join(PROJECT_ROOT, "node_modules", entry), path.join(root, "node_modules", entry));
  }
  writeFileSync(path.join(root, ".gitignore"), "node_modules/\n");
  const git = (...args: string[]): string => {
    const run = spawnSync("git", args, { cwd: root, encoding: "utf8", env: { ...process.env, ...IDENTITY } });
    if (run.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${run.stderr}`);
    return run.stdout.trim();
  };
  git("init", "--quiet", "--initial-branch=main");
  return {
    root,
    git,
    edit(file, from, to) {
      const target = path.join(root, file);
      const text = readFileSync(target, "utf8");
      if (!text.includes(from)) throw new Error(`${file} no longer contains ${JSON.stringify(from)}; update the test's edit`);
      writeFileSync(target, text.replace(from, to));
    },
    review: (...args) => spawnSync(process.execPath, [path.join(root, "scripts", "run-ts.mjs"), path.join(root, "scripts", "review.ts"), ...args], { cwd: root, encoding: "utf8", env: { ...process.env, GITHUB_ACTIONS: "" } }),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
