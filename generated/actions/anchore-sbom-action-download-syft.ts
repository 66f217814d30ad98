// Generated from workflows-src/kit/actions.manifest.json (typed overrides: workflows-src/kit/action-overrides.ts) by `npm run gen`. Do not edit.

import { type ActionBinding, type StringInput, actionBinding } from "../../workflows-src/kit/action-binding.ts";
import type { Expr } from "../../workflows-src/kit/expr.ts";

/** Inputs of anchore/sbom-action/download-syft at v0.22.0. */
export interface AnchoreSbomActionDownloadSyftInputs {
  readonly "syft-version"?: StringInput;
}

/** Outputs of anchore/sbom-action/download-syft at v0.22.0; read them on the handle of a step with an id. */
export interface AnchoreSbomActionDownloadSyftOutputs {
  readonly cmd: Expr<string>;
}

/** A step that uses anchore/sbom-action/download-syft@62ad5284b8ced813296287a0b63906cb364b73ee (v0.22.0). */
export const anchoreSbomActionDownloadSyft: ActionBinding<AnchoreSbomActionDownloadSyftInputs, AnchoreSbomActionDownloadSyftOutputs> = actionBinding(
  { action: "anchore/sbom-action/download-syft", commit: "62ad5284b8ced813296287a0b63906cb364b73ee", tag: "v0.22.0" },
  { names: ["cmd"], json: [] },
);
