/**
 * Artifact contracts. One object names an artifact and the file it carries; the
 * upload step, the download step and the scripts that write or read the file are
 * all made from it, so producer and consumer cannot disagree on a name.
 */
import type { StepHandle, StepOptions } from "./step.ts";
import { tpl, type Template } from "./expr.ts";
import { runner } from "./contexts.ts";
import type { StringInput } from "./action-binding.ts";
import { actionsDownloadArtifact, actionsUploadArtifact } from "../../generated/actions/index.ts";

/** A named artifact holding one file, kept in `$RUNNER_TEMP` on both sides. */
export interface ArtifactContract {
  readonly name: StringInput;
  readonly file: string;
  readonly retentionDays: number;
  /** The file's path on the runner: `${{ runner.temp }}/<file>` (pass it to scripts through env). */
  readonly path: Template;
  /** The upload step (fails when the file is missing; overwrites on a re-run of the same run). */
  upload(options: StepOptions): StepHandle;
  /** The download step, which puts the file back at `path`. */
  download(options: StepOptions): StepHandle;
}

/** Declares an artifact contract: its name (may depend on the event) and its file name. */
export function artifactContract(spec: { name: StringInput; file: string; retentionDays: number }): ArtifactContract {
  const path = tpl`${runner.temp}/${spec.file}`;
  return {
    ...spec,
    path,
    upload: (options) =>
      actionsUploadArtifact({
        ...options,
        with: { name: spec.name, path, "retention-days": spec.retentionDays, "if-no-files-found": "error", overwrite: true },
      }),
    download: (options) =>
      actionsDownloadArtifact({ ...options, with: { name: spec.name, path: tpl`${runner.temp}` } }),
  };
}
