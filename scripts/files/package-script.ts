/**
 * A script of a project's package.json run as `npm run` runs it: its line through a
 * shell, with the arguments appended and the packages' commands on the PATH. npm itself
 * is left out; its own start-up costs a third of a second per command, and the line it
 * runs is the same. Whatever runs a command of the project (the tests, the import round
 * trip, a benchmark) takes its line from package.json here, so no copy of it can drift.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The arguments for `sh` and the options that run package.json's `script` in `root`
 * with `args`, as `npm run script -- args` does; `env` is added to this process's.
 */
export function packageScript(root: string, script: string, args: readonly string[] = [], env: Record<string, string> = {}): { argv: string[]; cwd: string; env: NodeJS.ProcessEnv } {
  const line = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts?: Record<string, string | undefined> }).scripts?.[script];
  if (line === undefined) throw new Error(`package.json in ${root} has no script "${script}"`);
  return {
    // "$@" appends the arguments each as one word, as npm quotes them.
    argv: ["-c", `${line} "$@"`, script, ...args],
    cwd: root,
    env: { ...process.env, PATH: `${path.join(root, "node_modules", ".bin")}${path.delimiter}${process.env["PATH"] ?? ""}`, ...env },
  };
}
