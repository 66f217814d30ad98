/**
 * The lint engine: runs every registered rule that applies to each document, attaches
 * line, column and TypeScript source, applies waivers, and returns all findings sorted
 * (file, line, path, rule) so output is stable and complete in one run.
 *
 * Which rules apply: a rule reads workflows unless it lists `documents` (rules over
 * steps also read an action's composite `runs.steps`); a `policy` rule (the project's
 * own conventions) reads only the workflows the project emits.
 *
 * Waivers (waivers.ts): `# lint-ignore: <rule-id> -- <reason>` comments are read from
 * each document; other writers pass `Waiver` values in `options.waivers` — one waiver
 * is `{ rule, file, line | path, reason, origin }`, where `path` is the YAML path of
 * the object it covers (the kit knows it from its source map) and `origin` is where a
 * person wrote it. A waived finding keeps its place in the list with `waived: reason`
 * and does not count as an error.
 */
import { positionOf, sourceOf, type WorkflowDocument } from "./document.ts";
import { compareFindings } from "./findings.ts";
import { rules as registeredRules } from "./registry.ts";
import { prepareScripts, ScriptNotPrepared } from "../shell/remembered-scripts.ts";
import { shellScriptsOf } from "./run-script.ts";
import { ACTIONLINT_PREFIX, PARSER_RULE_ID, type Finding, type Rule } from "./rule.ts";
import { applyWaivers, commentWaivers, type Waiver } from "./waivers.ts";

export interface LintOptions {
  /** Waivers from outside the YAML (for example, written beside the TypeScript source). */
  readonly waivers?: readonly Waiver[];
  /** Findings of other checkers on the same documents (the workflow parser, actionlint): waived and sorted with the rules' own. */
  readonly findings?: readonly Finding[];
}

/**
 * Readies the shell scripts of the documents' steps for the rules: remembered ones are
 * not parsed again, and the parser loads only for a new one (remembered-scripts.ts).
 * Code that has not imported the parser calls this before `lint` or `ruleFindings`.
 */
export async function prepareDocuments(documents: readonly WorkflowDocument[]): Promise<void> {
  await prepareScripts(shellScriptsOf(documents));
}

/** `lint` for code that has not imported the shell parser: the documents' scripts are readied first (`prepareDocuments`). */
export async function lintDocuments(documents: readonly WorkflowDocument[], rules: readonly Rule[] = registeredRules, options: LintOptions = {}): Promise<Finding[]> {
  await prepareDocuments(documents);
  return lint(documents, rules, options);
}

/** Runs the rules (all registered ones by default) over the documents; waived and sorted findings. */
export function lint(documents: readonly WorkflowDocument[], rules: readonly Rule[] = registeredRules, options: LintOptions = {}): Finding[] {
  return finishFindings(documents, [...(options.findings ?? []), ...ruleFindings(documents, rules)], { rules, ...(options.waivers ? { waivers: options.waivers } : {}) });
}

/** What the rules report on the documents, before waivers and sorting. */
export function ruleFindings(documents: readonly WorkflowDocument[], rules: readonly Rule[] = registeredRules): Finding[] {
  const findings: Finding[] = [];
  for (const document of documents) {
    for (const rule of rules) {
      if (!applies(rule, document)) continue;
      const report = (path: string, message: string, kitMessage?: string): void => {
        const position = positionOf(document, path);
        const source = sourceOf(document, path);
        findings.push({
          rule: rule.id,
          severity: rule.severity,
          file: document.file,
          path,
          ...(position ? { line: position.line, column: position.column } : {}),
          message,
          ...(kitMessage !== undefined && document.emitted ? { kitMessage } : {}),
          ...(source !== undefined ? { source } : {}),
        });
      };
      try {
        rule.check(document, report);
      } catch (error) {
        if (error instanceof ScriptNotPrepared) throw error;
        // One rule tripping over odd input must not hide the other rules' findings.
        report("", `rule "${rule.id}" could not check this file (${(error as Error).message}); report this input as a bug of the rule`);
      }
    }
  }
  return findings;
}

/** Applies the documents' comment waivers and the given ones to all findings of the documents, and sorts them. */
export function finishFindings(documents: readonly WorkflowDocument[], findings: readonly Finding[], options: { rules?: readonly Rule[]; waivers?: readonly Waiver[] } = {}): Finding[] {
  const ruleIds = new Set([...registeredRules, ...(options.rules ?? [])].map((r) => r.id));
  const isRuleId = (id: string): boolean => ruleIds.has(id) || id === PARSER_RULE_ID || id.startsWith(ACTIONLINT_PREFIX);
  const all = [...findings];
  const waivers: Waiver[] = [...(options.waivers ?? [])];
  for (const document of documents) {
    const written = commentWaivers(document, isRuleId);
    waivers.push(...written.waivers);
    all.push(...written.findings);
  }
  return applyWaivers(all, waivers).sort(compareFindings);
}

/** Whether a rule reads a document: its kind, and for a policy rule whether the project emitted it. */
export function applies(rule: Rule, document: WorkflowDocument): boolean {
  return (rule.documents ?? ["workflow"]).includes(document.kind) && (!rule.policy || document.emitted);
}
