/**
 * Builds every generated file in memory: the workflows from the registry, then any
 * other generator. All problems from all sources are collected and thrown together
 * as one `GenerationError`, so nothing is written when anything is wrong.
 */
import { BuildError } from "../../workflows-src/kit/build-error.ts";
import type { BuiltWorkflow } from "../../workflows-src/kit/workflow.ts";
import { workflows as registeredWorkflows } from "../../workflows-src/index.ts";
import { emitWorkflow } from "../emit/emit-workflow.ts";
import type { GeneratedFile } from "./generated-file.ts";
import { reports as registeredReports, type ReportGenerator } from "./reports.ts";

/** One entry of the workflow registry: builds a workflow (throws `BuildError` on problems). */
export type WorkflowEntry = () => BuiltWorkflow;

/** Every problem that stopped generation, one line each. */
export class GenerationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`generation failed with ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${problems.join("\n")}`);
    this.name = "GenerationError";
  }
}

/** Options for tests and tools that generate from another registry. */
export interface GenerateOptions {
  workflows?: readonly WorkflowEntry[];
  reports?: readonly ReportGenerator[];
}

/** All generated files, or a `GenerationError` listing every problem. */
export async function generate(options: GenerateOptions = {}): Promise<GeneratedFile[]> {
  const problems: string[] = [];
  const files: GeneratedFile[] = [];
  for (const build of options.workflows ?? registeredWorkflows) {
    try {
      files.push(emitWorkflow(build()));
    } catch (error) {
      if (error instanceof BuildError) problems.push(error.message);
      else problems.push(String((error as Error).message ?? error));
    }
  }
  if (!problems.length) {
    for (const report of options.reports ?? registeredReports) {
      try {
        files.push(...(await report(files)));
      } catch (error) {
        problems.push(`report: ${(error as Error).message ?? String(error)}`);
      }
    }
  }
  const paths = new Set<string>();
  for (const file of files) {
    if (paths.has(file.path)) problems.push(`${file.path} is produced by two sources; rename one workflow module`);
    paths.add(file.path);
  }
  if (problems.length) throw new GenerationError(problems);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
