/**
 * `node scripts/run-ts.mjs [--restore-generated RESTORER.ts] <entry.ts> [args…]`: runs a
 * TypeScript entry with plain Node, without a TypeScript loader in the process. The
 * entry and what it imports are compiled once into a bundle under
 * node_modules/.cache/run-ts, kept as long as every file compiled into it has the same
 * content; a changed file means a new bundle.
 *
 * A generated file the sources import (a typed action binding) can be missing or stale,
 * and the command that writes it cannot be compiled without a current one. With
 * `--restore-generated`, a failed compile runs RESTORER (which rewrites the generated
 * files that differ from what they are generated from; exit 2 when none did) and
 * compiles again (a kept build of the restored bytes serves without compiling); a
 * generated file the last build was compiled from and that is gone now is restored
 * before any compile, which could only fail on it. Without the flag, the runner names
 * a missing file and `npm run gen`.
 * This file is JavaScript because it is what runs before anything is compiled.
 */
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { keptOrCompiled } from "./run-ts/build.mjs";
import { cacheDirFor, goneGenerated, packageRoot, ROOT_KEY } from "./run-ts/cache.mjs";
import { tuneForShortRun } from "./run-ts/short-run.mjs";
import { installStackMap } from "./run-ts/stack-map.mjs";

tuneForShortRun();

const restoreFlag = process.argv[2] === "--restore-generated";
const restorer = restoreFlag ? process.argv[3] : undefined;
const entryArg = process.argv[restoreFlag ? 4 : 2];
if (!entryArg || (restoreFlag && !restorer)) {
  console.error("run-ts: no entry given; run `node scripts/run-ts.mjs [--restore-generated scripts/<restorer>.ts] scripts/<command>.ts [args…]`");
  process.exit(2);
}
const entry = path.resolve(entryArg);
// The entry sees the argv it would see under `node entry.ts args…`.
process.argv.splice(1, restoreFlag ? 4 : 2, entry);

const root = packageRoot(entry);
const cacheDir = cacheDirFor(entry, root);
const build = await buildOrExplain();
// A build names no absolute path: it is told which project it runs for.
globalThis[Symbol.for(ROOT_KEY)] = root;
installStackMap(build.dir, root);
await import(pathToFileURL(path.join(build.dir, build.entry)).href);

/** The entry's build, kept or compiled; the restorer runs at most once, before a compile that would fail or after one that did, else the run ends with the error. */
async function buildOrExplain() {
  // A binding deleted, or removed by a checkout or a merge, fails any compile: restored first, it costs no compile at all.
  const gone = restorer === undefined ? [] : goneGenerated(cacheDir, root);
  let restored = false;
  if (gone.length) {
    await restore(gone);
    restored = true;
  }
  for (;;) {
    try {
      // Restored files are most often the very bytes a kept build was compiled from (a deleted binding, a merge that broke the index): that build serves.
      return (await keptOrCompiled(entry, cacheDir, { root })).build;
    } catch (error) {
      // Loaded already: the compile that failed loaded it.
      const { CompileError } = await import("./run-ts/compile.mjs");
      if (!(error instanceof CompileError)) throw error;
      // Any failure may come from a generated file that is missing, stale or broken (a
      // merge that kept one side of a binding index): the restorer rewrites those from
      // what they are generated from, and says when there was nothing to rewrite.
      if (restored || restorer === undefined || !(await restore(error.missingGenerated))) fail(error);
      restored = true;
    }
  }
}

/**
 * Runs the restorer in its own process (it must compile without the generated files);
 * true when compiling again can succeed: it rewrote something, or a file that was
 * missing is there now. Its exit code 2 means every generated file was current.
 */
async function restore(missing) {
  if (missing.length) console.error(`run-ts: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing; restoring with ${restorer}`);
  // Imported here: a run that compiles nothing (most runs) does not load child processes (with net and streams, 8 ms).
  const { spawnSync } = await import("node:child_process");
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), restorer], { stdio: "inherit" });
  // A file that was missing and is current now was restored by a run beside this one (two gens at once).
  return run.status === 0 || (run.status === 2 && missing.length > 0);
}

function fail(error) {
  const hint = error.missingGenerated.length ? "\nGenerated files are written by `npm run gen`, which restores missing ones before it compiles: run it." : "";
  console.error(`run-ts: ${error.message}${hint}`);
  process.exit(1);
}
