/**
 * The one list of lint rules. A test keeps it in step with the files under
 * `rules/` and their tests; add a rule here when you add its file.
 */
import type { Rule } from "./rule.ts";

export const rules: readonly Rule[] = [];
