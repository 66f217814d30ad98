/**
 * The one list of lint rules. A test keeps it in step with the files under
 * `rules/` and their tests; add a rule here when you add its file.
 */
import type { Rule } from "./rule.ts";
import { artipacked } from "./rules/artipacked.ts";
import { concurrencyGroup } from "./rules/concurrency-group.ts";
import { dangerousTriggers } from "./rules/dangerous-triggers.ts";
import { downloadExec } from "./rules/download-exec.ts";
import { excessivePermissions } from "./rules/excessive-permissions.ts";
import { failOpenGate } from "./rules/fail-open-gate.ts";
import { secretsContext } from "./rules/secrets-context.ts";
import { templateInjection } from "./rules/template-injection.ts";
import { unpinnedUses } from "./rules/unpinned-uses.ts";
import { unsoundCondition } from "./rules/unsound-condition.ts";

export const rules: readonly Rule[] = [
  artipacked,
  concurrencyGroup,
  dangerousTriggers,
  downloadExec,
  excessivePermissions,
  failOpenGate,
  secretsContext,
  templateInjection,
  unpinnedUses,
  unsoundCondition,
];
