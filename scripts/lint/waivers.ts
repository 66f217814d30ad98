/**
 * Waivers: a reviewed exception to a lint rule, with its reason. In YAML it is a
 * comment `# lint-ignore: <rule-id> -- <reason>` at the end of the finding's line, or
 * on a line of its own above it (several such lines may stack). A comment on a line of
 * its own covers the node the next line begins (a whole step above `- name:`), one in
 * the file's leading comments (above its first key) the whole file: that is where the
 * kit writes the waivers of a TypeScript source. Other writers may hand the engine
 * `Waiver` values that name the YAML path they cover. A waived finding is kept, marked
 * with the reason, and does not fail the run; a waiver without a reason, for an
 * unknown rule, or that silences nothing, is itself a finding. The review reads the
 * same comments (`writtenWaivers`) to report waivers a change adds or removes.
 */
import { Lexer } from "yaml";
import { lineStartsOf, nodePathOfLine, positionAt, type WorkflowDocument } from "./document.ts";
import type { Finding } from "./rule.ts";

/** The pseudo-rule of findings about waivers themselves. */
export const WAIVER_RULE_ID = "lint-ignore";

/** A reviewed exception: findings of `rule` in `file` at `line` (YAML comments) or under `path` (other writers) are waived. */
export interface Waiver {
  readonly rule: string;
  readonly file: string;
  /** The line whose findings it waives (see `WrittenWaiver.covers`). */
  readonly line?: number;
  /** The YAML path whose findings (and those below it) it waives, e.g. `jobs.build.steps[3]`; `""` for the whole file. */
  readonly path?: string;
  readonly reason: string;
  /** Where it was written, e.g. `file.yml:12` or `workflows-src/docker-build/jobs.ts:40`: named when it silences nothing. */
  readonly origin: string;
}

/** A `# lint-ignore:` comment as written, well-formed or not. */
export interface WrittenWaiver {
  /** The rule id it names (the text before `--`), and the reason after it ("" when none is given). */
  readonly rule: string;
  readonly reason: string;
  /** Where the comment is (1-based). */
  readonly line: number;
  readonly column: number;
  /** The line whose findings it waives: its own when it ends a line, else the next line that is not blank or a comment (so waivers can be stacked). */
  readonly covers: number;
}

const COMMENT = /^#\s*lint-ignore:(.*)$/;
// Characters yaml's lexer emits to mark structure; they are not in the text.
const LEXER_MARKERS = new Set(["\u0002", "\u0018", "\u001f"]);

/**
 * The `# lint-ignore:` comments of a YAML text, in order. Comments are found by the
 * YAML lexer, so a `#` line inside a block scalar (a script) is never taken for one.
 */
export function writtenWaivers(text: string): WrittenWaiver[] {
  if (!text.includes("lint-ignore")) return [];
  const lines = text.split("\n");
  const starts = lineStartsOf(text);
  const found: WrittenWaiver[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token.length === 1 && LEXER_MARKERS.has(token)) continue;
    const match = token.startsWith("#") ? COMMENT.exec(token.trim()) : null;
    if (match) {
      const [rule = "", ...reason] = (match[1] ?? "").split("--");
      const { line, column } = positionAt(starts, offset);
      const trailing = text.slice(starts[line - 1], offset).trim() !== "";
      found.push({ rule: rule.trim(), reason: reason.join("--").trim(), line, column, covers: trailing ? line : nextContentLine(lines, line) });
    }
    offset += token.length;
  }
  return found;
}

/** The first line after `line` (1-based) that is neither blank nor only a comment; `line` itself when there is none. */
function nextContentLine(lines: readonly string[], line: number): number {
  for (let n = line + 1; n <= lines.length; n++) {
    const content = (lines[n - 1] ?? "").trim();
    if (content !== "" && !content.startsWith("#")) return n;
  }
  return line;
}

/** The waivers written as YAML comments in a document, and findings for malformed ones. */
export function commentWaivers(document: WorkflowDocument, isRuleId: (id: string) => boolean): { waivers: Waiver[]; findings: Finding[] } {
  const waivers: Waiver[] = [];
  const findings: Finding[] = [];
  const written = writtenWaivers(document.text);
  const firstContentLine = written.length ? nextContentLine(document.text.split("\n"), 0) : 0;
  for (const { rule, reason, line, column, covers } of written) {
    const problem = (message: string): void => {
      findings.push({ rule: WAIVER_RULE_ID, severity: "error", file: document.file, path: "", line, column, message });
    };
    if (!isRuleId(rule)) problem(`"# lint-ignore: ${rule}" names no lint rule; write the id a finding prints in brackets`);
    else if (!reason) problem(`the waiver for "${rule}" gives no reason; write "# lint-ignore: ${rule} -- <why this is safe>"`);
    else if (line < firstContentLine) waivers.push({ rule, file: document.file, path: "", reason, origin: `${document.file}:${line}` });
    else {
      // On a line of its own, it covers the node the next line begins (a step, a key and its value), as well as that line.
      const node = covers > line ? nodePathOfLine(document, covers) : undefined;
      waivers.push({ rule, file: document.file, line: covers, ...(node === undefined ? {} : { path: node }), reason, origin: `${document.file}:${line}` });
    }
  }
  return { waivers, findings };
}

/**
 * Marks each finding a waiver covers with its reason, and reports waivers that cover
 * none (a stale waiver hides the next real finding on its line). A waiver given by
 * path is tried before one written on a line.
 */
export function applyWaivers(findings: readonly Finding[], waivers: readonly Waiver[]): Finding[] {
  const used = new Set<Waiver>();
  const byPlace = new Map<string, Waiver[]>();
  const key = (file: string, rule: string, line: number): string => `${file}\u0000${rule}\u0000${line}`;
  for (const waiver of waivers) {
    if (waiver.line === undefined) continue;
    const place = key(waiver.file, waiver.rule, waiver.line);
    byPlace.set(place, [...(byPlace.get(place) ?? []), waiver]);
  }
  const byPath = waivers.filter((w) => w.path !== undefined);
  const marked = findings.map((finding) => {
    const waiver =
      byPath.find((w) => w.file === finding.file && w.rule === finding.rule && (w.path === "" || finding.path === w.path || finding.path.startsWith(`${w.path}.`) || finding.path.startsWith(`${w.path}[`))) ??
      (finding.line !== undefined ? byPlace.get(key(finding.file, finding.rule, finding.line))?.[0] : undefined);
    if (!waiver) return finding;
    used.add(waiver);
    return { ...finding, waived: waiver.reason };
  });
  const stale = waivers
    .filter((w) => !used.has(w))
    .map((w): Finding => ({ rule: WAIVER_RULE_ID, severity: "warning", file: w.file, path: w.path ?? "", ...(w.line !== undefined ? { line: w.line } : {}), message: `the waiver for "${w.rule}" (${w.origin}) silences no finding; remove it` }));
  return [...marked, ...stale];
}
