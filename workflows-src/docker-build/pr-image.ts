/**
 * The PR image: how it is named and how it travels between jobs. `prImageTag` is
 * the only way to name it, and the artifact contract is the only description of
 * the archive both jobs use.
 */
import { artifactContract, fromJSON, github, orElse, tpl, type BoundStep, type DockerMetadataActionOutputs, type Expr, type Template } from "../kit/index.ts";

/**
 * The image reference to save, scan and publish as a job output: the first tag of
 * the metadata step's `json` output. On a pull request only the `pr-<number>` tag
 * is enabled, so this is `ghcr.io/<owner>/charon:pr-<number>` exactly as the
 * build applied it (lower-cased and sanitised by the action). On other events it is
 * the highest-priority tag (`latest`, `dev` or `beta` before `sha-…`). The JSON
 * array keeps the action's order, unlike `head -n 1` of a reformatted list. When
 * the metadata step did not run its output is empty; `'{}'` stands in so the
 * expression gives an empty string instead of failing to parse.
 */
export function prImageTag(meta: BoundStep<DockerMetadataActionOutputs>): Expr<string> {
  return fromJSON(orElse(meta.outputs.json, "{}")).get("tags").at(0);
}

/**
 * The name of the PR image artifact of a pull request. A workflow that docker-build's
 * run starts (`workflow_run`) learns the number only at run time and downloads the
 * artifact from that run, so it names the artifact through this too.
 */
export function prImageArtifactName(prNumber: Expr<number | string>): Template {
  return tpl`pr-image-${prNumber}`;
}

/** The PR image archive: one name and one file for the upload and the download. */
export const prImageArtifact = artifactContract({
  name: prImageArtifactName(github.event.pullRequest.number),
  file: "charon-pr-image.tar",
  retentionDays: 1,
});
