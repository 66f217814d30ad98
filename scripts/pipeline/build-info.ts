/**
 * TypeScript's incremental state for the type check of one project tree. Copies of the
 * project share node_modules, so their states sit side by side in one cache folder. A
 * tree checked for the first time starts from the newest state there instead of from
 * nothing: TypeScript compares each file's content with what the state recorded, so a
 * state from another tree costs only the files that differ, and is never trusted for
 * them. Only the newest few states are kept.
 */
import { copyFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";

/** How many states are kept in the cache folder: the trees checked most recently. */
const KEPT = 8;
const PATTERN = /^typecheck-[0-9a-f]{8}\.tsbuildinfo$/;

/** The path of the state file for the tree at `root` in `cache`, seeded from the newest other state when the tree has none. */
export function buildInfoFor(cache: string, root: string): string {
  const file = path.join(cache, `typecheck-${createHash("sha256").update(root).digest("hex").slice(0, 8)}.tsbuildinfo`);
  const states = readdirSync(cache)
    .filter((name) => PATTERN.test(name))
    .map((name) => ({ file: path.join(cache, name), mtime: statSync(path.join(cache, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => b.mtime - a.mtime);
  const newest = states[0];
  if (newest && !states.some((state) => state.file === file)) {
    try {
      copyFileSync(newest.file, file);
    } catch {
      // Removed meanwhile by another tree's check: this tree starts from nothing.
    }
  }
  for (const state of states.slice(KEPT)) if (state.file !== file) rmSync(state.file, { force: true });
  return file;
}
