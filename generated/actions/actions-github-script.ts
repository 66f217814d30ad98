// Generated from workflows-src/kit/actions.manifest.json (typed overrides: workflows-src/kit/action-overrides.ts) by `npm run gen`. Do not edit.

import { type ActionBinding, type BooleanInput, type EnumInput, type NumberInput, type StringInput, actionBinding } from "../../workflows-src/kit/action-binding.ts";
import type { Expr } from "../../workflows-src/kit/expr.ts";

/** Inputs of actions/github-script at v7.1.0. */
export interface ActionsGithubScriptInputs {
  /** Required. */
  readonly script: StringInput;
  /** Default: `${{ github.token }}`. */
  readonly "github-token"?: StringInput;
  /** Default: `${{ runner.debug == '1' }}`. */
  readonly debug?: BooleanInput;
  /** Default: `actions/github-script`. */
  readonly "user-agent"?: StringInput;
  readonly previews?: StringInput;
  /** Default: `json`. */
  readonly "result-encoding"?: EnumInput<"string" | "json">;
  /** Default: `0`. */
  readonly retries?: NumberInput;
  /** Default: `400,401,403,404,422`. */
  readonly "retry-exempt-status-codes"?: StringInput;
  readonly "base-url"?: StringInput;
}

/** Outputs of actions/github-script at v7.1.0; read them on the handle of a step with an id. */
export interface ActionsGithubScriptOutputs {
  readonly result: Expr<string>;
}

/** A step that uses actions/github-script@f28e40c7f34bde8b3046d885e986cb6290c5673b (v7.1.0). */
export const actionsGithubScript: ActionBinding<ActionsGithubScriptInputs, ActionsGithubScriptOutputs> = actionBinding(
  { action: "actions/github-script", commit: "f28e40c7f34bde8b3046d885e986cb6290c5673b", tag: "v7.1.0" },
  { names: ["result"], json: [] },
);
