/**
 * The kit: typed building blocks for workflows on top of
 * `@github-actions-workflow-ts/lib`'s model. Workflow modules import from here only.
 */
export { and, or, not, eq, ne, lt, le, gt, ge, raw, format, fromJSON, orElse, ifElse, fileExists, status, tpl, lines } from "./expr.ts";
export type { Expr, JsonExpr, JsonText, Condition, Value, Template, StepStatus, JobResult } from "./expr.ts";
export { contains, startsWith, endsWith, join, toJSON, hashFiles } from "./functions.ts";
export { github, runner, currentJob, strategy, envVar, variable, variables, secret, event, type EventPayload } from "./contexts.ts";
export { workflowDispatch, type EventName, type Triggers, type TriggerConfig, type WorkflowDispatch, type DispatchInputSpec } from "./triggers.ts";
export { reusableWorkflow, localWorkflowFile, unpinnedWorkflow, jobOutputs, type CallableWorkflow, type ReusableWorkflow, type CallInputSpec } from "./reusable.ts";
export { matrix, matrixFrom, type Matrix } from "./matrix.ts";
export { service, type Service, type ContainerSpec, type ServiceSpec } from "./containers.ts";
export { type StepHandle, type StepWithId, type StepWithOutputs, type StepOptions, type IfValue } from "./step.ts";
export { scriptStep, githubScriptStep, scriptFile, type Shell } from "./script-step.ts";
export { localAction, dockerAction, unpinnedAction } from "./action-steps.ts";
export { job, callWorkflow, type JobHandle, type NeededJob, type NeedsAccessor, type Permissions, type Strategy } from "./job.ts";
export { emittedWorkflowPath, workflow, type BuiltWorkflow, type WorkflowSpec } from "./workflow.ts";
export { unnamed, defaultPermissions } from "./omissions.ts";
export { rawFields } from "./model.ts";
export { type Waivers } from "./waiver.ts";
export { artifactContract, type ArtifactContract } from "./artifact.ts";
export { type Pin } from "./pins.ts";
export { untyped, untypedAction } from "./action-binding.ts";
export type { StringInput, BooleanInput, NumberInput, EnumInput, ListInput, ListItem, BoundStep, ActionBinding } from "./action-binding.ts";
export * from "../../generated/actions/index.ts";
export { BuildError, type Problem } from "./build-error.ts";
