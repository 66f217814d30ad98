/**
 * The lint rules over the emitted workflows, remembered per workflow: a workflow that
 * had no finding but waived ones is not linted again (with the same rules, on this
 * machine), its waived findings kept with it, and the rules load only when some
 * workflow needs linting. gen and check stop on the error findings (the lint gate);
 * `npm run lint` prints them all, the same whether a workflow was linted or recalled.
 */
import { compareFindings, isBlocking } from "../lint/findings.ts";
import type { Finding } from "../lint/rule.ts";
import { cleanMemory, type RememberedCheck } from "./clean-results.ts";
import { locationOf, type SourceProblem } from "./source-problem.ts";
import type { GeneratedFile } from "../files/generated-file.ts";

const RULES: RememberedCheck = { name: "rules", inputs: ["scripts/lint", "scripts/expressions", "scripts/actions", "workflows-src/kit", "package-lock.json"] };

/** The findings of the lint rules on the emitted workflows among `files`: a remembered workflow's are its waived findings, kept with it. */
export async function emittedFindings(files: readonly GeneratedFile[]): Promise<Finding[]> {
  const memory = cleanMemory(RULES, files);
  const recalled = [...memory.notes.values()].flatMap((note) => (note ? (JSON.parse(note) as Finding[]) : []));
  if (memory.unchecked.length === 0) return recalled;
  const findings = await lintEmitted(memory.unchecked);
  for (const workflow of memory.unchecked) {
    const own = findings.filter((f) => f.file === workflow.path);
    // Waived findings never block, and any other finding is worth showing again.
    if (own.every((f) => f.waived !== undefined)) memory.remember(workflow, own.length ? JSON.stringify(own) : "");
  }
  return [...recalled, ...findings].sort(compareFindings);
}

/**
 * The findings of the lint rules on the emitted workflows among `files`, each time
 * (nothing remembered). The kit's waivers are the `# lint-ignore:` comments it writes
 * above the nodes they cover, read as in any file.
 */
export async function lintEmitted(files: readonly GeneratedFile[]): Promise<Finding[]> {
  const [{ lintDocuments }, { emittedDocuments }] = await Promise.all([import("../lint/engine.ts"), import("../lint/load.ts")]);
  return lintDocuments(emittedDocuments(files));
}

/** The error findings on the emitted workflows among `files` that no waiver silences: what stops gen. */
export async function lintErrors(files: readonly GeneratedFile[]): Promise<SourceProblem[]> {
  return (await emittedFindings(files)).filter(isBlocking).map(emittedFindingProblem);
}

/**
 * A finding on an emitted workflow, located at the TypeScript that built the object:
 * the YAML it names may not be on disk (gen refuses to write it), so the finding
 * names the workflow and the YAML path, never a line of it, and its fix is written
 * in the kit's terms when the rule has them.
 */
export function emittedFindingProblem(finding: Finding): SourceProblem {
  const where = finding.source ? locationOf(finding.source) : { file: finding.file };
  return { ...where, message: `${finding.path} in ${finding.file}: ${finding.kitMessage ?? finding.message} [${finding.rule}]` };
}
