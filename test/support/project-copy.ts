/**
 * A throw-away copy of the project (sources, scripts, generated files; the installed
 * packages linked, not copied), for tests that attack the project's commands and
 * check what they write. Commands run in it as `npm run` runs them, with their own
 * compiled-entry cache.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";

/** A project copy: its root, file access relative to it, `npm run <script>` in it, and removal. */
export interface ProjectCopy {
  readonly root: string;
  read(file: string): string;
  write(file: string, text: string): void;
  npmRun(script: string, ...args: string[]): SpawnSyncReturns<string>;
  remove(): void;
}

/** Copies the project into a new temporary directory. */
export function projectCopy(prefix = "project-copy-"): ProjectCopy {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  for (const entry of ["package.json", "package-lock.json", "tsconfig.json", "workflows-src", "scripts", "generated", ".github"]) {
    cpSync(path.join(PROJECT_ROOT, entry), path.join(root, entry), { recursive: true });
  }
  symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
  return {
    root,
    read: (file) => readFileSync(path.join(root, file), "utf8"),
    write: (file, text) => writeFileSync(path.join(root, file), text),
    npmRun: (script, ...args) =>
      spawnSync("npm", ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])], {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, RUN_TS_CACHE: path.join(root, ".run-ts-cache"), GITHUB_ACTIONS: "" },
      }),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
