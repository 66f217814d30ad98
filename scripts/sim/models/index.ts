/**
 * The one list of action models the simulation knows, keyed by `owner/repo[/path]`.
 * A step whose action has no model is reported as such in the plan.
 */
import { buildPushActionModel } from "./build-push-action.ts";
import { downloadArtifactModel } from "./download-artifact.ts";
import { githubScriptModel } from "./github-script.ts";
import { metadataActionModel } from "./metadata-action.ts";
import type { ActionModel } from "./model.ts";
import { noOpModels } from "./no-op.ts";
import { scannerInstallModels } from "./scanner-install.ts";
import { uploadArtifactModel } from "./upload-artifact.ts";

const MODELS: readonly ActionModel[] = [metadataActionModel, buildPushActionModel, uploadArtifactModel, downloadArtifactModel, githubScriptModel, ...scannerInstallModels, ...noOpModels];

export const ACTION_MODELS: ReadonlyMap<string, ActionModel> = new Map(MODELS.map((m) => [m.action, m]));

/** The action key of a `uses:` value (`owner/repo[/path]@ref` → `owner/repo[/path]`). */
export function actionKey(uses: string): string {
  const at = uses.indexOf("@");
  return at < 0 ? uses : uses.slice(0, at);
}
