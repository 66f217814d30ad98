/**
 * How findings are printed: `text` for people, `json` for tools (an array of
 * `{rule, severity, file, path, message, source?}`), `github` as workflow-command
 * annotations that GitHub shows on the lines of a pull request.
 */
import { annotation } from "../cli/annotation.ts";
import type { Finding } from "./rule.ts";

export const FORMATS = ["text", "json", "github"] as const;
export type Format = (typeof FORMATS)[number];

/** The report for a list of findings, in one format, ending with a newline. */
export function formatFindings(findings: readonly Finding[], format: Format): string {
  if (format === "json") {
    const plain = findings.map((f) => ({ rule: f.rule, severity: f.severity, file: f.file, path: f.path, message: f.message, ...(f.source ? { source: f.source } : {}) }));
    return `${JSON.stringify(plain, null, 2)}\n`;
  }
  if (format === "github") {
    return findings.map((f) => `${annotation(f.severity, { file: f.file, ...(f.line !== undefined ? { line: f.line } : {}), title: f.rule }, `${f.path}: ${f.message}${f.source ? ` (built at ${f.source})` : ""}`)}\n`).join("");
  }
  const lines = findings.map(formatFinding);
  const errors = findings.filter((f) => f.severity === "error").length;
  lines.push(`lint: ${errors} error${errors === 1 ? "" : "s"}, ${findings.length - errors} warning${findings.length - errors === 1 ? "" : "s"}`);
  return `${lines.join("\n")}\n`;
}

/** One finding as text: `file:line: severity: path: message [rule]`, then the TypeScript line that built it. */
export function formatFinding(f: Finding): string {
  return `${f.file}${f.line !== undefined ? `:${f.line}` : ""}: ${f.severity}: ${f.path ? `${f.path}: ` : ""}${f.message} [${f.rule}]${f.source ? `\n  built at ${f.source}` : ""}`;
}
