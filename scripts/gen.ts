/**
 * `npm run gen [-- --root DIR]`: build every workflow and generated file, validate,
 * then write them all (and remove orphaned generated files) — or write nothing and
 * list every problem.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generate, GenerationError } from "./generated/generate.ts";
import { findGeneratedOnDisk } from "./generated/managed-files.ts";
import { writeAll } from "./generated/write-files.ts";
import { parseRootFlag } from "./cli/root-flag.ts";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const flags = await parseRootFlag("gen", process.argv.slice(2), projectRoot);

try {
  const files = await generate();
  const produced = new Set(files.map((f) => f.path));
  const orphans = findGeneratedOnDisk(flags.root).filter((p) => !produced.has(p));
  const result = writeAll(flags.root, files, orphans);
  console.log(`gen: wrote ${result.written.length} files${result.removed.length ? `, removed ${result.removed.join(", ")}` : ""}`);
} catch (error) {
  if (!(error instanceof GenerationError)) throw error;
  console.error(`gen: nothing written.\n${error.message}`);
  process.exitCode = 1;
}
