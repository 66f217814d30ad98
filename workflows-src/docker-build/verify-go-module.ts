/**
 * The dependency check for Go binaries inside the image, one step per binary, all
 * running the same script with different parameters.
 */
import { scriptFile, scriptStep, type Expr, type StepHandle, type StepWithId } from "../kit/index.ts";

const script = scriptFile(import.meta.url, "./scripts/verify-go-module.sh");

/** What to check: a binary in the image, a Go module and its lowest safe version. */
export interface GoModuleRequirement {
  label: string;
  binary: string;
  module: string;
  minVersion: string;
}

/** A step that fails unless `binary` in `image` links `module` at `minVersion` or later. */
export function verifyGoModule(
  requirement: GoModuleRequirement,
  image: Expr<string>,
  after: readonly StepWithId[],
): StepHandle {
  return scriptStep({
    name: `Verify ${requirement.module} >= ${requirement.minVersion} in ${requirement.label}`,
    after,
    env: { IMAGE: image, BINARY: requirement.binary, MODULE: requirement.module, MIN_VERSION: requirement.minVersion },
    run: script,
  });
}
