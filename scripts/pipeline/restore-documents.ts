/**
 * `npm run gen` runs this first when its compile fails and a generated file the workflow
 * sources import may be the cause (see `--restore-generated` in scripts/run-ts.mjs): it
 * rewrites every generated document (the typed action bindings and their index) that is
 * missing or differs from what it is generated from — a deleted binding, an index a
 * merge left stale or with conflict markers — without loading the workflows, which
 * cannot be compiled until those are current. Exit 2 when every one was current
 * already (the compile failed for another reason); gen itself brings everything else
 * up to date afterwards.
 */
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { documents } from "./documents.ts";
import { writeAll } from "./write-files.ts";

const { written } = writeAll(PROJECT_ROOT, documents.flatMap((build) => build()), []);
if (written.length) console.error(`gen: restored ${written.join(", ")}`);
else process.exitCode = 2;
