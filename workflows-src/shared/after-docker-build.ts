/**
 * What a workflow that runs after docker-build (`workflow_run`) reads of it: the
 * trigger that names it, the run that started this one, and whether one did.
 */
import { eq, event, github } from "../kit/index.ts";
import { WORKFLOW_NAME } from "../docker-build/settings.ts";

/**
 * The `workflow_run` trigger on docker-build's completed runs.
 * @param branches the branches whose runs count (none: a workflow_run trigger then matches the default branch's runs only)
 */
export function afterDockerBuild(branches?: [string, ...string[]]): { workflows: [string]; types: ["completed"]; branches?: [string, ...string[]] } {
  return { workflows: [WORKFLOW_NAME], types: ["completed"], ...(branches ? { branches } : {}) };
}

/** The docker-build run that started this one (its fields are null on other events). */
export const dockerBuildRun = event("workflow_run").get("workflow_run");

/** True when docker-build's completion started this run. */
export const startedByDockerBuild = eq(github.eventName, "workflow_run");
