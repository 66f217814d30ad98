/**
 * The kit: typed building blocks for workflows on top of
 * `@github-actions-workflow-ts/lib`'s model. Workflow modules import from here only.
 */
export { and, or, not, eq, ne, lit, raw, format, fromJSON, startsWith, contains, orElse, ifElse, fileExists, status, tpl, lines } from "./expr.ts";
export type { Expr, JsonExpr, Condition, Value, Template, StepStatus, JobResult } from "./expr.ts";
export { github, runner, currentJob, envVar, secret, type EventName } from "./contexts.ts";
export { actionStep, type StepHandle, type StepWithId, type StepWithOutputs, type StepOptions } from "./step.ts";
export { scriptStep, githubScriptStep, scriptFile } from "./script-step.ts";
export { job, type JobHandle, type NeededJob, type NeedsAccessor } from "./job.ts";
export { workflow, type BuiltWorkflow, type WorkflowSpec } from "./workflow.ts";
export { artifactContract, type ArtifactContract } from "./artifact.ts";
export { pins, type Pin } from "./pins.ts";
export { BuildError, type Problem } from "./build-error.ts";
