/**
 * Builds every generated file in memory: the workflows from the registry, then any
 * other generator, then lints the emitted workflows, and waits for the type check of
 * the sources. All problems from all sources (type errors, build errors and error
 * findings) are collected and thrown together as one `GenerationError`, so nothing is
 * written when anything is wrong.
 */
import { BuildError } from "../../workflows-src/kit/build-error.ts";
import { ValidationError } from "../files/validation-error.ts";
import { once } from "../../workflows-src/kit/once.ts";
import { withoutSourceLocations } from "../../workflows-src/kit/source-location.ts";
// Source locations of a bundled run name TypeScript lines through the runner's mapper.
import "../run-ts/kit-locations.ts";
import type { BuiltWorkflow } from "../../workflows-src/kit/workflow.ts";
import { workflows as registeredWorkflows } from "../../workflows-src/index.ts";
import { existsSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { unresolvedCalls } from "../../workflows-src/kit/reusable.ts";
import { emitWorkflow, WORKFLOWS_DIR } from "../emit/emit-workflow.ts";
import { documents as registeredDocuments, type DocumentEntry } from "./documents.ts";
import type { GeneratedFile } from "../files/generated-file.ts";
import { lintErrors } from "./emitted-lint.ts";
import { reports as registeredReports, type ReportGenerator } from "./reports.ts";
import { GenerationError, locationOf, problemOfError, type SourceProblem } from "./source-problem.ts";
import { typeErrorProblem, type TypeProblem } from "./typecheck.ts";

/** One entry of the workflow registry: builds a workflow (throws `BuildError` on problems). */
export type WorkflowEntry = () => BuiltWorkflow;

/** Options for tests and tools that generate from another registry, and the gate's type check. */
export interface GenerateOptions {
  workflows?: readonly WorkflowEntry[];
  documents?: readonly DocumentEntry[];
  reports?: readonly ReportGenerator[];
  /**
   * The type check of the sources, started by the caller so that it runs while the
   * generator works; its errors stop generation like any other problem.
   */
  typecheck?: Promise<readonly TypeProblem[]>;
}

/**
 * All generated files, or a `GenerationError` listing every type error, every build
 * problem and every error finding of the lint rules. Reports (which simulate the
 * workflows) are made from workflows that built and linted clean, and kept only when
 * the sources type-check too.
 */
export async function generate(options: GenerateOptions = {}): Promise<GeneratedFile[]> {
  let files: GeneratedFile[] = [];
  const problems: SourceProblem[] = [];
  const typeProblems = async (): Promise<SourceProblem[]> => (await (options.typecheck ?? Promise.resolve([]))).map(typeErrorProblem);
  try {
    files = await emitAll(options);
    problems.push(...(await lintErrors(files)));
  } catch (error) {
    if (!(error instanceof GenerationError)) throw error;
    problems.push(...error.problems);
  }
  // Type errors first: they often explain the rest.
  if (problems.length) throw new GenerationError([...(await typeProblems()), ...problems]);
  // Made while the type check finishes (it runs in a process of its own, and after an edit it is often the last to finish); a report of sources that do not type-check is dropped unseen.
  const reported = await reportFiles(files, options.reports ?? registeredReports);
  problems.push(...(await typeProblems()));
  if (problems.length) throw new GenerationError(problems);
  if (reported.problems.length) throw new GenerationError(reported.problems);
  return sortByPath([...files, ...reported.files]);
}

/** The files of every report made from the emitted files, and the problems of those that failed. */
async function reportFiles(emitted: readonly GeneratedFile[], reports: readonly ReportGenerator[]): Promise<{ files: GeneratedFile[]; problems: SourceProblem[] }> {
  const files: GeneratedFile[] = [];
  const problems: SourceProblem[] = [];
  for (const report of reports) {
    try {
      files.push(...(await report(emitted)));
    } catch (error) {
      problems.push(problemOfError(error));
    }
  }
  return { files, problems };
}

/** All generated files as built, not yet linted (what `npm run lint` checks), or a `GenerationError` listing every build problem. */
export async function emitAll(options: GenerateOptions = {}): Promise<GeneratedFile[]> {
  const problems: SourceProblem[] = [];
  const files: GeneratedFile[] = [];
  const collect = (build: () => readonly GeneratedFile[]): void => {
    try {
      files.push(...build());
    } catch (error) {
      problems.push(...problemsOf(error));
    }
  };
  const built: BuiltWorkflow[] = [];
  for (const build of options.workflows ?? registeredWorkflows) {
    collect(() => {
      const workflow = builtOnDemandLocated(build);
      built.push(workflow);
      return [emitWorkflow(workflow)];
    });
  }
  const workflowsDir = path.join(PROJECT_ROOT, WORKFLOWS_DIR);
  problems.push(...unresolvedCalls(built, (file) => existsSync(path.join(workflowsDir, file))));
  for (const build of options.documents ?? registeredDocuments) collect(build);
  const paths = new Set<string>();
  for (const file of files) {
    if (paths.has(file.path)) problems.push({ message: `${file.path} is produced by two sources; rename one workflow module` });
    paths.add(file.path);
  }
  // A broken shared input (the action manifest) fails every workflow the same way: GenerationError reports it once.
  if (problems.length) throw new GenerationError(problems);
  return sortByPath(files);
}

/** The problems an error thrown by a build stands for, each located where its fix goes. */
function problemsOf(error: unknown): SourceProblem[] {
  if (error instanceof BuildError) {
    return error.problems.map((problem) => ({ file: error.file, ...locationOf(problem.source), message: `${problem.path}: ${problem.message}` }));
  }
  if (error instanceof ValidationError) return error.problems.map((message) => ({ message }));
  return [problemOfError(error)];
}

/**
 * The workflow built without source locations (about a third of its cost), whose
 * `sources` build it again, with locations, when a finding first reads them. A build
 * that fails is run again with locations, so its problems name their TypeScript lines.
 */
function builtOnDemandLocated(build: WorkflowEntry): BuiltWorkflow {
  let quick: BuiltWorkflow;
  try {
    quick = withoutSourceLocations(build);
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    build(); // throws the same problems, located
    throw error;
  }
  const located = once(build);
  return {
    file: quick.file,
    sourceModule: quick.sourceModule,
    workflow: quick.workflow,
    waivers: quick.waivers,
    calls: quick.calls,
    callTrigger: quick.callTrigger,
    get sources() {
      return located().sources;
    },
  };
}

function sortByPath(files: GeneratedFile[]): GeneratedFile[] {
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
