/**
 * How findings are printed: `text` for people, `json` for tools (an array of
 * `{rule, severity, file, path, line, column, message, kitMessage?, source?, waived?}`), `github`
 * as workflow-command annotations that GitHub shows on the lines of a pull request.
 *
 * Findings quote text from the linted file (keys, values, file names), which a
 * hostile file can fill with line breaks and `::command::` forms. Text lines go
 * through `safeLine`, so a runner that reads the output (as it reads every line a
 * step prints) cannot be handed a workflow command; annotations escape their data as
 * the runner expects.
 */
import { annotation, safeLine } from "../cli/annotation.ts";
import type { Finding } from "./rule.ts";

export const FORMATS = ["text", "json", "github"] as const;
export type Format = (typeof FORMATS)[number];

/** The report for a list of findings, in one format, ending with a newline. */
export function formatFindings(findings: readonly Finding[], format: Format): string {
  if (format === "json") {
    const plain = findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      file: f.file,
      path: f.path,
      line: f.line ?? 1,
      column: f.column ?? 1,
      message: f.message,
      ...(f.kitMessage !== undefined ? { kitMessage: f.kitMessage } : {}),
      ...(f.source ? { source: f.source } : {}),
      ...(f.waived !== undefined ? { waived: f.waived } : {}),
    }));
    return `${JSON.stringify(plain, null, 2)}\n`;
  }
  const shown = findings.filter((f) => f.waived === undefined);
  if (format === "github") {
    return shown
      .map((f) => `${annotation(f.severity, { file: f.file, ...(f.line !== undefined ? { line: f.line } : {}), ...(f.column !== undefined ? { col: f.column } : {}), title: f.rule }, `${f.path}: ${f.kitMessage ?? f.message}${f.source ? ` (built at ${f.source})` : ""}`)}\n`)
      .join("");
  }
  const lines = shown.map(formatFinding);
  const errors = shown.filter((f) => f.severity === "error").length;
  const waived = findings.length - shown.length;
  lines.push(`lint: ${plural(errors, "error")}, ${plural(shown.length - errors, "warning")}${waived ? `, ${waived} waived (listed by --format json)` : ""}`);
  return `${lines.join("\n")}\n`;
}

/** One finding as text: `file:line:column: severity: path: message [rule]` (the message in the kit's terms when it has one), then the TypeScript line that built it. */
export function formatFinding(f: Finding): string {
  const place = `${f.file}${f.line !== undefined ? `:${f.line}${f.column !== undefined ? `:${f.column}` : ""}` : ""}`;
  const line = safeLine(`${place}: ${f.severity}: ${f.path ? `${f.path}: ` : ""}${f.kitMessage ?? f.message} [${f.rule}]`);
  return f.source ? `${line}\n  built at ${safeLine(f.source)}` : line;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
