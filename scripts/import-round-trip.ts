/**
 * `npm run import:round-trip -- [--harden] [--actions DIR]… [--json FILE] DIR`: imports
 * every workflow file under DIR into a scratch copy of this project, runs gen, and
 * reports per file whether the emitted workflow holds the same data as the file.
 */
import { writeFileSync } from "node:fs";
import { exitWithUsage, readCommandLine } from "./cli/command-line.ts";
import type { RoundTripResult } from "./import/round-trip.ts";

const spec = {
  name: "import:round-trip",
  summary:
    "Runs the importer's round trip over every .yml/.yaml file under DIR, in a scratch copy of this project (this tree is not touched):\nimport, `npm run gen`, and compare the emitted workflow with the file as parsed YAML. Prints PASS or the reason per file, then the\ncounts. Exit 1 when a workflow file does not pass. With --harden the data changes on purpose: a file passes when it imports and gen accepts it.",
  flags: {
    harden: { type: "boolean", description: "import with --harden (checks import and gen only)" },
    actions: { type: "string", value: "DIR", multiple: true, description: "action metadata in the sync-actions --from layout, passed to the importer" },
    json: { type: "string", value: "FILE", description: "also write the results as JSON" },
  },
  positionals: "DIR",
  examples: ["npm run import:round-trip -- ../corpus/real", "npm run import:round-trip -- --harden --actions ../corpus/actions ../corpus/charon/workflows"],
} as const;

const { values, positionals } = readCommandLine(spec, process.argv.slice(2));
if (positionals.length !== 1) exitWithUsage(spec, "name one folder of workflow files");
// The importer and gen load after the flags are read, so --help and a wrong flag answer at once.
const { roundTrip, workflowFiles } = await import("./import/round-trip.ts");

const files = workflowFiles(positionals[0]!);
const results = await roundTrip(files, {
  harden: values.harden ?? false,
  actions: values.actions ?? [],
  onResult: (result) => console.log(line(result)),
});
const count = (verdict: RoundTripResult["verdict"]): number => results.filter((r) => r.verdict === verdict).length;
const raw = results.reduce((n, r) => n + (r.report?.raw.length ?? 0), 0);
console.log(
  `\n${count("pass")} passed, ${results.length - count("pass") - count("not-a-workflow")} failed` +
    ` (${count("import-refused")} refused by the importer, ${count("gen-failed")} refused by gen, ${count("differs")} differ); ${count("not-a-workflow")} not workflows; ${raw} expressions imported raw`,
);
if (values.json) writeFileSync(values.json, JSON.stringify(results.map(({ report, ...rest }) => ({ ...rest, raw: report?.raw.length ?? 0, escapes: report?.untyped.length ?? 0, waivers: report?.waivers.length ?? 0 })), null, 2) + "\n");
process.exitCode = results.some((r) => r.verdict !== "pass" && r.verdict !== "not-a-workflow") ? 1 : 0;

function line(result: RoundTripResult): string {
  const label = result.verdict === "pass" ? "PASS" : result.verdict === "not-a-workflow" ? "SKIP" : "FAIL";
  return `${label} ${result.file}${result.detail ? ` — ${result.verdict}: ${result.detail}` : ""}`;
}
