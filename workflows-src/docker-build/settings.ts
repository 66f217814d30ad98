/**
 * Settings of the docker-build workflow that more than one job reads: the
 * registry, the image name the metadata step starts from, the event tests and the
 * pinned tool versions.
 */
import { eq, envVar, github, ne, tpl } from "../kit/index.ts";

/** The workflow's name: workflows that start when it completes (`workflow_run`) name it. */
export const WORKFLOW_NAME = "Docker Build, Publish & Test";

/** Branches that trigger the workflow on push and pull_request. */
export const BRANCHES: [string, ...string[]] = ["main", "development", "feature/beta-release"];

/** Workflow-level environment. `IMAGE_NAME` is lower-cased by the metadata step only. */
export const workflowEnv = {
  REGISTRY: "ghcr.io",
  IMAGE_NAME: tpl`${github.repositoryOwner}/charon`,
  SYFT_VERSION: "v1.38.0",
  GRYPE_VERSION: "v0.104.0",
};

/** The image as the metadata step receives it (before it lower-cases it). */
export const imageInput = tpl`${envVar("REGISTRY")}/${envVar("IMAGE_NAME")}`;

/** True on pull_request runs. */
export const isPullRequest = eq(github.eventName, "pull_request");
/** True on push and workflow_dispatch runs. */
export const isNotPullRequest = ne(github.eventName, "pull_request");
/** True on push runs (not manual ones). */
export const isPush = eq(github.eventName, "push");

/** The job runner every job of the workflow uses. */
export const RUNNER = "ubuntu-latest";
