/**
 * Writes generated files all-or-nothing: every file is first written beside its
 * target as a temporary file; only when all of them are written are they renamed
 * into place (and orphans removed). A failure before that leaves the tree untouched.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { GeneratedFile } from "./generated-file.ts";

/** What a write changed. */
export interface WriteResult {
  written: string[];
  removed: string[];
}

/** Writes `files` under `root` and removes `orphans`, all or none. */
export function writeAll(root: string, files: readonly GeneratedFile[], orphans: readonly string[]): WriteResult {
  const staged: { temp: string; target: string }[] = [];
  try {
    for (const file of files) {
      const target = path.join(root, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.tmp`;
      writeFileSync(temp, file.content, "utf8");
      staged.push({ temp, target });
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, target } of staged) renameSync(temp, target);
  for (const orphan of orphans) rmSync(path.join(root, orphan));
  return { written: files.map((f) => f.path), removed: [...orphans] };
}
