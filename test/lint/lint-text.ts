/** Test helper: lints YAML text with one rule (or all) and returns the findings; `origin` makes it an emitted workflow or names its file. */
import { parseWorkflowDocument, type DocumentOrigin } from "../../scripts/lint/document.ts";
import { lint } from "../../scripts/lint/engine.ts";
import type { Finding, Rule } from "../../scripts/lint/rule.ts";
// The rules read scripts as they ask for them: the parser is loaded (remembered-scripts.ts).
import "../../scripts/shell/read-shell.ts";

export function lintText(text: string, rules?: readonly Rule[], origin: DocumentOrigin & { file?: string } = {}): Finding[] {
  return lint([parseWorkflowDocument(origin.file ?? "test.yml", text, origin)], rules);
}

/** A workflow with one job `build` whose steps are the given YAML lines (indented for a step list). */
export function oneJob(steps: string, jobExtra = ""): string {
  return `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n${jobExtra}    steps:\n${steps}`;
}

/** `rule@path` of each finding, for compact assertions. */
export function where(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.rule}@${f.path}`);
}
