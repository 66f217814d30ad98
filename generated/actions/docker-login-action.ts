// Generated from workflows-src/kit/actions.manifest.json (typed overrides: workflows-src/kit/action-overrides.ts) by `npm run gen`. Do not edit.

import { type ActionBinding, type BooleanInput, type EnumInput, type StringInput, actionBinding } from "../../workflows-src/kit/action-binding.ts";

/** Inputs of docker/login-action at v3.6.0. */
export interface DockerLoginActionInputs {
  readonly registry?: StringInput;
  readonly username?: StringInput;
  readonly password?: StringInput;
  readonly ecr?: EnumInput<"auto"> | BooleanInput;
  /** Default: `true`. */
  readonly logout?: BooleanInput;
  readonly "registry-auth"?: StringInput;
}

/** Outputs of docker/login-action at v3.6.0; read them on the handle of a step with an id. */
export interface DockerLoginActionOutputs {}

/** A step that uses docker/login-action@5e57cd118135c172c3672efd75eb46360885c0ef (v3.6.0). */
export const dockerLoginAction: ActionBinding<DockerLoginActionInputs, DockerLoginActionOutputs> = actionBinding(
  { action: "docker/login-action", commit: "5e57cd118135c172c3672efd75eb46360885c0ef", tag: "v3.6.0" },
  { names: [], json: [] },
);
