/**
 * The lint gate of gen and check: error findings of the rules on an emitted
 * workflow stop generation. The rules load only when the workflows or the rules
 * changed since the last clean run on this machine.
 */
import { WORKFLOWS_DIR } from "../emit/emit-workflow.ts";
import { knownClean, rememberClean, type RememberedCheck } from "./clean-results.ts";
import type { GeneratedFile } from "./generated-file.ts";

const RULES: RememberedCheck = { name: "rules", inputs: ["scripts/lint", "scripts/expressions", "workflows-src/kit", "package-lock.json"] };

/** The error findings of the lint rules on the emitted workflows among `files`, one formatted line each. */
export async function lintErrors(files: readonly GeneratedFile[]): Promise<string[]> {
  if (knownClean(RULES, files)) return [];
  const [{ lint }, { emittedDocuments }, { formatFinding }] = await Promise.all([import("../lint/engine.ts"), import("../lint/load.ts"), import("../lint/format.ts")]);
  const workflows = files.filter((f) => f.path.startsWith(`${WORKFLOWS_DIR}/`));
  const errors = lint(emittedDocuments(workflows)).filter((f) => f.severity === "error").map(formatFinding);
  if (errors.length === 0) rememberClean(RULES, files);
  return errors;
}
