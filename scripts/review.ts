/**
 * `npm run review -- [--base REF] [--format markdown|json]`: every workflow as built
 * from the sources at REF (default: the merge base with the default branch, else HEAD)
 * compared with the workflow built from the working tree; per workflow file, its
 * changes, its behaviour in every scenario, its security and its lint findings. Exit 0
 * whatever the change; 1 when either side's sources do not build.
 */
import { exitWithUsage, readCommandLine } from "./cli/command-line.ts";
import { PROJECT_ROOT } from "../workflows-src/kit/project-root.ts";

const FORMATS = ["markdown", "json"] as const;
const command = {
  name: "review",
  summary:
    "Builds every workflow from the sources at REF (default: the merge base with the default branch, else HEAD) and from the working tree,\nand reports per workflow file: changes (YAML paths, before and after; a moved step is a move), behaviour (per plan scenario, the jobs and\nsteps whose result changed, image tags, saved references, artifacts, comments), security (permissions, actions and pins, triggers, lint\nwaivers) and lint findings new and fixed. Exit 0 whatever the change, 1 when the sources on either side do not build.",
  flags: {
    base: { type: "string", value: "REF", description: "the commit to compare with (default: the merge base with the default branch, else HEAD)" },
    format: { type: "string", value: FORMATS.join("|"), description: "markdown for a pull request (default), or json" },
  },
  examples: ["npm run review", "npm run review -- --base origin/main --format json", "npm run review -- --base HEAD~1"],
} as const;
const { values } = readCommandLine(command, process.argv.slice(2));
const format = values.format ?? "markdown";
if (!(FORMATS as readonly string[]).includes(format)) exitWithUsage(command, `--format takes ${FORMATS.join(" or ")}, not "${format}"`);

async function main(): Promise<number> {
  // Loaded after the command line is read, so --help answers without building anything.
  const [{ emitAll }, { GenerationError }, { isEmittedWorkflow }, { resolveBase, ReviewError }, { workflowsAtCommit }, { reviewWorkflows }, { reviewMarkdown }] = await Promise.all([
    import("./pipeline/generate.ts"),
    import("./pipeline/source-problem.ts"),
    import("./emit/emit-workflow.ts"),
    import("./review/base-ref.ts"),
    import("./review/workflows-at-commit.ts"),
    import("./review/review-workflows.ts"),
    import("./review/markdown.ts"),
  ]);
  try {
    const base = resolveBase(PROJECT_ROOT, values.base);
    const before = workflowsAtCommit(PROJECT_ROOT, base);
    const after = (await emitAll()).filter(isEmittedWorkflow);
    const review = await reviewWorkflows(base, before, after);
    process.stdout.write(format === "json" ? `${JSON.stringify(review, null, 2)}\n` : reviewMarkdown(review));
    return 0;
  } catch (error) {
    if (error instanceof ReviewError) console.error(`review: ${error.message}`);
    else if (error instanceof GenerationError) console.error(`review: the working tree's sources do not build; fix them (\`npm run gen\` lists every problem)\n${error.message}`);
    else throw error;
    return 1;
  }
}

process.exitCode = await main();
