/**
 * Where generated files live, and how to find the ones already on disk: a file in
 * a managed directory that starts with this project's header is ours, whether or
 * not a source still produces it (then it is an orphan).
 */
import { closeSync, openSync, readdirSync, readSync, type Dirent } from "node:fs";
import path from "node:path";
import { readHeader } from "../files/header.ts";


/** A temporary file of a gen under way: `<name>.<pid>.tmp`, the pid of the writer in the first group. */
export const TEMPORARY = /\.(\d+)\.tmp$/;

/** Directories that hold generated files, relative to the project root. */
export const MANAGED_DIRS = [".github/workflows", "generated"] as const;

/** Paths (relative, forward slashes) of files under the managed directories that carry our header. */
export function findGeneratedOnDisk(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(root, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      // A temporary file of a gen under way is not ours to judge; links and devices are never ours.
      else if (entry.isFile() && !TEMPORARY.test(entry.name) && readHeader(readHead(path.join(root, rel)))) found.push(rel);
    }
  };
  for (const dir of MANAGED_DIRS) walk(dir);
  return found.sort();
}

/** The first line or so of a file: enough to read a header, without reading a large file whole. */
function readHead(file: string): string {
  const buffer = Buffer.alloc(512);
  const fd = openSync(file, "r");
  try {
    return buffer.toString("utf8", 0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
}
