/**
 * The commit a review compares with: the one `--base` names, else the merge base of
 * HEAD with the default branch (the remote's default, else `origin/main`,
 * `origin/master`, a local `main` or `master`), else HEAD itself (then the review
 * shows what is not committed yet).
 */
import { spawnSync } from "node:child_process";

/** A problem that stops the review, with the fix in its message. */
export class ReviewError extends Error {
  override name = "ReviewError";
}

/** Runs git in `root`; its output, or undefined when it fails. */
export function git(root: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): string | undefined {
  const run = spawnSync("git", args, { cwd: root, encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

const commitOf = (root: string, ref: string): string | undefined => git(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);

// Where the default branch is looked for, in order: the remote's default, then the usual names.
const DEFAULT_BRANCHES = ["refs/remotes/origin/HEAD", "refs/remotes/origin/main", "refs/remotes/origin/master", "refs/heads/main", "refs/heads/master"];

/** The full commit id to compare with. */
export function resolveBase(root: string, ref: string | undefined): string {
  if (ref !== undefined) {
    const commit = ref.startsWith("-") ? undefined : commitOf(root, ref);
    if (commit !== undefined) return commit;
    notARepository(root);
    throw new ReviewError(`--base "${ref}" names no commit in this repository; give a branch, tag or commit that exists here (in a shallow clone, fetch it first, e.g. \`git fetch origin main\`)`);
  }
  const head = commitOf(root, "HEAD");
  if (head === undefined) {
    notARepository(root);
    throw new ReviewError("the repository has no commit yet; commit once, or pass --base");
  }
  // One git call lists the candidates that exist (a process per candidate costs more than the rest of a warm review).
  const existing = new Set((git(root, ["for-each-ref", "--format=%(refname)", ...DEFAULT_BRANCHES]) ?? "").split("\n"));
  const branch = DEFAULT_BRANCHES.find((candidate) => existing.has(candidate));
  return (branch && git(root, ["merge-base", "HEAD", branch])) || head;
}

function notARepository(root: string): void {
  if (git(root, ["rev-parse", "--git-dir"]) === undefined) throw new ReviewError(`"${root}" is not inside a git repository; run the review in a clone of the project`);
}
