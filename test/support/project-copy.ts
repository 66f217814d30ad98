/**
 * Running the commands in the project or in a throw-away copy of it (see
 * `scripts/files/project-copy.ts`) as a maintainer would with `npm run`: the script
 * line from package.json through a shell, with the arguments appended and the
 * packages' commands on the PATH. npm itself is left out; its own start-up costs a
 * third of a second per command and is not what these tests are about.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

export { projectCopy } from "../../scripts/files/project-copy.ts";

/** The shell command and options that run package.json's `script` in `root` with `args`, as `npm run script -- args` does. */
function packageScript(root: string, script: string, args: readonly string[], env: Record<string, string>): { argv: string[]; cwd: string; env: NodeJS.ProcessEnv } {
  const line = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string | undefined> }).scripts[script];
  if (line === undefined) throw new Error(`package.json in ${root} has no script "${script}"`);
  return {
    // "$@" appends the arguments each as one word, as npm quotes them.
    argv: ["-c", `${line} "$@"`, script, ...args],
    cwd: root,
    // Outside GitHub Actions. The copy shares this checkout's compiled commands through its node_modules link (builds name no absolute path).
    env: { ...process.env, PATH: `${path.join(root, "node_modules", ".bin")}${path.delimiter}${process.env["PATH"] ?? ""}`, GITHUB_ACTIONS: "", ...env },
  };
}

/** `npm run <script> [-- args]` in `root`, to its end. */
export function npmRun(root: string, script: string, args: readonly string[] = [], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const { argv, ...options } = packageScript(root, script, args, env);
  return spawnSync("sh", argv, { ...options, encoding: "utf8" });
}

/** `npm run <script> [-- args]` in `root`, started in the background; its output ignored, or piped to read. */
export function npmStart(root: string, script: string, args: readonly string[] = [], output: "ignore" | "pipe" = "ignore"): ChildProcess {
  const { argv, ...options } = packageScript(root, script, args, {});
  return spawn("sh", argv, { ...options, stdio: ["ignore", output, output] });
}
