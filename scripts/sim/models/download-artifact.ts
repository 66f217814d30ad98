/**
 * Model of actions/download-artifact v7. Models: download of one artifact by `name`
 * from this run's store into `path` (default: the workspace; relative to it), and the
 * failure when the run has no artifact of that name. A path that leaves the sandbox
 * is reported as unsupported. Does not model: downloads of every artifact,
 * `pattern`/`merge-multiple`, other runs or repositories.
 */
import { mkdirSync } from "node:fs";
import { copyInside, pathInside } from "../sandbox-paths.ts";
import { artifactFolder } from "./artifact-store.ts";
import type { ActionModel } from "./model.ts";

export const downloadArtifactModel: ActionModel = {
  action: "actions/download-artifact",
  describes: "copies a named artifact of this run into the job",
  run({ with: inputs, run, job, stepRef }) {
    const name = inputs["name"];
    if (!name) return { outcome: "failure", outputs: {}, summary: "no name", error: "downloading every artifact (no name:) is not modelled; give the artifact name" };
    const artifact = run.artifacts.get(name);
    if (!artifact) return { outcome: "failure", outputs: {}, summary: "not found", error: `Unable to download artifact(s): Artifact not found for name: ${name}` };
    const path = pathInside(job.root, job.workspace, inputs["path"] || ".", "download-artifact path");
    mkdirSync(path, { recursive: true });
    copyInside(run.sandbox.root, artifactFolder(run.sandbox, name), path, "download-artifact path");
    artifact.downloadedBy.push(stepRef);
    return { outcome: "success", outputs: { "download-path": path }, summary: `downloaded "${name}" (${artifact.files.join(", ")})` };
  },
};
