/**
 * The one list of lint rules. A test keeps it in step with the files under
 * `rules/` and their tests; add a rule here when you add its file.
 */
import type { Rule } from "./rule.ts";
import { artifactContract } from "./rules/artifact-contract.ts";
import { artipacked } from "./rules/artipacked.ts";
import { botConditions } from "./rules/bot-conditions.ts";
import { concurrencyGroup } from "./rules/concurrency-group.ts";
import { dangerousTriggers } from "./rules/dangerous-triggers.ts";
import { downloadExec } from "./rules/download-exec.ts";
import { duplicateId } from "./rules/duplicate-id.ts";
import { excessivePermissions } from "./rules/excessive-permissions.ts";
import { failOpenGate } from "./rules/fail-open-gate.ts";
import { guardCoverage } from "./rules/guard-coverage.ts";
import { handBuiltRef } from "./rules/hand-built-ref.ts";
import { needsCycle } from "./rules/needs-cycle.ts";
import { needsRef } from "./rules/needs-ref.ts";
import { secretsContext } from "./rules/secrets-context.ts";
import { secretsInherit } from "./rules/secrets-inherit.ts";
import { stepRef } from "./rules/step-ref.ts";
import { templateInjection } from "./rules/template-injection.ts";
import { unknownKey } from "./rules/unknown-key.ts";
import { unpinnedImage } from "./rules/unpinned-image.ts";
import { unpinnedUses } from "./rules/unpinned-uses.ts";
import { unsoundCondition } from "./rules/unsound-condition.ts";

export const rules: readonly Rule[] = [
  artifactContract,
  artipacked,
  botConditions,
  concurrencyGroup,
  dangerousTriggers,
  downloadExec,
  duplicateId,
  excessivePermissions,
  failOpenGate,
  guardCoverage,
  handBuiltRef,
  needsCycle,
  needsRef,
  secretsContext,
  secretsInherit,
  stepRef,
  templateInjection,
  unknownKey,
  unpinnedImage,
  unpinnedUses,
  unsoundCondition,
];
