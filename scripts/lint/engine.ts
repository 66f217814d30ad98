/**
 * The lint engine: runs every registered rule over each document, attaches line
 * numbers and TypeScript sources, and returns all findings sorted (file, line,
 * path, rule) so output is stable and complete in one run.
 */
import { lineOf, sourceOf, type WorkflowDocument } from "./document.ts";
import { rules as registeredRules } from "./registry.ts";
import type { Finding, Rule } from "./rule.ts";

/** Runs the rules (all registered ones by default) over the documents. */
export function lint(documents: readonly WorkflowDocument[], rules: readonly Rule[] = registeredRules): Finding[] {
  const findings: Finding[] = [];
  for (const document of documents) {
    for (const rule of rules) {
      const report = (path: string, message: string): void => {
        const line = lineOf(document, path);
        const source = sourceOf(document, path);
        findings.push({
          rule: rule.id,
          severity: rule.severity,
          file: document.file,
          path,
          ...(line !== undefined ? { line } : {}),
          message,
          ...(source !== undefined ? { source } : {}),
        });
      };
      try {
        rule.check(document, report);
      } catch (error) {
        // One rule tripping over odd input must not hide the other rules' findings.
        report("", `rule "${rule.id}" could not check this file (${(error as Error).message}); report this input as a bug of the rule`);
      }
    }
  }
  return findings.sort(compareFindings);
}

/** The order findings are reported in: file, line, path, rule, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.file.localeCompare(b.file, "en") ||
    (a.line ?? 0) - (b.line ?? 0) ||
    a.path.localeCompare(b.path, "en") ||
    a.rule.localeCompare(b.rule, "en") ||
    a.message.localeCompare(b.message, "en")
  );
}
