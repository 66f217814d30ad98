// Generated from workflows-src/kit/actions.manifest.json (typed overrides: workflows-src/kit/action-overrides.ts) by `npm run gen`. Do not edit.

import { type ActionBinding, type BooleanInput, type NumberInput, type StringInput, actionBinding } from "../../workflows-src/kit/action-binding.ts";

/** Inputs of anchore/sbom-action at v0.22.0. */
export interface AnchoreSbomActionInputs {
  /** Default: `.`. */
  readonly path?: StringInput;
  readonly file?: StringInput;
  readonly image?: StringInput;
  readonly "registry-username"?: StringInput;
  readonly "registry-password"?: StringInput;
  /** Default: `spdx-json`. */
  readonly format?: StringInput;
  /** Default: `${{ github.token }}`. */
  readonly "github-token"?: StringInput;
  readonly "artifact-name"?: StringInput;
  readonly "output-file"?: StringInput;
  readonly "syft-version"?: StringInput;
  /** Default: `false`. */
  readonly "dependency-snapshot"?: BooleanInput;
  /** Default: `true`. */
  readonly "upload-artifact"?: BooleanInput;
  /** Default: `0`. */
  readonly "upload-artifact-retention"?: NumberInput;
  /** Default: `true`. */
  readonly "upload-release-assets"?: BooleanInput;
  readonly config?: StringInput;
}

/** Outputs of anchore/sbom-action at v0.22.0; read them on the handle of a step with an id. */
export interface AnchoreSbomActionOutputs {}

/** A step that uses anchore/sbom-action@62ad5284b8ced813296287a0b63906cb364b73ee (v0.22.0). */
export const anchoreSbomAction: ActionBinding<AnchoreSbomActionInputs, AnchoreSbomActionOutputs> = actionBinding(
  { action: "anchore/sbom-action", commit: "62ad5284b8ced813296287a0b63906cb364b73ee", tag: "v0.22.0" },
  { names: [], json: [] },
);
