/**
 * `npm run import -- [--name NAME] [--harden] [--actions DIR]… FILE.yml`: writes the
 * workflow as a module under workflows-src/, registers it, adds its pins, and
 * reports what it kept raw, waived or (with --harden) fixed.
 */
import { PROJECT_ROOT } from "../workflows-src/kit/project-root.ts";
import { exitWithUsage, readCommandLine } from "./cli/command-line.ts";
import type { ImportResult } from "./import/import-command.ts";

const spec = {
  name: "import",
  summary:
    "Writes a GitHub Actions workflow file as a TypeScript module under workflows-src/ (long scripts as files beside it), registers it in\nworkflows-src/index.ts and adds the pins it needs to the action manifest, with their bindings. After `npm run gen`, .github/workflows/NAME.yml\nholds the same data as FILE. Lint findings are kept as waivers whose reason says they came from the import; --harden applies the\nmechanical fixes instead and reports them. Nothing is written when anything is wrong.",
  flags: {
    name: { type: "string", value: "NAME", description: "the module and workflow name (default: FILE's base name)" },
    harden: { type: "boolean", description: "pin uses: to commits, give every job explicit permissions, stop checkouts persisting credentials, move ${{ }} out of scripts into env:" },
    actions: { type: "string", value: "DIR", multiple: true, description: "action metadata in the sync-actions --from layout (pins, and inputs/outputs of new pins)" },
    root: { type: "string", value: "DIR", description: "the project to write into (default: this project)" },
    "dry-run": { type: "boolean", description: "do everything but write: print the report and what would be written" },
  },
  positionals: "FILE.yml",
  examples: ["npm run import -- .github/workflows/ci.yml", "npm run import -- --harden --actions ../shared/actions --name release path/to/release.yml"],
} as const;

const { values, positionals } = readCommandLine(spec, process.argv.slice(2));
if (positionals.length !== 1) exitWithUsage(spec, positionals.length ? "give one workflow file" : "name the workflow file to import");
// The importer loads after the flags are read, so --help and a wrong flag answer at once.
const { ImportError, importWorkflow } = await import("./import/import-command.ts");

try {
  const result = await importWorkflow({
    file: positionals[0]!,
    ...(values.name !== undefined ? { name: values.name } : {}),
    harden: values.harden ?? false,
    actions: values.actions ?? [],
    root: values.root ?? PROJECT_ROOT,
    dryRun: values["dry-run"] ?? false,
  });
  console.log(report(result));
} catch (error) {
  if (!(error instanceof ImportError)) throw error;
  console.error(`import: nothing written.\n${error.message}`);
  process.exitCode = 1;
}

function report(result: ImportResult): string {
  const section = (title: string, lines: readonly string[]): string[] => (lines.length ? ["", `${title} (${lines.length}):`, ...lines.map((line) => `  ${line}`)] : []);
  return [
    values["dry-run"] ? `import: would write ${result.written.join(", ")} (nothing written: --dry-run)` : `import: wrote ${result.written.join(", ")}; run \`npm run gen\` to emit .github/workflows/${result.name}.yml`,
    ...section("hardened", result.changes),
    ...section("pins added to the manifest", result.addedPins),
    ...section("waivers (findings kept from the file; fix them, then drop the waiver)", result.waivers),
    ...section("expressions imported raw", result.raw),
    ...section("other escape hatches", result.untyped),
    ...section("notes", result.notes),
  ].join("\n");
}
