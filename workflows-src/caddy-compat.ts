/** `.github/workflows/caddy-compat.yml`: the Caddy compatibility gate (see `caddy-compat/gate.ts`). */
import type { BuiltWorkflow } from "./kit/index.ts";
import { compatibilityGate } from "./caddy-compat/gate.ts";

/** Builds the Caddy compatibility gate. */
export function build(): BuiltWorkflow {
  return compatibilityGate(import.meta.url, {
    name: "Caddy Compatibility Gate",
    report: "docs/reports/caddy-compatibility-matrix.md",
    artifact: "caddy-compatibility-artifacts",
    backendGoCache: true,
  });
}
