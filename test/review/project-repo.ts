/**
 * A copy of the project in a temporary git repository (see `copyProject`; it shares
 * what this checkout remembers), for reviewing real commits. Edits are string replacements in the copy's sources that
 * fail loudly when their anchor is gone.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { commitCopy, copyProject, gitIn } from "../../scripts/files/project-copy.ts";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";

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

/** The copy, committed once on `main`; `prepare` changes it before that commit. */
export function projectRepo(prepare: (root: string) => void = () => undefined): ProjectRepo {
  const root = mkdtempSync(path.join(tmpdir(), "review-repo-"));
  copyProject(PROJECT_ROOT, root, "shared");
  commitCopy(root);
  prepare(root);
  gitIn(root, "commit", "--quiet", "--all", "--allow-empty", "-m", "base");
  return {
    root,
    git: (...args) => gitIn(root, ...args),
    edit(file, from, to) {
      const target = path.join(root, file);
      const text = readFileSync(target, "utf8");
      if (!text.includes(from)) throw new Error(`${file} no longer contains ${JSON.stringify(from)}; update the test's edit`);
      writeFileSync(target, text.replace(from, to));
    },
    // The copy shares this checkout's compiled commands through its node_modules link (builds name no absolute path).
    review: (...args) =>
      spawnSync(process.execPath, [path.join(root, "scripts", "run-ts.mjs"), path.join(root, "scripts", "review.ts"), ...args], {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, GITHUB_ACTIONS: "" },
      }),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
