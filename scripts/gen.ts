/**
 * `npm run gen [-- --root DIR] [--fresh]`: type-check the workflow sources, build every
 * workflow and generated file, validate and lint them, then write them all (and remove
 * orphaned generated files) — or write nothing and list every problem where its fix
 * goes. When no file it reads changed since it last succeeded on this machine, it says
 * so and stops there (unchanged-project.ts).
 */
import { PROJECT_ROOT } from "../workflows-src/kit/project-root.ts";
import { readCommandLine } from "./cli/command-line.ts";
import { projectDigest, rememberSuccess, succeededBefore } from "./pipeline/unchanged-project.ts";
import { generationFailure, typecheckSources } from "./pipeline/typecheck.ts";
import { WriteError } from "./pipeline/write-files.ts";

const { values } = readCommandLine(
  {
    name: "gen",
    summary:
      "Builds every workflow under workflows-src/ and every other generated file, type-checks, validates and lints them, then writes them all\n(and removes generated files no source produces) — or writes nothing and lists every problem with the file and line to fix.",
    flags: {
      root: { type: "string", value: "DIR", description: "the project tree to write into (default: this project)" },
      fresh: { type: "boolean", description: "build everything even when no file changed since gen last succeeded on this machine" },
    },
    examples: ["npm run gen", "npm run gen -- --root /tmp/copy-of-the-project"],
  },
  process.argv.slice(2),
);
const root = values.root ?? PROJECT_ROOT;
// Only this project's own tree is remembered: another --root is written from this project's sources.
const before = root === PROJECT_ROOT && !values.fresh ? projectDigest(root) : undefined;

if (before !== undefined && succeededBefore("gen", before)) {
  console.log("gen: every file was current (no file changed since gen last succeeded here)");
} else {
  await generateAndWrite();
}

/** The full run: type-check, build, validate and lint, then write all or nothing. */
async function generateAndWrite(): Promise<void> {
  // Started first, so TypeScript checks while the generator builds.
  const typecheck = typecheckSources(PROJECT_ROOT);
  try {
    // Imported here: loading the workflow sources runs them, and what they throw is a problem to report.
    const { runGen } = await import("./pipeline/gen-command.ts");
    const result = await runGen(root, { typecheck });
    console.log(`gen: ${result.written.length ? `wrote ${result.written.join(", ")}` : "every file was current"}${result.removed.length ? `; removed ${result.removed.join(", ")}` : ""}`);
    // Remembered only when this run found the tree current and nothing changed it meanwhile (another gen, an edit).
    if (before !== undefined && !result.written.length && !result.removed.length && projectDigest(root) === before) rememberSuccess("gen", before);
  } catch (error) {
    if (error instanceof WriteError) {
      console.error(`gen: ${error.message}`);
      process.exit(1);
    }
    const failure = await generationFailure(error, typecheck);
    console.error(`gen: nothing written.\n${failure.message}`);
    process.exitCode = 1;
  }
}
