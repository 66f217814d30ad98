/**
 * The lint rules over the emitted workflows, remembered per workflow: a workflow that
 * had no finding is not linted again (with the same rules, on this machine), and the
 * rules load only when some workflow needs linting. gen and check stop on the error
 * findings (the lint gate); `npm run lint` prints them all.
 */
import type { Finding } from "../lint/rule.ts";
import { cleanMemory, type RememberedCheck } from "./clean-results.ts";
import { locationOf, type SourceProblem } from "./source-problem.ts";
import type { GeneratedFile } from "../files/generated-file.ts";

const RULES: RememberedCheck = { name: "rules", inputs: ["scripts/lint", "scripts/expressions", "scripts/actions", "workflows-src/kit", "package-lock.json"] };

/** The findings of the lint rules on the emitted workflows among `files` (none for a workflow remembered without findings). */
export async function emittedFindings(files: readonly GeneratedFile[]): Promise<Finding[]> {
  const memory = cleanMemory(RULES, files);
  if (memory.unchecked.length === 0) return [];
  const [findings, { isBlocking }] = await Promise.all([lintEmitted(memory.unchecked), import("../lint/engine.ts")]);
  for (const workflow of memory.unchecked) if (!findings.some((f) => f.file === workflow.path && (isBlocking(f) || f.waived === undefined))) memory.remember(workflow);
  return findings;
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
  const findings = await emittedFindings(files);
  // The engine (and the shell parser behind its rules) loads only when there is something to judge.
  if (!findings.length) return [];
  const { isBlocking } = await import("../lint/engine.ts");
  return findings.filter(isBlocking).map(emittedFindingProblem);
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
