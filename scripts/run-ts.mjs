/**
 * `node scripts/run-ts.mjs <entry.ts> [args…]`: runs a TypeScript entry with plain
 * Node, without a TypeScript loader in the process. The entry and what it imports are
 * compiled once into a bundle under node_modules/.cache/run-ts, kept as long as every
 * file compiled into it has the same content; a changed file means a new bundle.
 * This file is JavaScript because it is what runs before anything is compiled.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { freshBuild, cacheDirFor } from "./run-ts/cache.mjs";
import { installStackMap } from "./run-ts/stack-map.mjs";

const entryArg = process.argv[2];
if (!entryArg) {
  console.error("run-ts: no entry given; run `node scripts/run-ts.mjs scripts/<command>.ts [args…]`");
  process.exit(2);
}
const entry = path.resolve(entryArg);
// The entry sees the argv it would see under `node entry.ts args…`.
process.argv.splice(1, 2, entry);

const cacheDir = cacheDirFor(entry);
let build = freshBuild(cacheDir);
if (!build) {
  const { compile } = await import("./run-ts/compile.mjs");
  build = await compile(entry, cacheDir);
}
installStackMap(build.dir);
await import(pathToFileURL(path.join(build.dir, build.entry)).href);
