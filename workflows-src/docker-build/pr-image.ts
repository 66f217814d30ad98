/**
 * The PR image: how it is named and how it travels between jobs. `prImageTag` is
 * the only way to name it, and the artifact contract is the only description of
 * the archive both jobs use.
 */
import { artifactContract, fromJSON, github, orElse, tpl, type Expr, type StepWithOutputs } from "../kit/index.ts";

/** The JSON output of docker/metadata-action. */
export interface MetadataJson {
  tags: string[];
  "tag-names": string[];
  labels: Record<string, string>;
  annotations: string[];
}

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
export function prImageTag(meta: StepWithOutputs<"json">): Expr<string> {
  return fromJSON<MetadataJson>(orElse(meta.outputs.json, "{}")).get("tags").at(0);
}

/** The PR image archive: one name and one file for the upload and the download. */
export const prImageArtifact = artifactContract({
  name: tpl`pr-image-${github.event.pullRequest.number}`,
  file: "charon-pr-image.tar",
  retentionDays: 1,
});
