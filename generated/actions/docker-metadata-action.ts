// Generated from workflows-src/kit/actions.manifest.json (typed overrides: workflows-src/kit/action-overrides.ts) by `npm run gen`. Do not edit.

import { type ActionBinding, type EnumInput, type ListInput, type StringInput, actionBinding } from "../../workflows-src/kit/action-binding.ts";
import type { Expr, JsonText } from "../../workflows-src/kit/expr.ts";

/** The JSON carried by the `json` output of docker/metadata-action. */
export type DockerMetadataActionOutputJson = { tags: string[]; "tag-names": string[]; labels: Record<string, string>; annotations: string[] };

/** Inputs of docker/metadata-action at v5.10.0. */
export interface DockerMetadataActionInputs {
  /** Default: `workflow`. */
  readonly context?: EnumInput<"workflow" | "git">;
  readonly images?: ListInput;
  readonly tags?: ListInput;
  readonly flavor?: ListInput;
  readonly labels?: ListInput;
  readonly annotations?: ListInput;
  readonly "sep-tags"?: StringInput;
  readonly "sep-labels"?: StringInput;
  readonly "sep-annotations"?: StringInput;
  readonly "bake-target"?: StringInput;
  /** Default: `${{ github.token }}`. */
  readonly "github-token"?: StringInput;
}

/** Outputs of docker/metadata-action at v5.10.0; read them on the handle of a step with an id. */
export interface DockerMetadataActionOutputs {
  readonly version: Expr<string>;
  readonly tags: Expr<string>;
  readonly "tag-names": Expr<string>;
  readonly labels: Expr<string>;
  readonly annotations: Expr<string>;
  readonly json: JsonText<DockerMetadataActionOutputJson>;
  readonly "bake-file-tags": Expr<string>;
  readonly "bake-file-labels": Expr<string>;
  readonly "bake-file-annotations": Expr<string>;
  readonly "bake-file": Expr<string>;
}

/** A step that uses docker/metadata-action@c299e40c65443455700f0fdfc63efafe5b349051 (v5.10.0). */
export const dockerMetadataAction: ActionBinding<DockerMetadataActionInputs, DockerMetadataActionOutputs> = actionBinding(
  { action: "docker/metadata-action", commit: "c299e40c65443455700f0fdfc63efafe5b349051", tag: "v5.10.0" },
  { names: ["version", "tags", "tag-names", "labels", "annotations", "json", "bake-file-tags", "bake-file-labels", "bake-file-annotations", "bake-file"], json: ["json"] },
);
