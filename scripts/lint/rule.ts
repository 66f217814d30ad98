/**
 * The contract between the lint engine and its rules. A rule implements `check`
 * over one parsed workflow document and reports findings by YAML path; the engine
 * walks documents, attaches locations and TypeScript sources, and sorts.
 */
import type { DocumentKind, WorkflowDocument } from "./document.ts";

export type Severity = "error" | "warning";

/** The rule id of findings that come from GitHub's workflow parser rather than a rule. */
export const PARSER_RULE_ID = "workflow-parser";
/** The prefix of the rule ids of actionlint's findings (`actionlint/expression`). */
export const ACTIONLINT_PREFIX = "actionlint/";

/** One problem found by a rule. */
export interface Finding {
  rule: string;
  severity: Severity;
  /** The workflow file, relative to the project root or as given on the command line. */
  file: string;
  /** YAML path, e.g. `jobs.build-and-push.steps[8].if`. */
  path: string;
  /** 1-based line of the path in the file, when it can be found. */
  line?: number;
  /** 1-based column of the path's node on that line. */
  column?: number;
  /** The problem, then the fix. */
  message: string;
  /**
   * The problem, then the fix in the kit's terms (`after: [meta]`, `prImageTag(meta)`),
   * for a workflow the project emits, whose fix goes in the TypeScript that built it;
   * absent when the rule has no such fix.
   */
  kitMessage?: string;
  /** `file:line` of the TypeScript that built the object (emitted workflows only). */
  source?: string;
  /** The reason of the waiver that silences this finding, when one does (see waivers.ts). */
  waived?: string;
}

/**
 * Reports one finding of the calling rule at a YAML path: the message with its fix in
 * YAML, and optionally the same problem with its fix in the kit's terms (kept only for
 * workflows the project emits).
 */
export type Report = (path: string, message: string, kitMessage?: string) => void;

/** A lint rule: one per file under `scripts/lint/rules/`, listed once in the registry. */
export interface Rule {
  /** Stable id printed with each finding, e.g. `step-ref`. Equals the file name. */
  readonly id: string;
  readonly severity: Severity;
  /** What the rule detects (one sentence). */
  readonly what: string;
  /** Why it matters (one sentence). */
  readonly why: string;
  /**
   * Two small workflows for the rule catalogue: `failing` gets at least one finding of
   * this rule, `passing` gets none. A test runs both through the engine, so the
   * documented examples cannot drift from what the rule does.
   */
  readonly examples: { readonly failing: string; readonly passing: string };
  /** The documents the rule reads: workflows (the default), and actions' composite steps when it checks steps. */
  readonly documents?: readonly DocumentKind[];
  /**
   * True for the project's own policy rather than a defect: checked only on the
   * workflows the project generates (`WorkflowDocument.emitted`), never on a file a
   * user names.
   */
  readonly policy?: boolean;
  check(document: WorkflowDocument, report: Report): void;
}
