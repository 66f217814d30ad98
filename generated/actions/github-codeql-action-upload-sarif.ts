// Generated from workflows-src/kit/actions.manifest.json (typed overrides: workflows-src/kit/action-overrides.ts) by `npm run gen`. Do not edit.

import { type ActionBinding, type BooleanInput, type StringInput, actionBinding } from "../../workflows-src/kit/action-binding.ts";
import type { Expr, JsonText } from "../../workflows-src/kit/expr.ts";

/** The JSON carried by the `sarif-ids` output of github/codeql-action/upload-sarif. */
export type GithubCodeqlActionUploadSarifOutputSarifIds = Record<string, string>;

/** Inputs of github/codeql-action/upload-sarif at v4.31.11. */
export interface GithubCodeqlActionUploadSarifInputs {
  /** Default: `../results`. */
  readonly sarif_file?: StringInput;
  /** Default: `${{ github.workspace }}`. */
  readonly checkout_path?: StringInput;
  readonly ref?: StringInput;
  readonly sha?: StringInput;
  /** Default: `${{ github.token }}`. */
  readonly token?: StringInput;
  /** Default: `${{ toJson(matrix) }}`. */
  readonly matrix?: StringInput;
  readonly category?: StringInput;
  /** Default: `true`. */
  readonly "wait-for-processing"?: BooleanInput;
}

/** Outputs of github/codeql-action/upload-sarif at v4.31.11; read them on the handle of a step with an id. */
export interface GithubCodeqlActionUploadSarifOutputs {
  readonly "sarif-id": Expr<string>;
  readonly "sarif-ids": JsonText<GithubCodeqlActionUploadSarifOutputSarifIds>;
}

/** A step that uses github/codeql-action/upload-sarif@19b2f06db2b6f5108140aeb04014ef02b648f789 (v4.31.11). */
export const githubCodeqlActionUploadSarif: ActionBinding<GithubCodeqlActionUploadSarifInputs, GithubCodeqlActionUploadSarifOutputs> = actionBinding(
  { action: "github/codeql-action/upload-sarif", commit: "19b2f06db2b6f5108140aeb04014ef02b648f789", tag: "v4.31.11" },
  { names: ["sarif-id", "sarif-ids"], json: ["sarif-ids"] },
);
