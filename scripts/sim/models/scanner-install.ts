/**
 * Models of anchore/sbom-action/download-syft and anchore/scan-action/download-grype:
 * they install the simulation's stand-in binaries (scripts/sim/stubs/) into the
 * job's tool folder and output `cmd`, its path. The stand-ins read the job's
 * simulated daemon; they report one SBOM component and no vulnerability. Does not
 * model: real catalogues, vulnerability databases, version selection.
 */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import type { ActionModel } from "./model.ts";

function installer(action: string, tool: "syft" | "grype"): ActionModel {
  return {
    action,
    describes: `installs the simulated ${tool} (one component, no vulnerability)`,
    run({ job }) {
      const cmd = join(job.bin, tool);
      copyFileSync(new URL(`../stubs/${tool}.sh`, import.meta.url), cmd);
      return { outcome: "success", outputs: { cmd }, summary: `simulated ${tool} installed` };
    },
  };
}

export const scannerInstallModels: ActionModel[] = [installer("anchore/sbom-action/download-syft", "syft"), installer("anchore/scan-action/download-grype", "grype")];
