/**
 * The one list of lint rules. A test keeps it in step with the files under
 * `rules/` and their tests; add a rule here when you add its file.
 */
import type { Rule } from "./rule.ts";
import { artifactContract } from "./rules/artifact-contract.ts";
import { duplicateId } from "./rules/duplicate-id.ts";
import { guardCoverage } from "./rules/guard-coverage.ts";
import { handBuiltRef } from "./rules/hand-built-ref.ts";
import { needsCycle } from "./rules/needs-cycle.ts";
import { needsRef } from "./rules/needs-ref.ts";
import { stepRef } from "./rules/step-ref.ts";
import { unknownKey } from "./rules/unknown-key.ts";

export const rules: readonly Rule[] = [
  artifactContract,
  duplicateId,
  guardCoverage,
  handBuiltRef,
  needsCycle,
  needsRef,
  stepRef,
  unknownKey,
];
