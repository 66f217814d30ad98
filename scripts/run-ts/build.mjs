/**
 * The build an entry runs from: a kept one while every file it was compiled from is
 * unchanged, else a new compile. What the runner asks for before it runs an entry, and
 * what the test runner and the import tests ask for their builds. It lives apart from
 * cache.mjs so that code that only reads digests (the simulation's inputs) imports
 * cache.mjs without reaching the compiler.
 */
import path from "node:path";
import { freshBuild, packageRoot } from "./cache.mjs";

/**
 * The build of `entry` (and of the entries `also`, compiled with it) in `cacheDir`: a
 * kept build when one is current (`freshBuild`), else a new compile (compile.mjs, loaded
 * only then); `compiled` says which. A source that does not compile throws compile.mjs's
 * `CompileError`.
 * @param {string} entry
 * @param {string} cacheDir
 * @param {{ also?: readonly string[], root?: string }} [options] `root`: the project the entries belong to (default: the entry's package)
 * @returns {Promise<{ build: import("./cache.mjs").Build, compiled: boolean }>}
 */
export async function keptOrCompiled(entry, cacheDir, { also = [], root = packageRoot(entry) } = {}) {
  const kept = freshBuild(cacheDir, root, [entry, ...also].map((file) => path.relative(root, file)));
  if (kept) return { build: kept, compiled: false };
  // Loaded only to compile: with a current build, neither esbuild nor the compiler is loaded.
  const { compile } = await import("./compile.mjs");
  return { build: await compile(entry, cacheDir, { also, root }), compiled: true };
}
