// Generated from workflows-src/kit/actions.manifest.json (typed overrides: workflows-src/kit/action-overrides.ts) by `npm run gen`. Do not edit.

import { type ActionBinding, type BooleanInput, type EnumInput, type ListInput, type NumberInput, type StringInput, actionBinding } from "../../workflows-src/kit/action-binding.ts";
import type { Expr } from "../../workflows-src/kit/expr.ts";

/** Inputs of actions/checkout at v6.0.1. */
export interface ActionsCheckoutInputs {
  /** Default: `${{ github.repository }}`. */
  readonly repository?: StringInput;
  readonly ref?: StringInput;
  /** Default: `${{ github.token }}`. */
  readonly token?: StringInput;
  readonly "ssh-key"?: StringInput;
  readonly "ssh-known-hosts"?: StringInput;
  /** Default: `true`. */
  readonly "ssh-strict"?: BooleanInput;
  /** Default: `git`. */
  readonly "ssh-user"?: StringInput;
  /** Default: `true`. */
  readonly "persist-credentials"?: BooleanInput;
  readonly path?: StringInput;
  /** Default: `true`. */
  readonly clean?: BooleanInput;
  readonly filter?: StringInput;
  readonly "sparse-checkout"?: ListInput;
  /** Default: `true`. */
  readonly "sparse-checkout-cone-mode"?: BooleanInput;
  /** Default: `1`. */
  readonly "fetch-depth"?: NumberInput;
  /** Default: `false`. */
  readonly "fetch-tags"?: BooleanInput;
  /** Default: `true`. */
  readonly "show-progress"?: BooleanInput;
  /** Default: `false`. */
  readonly lfs?: BooleanInput;
  /** Default: `false`. */
  readonly submodules?: EnumInput<"recursive"> | BooleanInput;
  /** Default: `true`. */
  readonly "set-safe-directory"?: BooleanInput;
  readonly "github-server-url"?: StringInput;
}

/** Outputs of actions/checkout at v6.0.1; read them on the handle of a step with an id. */
export interface ActionsCheckoutOutputs {
  readonly ref: Expr<string>;
  readonly commit: Expr<string>;
}

/** A step that uses actions/checkout@8e8c483db84b4bee98b60c0593521ed34d9990e8 (v6.0.1). */
export const actionsCheckout: ActionBinding<ActionsCheckoutInputs, ActionsCheckoutOutputs> = actionBinding(
  { action: "actions/checkout", commit: "8e8c483db84b4bee98b60c0593521ed34d9990e8", tag: "v6.0.1" },
  { names: ["ref", "commit"], json: [] },
);
