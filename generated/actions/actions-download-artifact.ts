// Generated from workflows-src/kit/actions.manifest.json (typed overrides: workflows-src/kit/action-overrides.ts) by `npm run gen`. Do not edit.

import { type ActionBinding, type BooleanInput, type StringInput, actionBinding } from "../../workflows-src/kit/action-binding.ts";
import type { Expr } from "../../workflows-src/kit/expr.ts";

/** Inputs of actions/download-artifact at v7.0.0. */
export interface ActionsDownloadArtifactInputs {
  readonly name?: StringInput;
  readonly "artifact-ids"?: StringInput;
  readonly path?: StringInput;
  readonly pattern?: StringInput;
  /** Default: `false`. */
  readonly "merge-multiple"?: BooleanInput;
  readonly "github-token"?: StringInput;
  /** Default: `${{ github.repository }}`. */
  readonly repository?: StringInput;
  /** Default: `${{ github.run_id }}`. */
  readonly "run-id"?: StringInput;
}

/** Outputs of actions/download-artifact at v7.0.0; read them on the handle of a step with an id. */
export interface ActionsDownloadArtifactOutputs {
  readonly "download-path": Expr<string>;
}

/** A step that uses actions/download-artifact@37930b1c2abaa49bbe596cd826c3c89aef350131 (v7.0.0). */
export const actionsDownloadArtifact: ActionBinding<ActionsDownloadArtifactInputs, ActionsDownloadArtifactOutputs> = actionBinding(
  { action: "actions/download-artifact", commit: "37930b1c2abaa49bbe596cd826c3c89aef350131", tag: "v7.0.0" },
  { names: ["download-path"], json: [] },
);
