/**
 * Actions that do not decide the path of the pipeline: each is modelled as a
 * success that sets the outputs its action.yml declares, empty. Does not model what
 * they do (checkout, tool setup, registry login, scans, SBOMs, signing, uploads to
 * code scanning).
 */
import type { ActionModel } from "./model.ts";

const DECLARED_OUTPUTS: Readonly<Record<string, readonly string[]>> = {
  "actions/checkout": ["ref", "commit"],
  "actions/setup-node": ["cache-hit", "node-version"],
  "actions/attest-sbom": ["bundle-path", "attestation-id", "attestation-url"],
  "docker/setup-qemu-action": ["platforms"],
  "docker/setup-buildx-action": ["name", "driver", "platforms", "nodes", "endpoint", "status", "flags"],
  "docker/login-action": [],
  "aquasecurity/trivy-action": [],
  "github/codeql-action/upload-sarif": ["sarif-id", "sarif-ids"],
  "anchore/sbom-action": [],
  "anchore/scan-action": ["sarif", "json", "cyclonedx-xml", "cyclonedx-json"],
  "sigstore/cosign-installer": [],
};

export const noOpModels: ActionModel[] = Object.entries(DECLARED_OUTPUTS).map(([action, outputs]) => ({
  action,
  describes: "no-op with its declared outputs (empty)",
  run: () => ({ outcome: "success", outputs: Object.fromEntries(outputs.map((name) => [name, ""])), summary: "modelled as a no-op" }),
}));
