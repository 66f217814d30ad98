/** `.github/workflows/caddy-pr1-compat.yml`: the PR-1 variant of the Caddy compatibility gate (see `caddy-compat/gate.ts`). */
import type { BuiltWorkflow } from "./kit/index.ts";
import { compatibilityGate } from "./caddy-compat/gate.ts";

/** Builds the PR-1 Caddy compatibility gate. */
export function build(): BuiltWorkflow {
  return compatibilityGate(import.meta.url, {
    name: "Caddy PR-1 Compatibility Gate",
    report: "docs/reports/caddy-pr1-compatibility-matrix.md",
    artifact: "caddy-pr1-compatibility-artifacts",
    backendGoCache: false,
  });
}
