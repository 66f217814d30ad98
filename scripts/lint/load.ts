/**
 * Where linted workflows come from: the workflows the sources emit (built in
 * memory, with their TypeScript sources) or YAML files named on the command line,
 * which GitHub's workflow parser validates first. Its errors become findings of
 * the pseudo-rule `workflow-parser`, so one report lists every problem.
 */
import { readFileSync } from "node:fs";
import { isEmittedWorkflow } from "../emit/emit-workflow.ts";
import type { GeneratedFile } from "../files/generated-file.ts";
import { parseWorkflowDocument, pathAt, type WorkflowDocument } from "./document.ts";
import type { Finding } from "./rule.ts";

/** The rule id of findings that come from GitHub's workflow parser rather than a rule. */
export const PARSER_RULE_ID = "workflow-parser";

/** Documents of the emitted workflows among generated files. */
export function emittedDocuments(files: readonly GeneratedFile[]): WorkflowDocument[] {
  return files.filter(isEmittedWorkflow).map((f) => parseWorkflowDocument(f.path, f.content, f.sources));
}

/** A YAML file read and parsed, with what GitHub's parser reports about it. */
export interface LoadedFile {
  readonly document: WorkflowDocument | undefined;
  readonly findings: Finding[];
}

/**
 * Reads a workflow file and validates it with GitHub's workflow parser (loaded only
 * here, so that `gen` does not pay for it). A file that is not YAML gives one
 * finding and no document.
 */
export async function loadWorkflowFile(file: string): Promise<LoadedFile> {
  return loadWorkflowText(file, readFileSync(file, "utf8"));
}

/** Like `loadWorkflowFile`, for text already read; `file` names it in findings. */
export async function loadWorkflowText(file: string, text: string): Promise<LoadedFile> {
  let document: WorkflowDocument;
  try {
    document = parseWorkflowDocument(file, text);
  } catch (error) {
    return { document: undefined, findings: [{ rule: PARSER_RULE_ID, severity: "error", file, path: "", message: `${(error as Error).message}; fix the YAML` }] };
  }
  const { NoOperationTraceWriter, parseWorkflow } = await import("@actions/workflow-parser");
  const result = parseWorkflow({ name: file, content: text }, new NoOperationTraceWriter());
  const findings = result.context.errors.getErrors().map((error): Finding => {
    const start = (error as { range?: { start: { line: number; column: number } } }).range?.start;
    const offset = start ? offsetOf(text, start.line, start.column) : undefined;
    const raw = (error as { rawMessage?: string }).rawMessage ?? error.message;
    return {
      rule: PARSER_RULE_ID,
      severity: "error",
      file,
      path: offset === undefined ? "" : pathAt(document, offset),
      ...(start ? { line: start.line } : {}),
      message: `${lowerFirst(raw)}; fix it as GitHub's workflow syntax requires`,
    };
  });
  return { document, findings };
}

/**
 * Drops parser findings that a rule reports better: an unexpected key that
 * `unknown-key` names (with a suggestion) at the same path.
 */
export function withoutDuplicates(parserFindings: readonly Finding[], ruleFindings: readonly Finding[]): Finding[] {
  const known = new Set(ruleFindings.filter((f) => f.rule === "unknown-key").map((f) => `${f.file}\u0000${f.path}`));
  return parserFindings.filter((f) => !(f.message.startsWith("unexpected value") && known.has(`${f.file}\u0000${f.path}`)));
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf("\n", offset) + 1;
  return offset + column - 1;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
