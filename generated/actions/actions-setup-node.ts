// Generated from workflows-src/kit/actions.manifest.json (typed overrides: workflows-src/kit/action-overrides.ts) by `npm run gen`. Do not edit.

import { type ActionBinding, type BooleanInput, type EnumInput, type StringInput, actionBinding } from "../../workflows-src/kit/action-binding.ts";
import type { Expr } from "../../workflows-src/kit/expr.ts";

/** Inputs of actions/setup-node at v6.1.0. */
export interface ActionsSetupNodeInputs {
  readonly "node-version"?: StringInput;
  readonly "node-version-file"?: StringInput;
  readonly architecture?: StringInput;
  /** Default: `false`. */
  readonly "check-latest"?: BooleanInput;
  readonly "registry-url"?: StringInput;
  readonly scope?: StringInput;
  /** Default: `${{ github.server_url == 'https://github.com' && github.token || '' }}`. */
  readonly token?: StringInput;
  readonly cache?: EnumInput<"npm" | "yarn" | "pnpm">;
  /** Default: `true`. */
  readonly "package-manager-cache"?: BooleanInput;
  readonly "cache-dependency-path"?: StringInput;
  readonly mirror?: StringInput;
  readonly "mirror-token"?: StringInput;
}

/** Outputs of actions/setup-node at v6.1.0; read them on the handle of a step with an id. */
export interface ActionsSetupNodeOutputs {
  readonly "cache-hit": Expr<string>;
  readonly "node-version": Expr<string>;
}

/** A step that uses actions/setup-node@395ad3262231945c25e8478fd5baf05154b1d79f (v6.1.0). */
export const actionsSetupNode: ActionBinding<ActionsSetupNodeInputs, ActionsSetupNodeOutputs> = actionBinding(
  { action: "actions/setup-node", commit: "395ad3262231945c25e8478fd5baf05154b1d79f", tag: "v6.1.0" },
  { names: ["cache-hit", "node-version"], json: [] },
);
