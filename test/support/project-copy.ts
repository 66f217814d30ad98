/**
 * Running the commands in a throw-away copy of the project (see
 * `scripts/files/project-copy.ts`) as a maintainer would, through `npm run`.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import path from "node:path";

export { projectCopy } from "../../scripts/files/project-copy.ts";
/** `npm run --silent <script> [-- args]` in `root`, with its own compile cache and outside GitHub Actions. */
export function npmRun(root: string, script: string, args: readonly string[] = [], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync("npm", ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, RUN_TS_CACHE: path.join(root, ".run-ts-cache"), GITHUB_ACTIONS: "", ...env },
  });
}
