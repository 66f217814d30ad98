/**
 * Construction problems. The kit records every problem it finds while a workflow is
 * assembled and reports them together, each with the path of the object at fault
 * and, when known, the TypeScript line that built it.
 */

/** One problem found while building a workflow. */
export interface Problem {
  /** Where in the workflow: `jobs.build-and-push.steps[8]` (or `workflow` for the whole). */
  path: string;
  /** The problem, then the fix. */
  message: string;
  /** `file:line` of the TypeScript that built the object, when known. */
  source?: string | undefined;
}

/** Thrown by `workflow()` (and `gen`) with every problem found, not only the first. */
export class BuildError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly Problem[],
  ) {
    super(
      `${file}: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n` +
        problems.map((p) => `  [${p.path}] ${p.message}${p.source ? ` (${p.source})` : ""}`).join("\n"),
    );
    this.name = "BuildError";
  }
}
