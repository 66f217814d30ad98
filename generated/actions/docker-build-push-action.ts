// Generated from workflows-src/kit/actions.manifest.json (typed overrides: workflows-src/kit/action-overrides.ts) by `npm run gen`. Do not edit.

import { type ActionBinding, type BooleanInput, type ListInput, type StringInput, actionBinding } from "../../workflows-src/kit/action-binding.ts";
import type { Expr, JsonText } from "../../workflows-src/kit/expr.ts";

/** The JSON carried by the `metadata` output of docker/build-push-action. */
export type DockerBuildPushActionOutputMetadata = Record<string, unknown>;

/** Inputs of docker/build-push-action at v6.18.0. */
export interface DockerBuildPushActionInputs {
  readonly "add-hosts"?: ListInput;
  readonly allow?: ListInput;
  readonly annotations?: ListInput;
  readonly attests?: ListInput;
  readonly "build-args"?: ListInput;
  readonly "build-contexts"?: ListInput;
  readonly builder?: StringInput;
  readonly "cache-from"?: ListInput;
  readonly "cache-to"?: ListInput;
  readonly call?: StringInput;
  readonly "cgroup-parent"?: StringInput;
  readonly context?: StringInput;
  readonly file?: StringInput;
  readonly labels?: ListInput;
  /** Default: `false`. */
  readonly load?: BooleanInput;
  readonly network?: StringInput;
  /** Default: `false`. */
  readonly "no-cache"?: BooleanInput;
  readonly "no-cache-filters"?: ListInput;
  readonly outputs?: ListInput;
  readonly platforms?: ListInput;
  readonly provenance?: StringInput;
  /** Default: `false`. */
  readonly pull?: BooleanInput;
  /** Default: `false`. */
  readonly push?: BooleanInput;
  readonly sbom?: StringInput;
  readonly secrets?: ListInput;
  readonly "secret-envs"?: ListInput;
  readonly "secret-files"?: ListInput;
  readonly "shm-size"?: StringInput;
  readonly ssh?: ListInput;
  readonly tags?: ListInput;
  readonly target?: StringInput;
  readonly ulimit?: ListInput;
  /** Default: `${{ github.token }}`. */
  readonly "github-token"?: StringInput;
}

/** Outputs of docker/build-push-action at v6.18.0; read them on the handle of a step with an id. */
export interface DockerBuildPushActionOutputs {
  readonly imageid: Expr<string>;
  readonly digest: Expr<string>;
  readonly metadata: JsonText<DockerBuildPushActionOutputMetadata>;
}

/** A step that uses docker/build-push-action@263435318d21b8e681c14492fe198d362a7d2c83 (v6.18.0). */
export const dockerBuildPushAction: ActionBinding<DockerBuildPushActionInputs, DockerBuildPushActionOutputs> = actionBinding(
  { action: "docker/build-push-action", commit: "263435318d21b8e681c14492fe198d362a7d2c83", tag: "v6.18.0" },
  { names: ["imageid", "digest", "metadata"], json: ["metadata"] },
);
