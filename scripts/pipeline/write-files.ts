/**
 * Writes generated files all-or-nothing: every file is first written beside its
 * target as a temporary file; only when all of them are written are they renamed
 * into place (and orphans removed). A failure before that leaves the tree untouched.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { GeneratedFile } from "../files/generated-file.ts";

/** What a write changed. */
export interface WriteResult {
  written: string[];
  removed: string[];
}

/** Writes `files` under `root` and removes `orphans`, all or none. */
export function writeAll(root: string, files: readonly GeneratedFile[], orphans: readonly string[]): WriteResult {
  const staged: { temp: string; target: string; path: string }[] = [];
  try {
    for (const file of files) {
      const target = path.join(root, file.path);
      // A file that already holds these bytes is left as it is (and keeps its timestamps).
      if (sameContent(target, file.content)) continue;
      mkdirSync(path.dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.tmp`;
      writeFileSync(temp, file.content, "utf8");
      staged.push({ temp, target, path: file.path });
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, target } of staged) renameSync(temp, target);
  for (const orphan of orphans) rmSync(path.join(root, orphan));
  return { written: staged.map((s) => s.path), removed: [...orphans] };
}

function sameContent(target: string, content: string): boolean {
  try {
    return readFileSync(target, "utf8") === content;
  } catch {
    return false;
  }
}
