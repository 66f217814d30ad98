/**
 * The lint gate of gen and check: error findings of the rules on an emitted
 * workflow stop generation. Only workflows not linted clean before (with the same
 * rules, on this machine) are linted, and the rules load only when there is one.
 */
import { cleanMemory, type RememberedCheck } from "./clean-results.ts";
import type { GeneratedFile } from "./generated-file.ts";

const RULES: RememberedCheck = { name: "rules", inputs: ["scripts/lint", "scripts/expressions", "workflows-src/kit", "package-lock.json"] };

/** The error findings of the lint rules on the emitted workflows among `files`, one formatted line each. */
export async function lintErrors(files: readonly GeneratedFile[]): Promise<string[]> {
  const memory = cleanMemory(RULES, files);
  if (memory.unchecked.length === 0) return [];
  const [{ lint }, { emittedDocuments }, { formatFinding }] = await Promise.all([import("../lint/engine.ts"), import("../lint/load.ts"), import("../lint/format.ts")]);
  const errors = lint(emittedDocuments(memory.unchecked)).filter((f) => f.severity === "error");
  for (const workflow of memory.unchecked) if (!errors.some((f) => f.file === workflow.path)) memory.remember(workflow);
  return errors.map(formatFinding);
}
