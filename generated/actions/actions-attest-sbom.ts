// Generated from workflows-src/kit/actions.manifest.json (typed overrides: workflows-src/kit/action-overrides.ts) by `npm run gen`. Do not edit.

import { type ActionBinding, type BooleanInput, type StringInput, actionBinding } from "../../workflows-src/kit/action-binding.ts";
import type { Expr } from "../../workflows-src/kit/expr.ts";

/** Inputs of actions/attest-sbom at v3.0.0. */
export interface ActionsAttestSbomInputs {
  readonly "subject-path"?: StringInput;
  readonly "subject-digest"?: StringInput;
  readonly "subject-name"?: StringInput;
  readonly "subject-checksums"?: StringInput;
  /** Required. */
  readonly "sbom-path": StringInput;
  /** Default: `false`. */
  readonly "push-to-registry"?: BooleanInput;
  /** Default: `true`. */
  readonly "show-summary"?: BooleanInput;
  /** Default: `${{ github.token }}`. */
  readonly "github-token"?: StringInput;
}

/** Outputs of actions/attest-sbom at v3.0.0; read them on the handle of a step with an id. */
export interface ActionsAttestSbomOutputs {
  readonly "bundle-path": Expr<string>;
  readonly "attestation-id": Expr<string>;
  readonly "attestation-url": Expr<string>;
}

/** A step that uses actions/attest-sbom@4651f806c01d8637787e274ac3bdf724ef169f34 (v3.0.0). */
export const actionsAttestSbom: ActionBinding<ActionsAttestSbomInputs, ActionsAttestSbomOutputs> = actionBinding(
  { action: "actions/attest-sbom", commit: "4651f806c01d8637787e274ac3bdf724ef169f34", tag: "v3.0.0" },
  { names: ["bundle-path", "attestation-id", "attestation-url"], json: [] },
);
