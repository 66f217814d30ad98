/**
 * A throw-away copy of the project (sources, scripts, generated files, the installed
 * packages by symlink), for tests that change files and run the commands as a
 * maintainer would, through `npm run`.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";

/** What a copy holds: everything the commands read, without node_modules (linked) or git. */
const ENTRIES = ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.sources.json", "workflows-src", "scripts", "generated", ".github"];

/** Copies the project into a new temporary directory and returns its path. */
export function projectCopy(prefix: string): string {
  const root = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  for (const entry of ENTRIES) cpSync(path.join(PROJECT_ROOT, entry), path.join(root, entry), { recursive: true });
  symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
  return root;
}

/** `npm run --silent <script> [-- args]` in `root`, with its own compile cache and outside GitHub Actions. */
export function npmRun(root: string, script: string, args: readonly string[] = [], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync("npm", ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, RUN_TS_CACHE: path.join(root, ".run-ts-cache"), GITHUB_ACTIONS: "", ...env },
  });
}
