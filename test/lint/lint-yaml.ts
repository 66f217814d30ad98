/** Test helper: the findings of some rules on a workflow written inline as YAML. */
import { parseWorkflowDocument } from "../../scripts/lint/document.ts";
import { lint } from "../../scripts/lint/engine.ts";
import type { Finding, Rule } from "../../scripts/lint/rule.ts";

/** Lints one YAML text (file name `test.yml`) with the given rules. */
export function lintYaml(text: string, ...rules: Rule[]): Finding[] {
  return lint([parseWorkflowDocument("test.yml", text)], rules);
}

/** `rule@path` of each finding, for compact assertions. */
export function where(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.rule}@${f.path}`);
}
