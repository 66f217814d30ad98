/**
 * Digests of a project's files, remembered by each file's identity on disk (inode,
 * size, modification and change times): gen and check digest the whole tree on every
 * run to know whether anything changed, and a file whose identity is the one recorded
 * is not read again. As with git's index, a file changed within two seconds before it
 * was read is never recorded: it could change again within the same clock tick without
 * a new identity. A copy of the project has other inodes, so it reads its files.
 *
 * The record of a project root lives in the per-machine cache (json-cache.ts) and is
 * written once, when the process exits, if it learned something.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { digestOf, isRacy, stampOf } from "../run-ts/cache.mjs";
import { jsonCache } from "./json-cache.ts";

/** A file's identity on disk and the digest of its content then, by path relative to the root. */
type Recorded = Record<string, readonly [stamp: string, digest: string]>;

const records = jsonCache<Recorded>("file-digests", 64);
const loaded = new Map<string, Recorded>();

/** The digest of the file at `relative` under `root` (sha1, hex), or undefined when it cannot be read. */
export function fileDigestIn(root: string, relative: string): string | undefined {
  const recorded = recordOf(root);
  const file = path.join(root, relative);
  const identity = stampOf(file);
  if (!identity) return undefined;
  const known = recorded[relative];
  if (known && known[0] === identity.stamp) return known[1];
  const readAt = Date.now();
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const digest = digestOf(bytes);
  if (!isRacy(identity.changedAt, readAt)) recorded[relative] = [identity.stamp, digest];
  return digest;
}

/** The record of `root`, loaded once per process and saved at exit. */
function recordOf(root: string): Recorded {
  let recorded = loaded.get(root);
  if (recorded) return recorded;
  const key = createHash("sha256").update(path.resolve(root)).digest("hex").slice(0, 32);
  recorded = { ...(records.read(key) ?? {}) };
  loaded.set(root, recorded);
  const before = JSON.stringify(recorded);
  const saved = recorded;
  process.once("exit", () => {
    if (JSON.stringify(saved) === before) return;
    try {
      // Files removed from the project leave the record when it is next saved; a name that is not a path inside the root (the cache is a file anyone can edit) is never looked at.
      for (const relative of Object.keys(saved)) if (!isInside(relative) || !stampOf(path.join(root, relative))) delete saved[relative];
      // A tree removed meanwhile (a test's temporary copy) leaves nothing to remember.
      if (Object.keys(saved).length) records.write(key, saved);
    } catch {
      // A record that cannot be saved only costs the next run its reads.
    }
  });
  return recorded;
}

/** True for a relative path that stays inside the folder it is relative to. */
function isInside(relative: string): boolean {
  return relative !== "" && !path.isAbsolute(relative) && path.normalize(relative) === relative && !relative.split(/[\\/]/).includes("..");
}
