// Generated from workflows-src/kit/actions.manifest.json (typed overrides: workflows-src/kit/action-overrides.ts) by `npm run gen`. Do not edit.

import { type ActionBinding, type BooleanInput, type EnumInput, type NumberInput, type StringInput, actionBinding } from "../../workflows-src/kit/action-binding.ts";
import type { Expr } from "../../workflows-src/kit/expr.ts";

/** Inputs of actions/upload-artifact at v6.0.0. */
export interface ActionsUploadArtifactInputs {
  /** Default: `artifact`. */
  readonly name?: StringInput;
  /** Required. */
  readonly path: StringInput;
  /** Default: `warn`. */
  readonly "if-no-files-found"?: EnumInput<"warn" | "error" | "ignore">;
  readonly "retention-days"?: NumberInput;
  /** Default: `6`. */
  readonly "compression-level"?: NumberInput;
  /** Default: `false`. */
  readonly overwrite?: BooleanInput;
  /** Default: `false`. */
  readonly "include-hidden-files"?: BooleanInput;
}

/** Outputs of actions/upload-artifact at v6.0.0; read them on the handle of a step with an id. */
export interface ActionsUploadArtifactOutputs {
  readonly "artifact-id": Expr<string>;
  readonly "artifact-url": Expr<string>;
  readonly "artifact-digest": Expr<string>;
}

/** A step that uses actions/upload-artifact@b7c566a772e6b6bfb58ed0dc250532a479d7789f (v6.0.0). */
export const actionsUploadArtifact: ActionBinding<ActionsUploadArtifactInputs, ActionsUploadArtifactOutputs> = actionBinding(
  { action: "actions/upload-artifact", commit: "b7c566a772e6b6bfb58ed0dc250532a479d7789f", tag: "v6.0.0" },
  { names: ["artifact-id", "artifact-url", "artifact-digest"], json: [] },
);
