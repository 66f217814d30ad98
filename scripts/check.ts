/**
 * `npm run check [-- --root DIR]`: generate in memory and compare with the files
 * on disk, and run actionlint over the generated workflows. Prints each stale,
 * hand-edited, missing or orphaned file with a unified diff and the fix, and each
 * actionlint finding; exits 1 if there is any, 0 when everything is current and clean.
 * Under GitHub Actions (`GITHUB_ACTIONS=true`) it also prints `::error` annotations.
 */
import path from "node:path";
import { PROJECT_ROOT } from "../workflows-src/kit/project-root.ts";
import { generate, GenerationError } from "./pipeline/generate.ts";
import { findDrift } from "./pipeline/drift.ts";
import { readCommandLine } from "./cli/command-line.ts";
import { annotation } from "./cli/annotation.ts";
import { actionlint, formatActionlintFinding } from "./lint/actionlint.ts";
import { cleanMemory, type RememberedCheck } from "./pipeline/clean-results.ts";

const { values } = readCommandLine(
  {
    name: "check",
    summary:
      "Generates in memory and compares every generated file with the one on disk (stale, hand-edited, missing, orphaned), type-checks the sources,\nlints every workflow file under .github/workflows and runs actionlint on them. Exit 1 on any problem, 0 when all is current and clean.",
    flags: { root: { type: "string", value: "DIR", description: "the project tree to compare with (default: this project)" } },
    examples: ["npm run check", "GITHUB_ACTIONS=true npm run check   # also print ::error annotations"],
  },
  process.argv.slice(2),
);
const flags = { root: values.root ?? PROJECT_ROOT };
const inGithubActions = process.env["GITHUB_ACTIONS"] === "true";
/** actionlint's result depends on the workflows and on the locked actionlint package. */
const ACTIONLINT: RememberedCheck = { name: "actionlint", inputs: ["package-lock.json"] };

try {
  const files = await generate();
  const drifts = findDrift(flags.root, files);
  for (const drift of drifts) {
    console.log(`${drift.kind}: ${drift.message}\n${drift.diff}`);
    if (inGithubActions) console.log(annotation("error", { file: drift.path, title: `generated file ${drift.kind}` }, drift.message));
  }
  if (drifts.length) {
    console.log(`check: ${drifts.length} generated file${drifts.length === 1 ? " is" : "s are"} not current; run \`npm run gen\``);
    process.exitCode = 1;
  } else {
    console.log("check: all generated files are current");
  }
  const findings = [];
  const memory = cleanMemory(ACTIONLINT, files);
  for (const workflow of memory.unchecked) {
    const found = await actionlint(workflow.path, workflow.content);
    if (found.length === 0) memory.remember(workflow);
    findings.push(...found);
  }
  for (const finding of findings) {
    console.log(formatActionlintFinding(finding));
    if (inGithubActions) console.log(annotation("error", { file: finding.file, line: finding.line, title: `actionlint ${finding.kind}` }, finding.message));
  }
  if (findings.length) {
    console.log(`check: actionlint found ${findings.length} problem${findings.length === 1 ? "" : "s"} in the generated workflows; fix their sources under workflows-src/ and run \`npm run gen\``);
    process.exitCode = 1;
  }
} catch (error) {
  if (!(error instanceof GenerationError)) throw error;
  console.error(`check: the sources do not build or break a lint rule.\n${error.message}`);
  if (inGithubActions) for (const problem of error.problems) console.log(annotation("error", { title: "workflow sources do not build" }, problem));
  process.exitCode = 1;
}
