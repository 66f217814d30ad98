/**
 * `node scripts/run-ts.mjs scripts/bench/synthetic-gen.ts --count N --root DIR`: the
 * generator on N synthetic workflows in one process (build, validate, emit, write
 * under DIR), as `npm run gen` does for the registry; the benchmark times it per N.
 */
import { exitWithUsage, readCommandLine, wholeNumberFlag } from "../cli/command-line.ts";
import { generate } from "../pipeline/generate.ts";
import { writeAll } from "../pipeline/write-files.ts";
import { syntheticWorkflow } from "./synthetic-workflow.ts";

const command = {
  name: "bench:synthetic-gen (node scripts/run-ts.mjs scripts/bench/synthetic-gen.ts)",
  summary: "Runs the generator on N synthetic workflows in one process and writes them under DIR; the benchmark times it per N.",
  flags: {
    count: { type: "string", value: "N", description: "how many synthetic workflows (required)" },
    root: { type: "string", value: "DIR", description: "where to write them (required)" },
  },
  examples: ["node scripts/run-ts.mjs scripts/bench/synthetic-gen.ts --count 100 --root /tmp/synthetic"],
} as const;
const { values } = readCommandLine(command, process.argv.slice(2));
const count = wholeNumberFlag(command, "count", values.count, 1);
if (!values.root) exitWithUsage(command, "--root DIR is required");
const flags = { count, root: values.root };

const files = await generate({ workflows: Array.from({ length: flags.count }, (_, index) => () => syntheticWorkflow(index)) });
writeAll(flags.root, files, []);
