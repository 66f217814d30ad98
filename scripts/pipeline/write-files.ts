/**
 * Writes generated files all-or-nothing: every file is first written beside its
 * target as a temporary file; only when all of them are written are they renamed
 * into place (and orphans removed). A failure before that leaves the tree untouched
 * and no temporary file behind.
 *
 * One gen at a time per tree: a lock file (holding the writer's process id) keeps two
 * gens from renaming over each other; a lock or temporary file left by a process that
 * no longer runs (killed) is cleared by the next gen.
 */
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import type { GeneratedFile } from "../files/generated-file.ts";
import { MANAGED_DIRS, TEMPORARY } from "./managed-files.ts";

/** What a write changed. */
export interface WriteResult {
  written: string[];
  removed: string[];
}

/** A write that could not be done; nothing was changed. The message names the file and the fix. */
export class WriteError extends Error {
  override name = "WriteError";
}

/** The lock file of a tree, relative to its root (ignored by git). */
export const LOCK_FILE = ".gen.lock";
const LOCK_WAIT_MS = 30_000;

/** Writes `files` under `root` and removes `orphans`, all or none; throws `WriteError` (nothing changed) when it cannot. */
export function writeAll(root: string, files: readonly GeneratedFile[], orphans: readonly string[]): WriteResult {
  const release = acquireLock(root);
  const staged: { temp: string; target: string; path: string }[] = [];
  try {
    removeDeadTemporaries(root);
    for (const file of files) {
      const target = path.join(root, file.path);
      // A file that already holds these bytes is left as it is (and keeps its timestamps).
      if (sameContent(target, file.content)) continue;
      const temp = `${target}.${process.pid}.tmp`;
      // Listed before it is written, so a failed write (a full disk) is cleaned up too.
      staged.push({ temp, target, path: file.path });
      attempt(file.path, () => {
        mkdirSync(path.dirname(target), { recursive: true });
        writeWhole(temp, file.content);
      });
    }
    for (const { temp, target, path: relative } of staged) attempt(relative, () => renameSync(temp, target));
    for (const orphan of orphans) attempt(orphan, () => rmSync(path.join(root, orphan), { force: true }));
    return { written: staged.map((s) => s.path), removed: [...orphans] };
  } finally {
    for (const { temp } of staged) rmSync(temp, { force: true });
    release();
  }
}

/** Writes the whole text, failing (not truncating silently) when the disk is full. */
function writeWhole(file: string, content: string): void {
  const fd = openSync(file, "w");
  try {
    const bytes = Buffer.from(content, "utf8");
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
  } finally {
    closeSync(fd);
  }
}

/** Runs a file operation; a failure becomes a `WriteError` naming the file and what to do. */
function attempt(file: string, operation: () => void): void {
  try {
    operation();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new WriteError(`could not write "${file}": ${explain(code, error as Error)}; nothing was changed`);
  }
}

function explain(code: string | undefined, error: Error): string {
  switch (code) {
    case "ENOSPC":
    case "EDQUOT":
      return "the disk is full; free some space and run `npm run gen` again";
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return "permission denied; make the file and its directory writable";
    case "EEXIST":
    case "ENOTDIR":
    case "ELOOP":
      return "a path on the way is not a directory (a file or a broken symbolic link); remove it";
    case "ENOENT":
      return "a directory on the way disappeared or is a broken symbolic link; remove it";
    default:
      return error.message;
  }
}

/** Takes the tree's lock, waiting for a gen that holds it; returns the release. */
function acquireLock(root: string): () => void {
  const lock = path.join(root, LOCK_FILE);
  const deadline = Date.now() + LOCK_WAIT_MS;
  // A tree written for the first time (`gen --root NEW`) has no folder to hold the lock yet.
  attempt(LOCK_FILE, () => mkdirSync(root, { recursive: true }));
  for (;;) {
    try {
      const fd = openSync(lock, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw new WriteError(`could not take the lock "${LOCK_FILE}": ${explain((error as NodeJS.ErrnoException).code, error as Error)}`);
    }
    const holder = Number(readText(lock));
    if (!isRunning(holder)) {
      rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new WriteError(`another gen (process ${holder}) has held "${LOCK_FILE}" for ${LOCK_WAIT_MS / 1000} s; wait for it, or remove the file if no gen is running`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
}

/** Removes temporary files under the managed directories whose writer no longer runs (a killed gen). */
function removeDeadTemporaries(root: string): void {
  const visit = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(path.join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(rel);
      const pid = TEMPORARY.exec(entry.name)?.[1];
      if (entry.isFile() && pid !== undefined && !isRunning(Number(pid))) rmSync(path.join(root, rel), { force: true });
    }
  };
  for (const dir of MANAGED_DIRS) visit(dir);
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

function sameContent(target: string, content: string): boolean {
  try {
    return readFileSync(target, "utf8") === content;
  } catch {
    return false;
  }
}
