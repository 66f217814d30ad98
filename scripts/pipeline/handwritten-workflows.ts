/**
 * Workflow files under `.github/workflows/` that no source generates. GitHub runs every
 * file there, so `check` lints these as well (the rules that hold for anyone's workflow,
 * GitHub's parser, and actionlint) and fails on their error findings — at the lines of
 * the file itself, which is the one to change. A file that had no finding is
 * remembered, like the emitted workflows.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { WORKFLOWS_DIR } from "../emit/emit-workflow.ts";
import type { GeneratedFile } from "../files/generated-file.ts";
import { readHeader } from "../files/header.ts";
import { cleanMemory, type RememberedCheck } from "./clean-results.ts";
import type { SourceProblem } from "./source-problem.ts";

const HANDWRITTEN: RememberedCheck = { name: "handwritten", inputs: ["scripts/lint", "scripts/expressions", "package-lock.json"] };

/** The workflow files under `root` that carry no generated header (paths relative to `root`). */
export function handwrittenWorkflows(root: string): GeneratedFile[] {
  let names: string[];
  try {
    names = readdirSync(path.join(root, WORKFLOWS_DIR)).sort();
  } catch {
    return [];
  }
  return names
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => ({ path: `${WORKFLOWS_DIR}/${name}`, content: readFileSync(path.join(root, WORKFLOWS_DIR, name), "utf8") }))
    .filter((file) => !readHeader(file.content));
}

/** The error findings of the rules, GitHub's parser and actionlint on the hand-written workflows under `root`. */
export async function handwrittenProblems(root: string): Promise<SourceProblem[]> {
  const memory = cleanMemory(HANDWRITTEN, handwrittenWorkflows(root));
  if (memory.unchecked.length === 0) return [];
  const [{ isBlocking, lint }, { loadWorkflowText, withoutDuplicates }] = await Promise.all([import("../lint/engine.ts"), import("../lint/load.ts")]);
  const problems: SourceProblem[] = [];
  for (const file of memory.unchecked) {
    const loaded = await loadWorkflowText(file.path, file.content, { actionlint: true });
    const findings = withoutDuplicates(lint(loaded.document ? [loaded.document] : [], undefined, { findings: loaded.findings }));
    const found = findings
      .filter(isBlocking)
      .map((f): SourceProblem => ({ file: f.file, ...(f.line !== undefined ? { line: f.line } : {}), ...(f.column !== undefined ? { column: f.column } : {}), message: `${f.path ? `${f.path}: ` : ""}${f.message} [${f.rule}]` }));
    if (found.length === 0) memory.remember(file);
    problems.push(...found);
  }
  return problems;
}
