/**
 * gen and check with nothing changed. A run of either that succeeded, found every file
 * current and saw no file change while it ran remembers the digest of every project
 * file the commands read (the workflow sources and their scripts, the generated files,
 * every file under .github, the commands themselves, the configs and the lock file of
 * the installed packages) with Node's version; a later run of the same command on the
 * same digest would read the same bytes and reach the same verdict, so it says so
 * without building anything. Any change to any of those files, a generated file edited
 * by hand included, means a full run. The memory lives under `node_modules/.cache`
 * (result-memory.ts): a fresh clone, as in CI, remembers nothing.
 */
import { treeDigest } from "../files/tree-digest.ts";
import { passedBefore, rememberPassed } from "./result-memory.ts";

const READ = ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.sources.json", "workflows-src", "generated", ".github", "scripts"];

/** The command whose success is remembered. */
export type RememberedCommand = "gen" | "check";

/** The digest of what gen and check read in the project at `root`. */
export function projectDigest(root: string): string {
  return treeDigest(root, READ, process.version);
}

/** True when `command` succeeded before on a project with this digest. */
export function succeededBefore(command: RememberedCommand, digest: string): boolean {
  return passedBefore(`${command}-project`, digest);
}

/** Records that `command` succeeded on a project with this digest (taken before the run and found the same after it). */
export function rememberSuccess(command: RememberedCommand, digest: string): void {
  rememberPassed(`${command}-project`, digest);
}
