// Generated from workflows-src/kit/actions.manifest.json (typed overrides: workflows-src/kit/action-overrides.ts) by `npm run gen`. Do not edit.

import { type ActionBinding, type BooleanInput, type EnumInput, type StringInput, actionBinding } from "../../workflows-src/kit/action-binding.ts";
import type { Expr } from "../../workflows-src/kit/expr.ts";

/** Inputs of anchore/scan-action at v7.2.3. */
export interface AnchoreScanActionInputs {
  readonly image?: StringInput;
  readonly path?: StringInput;
  readonly sbom?: StringInput;
  /** Default: `true`. */
  readonly "fail-build"?: BooleanInput;
  /** Default: `sarif`. */
  readonly "output-format"?: EnumInput<"json" | "sarif" | "cyclonedx" | "cyclonedx-json" | "table">;
  readonly "output-file"?: StringInput;
  /** Default: `medium`. */
  readonly "severity-cutoff"?: EnumInput<"negligible" | "low" | "medium" | "high" | "critical">;
  /** Default: `false`. */
  readonly "only-fixed"?: BooleanInput;
  /** Default: `false`. */
  readonly "add-cpes-if-none"?: BooleanInput;
  /** Default: `false`. */
  readonly "by-cve"?: BooleanInput;
  readonly "grype-version"?: StringInput;
  readonly vex?: StringInput;
  readonly "cache-db"?: BooleanInput;
}

/** Outputs of anchore/scan-action at v7.2.3; read them on the handle of a step with an id. */
export interface AnchoreScanActionOutputs {
  readonly sarif: Expr<string>;
  readonly json: Expr<string>;
  readonly "cyclonedx-xml": Expr<string>;
  readonly "cyclonedx-json": Expr<string>;
}

/** A step that uses anchore/scan-action@62b74fb7bb810d2c45b1865f47a77655621862a5 (v7.2.3). */
export const anchoreScanAction: ActionBinding<AnchoreScanActionInputs, AnchoreScanActionOutputs> = actionBinding(
  { action: "anchore/scan-action", commit: "62b74fb7bb810d2c45b1865f47a77655621862a5", tag: "v7.2.3" },
  { names: ["sarif", "json", "cyclonedx-xml", "cyclonedx-json"], json: [] },
);
