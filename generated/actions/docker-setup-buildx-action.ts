// Generated from workflows-src/kit/actions.manifest.json (typed overrides: workflows-src/kit/action-overrides.ts) by `npm run gen`. Do not edit.

import { type ActionBinding, type BooleanInput, type EnumInput, type ListInput, type StringInput, actionBinding } from "../../workflows-src/kit/action-binding.ts";
import type { Expr } from "../../workflows-src/kit/expr.ts";

/** Inputs of docker/setup-buildx-action at v3.12.0. */
export interface DockerSetupBuildxActionInputs {
  readonly version?: StringInput;
  /** Default: `docker-container`. */
  readonly driver?: EnumInput<"docker" | "docker-container" | "kubernetes" | "remote">;
  readonly "driver-opts"?: ListInput;
  readonly "buildkitd-flags"?: StringInput;
  readonly "buildkitd-config"?: StringInput;
  readonly "buildkitd-config-inline"?: StringInput;
  /** Default: `true`. */
  readonly use?: BooleanInput;
  readonly name?: StringInput;
  readonly endpoint?: StringInput;
  readonly platforms?: StringInput;
  readonly append?: StringInput;
  /** Default: `false`. */
  readonly "keep-state"?: BooleanInput;
  /** Default: `true`. */
  readonly "cache-binary"?: BooleanInput;
  /** Default: `true`. */
  readonly cleanup?: BooleanInput;
  /** @deprecated Use buildkitd-config instead */
  readonly config?: StringInput;
  /** @deprecated Use buildkitd-config-inline instead */
  readonly "config-inline"?: StringInput;
  /**
   * Default: `false`.
   * @deprecated "docker buildx install" command is deprecated and will be removed in a future release, use BUILDX_BUILDER environment variable instead
   */
  readonly install?: BooleanInput;
}

/** Outputs of docker/setup-buildx-action at v3.12.0; read them on the handle of a step with an id. */
export interface DockerSetupBuildxActionOutputs {
  readonly name: Expr<string>;
  readonly driver: Expr<string>;
  readonly platforms: Expr<string>;
  readonly nodes: Expr<string>;
  readonly endpoint: Expr<string>;
  readonly status: Expr<string>;
  readonly flags: Expr<string>;
}

/** A step that uses docker/setup-buildx-action@8d2750c68a42422c14e847fe6c8ac0403b4cbd6f (v3.12.0). */
export const dockerSetupBuildxAction: ActionBinding<DockerSetupBuildxActionInputs, DockerSetupBuildxActionOutputs> = actionBinding(
  { action: "docker/setup-buildx-action", commit: "8d2750c68a42422c14e847fe6c8ac0403b4cbd6f", tag: "v3.12.0" },
  { names: ["name", "driver", "platforms", "nodes", "endpoint", "status", "flags"], json: [] },
);
