/**
 * Checks over the emitted workflows that came out clean, remembered under the
 * digest of the workflows and of the checking code. gen and check run on every
 * edit; when neither changed since a clean run on this machine, running the check
 * again cannot find anything.
 */
import { passedBefore, rememberPassed } from "../../workflows-src/kit/result-memory.ts";
import { WORKFLOWS_DIR } from "../emit/emit-workflow.ts";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import type { GeneratedFile } from "./generated-file.ts";
import { inputsDigest } from "./report-cache.ts";

/** A check over the emitted workflows, named, with the project paths its result depends on. */
export interface RememberedCheck {
  name: string;
  inputs: readonly string[];
}

function digestOf(check: RememberedCheck, files: readonly GeneratedFile[]): string {
  const workflows = files.filter((f) => f.path.startsWith(`${WORKFLOWS_DIR}/`));
  return inputsDigest(PROJECT_ROOT, workflows.flatMap((f) => [f.path, f.content]), check.inputs);
}

/** True when `check` already came out clean for exactly these emitted workflows and inputs. */
export function knownClean(check: RememberedCheck, files: readonly GeneratedFile[]): boolean {
  return passedBefore(check.name, digestOf(check, files));
}

/** Records that `check` came out clean for these emitted workflows and inputs. */
export function rememberClean(check: RememberedCheck, files: readonly GeneratedFile[]): void {
  rememberPassed(check.name, digestOf(check, files));
}
