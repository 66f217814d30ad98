/**
 * A throw-away copy of the project: everything the commands read (sources, scripts,
 * generated files, configuration), with the installed packages linked rather than
 * copied. Tests change files in one and run the commands as a maintainer would; the
 * benchmark times gen after an edit in one, so the working tree is never touched.
 */
import { cpSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";

/** What a copy holds: everything the commands read, without node_modules (linked) or git. */
const ENTRIES = ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.sources.json", "workflows-src", "scripts", "generated", ".github"];

/** Copies the project into a new temporary directory (under `parent`, default the system's) and returns its path. */
export function projectCopy(prefix: string, parent = tmpdir()): string {
  const root = mkdtempSync(path.join(parent, `${prefix}-`));
  for (const entry of ENTRIES) cpSync(path.join(PROJECT_ROOT, entry), path.join(root, entry), { recursive: true });
  symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
  return root;
}
