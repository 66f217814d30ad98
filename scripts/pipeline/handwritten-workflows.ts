/**
 * Workflow files under `.github/workflows/` that no source generates, and the local
 * actions under `.github/actions/` (their `action.yml`, which the kit does not write).
 * GitHub runs every workflow file there and every local action a step uses, so `check`
 * lints these as well (the rules that hold for anyone's workflow or composite action;
 * for workflows GitHub's parser and actionlint too) and fails on their error findings —
 * at the lines of the file itself, which is the one to change. A file that had no
 * finding is remembered, like the emitted workflows.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { WORKFLOWS_DIR } from "../emit/emit-workflow.ts";
import type { GeneratedFile } from "../files/generated-file.ts";
import { readHeader } from "../files/header.ts";
import { isBlocking } from "../lint/findings.ts";
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

/** Where local actions live: `uses: ./.github/actions/<name>` reads `<name>/action.yml` there. */
export const ACTIONS_DIR = ".github/actions";

/** The metadata files (`action.yml`, `action.yaml`) of the local actions under `root`, at any depth (paths relative to `root`). */
export function handwrittenActions(root: string): GeneratedFile[] {
  let names: string[];
  try {
    names = readdirSync(path.join(root, ACTIONS_DIR), { recursive: true, encoding: "utf8" }).sort();
  } catch {
    return [];
  }
  return names
    .filter((name) => /^action\.ya?ml$/.test(path.basename(name)))
    .map((name) => `${ACTIONS_DIR}/${name.split(path.sep).join("/")}`)
    .filter((file) => statSync(path.join(root, file)).isFile())
    .map((file) => ({ path: file, content: readFileSync(path.join(root, file), "utf8") }))
    .filter((file) => !readHeader(file.content));
}

/** The error findings of the rules, GitHub's parser and actionlint on the hand-written workflows and local actions under `root`. */
export async function handwrittenProblems(root: string): Promise<SourceProblem[]> {
  const memory = cleanMemory(HANDWRITTEN, [...handwrittenWorkflows(root), ...handwrittenActions(root)], () => true);
  if (memory.unchecked.length === 0) return [];
  const [{ lintDocuments }, { loadWorkflowText, withoutDuplicates }] = await Promise.all([import("../lint/engine.ts"), import("../lint/load.ts")]);
  const problems: SourceProblem[] = [];
  for (const file of memory.unchecked) {
    const loaded = await loadWorkflowText(file.path, file.content, { actionlint: true });
    const findings = withoutDuplicates(await lintDocuments(loaded.document ? [loaded.document] : [], undefined, { findings: loaded.findings }));
    const found = findings
      .filter(isBlocking)
      .map((f): SourceProblem => ({ file: f.file, ...(f.line !== undefined ? { line: f.line } : {}), ...(f.column !== undefined ? { column: f.column } : {}), message: `${f.path ? `${f.path}: ` : ""}${f.message} [${f.rule}]` }));
    if (found.length === 0) memory.remember(file);
    problems.push(...found);
  }
  return problems;
}
