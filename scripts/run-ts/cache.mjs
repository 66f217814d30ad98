/**
 * The cache of compiled entries: one folder per entry with a manifest that lists every
 * file the bundle was compiled from, with its identity on disk (inode, size, change and
 * modification times) and a digest of its content. A build is served only while every
 * input is unchanged, so an edit is never run stale.
 *
 * Builds name no absolute path: an entry's folder is keyed by its path relative to the
 * project root, the manifest lists inputs relative to it, and the root is given to the
 * build when it runs (run-ts.mjs). So copies of the project that link its packages use
 * the same builds: in a copy, inputs have other identities on disk, and their content
 * is compared instead.
 *
 * A build served by content in the project that holds the cache (its files rewritten
 * with the same bytes by a checkout or a stash) takes their new identities into its
 * manifest, so the next run compares identities again instead of reading every file.
 *
 * An entry's folder keeps the manifest of each build beside it, and `manifest.json` is
 * a copy of the last one compiled. A copy whose sources differ (an edit in a test or a
 * benchmark) compiles a build of its own and takes `manifest.json`; the project's
 * build, still kept, is found among the others, so the project and its copies do not
 * compile again in turn.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

// A file changed within this window before a build may have changed again in the same
// clock tick after it was read; for such a file only its content is trusted (as git
// does for "racily clean" index entries).
const RACY_MS = 2000;

/** @typedef {{ dir: string, entry: string, entries: Record<string, string> }} Build  the folder of a compiled entry, its entry file name, and the file name of every entry compiled into it by source path relative to the root */
/** @typedef {[file: string, stamp: string, digest: string | null]} Input  file relative to the project root; digest null: never trusted, recompile */
/** @typedef {{ builtAt: number, inputs: Input[], dir: string, entry: string, entries: Record<string, string>, metaSources?: string[] }} Manifest  metaSources: the sources that read import.meta, relative to the root */

/** Digest of some bytes. */
export function digestOf(bytes) {
  return createHash("sha1").update(bytes).digest("hex");
}

/** Digest of a file's content, or undefined when it cannot be read. */
export function fileDigest(file) {
  try {
    return digestOf(readFileSync(file));
  } catch {
    return undefined;
  }
}

/** What stat says of a file: changes with any write to it (ctime cannot be set back). */
export function stampOf(file) {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat ? { stamp: `${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`, changedAt: stat.ctimeMs } : undefined;
}

/** Whether a file stamped at `changedAt` is too close to a build at `builtAt` for its stamp to be trusted. */
export function isRacy(changedAt, builtAt) {
  return changedAt > builtAt - RACY_MS;
}

/** The global under which the runner gives a build the project root it runs for. */
export const ROOT_KEY = "run-ts.root";

/**
 * The global under which a process that loads a build of another project (a test that
 * compiles a scratch copy) gives a function from a chunk's URL to that project's root,
 * or undefined for the root under `ROOT_KEY`. A chunk reads its root once, when it is
 * evaluated, and evaluation can come late (a lazy import): so the answer is by chunk.
 */
export const ROOT_OF_KEY = "run-ts.rootOf";

/** The project root of a file: the nearest folder above it with a package.json. */
export function packageRoot(file) {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) return path.dirname(file);
  }
}

/**
 * The folder of the cache: node_modules/.cache/run-ts of the project this runner belongs
 * to, or `RUN_TS_CACHE`. Keep it inside a project, as bundles find the external packages
 * they import by walking up to node_modules.
 */
export function cacheRoot() {
  return process.env["RUN_TS_CACHE"] || path.join(projectRoot, "node_modules", ".cache", "run-ts");
}

/**
 * The cache folder of the entry at `entry` in the project at `root`, inside the cache
 * folder `cache`. The transforms and vendor packages its builds use live beside it.
 */
export function cacheDirFor(entry, root, cache = cacheRoot()) {
  const key = createHash("sha1").update(path.relative(root, entry)).digest("hex").slice(0, 12);
  return path.join(cache, `${path.basename(entry).replace(/\.[cm]?tsx?$/, "")}-${key}`);
}

/** The path of the manifest of the build compiled last, inside an entry's cache folder. */
export function manifestPath(cacheDir) {
  return path.join(cacheDir, "manifest.json");
}

/** The path of the manifest of the build in the folder `buildName`, beside it. */
export function buildManifestPath(cacheDir, buildName) {
  return path.join(cacheDir, `${buildName}.json`);
}

/** How many other builds of an entry a run looks at before it compiles: the ones used last (compile.mjs keeps them). */
export const OTHER_BUILDS_TRIED = 8;

/**
 * The compiled build of the entry whose cache folder is `cacheDir`, when every input
 * it was compiled from is unchanged under `root`: the build compiled last, else another
 * kept build, the ones used last first; undefined when none is current. A build served
 * is marked as in use (see compile.mjs, which removes builds no run has used for a while).
 * @param {string} cacheDir
 * @param {string} root
 * @param {readonly string[]} [wanted] entries the build must hold (paths relative to the root): a build of more entries serves fewer
 * @returns {Build | undefined}
 */
export function freshBuild(cacheDir, root, wanted = []) {
  const checkedAt = Date.now();
  /** Digests of the inputs read so far: each file is read at most once, whichever manifests are tried. */
  const digests = new Map();
  const last = readJson(manifestPath(cacheDir));
  const candidates = last ? [last, ...otherManifests(cacheDir, last.dir)] : otherManifests(cacheDir, undefined);
  for (const manifest of candidates) {
    if (!wanted.every((entry) => Object.hasOwn(manifest.entries, entry))) continue;
    const current = currentInputs(manifest, root, digests);
    if (!current) continue;
    // A checkout, a stash or a copy back gives files new identities on disk with the same content: the build's
    // manifest takes them, or every run would read and digest those files again until the next compile. Only in
    // the project that holds the cache: a copy that reaches it through a link compares content, and its
    // identities would only make the project's own runs read everything again.
    if (current.moved && holdsCache(root, cacheDir)) restamp(cacheDir, manifest, current.inputs, checkedAt, last?.dir === manifest.dir);
    const dir = path.join(cacheDir, manifest.dir);
    markUsed(dir);
    return { dir, entry: manifest.entry, entries: manifest.entries };
  }
  return undefined;
}

/** The folder, relative to a project root, of the generated files its sources import (the typed action bindings). */
export const GENERATED_FOLDER = "generated";

/**
 * The generated files (under `generated/`, relative to `root`) the last build of the
 * entry was compiled from that are gone from `root`: a compile now would fail on each
 * import of one. Empty when there is no build yet.
 * @param {string} cacheDir
 * @param {string} root
 * @returns {string[]}
 */
export function goneGenerated(cacheDir, root) {
  const inputs = readJson(manifestPath(cacheDir))?.inputs;
  if (!Array.isArray(inputs)) return [];
  return inputs.map(([relative]) => String(relative)).filter((relative) => relative.startsWith(`${GENERATED_FOLDER}/`) && !existsSync(path.resolve(root, relative)));
}

/**
 * Gives the chunks of the build in `buildDir`, loaded into this process, `root` as
 * their project root (`ROOT_OF_KEY`); the builds given a root before keep theirs, and
 * any other chunk reads the process's own (`ROOT_KEY`).
 * @param {string} buildDir
 * @param {string} root
 */
export function giveBuildRoot(buildDir, root) {
  // Node names a module by its real path.
  const folder = pathToFileURL(realpathSync(buildDir) + path.sep).href;
  const before = globalThis[Symbol.for(ROOT_OF_KEY)];
  globalThis[Symbol.for(ROOT_OF_KEY)] = (url) => (url.startsWith(folder) ? root : before?.(url));
}

/** The JSON value in `file`, or undefined when it is missing or unreadable (a cache entry is only ever a hint). */
export function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** Writes `text` to `file` whole and renames it into place: runs at once may fill the same entry. */
export function writeAtomically(file, text) {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/** The manifests of the entry's builds other than `except`, the builds used last first, at most OTHER_BUILDS_TRIED. */
function otherManifests(cacheDir, except) {
  let names;
  try {
    names = readdirSync(cacheDir).filter((name) => /^[0-9a-f]{16}\.json$/.test(name) && name !== `${except}.json`);
  } catch {
    return [];
  }
  const used = (name) => statSync(path.join(cacheDir, name.slice(0, -".json".length)), { throwIfNoEntry: false })?.mtimeMs ?? -1;
  return names
    .map((name) => ({ name, time: used(name) }))
    .filter(({ time }) => time >= 0)
    .sort((a, b) => b.time - a.time)
    .slice(0, OTHER_BUILDS_TRIED)
    .map(({ name }) => readJson(path.join(cacheDir, name)))
    .filter((manifest) => manifest !== undefined);
}

/**
 * The inputs of `manifest` with the identity each has on disk now, stamped before its
 * content was read, when every one is unchanged under `root` (by identity, else by
 * content; `digests` remembers the contents read); `moved` when some identity differs.
 * Undefined when an input changed.
 * @returns {{ inputs: Input[], moved: boolean } | undefined}
 */
function currentInputs(manifest, root, digests) {
  /** @type {Input[]} */
  const inputs = [];
  let moved = false;
  for (const input of manifest.inputs) {
    const [relative, stamp, digest] = input;
    const file = path.resolve(root, relative);
    const now = stampOf(file);
    if (!now) return undefined;
    if (now.stamp === stamp && !isRacy(now.changedAt, manifest.builtAt)) {
      inputs.push(input);
      continue;
    }
    if (digest === null) return undefined;
    if (!digests.has(file)) digests.set(file, fileDigest(file));
    if (digests.get(file) !== digest) return undefined;
    inputs.push([relative, now.stamp, digest]);
    moved ||= now.stamp !== stamp;
  }
  return { inputs, moved };
}

/** Whether the cache folder `cacheDir` lies inside the project at `root` (a copy reaches another project's through a link). */
function holdsCache(root, cacheDir) {
  try {
    return realpathSync(cacheDir).startsWith(realpathSync(root) + path.sep);
  } catch {
    return false;
  }
}

/**
 * Rewrites the manifest of a build served by content with the identities its inputs
 * have now, checked at `checkedAt` (an input changed within the racy window before it
 * is compared by content again next time); also as the entry's last manifest when it is.
 */
function restamp(cacheDir, manifest, inputs, checkedAt, isLast) {
  const text = JSON.stringify({ ...manifest, builtAt: checkedAt, inputs });
  writeAtomically(buildManifestPath(cacheDir, manifest.dir), text);
  if (isLast) writeAtomically(manifestPath(cacheDir), text);
}

/**
 * Writes `files` (name relative to the folder → contents) as the new folder `dir`: into a
 * temporary folder of this process, renamed into place, so runs at once that make the
 * same folder (the same inputs give the same name and the same bytes) never see one
 * half-written. When another run made it first, its folder stays.
 * @param {string} dir
 * @param {Map<string, Uint8Array>} files
 */
export function writeFolder(dir, files) {
  const temp = `${dir}.${process.pid}.tmp`;
  for (const [name, contents] of files) {
    mkdirSync(path.dirname(path.join(temp, name)), { recursive: true });
    writeFileSync(path.join(temp, name), contents);
  }
  try {
    renameSync(temp, dir);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(dir)) throw error;
  }
}

/** Records that a build is in use now (its folder's modification time). */
export function markUsed(dir) {
  const now = new Date();
  try {
    utimesSync(dir, now, now);
  } catch {
    // Removed meanwhile: the run loads what it already has open, and the next run compiles.
  }
}
