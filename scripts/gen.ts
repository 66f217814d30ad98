/**
 * `npm run gen [-- --root DIR]`: build every workflow and generated file, validate
 * and lint them, then write them all (and remove orphaned generated files) — or write nothing and
 * list every problem.
 */
import { PROJECT_ROOT } from "../workflows-src/kit/project-root.ts";
import { GenerationError } from "./pipeline/generate.ts";
import { runGen } from "./pipeline/gen-command.ts";
import { parseRootFlag } from "./cli/root-flag.ts";

const flags = await parseRootFlag("gen", process.argv.slice(2), PROJECT_ROOT);

try {
  const result = await runGen(flags.root);
  console.log(`gen: ${result.written.length ? `wrote ${result.written.join(", ")}` : "every file was current"}${result.removed.length ? `; removed ${result.removed.join(", ")}` : ""}`);
} catch (error) {
  if (!(error instanceof GenerationError)) throw error;
  console.error(`gen: nothing written.\n${error.message}`);
  process.exitCode = 1;
}
