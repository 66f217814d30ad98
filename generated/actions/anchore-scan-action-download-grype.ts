// Generated from workflows-src/kit/actions.manifest.json (typed overrides: workflows-src/kit/action-overrides.ts) by `npm run gen`. Do not edit.

import { type ActionBinding, type BooleanInput, type StringInput, actionBinding } from "../../workflows-src/kit/action-binding.ts";
import type { Expr } from "../../workflows-src/kit/expr.ts";

/** Inputs of anchore/scan-action/download-grype at v7.2.3. */
export interface AnchoreScanActionDownloadGrypeInputs {
  readonly "grype-version"?: StringInput;
  /** Default: `download-grype`. */
  readonly run?: StringInput;
  readonly "cache-db"?: BooleanInput;
}

/** Outputs of anchore/scan-action/download-grype at v7.2.3; read them on the handle of a step with an id. */
export interface AnchoreScanActionDownloadGrypeOutputs {
  readonly cmd: Expr<string>;
}

/** A step that uses anchore/scan-action/download-grype@62b74fb7bb810d2c45b1865f47a77655621862a5 (v7.2.3). */
export const anchoreScanActionDownloadGrype: ActionBinding<AnchoreScanActionDownloadGrypeInputs, AnchoreScanActionDownloadGrypeOutputs> = actionBinding(
  { action: "anchore/scan-action/download-grype", commit: "62b74fb7bb810d2c45b1865f47a77655621862a5", tag: "v7.2.3" },
  { names: ["cmd"], json: [] },
);
