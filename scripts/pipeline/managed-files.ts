/**
 * Where generated files live, and how to find the ones already on disk: a file in
 * a managed directory that starts with this project's header is ours, whether or
 * not a source still produces it (then it is an orphan).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { readHeader } from "../files/header.ts";

/** Directories that hold generated files, relative to the project root. */
export const MANAGED_DIRS = [".github/workflows", "generated"] as const;

/** Paths (relative, forward slashes) of files under the managed directories that carry our header. */
export function findGeneratedOnDisk(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(path.join(root, dir)).sort();
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = `${dir}/${entry}`;
      const abs = path.join(root, rel);
      if (statSync(abs).isDirectory()) walk(rel);
      else if (readHeader(readFileSync(abs, "utf8"))) found.push(rel);
    }
  };
  for (const dir of MANAGED_DIRS) walk(dir);
  return found.sort();
}
