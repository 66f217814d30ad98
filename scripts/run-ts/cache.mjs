/**
 * The cache of compiled entries: one folder per entry with a manifest that lists every
 * file the bundle was compiled from and a digest of its content. A build is served only
 * when every listed file still has that content, so an edit is never run stale.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** @typedef {{ dir: string, entry: string }} Build  the folder of a compiled entry and its entry file name */
/** @typedef {{ inputs: [string, string][], dir: string, entry: string }} Manifest */

/** Digest of a file's content, or undefined when it cannot be read. */
export function fileDigest(file) {
  try {
    return createHash("sha1").update(readFileSync(file)).digest("hex");
  } catch {
    return undefined;
  }
}

/** The cache folder of one entry; `RUN_TS_CACHE` moves the cache root (tests use it). */
export function cacheDirFor(entry) {
  const root = process.env["RUN_TS_CACHE"] || path.join(projectRoot, "node_modules", ".cache", "run-ts");
  const key = createHash("sha1").update(entry).digest("hex").slice(0, 12);
  return path.join(root, `${path.basename(entry).replace(/\.[cm]?tsx?$/, "")}-${key}`);
}

/** The manifest's path inside an entry's cache folder. */
export function manifestPath(cacheDir) {
  return path.join(cacheDir, "manifest.json");
}

/**
 * The compiled build of the entry whose cache folder is `cacheDir`, when every input
 * it was compiled from is unchanged; undefined when there is none or it is stale.
 * @returns {Build | undefined}
 */
export function freshBuild(cacheDir) {
  /** @type {Manifest} */
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath(cacheDir), "utf8"));
  } catch {
    return undefined;
  }
  for (const [file, digest] of manifest.inputs) if (fileDigest(file) !== digest) return undefined;
  return { dir: path.join(cacheDir, manifest.dir), entry: manifest.entry };
}
