/**
 * Model of actions/upload-artifact v6. Models: one file or one directory as `path`,
 * `if-no-files-found` (warn, error, ignore), `overwrite` (a second upload of a name
 * in the same run fails without it), `retention-days`; the files go to the run's
 * artifact store. Does not model: glob and multi-line paths, hidden-file rules,
 * compression, the artifact service's size limits.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { booleanInput, type ActionModel } from "./model.ts";

export const uploadArtifactModel: ActionModel = {
  action: "actions/upload-artifact",
  describes: "stores the files under the artifact name for this run",
  run({ with: inputs, run, stepRef }) {
    const name = inputs["name"] || "artifact";
    const path = (inputs["path"] ?? "").trim();
    if (/[*?[\n]/.test(path)) return { outcome: "failure", outputs: {}, summary: "glob or multi-line path", error: `path "${path}" uses globs or several lines, which this model does not resolve` };
    const missing = path === "" || !existsSync(path);
    if (missing) {
      const mode = inputs["if-no-files-found"] || "warn";
      const message = `No files were found with the provided path: ${path}. No artifacts will be uploaded.`;
      if (mode === "error") return { outcome: "failure", outputs: {}, summary: "no files", error: message };
      return { outcome: "success", outputs: {}, summary: mode === "warn" ? `warning: ${message}` : "no files (ignored)" };
    }
    if (run.artifacts.has(name) && !booleanInput(inputs["overwrite"], false)) {
      return { outcome: "failure", outputs: {}, summary: "name taken", error: `an artifact with the name "${name}" already exists in this run; set overwrite: true or pick another name` };
    }
    const target = join(run.sandbox.artifacts, name);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    const files = statSync(path).isDirectory() ? readdirSync(path) : [basename(path)];
    cpSync(path, statSync(path).isDirectory() ? target : join(target, basename(path)), { recursive: true });
    run.artifacts.set(name, { name, files, uploadedBy: stepRef, retentionDays: inputs["retention-days"] ?? "", downloadedBy: [] });
    return { outcome: "success", outputs: { "artifact-id": String(run.artifacts.size), "artifact-url": "", "artifact-digest": "" }, summary: `uploaded "${name}" (${files.join(", ")})` };
  },
};
