// Generated from workflows-src/kit/actions.manifest.json (typed overrides: workflows-src/kit/action-overrides.ts) by `npm run gen`. Do not edit.

import { type ActionBinding, type BooleanInput, type EnumInput, type NumberInput, type StringInput, actionBinding } from "../../workflows-src/kit/action-binding.ts";

/** Inputs of aquasecurity/trivy-action at v0.33.1. */
export interface AquasecurityTrivyActionInputs {
  /** Default: `image`. */
  readonly "scan-type"?: StringInput;
  readonly "image-ref"?: StringInput;
  /** Default: ``. */
  readonly input?: StringInput;
  /** Default: `.`. */
  readonly "scan-ref"?: StringInput;
  readonly "exit-code"?: NumberInput;
  /** Default: `false`. */
  readonly "ignore-unfixed"?: BooleanInput;
  /** Default: `os,library`. */
  readonly "vuln-type"?: StringInput;
  /** Default: `UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL`. */
  readonly severity?: StringInput;
  /** Default: `table`. */
  readonly format?: EnumInput<"table" | "json" | "template" | "sarif" | "cyclonedx" | "spdx" | "spdx-json" | "github" | "cosign-vuln">;
  /** Default: ``. */
  readonly template?: StringInput;
  /** Default: ``. */
  readonly output?: StringInput;
  /** Default: ``. */
  readonly "skip-dirs"?: StringInput;
  /** Default: ``. */
  readonly "skip-files"?: StringInput;
  /** Default: `${{ github.workspace }}/.cache/trivy`. */
  readonly "cache-dir"?: StringInput;
  /** Default: ``. */
  readonly timeout?: StringInput;
  /** Default: ``. */
  readonly "ignore-policy"?: StringInput;
  readonly "hide-progress"?: BooleanInput;
  /** Default: `false`. */
  readonly "list-all-pkgs"?: BooleanInput;
  /** Default: ``. */
  readonly scanners?: StringInput;
  /** Default: ``. */
  readonly trivyignores?: StringInput;
  readonly "github-pat"?: StringInput;
  readonly "trivy-config"?: StringInput;
  readonly "tf-vars"?: StringInput;
  readonly "limit-severities-for-sarif"?: StringInput;
  readonly "docker-host"?: StringInput;
  /** Default: `v0.65.0`. */
  readonly version?: StringInput;
  /** Default: `true`. */
  readonly cache?: BooleanInput;
  /** Default: `false`. */
  readonly "skip-setup-trivy"?: BooleanInput;
  /** Default: `${{ github.token }}`. */
  readonly "token-setup-trivy"?: StringInput;
}

/** Outputs of aquasecurity/trivy-action at v0.33.1; read them on the handle of a step with an id. */
export interface AquasecurityTrivyActionOutputs {}

/** A step that uses aquasecurity/trivy-action@b6643a29fecd7f34b3597bc6acb0a98b03d33ff8 (v0.33.1). */
export const aquasecurityTrivyAction: ActionBinding<AquasecurityTrivyActionInputs, AquasecurityTrivyActionOutputs> = actionBinding(
  { action: "aquasecurity/trivy-action", commit: "b6643a29fecd7f34b3597bc6acb0a98b03d33ff8", tag: "v0.33.1" },
  { names: [], json: [] },
);
