/**
 * Runs one of the project's commands (`scripts/<name>.ts`) in a child process the way
 * `npm run <name>` does: through the compiled-entry cache, with plain Node.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Runs `scripts/<script>.ts` with `args`; `env` is added to this process's environment. */
export function runScript(script: string, args: readonly string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [path.join(projectRoot, "scripts", "run-ts.mjs"), path.join(projectRoot, "scripts", `${script}.ts`), ...args], {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
}
