/**
 * Running the commands in the project or in a throw-away copy of it (see
 * `scripts/files/project-copy.ts`) as a maintainer would with `npm run`: the script
 * line from package.json through a shell (`scripts/files/package-script.ts`), outside
 * GitHub Actions. A copy shares this checkout's compiled commands through its
 * node_modules link (builds name no absolute path).
 */
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from "node:child_process";
import { packageScript } from "../../scripts/files/package-script.ts";

export { projectCopy } from "../../scripts/files/project-copy.ts";

/** Outside GitHub Actions, whatever runs the tests: commands that annotate for it write plain lines here. */
const OUTSIDE_ACTIONS = { GITHUB_ACTIONS: "" };

/** `npm run <script> [-- args]` in `root`, to its end. */
export function npmRun(root: string, script: string, args: readonly string[] = [], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const { argv, ...options } = packageScript(root, script, args, { ...OUTSIDE_ACTIONS, ...env });
  return spawnSync("sh", argv, { ...options, encoding: "utf8" });
}

/** `npm run <script> [-- args]` in `root`, started in the background; its output ignored, or piped to read. */
export function npmStart(root: string, script: string, args: readonly string[] = [], output: "ignore" | "pipe" = "ignore"): ChildProcess {
  const { argv, ...options } = packageScript(root, script, args, OUTSIDE_ACTIONS);
  return spawn("sh", argv, { ...options, stdio: ["ignore", output, output] });
}
