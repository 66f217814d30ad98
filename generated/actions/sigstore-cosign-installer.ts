// Generated from workflows-src/kit/actions.manifest.json (typed overrides: workflows-src/kit/action-overrides.ts) by `npm run gen`. Do not edit.

import { type ActionBinding, type BooleanInput, type StringInput, actionBinding } from "../../workflows-src/kit/action-binding.ts";

/** Inputs of sigstore/cosign-installer at v3.8.1. */
export interface SigstoreCosignInstallerInputs {
  /** Default: `v2.4.3`. */
  readonly "cosign-release"?: StringInput;
  /** Default: `$HOME/.cosign`. */
  readonly "install-dir"?: StringInput;
  /** Default: `false`. */
  readonly "use-sudo"?: BooleanInput;
}

/** Outputs of sigstore/cosign-installer at v3.8.1; read them on the handle of a step with an id. */
export interface SigstoreCosignInstallerOutputs {}

/** A step that uses sigstore/cosign-installer@d7d6bc7722e3daa8354c50bcb52f4837da5e9b6a (v3.8.1). */
export const sigstoreCosignInstaller: ActionBinding<SigstoreCosignInstallerInputs, SigstoreCosignInstallerOutputs> = actionBinding(
  { action: "sigstore/cosign-installer", commit: "d7d6bc7722e3daa8354c50bcb52f4837da5e9b6a", tag: "v3.8.1" },
  { names: [], json: [] },
);
