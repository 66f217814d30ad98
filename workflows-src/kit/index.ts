/**
 * The kit: typed building blocks for workflows on top of
 * `@github-actions-workflow-ts/lib`'s model. Workflow modules import from here only.
 */
export { and, or, not, eq, ne, raw, format, fromJSON, orElse, ifElse, fileExists, status, tpl, lines } from "./expr.ts";
export type { Expr, JsonExpr, JsonText, Condition, Value, Template, StepStatus, JobResult } from "./expr.ts";
export { github, runner, currentJob, envVar, secret, type EventName } from "./contexts.ts";
export { type StepHandle, type StepWithId, type StepWithOutputs, type StepOptions } from "./step.ts";
export { scriptStep, githubScriptStep, scriptFile } from "./script-step.ts";
export { job, type JobHandle, type NeededJob, type NeedsAccessor } from "./job.ts";
export { workflow, type BuiltWorkflow, type WorkflowSpec } from "./workflow.ts";
export { artifactContract, type ArtifactContract } from "./artifact.ts";
export { type Pin } from "./pins.ts";
export type { StringInput, BooleanInput, NumberInput, EnumInput, ListInput, ListItem, BoundStep, ActionBinding } from "./action-binding.ts";
export * from "../../generated/actions/index.ts";
export { BuildError, type Problem } from "./build-error.ts";
