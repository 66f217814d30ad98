/**
 * What `npm run gen` does, as a function of the project root and the workflow
 * registry, so that tests can run it on a temporary root with their own sources:
 * generate (build, validate, lint), then write every file and remove orphans — or
 * throw a `GenerationError` having written nothing.
 */
import { generate, type GenerateOptions } from "./generate.ts";
import { findGeneratedOnDisk } from "./managed-files.ts";
import { writeAll, type WriteResult } from "./write-files.ts";

/** Generates and writes all files under `root`; throws `GenerationError` (nothing written) when anything is wrong. */
export async function runGen(root: string, options: GenerateOptions = {}): Promise<WriteResult> {
  const files = await generate(options);
  const produced = new Set(files.map((f) => f.path));
  const orphans = findGeneratedOnDisk(root).filter((p) => !produced.has(p));
  return writeAll(root, files, orphans);
}
