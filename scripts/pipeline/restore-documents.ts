/**
 * `npm run gen` runs this first when a generated file the workflow sources import is
 * missing (see `--restore-generated` in scripts/run-ts.mjs): it writes the missing
 * generated documents (the typed action bindings) from what they are generated from,
 * without loading the workflows, which cannot be compiled until they exist. Files
 * that exist are left alone; gen itself brings everything up to date afterwards.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { documents } from "./documents.ts";
import { writeAll } from "./write-files.ts";

const missing = documents.flatMap((build) => build()).filter((file) => !existsSync(path.join(PROJECT_ROOT, file.path)));
writeAll(PROJECT_ROOT, missing, []);
console.error(`gen: restored ${missing.map((file) => file.path).join(", ") || "nothing (no generated document was missing)"}`);
