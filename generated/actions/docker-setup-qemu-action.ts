// Generated from workflows-src/kit/actions.manifest.json (typed overrides: workflows-src/kit/action-overrides.ts) by `npm run gen`. Do not edit.

import { type ActionBinding, type BooleanInput, type StringInput, actionBinding } from "../../workflows-src/kit/action-binding.ts";
import type { Expr } from "../../workflows-src/kit/expr.ts";

/** Inputs of docker/setup-qemu-action at v3.7.0. */
export interface DockerSetupQemuActionInputs {
  /** Default: `docker.io/tonistiigi/binfmt:latest`. */
  readonly image?: StringInput;
  /** Default: `all`. */
  readonly platforms?: StringInput;
  /** Default: `true`. */
  readonly "cache-image"?: BooleanInput;
}

/** Outputs of docker/setup-qemu-action at v3.7.0; read them on the handle of a step with an id. */
export interface DockerSetupQemuActionOutputs {
  readonly platforms: Expr<string>;
}

/** A step that uses docker/setup-qemu-action@c7c53464625b32c7a7e944ae62b3e17d2b600130 (v3.7.0). */
export const dockerSetupQemuAction: ActionBinding<DockerSetupQemuActionInputs, DockerSetupQemuActionOutputs> = actionBinding(
  { action: "docker/setup-qemu-action", commit: "c7c53464625b32c7a7e944ae62b3e17d2b600130", tag: "v3.7.0" },
  { names: ["platforms"], json: [] },
);
