/**
 * A problem that stops gen or fails check, kept structured until it is printed:
 * located where the fix goes (the TypeScript line that built the object, the script
 * file, the manifest), so the terminal shows `file:line:col: message` and CI shows an
 * annotation on that line.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { annotation, safeLine } from "../cli/annotation.ts";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";

/** One problem, where to fix it and what to do. */
export interface SourceProblem {
  /** The file to change, relative to the project root; absent when no file can be named. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** The problem, then the fix. */
  readonly message: string;
}

/**
 * `file:line:col: message` (the parts that are known), the form terminals and editors
 * link, as one line a CI runner cannot take for a workflow command: messages quote
 * text from workflow files, which may hold line breaks and `::` (see `safeLine`).
 */
export function formatProblem(problem: SourceProblem): string {
  const at = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(":");
  return safeLine(at ? `${at}: ${problem.message}` : problem.message);
}

/** The problem as a GitHub Actions `::error` annotation on its file and line. */
export function problemAnnotation(problem: SourceProblem, title: string): string {
  return annotation("error", { ...(problem.file ? { file: problem.file } : {}), ...(problem.line !== undefined ? { line: problem.line } : {}), ...(problem.column !== undefined ? { col: problem.column } : {}), title }, problem.message);
}

/** The location parts of a `file:line` (or `file:line:col`) source, as the kit records them. */
export function locationOf(source: string | undefined): Pick<SourceProblem, "file" | "line" | "column"> {
  const match = source === undefined ? null : /^(.*?):(\d+)(?::(\d+))?$/.exec(source);
  if (!match) return source ? { file: source } : {};
  return { file: match[1]!, line: Number(match[2]), ...(match[3] ? { column: Number(match[3]) } : {}) };
}

/**
 * A problem from an error thrown while the sources loaded or ran (a `ReferenceError`
 * in a workflow module, say): its message, at the first stack frame in the project's
 * own sources (stack traces name the TypeScript line), never the raw stack.
 */
export function problemOfError(error: unknown): SourceProblem {
  const message = error instanceof Error ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}` : String(error);
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  for (const frame of stack.split("\n").slice(1)) {
    const match = /\(?((?:file:\/\/)?\/[^()]*?):(\d+):(\d+)\)?$/.exec(frame.trim());
    if (!match) continue;
    const file = match[1]!.startsWith("file://") ? fileURLToPath(match[1]!) : match[1]!;
    const relative = path.relative(PROJECT_ROOT, file);
    if (relative.startsWith("..") || relative.startsWith("node_modules") || path.isAbsolute(relative)) continue;
    if (!/^(workflows-src|generated)\//.test(relative.split(path.sep).join("/"))) continue;
    return { file: relative.split(path.sep).join("/"), line: Number(match[2]), column: Number(match[3]), message: `${message}; fix the source, then run \`npm run gen\`` };
  }
  return { message };
}

/** Every problem that stopped generation, each where its fix goes; the count is of distinct problems. */
export class GenerationError extends Error {
  readonly problems: readonly SourceProblem[];
  constructor(problems: readonly SourceProblem[]) {
    const distinct = [...new Map(problems.map((problem) => [formatProblem(problem), problem])).values()];
    super(`generation failed with ${distinct.length} problem${distinct.length === 1 ? "" : "s"}:\n${distinct.map((p) => `  ${formatProblem(p)}`).join("\n")}`);
    this.name = "GenerationError";
    this.problems = distinct;
  }
}
