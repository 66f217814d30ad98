/**
 * `npm run gen [-- --root DIR]`: build every workflow and generated file, validate
 * and lint them, then write them all (and remove orphaned generated files) — or write nothing and
 * list every problem.
 */
import { PROJECT_ROOT } from "../workflows-src/kit/project-root.ts";
import { GenerationError } from "./pipeline/generate.ts";
import { runGen } from "./pipeline/gen-command.ts";
import { readCommandLine } from "./cli/command-line.ts";

const { values } = readCommandLine(
  {
    name: "gen",
    summary:
      "Builds every workflow under workflows-src/ and every other generated file, type-checks, validates and lints them, then writes them all\n(and removes generated files no source produces) — or writes nothing and lists every problem with the file and line to fix.",
    flags: { root: { type: "string", value: "DIR", description: "the project tree to write into (default: this project)" } },
    examples: ["npm run gen", "npm run gen -- --root /tmp/copy-of-the-project"],
  },
  process.argv.slice(2),
);
const flags = { root: values.root ?? PROJECT_ROOT };

try {
  const result = await runGen(flags.root);
  console.log(`gen: ${result.written.length ? `wrote ${result.written.join(", ")}` : "every file was current"}${result.removed.length ? `; removed ${result.removed.join(", ")}` : ""}`);
} catch (error) {
  if (!(error instanceof GenerationError)) throw error;
  console.error(`gen: nothing written.\n${error.message}`);
  process.exitCode = 1;
}
