/**
 * Model of actions/upload-artifact v6. Models: the name check of the action (the
 * characters it refuses), one file or one directory as `path` (relative to the
 * workspace), `if-no-files-found` (warn, error, ignore), `overwrite` (a second upload
 * of a name in the same run fails without it), `retention-days`; the files go to the
 * run's artifact store. A path that leaves the sandbox is reported as unsupported.
 * Does not model: glob and multi-line paths, hidden-file rules, compression, the
 * artifact service's size limits.
 */
import { existsSync, rmSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { copyInside, pathInside } from "../sandbox-paths.ts";
import { artifactFolder, artifactNameProblem } from "./artifact-store.ts";
import { booleanInput, type ActionModel } from "./model.ts";

export const uploadArtifactModel: ActionModel = {
  action: "actions/upload-artifact",
  describes: "stores the files under the artifact name for this run",
  run({ with: inputs, run, job, stepRef }) {
    const name = inputs["name"] || "artifact";
    const invalid = artifactNameProblem(name);
    if (invalid) return { outcome: "failure", outputs: {}, summary: "invalid artifact name", error: invalid };
    const given = (inputs["path"] ?? "").trim();
    if (/[*?[\n]/.test(given)) return { outcome: "failure", outputs: {}, summary: "glob or multi-line path", error: `path "${given}" uses globs or several lines, which this model does not resolve` };
    const path = given === "" ? "" : pathInside(job.root, job.workspace, given, "upload-artifact path");
    if (path === "" || !existsSync(path)) {
      const mode = inputs["if-no-files-found"] || "warn";
      const message = `No files were found with the provided path: ${given}. No artifacts will be uploaded.`;
      if (mode === "error") return { outcome: "failure", outputs: {}, summary: "no files", error: message };
      return { outcome: "success", outputs: {}, summary: mode === "warn" ? `warning: ${message}` : "no files (ignored)" };
    }
    if (run.artifacts.has(name) && !booleanInput(inputs["overwrite"], false)) {
      return { outcome: "failure", outputs: {}, summary: "name taken", error: `an artifact with the name "${name}" already exists in this run; set overwrite: true or pick another name` };
    }
    const folder = artifactFolder(run.sandbox, name);
    rmSync(folder, { recursive: true, force: true });
    const files = copyInside(run.sandbox.root, path, statSync(path).isDirectory() ? folder : join(folder, basename(path)), "upload-artifact path");
    run.artifacts.set(name, { name, files, uploadedBy: stepRef, retentionDays: inputs["retention-days"] ?? "", downloadedBy: [] });
    return { outcome: "success", outputs: { "artifact-id": String(run.artifacts.size), "artifact-url": "", "artifact-digest": "" }, summary: `uploaded "${name}" (${files.join(", ")})` };
  },
};
