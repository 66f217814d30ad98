/**
 * Job handles. `needs` takes job objects, and a job reads another job's outputs or
 * result only through the `needs` accessor its body receives, which accepts only
 * the jobs it needs: reading an unrelated job's outputs does not compile. A job that
 * calls a reusable workflow is built by `callWorkflow`, with the callee's interface.
 */
import type { GeneratedWorkflowTypes } from "@github-actions-workflow-ts/lib";
import type { Problem } from "./build-error.ts";
import type { ContainerSpec, Service } from "./containers.ts";
import { eq, Expr, type Condition, type JobResult, type Reference, type Value } from "./expr.ts";
import { matrixModel, type Matrix } from "./matrix.ts";
import { referencesIn, toModel, type RawFields } from "./model.ts";
import { defaultPermissions, unnamed, type Name } from "./omissions.ts";
import { once } from "./once.ts";
import type { CallableWorkflow, CallArguments, CallInputSpecs, CallSecrets, CallSecretSpecs } from "./reusable.ts";
import { scriptSource, type Shell } from "./script-step.ts";
import { callerLocation } from "./source-location.ts";
import { guardedCondition, type IfValue, type StepHandle, type StepWithId } from "./step.ts";
import { readWaivers, type Waiver, type Waivers } from "./waiver.ts";

/** A built job: its id, declared outputs `O`, the model object and what it found wrong. */
export interface JobHandle<Id extends string = string, O extends string = string> {
  readonly kind: "job";
  readonly id: Id;
  /** Declared output names (read them through `needs(job).outputs`). */
  readonly outputNames: readonly O[];
  readonly needs: readonly JobHandle[];
  /** The job as the workflow model holds it. */
  readonly job: GeneratedWorkflowTypes.NormalJob | GeneratedWorkflowTypes.ReusableWorkflowCallJob;
  readonly steps: readonly StepHandle[];
  /** Everything the job and its steps read. */
  readonly reads: readonly Reference[];
  /** The reusable workflow the job calls, if it is a call. */
  readonly calls: CallableWorkflow | undefined;
  readonly problems: readonly Problem[];
  /** YAML path (`jobs.<id>`, `jobs.<id>.steps[2]`) → the lint rules waived there. */
  readonly waivers: ReadonlyMap<string, readonly Waiver[]>;
  /** YAML path (`jobs.<id>.steps[2]`) → TypeScript line that built it. */
  readonly sources: ReadonlyMap<string, string>;
}

/** What a job may read of a job it needs. */
export interface NeededJob<O extends string> {
  /** `needs.<id>.outputs.<name>` for each declared output. */
  readonly outputs: { readonly [K in O]: Expr<string> };
  /** `needs.<id>.result`. */
  readonly result: Expr<JobResult>;
  /** `needs.<id>.result == 'success'`. */
  readonly succeeded: Condition;
}

/** The accessor a job body gets: it accepts only the jobs listed in `needs`. */
export type NeedsAccessor<N extends JobHandle> = <J extends N>(job: J) => NeededJob<J extends JobHandle<string, infer O> ? O : never>;

/** Token scopes: a scope map, `read-all`/`write-all`, or `defaultPermissions` for no key. */
export type Permissions = GeneratedWorkflowTypes.Permissions | typeof defaultPermissions;

/** `concurrency:`: a group, or a group with `cancel-in-progress`. */
export type Concurrency = Value | { readonly group: Value; readonly "cancel-in-progress"?: boolean | Expr<boolean> };

/** `defaults.run` of a workflow or job. */
export interface Defaults {
  readonly run?: { readonly shell?: Shell; readonly "working-directory"?: Value };
}

/** `strategy:` of a job: its matrix and how the combinations run. */
export interface Strategy {
  readonly matrix: Matrix<object>;
  readonly "fail-fast"?: boolean | Expr<boolean>;
  readonly "max-parallel"?: number | Expr<number>;
}

/** `runs-on:`: a label, labels, or a runner group with labels. */
export type RunsOn = Value | readonly Value[] | { readonly group?: Value; readonly labels?: Value | readonly Value[] };

/** `environment:`: a name, or a name with the URL shown for the deployment (which may read step outputs). */
export type Environment = Value | { readonly name: Value; readonly url?: Value; readonly deployment?: boolean | Expr<boolean> };

/** Keys every job takes, whether it runs steps or calls a workflow. */
interface JobCommon {
  name: Name;
  if?: IfValue;
  /** Required on every job: the least the job needs (`{}` for none). */
  permissions: Permissions;
  strategy?: Strategy;
  concurrency?: Concurrency;
  /** Lint rules waived on this job, each with the reason a reviewer reads. */
  waive?: Waivers;
  /** Keys the kit does not type, written as given (the escape hatch for jobs). */
  raw?: RawFields;
}

/** The body of a job, as the author writes it. */
export interface JobBody<O extends string> extends JobCommon {
  "runs-on": RunsOn;
  env?: Readonly<Record<string, Value>>;
  steps: readonly StepHandle[];
  outputs?: { readonly [K in O]: Value };
  "timeout-minutes"?: number | Expr<number>;
  "continue-on-error"?: boolean | Expr<boolean>;
  environment?: Environment;
  defaults?: Defaults;
  container?: Value | ContainerSpec;
  services?: readonly Service[];
  snapshot?: GeneratedWorkflowTypes.Snapshot;
}

/** What a job depends on: the jobs it needs (one job is written as a scalar `needs:`). */
export interface JobDeps<N extends JobHandle> {
  needs?: readonly N[] | N;
}

/**
 * Builds a job. The body is a function of the `needs` accessor, so outputs of other
 * jobs can only come from jobs this one needs.
 * @example job("test-image", { needs: [build] }, (needs) => ({ name: "Test", … needs(build).outputs.image_ref … }))
 */
export function job<const Id extends string, const N extends JobHandle = never, const O extends string = never>(
  id: Id,
  deps: JobDeps<N>,
  body: (needs: NeedsAccessor<N>) => JobBody<O>,
): JobHandle<Id, O> {
  const where = callerLocation();
  const builder = jobBuilder(id, deps, where);
  const spec = body(builder.accessor);
  const { name, if: given, permissions, env, steps, outputs, strategy, services, waive, raw, ...rest } = spec;
  const problems = builder.problems;
  const { condition, head, tail } = commonModel(spec, builder.needsModel);
  const model = toModel({
    ...head,
    ...rest,
    ...tail,
    outputs,
    env,
    services: services && Object.fromEntries(services.map((s) => [s.id, s.spec])),
    steps: steps.map((s) => s.step),
    ...raw?.fields,
  }) as unknown as GeneratedWorkflowTypes.NormalJob;

  const ownReads = referencesIn([name, condition ?? given, rest, env, strategy && strategyValues(strategy), services?.map((s) => s.spec), raw]);
  const reads = [...ownReads, ...referencesIn(outputs), ...steps.flatMap((s) => s.reads)];
  problems.push(...stepProblems(id, steps));
  problems.push(...needsProblems(id, builder.needs, reads, where));
  problems.push(...stepReadProblems(id, steps, { outputs, environment: rest.environment }, where));
  problems.push(...ownerProblems(id, reads, strategy, services ?? [], where));

  const waivers = new Map<string, readonly Waiver[]>();
  problems.push(...collectWaivers(`jobs.${id}`, waive, where, waivers));
  steps.forEach((step, index) => {
    if (step.waivers.length) waivers.set(`jobs.${id}.steps[${index}]`, step.waivers);
  });

  return builder.handle({ outputNames: Object.keys(outputs ?? {}) as O[], job: model, steps, reads, calls: undefined, waivers });
}

/** The body of a job that calls a reusable workflow. */
export type CallBody<I extends CallInputSpecs, S extends CallSecretSpecs> = JobCommon &
  ({} extends CallArguments<I> ? { with?: CallArguments<I> } : { with: CallArguments<I> }) & { secrets?: CallSecrets<S> };

/**
 * Builds a job that calls a reusable workflow: `with:` and `secrets:` are typed by the
 * callee's declaration, and the job's outputs are the callee's outputs.
 * @example callWorkflow("image", { uses: buildImage, needs: [lint] }, () => ({ name: "Build", permissions: { contents: "read" }, with: { push: true } }))
 */
export function callWorkflow<const Id extends string, I extends CallInputSpecs, S extends CallSecretSpecs, O extends string, const N extends JobHandle = never>(
  id: Id,
  deps: JobDeps<N> & { uses: CallableWorkflow<I, S, O> },
  body: (needs: NeedsAccessor<N>) => CallBody<NoInfer<I>, NoInfer<S>>,
): JobHandle<Id, O> {
  const where = callerLocation();
  const builder = jobBuilder(id, deps, where);
  const spec = body(builder.accessor) as JobCommon & { with?: Readonly<Record<string, Value>>; secrets?: "inherit" | Readonly<Record<string, Value>> };
  const { name, if: given, permissions, strategy, waive, raw, with: args, secrets, ...rest } = spec;
  const problems = builder.problems;
  const { condition, head, tail } = commonModel(spec, builder.needsModel);
  const model = toModel({
    ...head,
    uses: deps.uses.uses,
    with: args,
    secrets,
    ...rest,
    ...tail,
    ...raw?.fields,
  }) as unknown as GeneratedWorkflowTypes.ReusableWorkflowCallJob;
  const reads = referencesIn([name, condition ?? given, args, secrets, rest, strategy && strategyValues(strategy), raw]);
  problems.push(...needsProblems(id, builder.needs, reads, where));
  problems.push(...ownerProblems(id, reads, strategy, [], where));
  problems.push(...argumentProblems(id, deps.uses, args, secrets, where));
  const waivers = new Map<string, readonly Waiver[]>();
  problems.push(...collectWaivers(`jobs.${id}`, waive, where, waivers));
  return builder.handle({ outputNames: deps.uses.outputNames, job: model, steps: [], reads, calls: deps.uses, waivers });
}

/** Inputs and secrets the callee does not declare (the types catch the rest, but not an extra key in a callback's result). */
function argumentProblems(jobId: string, callee: CallableWorkflow, args: object | undefined, secrets: object | string | undefined, source: () => string | undefined): Problem[] {
  const problems: Problem[] = [];
  for (const name of Object.keys(args ?? {})) {
    if (!Object.hasOwn(callee.inputSpecs, name)) problems.push({ path: `jobs.${jobId}.with.${name}`, message: `passes input "${name}", which "${callee.uses}" does not declare; remove it or fix its name (declared: ${Object.keys(callee.inputSpecs).join(", ") || "none"})`, source: source() });
  }
  for (const name of typeof secrets === "object" ? Object.keys(secrets) : []) {
    if (!Object.hasOwn(callee.secretSpecs, name)) problems.push({ path: `jobs.${jobId}.secrets.${name}`, message: `passes secret "${name}", which "${callee.uses}" does not declare; remove it or fix its name`, source: source() });
  }
  return problems;
}

/** The parts of building any job: its needs, the accessor, problems, and the handle at the end. */
function jobBuilder<Id extends string, N extends JobHandle>(id: Id, deps: JobDeps<N>, where: () => string | undefined) {
  const needs: readonly N[] = deps.needs === undefined ? [] : isJobList(deps.needs) ? deps.needs : [deps.needs];
  const problems: Problem[] = [];
  const accessor = ((target: JobHandle) => {
    if (!needs.includes(target as N)) {
      problems.push({ path: `jobs.${id}`, message: `reads job "${target.id}" which it does not need; add it to needs`, source: where() });
    }
    return neededJob(target);
  }) as NeedsAccessor<N>;
  const needsModel = deps.needs === undefined ? undefined : isJobList(deps.needs) ? (deps.needs.length ? deps.needs.map((n) => n.id) : undefined) : deps.needs.id;
  return {
    needs,
    problems,
    accessor,
    needsModel,
    handle<O extends string>(parts: Pick<JobHandle<Id, O>, "outputNames" | "job" | "steps" | "reads" | "calls" | "waivers">): JobHandle<Id, O> {
      const sourcesOf = once(() => {
        const sources = new Map<string, string>();
        const source = where();
        if (source) sources.set(`jobs.${id}`, source);
        parts.steps.forEach((step, index) => {
          if (step.source) sources.set(`jobs.${id}.steps[${index}]`, step.source);
          // A problem inside a script read from a file is fixed in that file.
          const script = scriptSource(step.step as { run?: unknown; with?: Record<string, unknown> });
          if (script) sources.set(`jobs.${id}.steps[${index}].${script.field}`, script.file);
        });
        return sources;
      });
      return {
        kind: "job",
        id,
        needs,
        problems,
        ...parts,
        get sources() {
          return sourcesOf();
        },
      };
    },
  };
}

function isJobList<N extends JobHandle>(needs: readonly N[] | N): needs is readonly N[] {
  return Array.isArray(needs);
}

/**
 * The keys every job writes the same way: name, needs and `if:` first, permissions and
 * strategy after the job's own keys; and its `if:` as a condition, for what it reads.
 */
function commonModel(spec: JobCommon, needs: string | readonly string[] | undefined) {
  const { condition, value } = guardedCondition(spec.if, [], []);
  return {
    condition,
    head: { ...(spec.name !== unnamed ? { name: spec.name } : {}), needs, if: value },
    tail: { ...(spec.permissions !== defaultPermissions ? { permissions: spec.permissions } : {}), strategy: spec.strategy && strategyModel(spec.strategy) },
  };
}

function strategyModel(strategy: Strategy): Record<string, unknown> {
  return { ...strategy, matrix: matrixModel(strategy.matrix) };
}

// The values of a strategy that may hold expressions (the matrix's own references are declarations, not reads).
function strategyValues(strategy: Strategy): unknown {
  return { "fail-fast": strategy["fail-fast"], "max-parallel": strategy["max-parallel"] };
}

function neededJob(target: JobHandle): NeededJob<string> {
  const read = (what: "output" | "result", name: string): Reference[] => [{ kind: "job", jobId: target.id, owner: target, what, name }];
  const result = new Expr<JobResult>(`needs.${target.id}.result`, read("result", "result"));
  return {
    outputs: Object.fromEntries(target.outputNames.map((name) => [name, new Expr<string>(`needs.${target.id}.outputs.${name}`, read("output", name))])),
    result,
    succeeded: eq(result, "success"),
  };
}

/**
 * The waivers of a node, recorded under its path, and the problems with them.
 * @internal shared by jobs and workflows.
 */
export function collectWaivers(path: string, waive: Waivers | undefined, where: () => string | undefined, into: Map<string, readonly Waiver[]>): Problem[] {
  const { waivers, problems } = readWaivers(waive);
  if (waivers.length) into.set(path, waivers);
  return problems.map((message) => ({ path, message, source: where() }));
}

function stepProblems(jobId: string, steps: readonly StepHandle[]): Problem[] {
  const problems: Problem[] = [];
  const seenIds = new Map<string, number>();
  steps.forEach((step, index) => {
    const path = `jobs.${jobId}.steps[${index}]`;
    const at = (message: string): Problem => ({ path, message: `step "${step.label}" ${message}`, source: step.source });
    problems.push(...step.problems.map(at));
    if (step.id !== undefined) {
      const first = seenIds.get(step.id);
      if (first !== undefined) problems.push(at(`reuses id "${step.id}" of steps[${first}]; give each step its own id`));
      else seenIds.set(step.id, index);
    }
    if (steps.indexOf(step) !== index) problems.push(at(`is placed twice in job "${jobId}"; build a second step instead`));
    const earlier = steps.slice(0, index);
    for (const ref of step.reads) {
      if (ref.kind !== "step") continue;
      const producer = ref.owner as StepWithId;
      if (!earlier.includes(producer)) {
        problems.push(at(`reads steps.${ref.stepId}.${ref.what === "output" ? `outputs.${ref.name}` : ref.name}, but "${ref.stepId}" is not an earlier step of job "${jobId}"; move the reader after it or read it through a job output`));
      } else if (ref.what === "output" && !isGuarded(step, producer)) {
        problems.push(at(`reads steps.${ref.stepId}.outputs.${ref.name} but can run when "${ref.stepId}" did not run or failed; add it to after: [${ref.stepId}] (or to tolerates: when the step handles an empty value)`));
      }
    }
  });
  return problems;
}

/**
 * A reader is guarded against a producer when it lists the producer in `after` or
 * `tolerates`, or when the producer always runs (no `if:`, failures not ignored) and
 * the reader keeps the implicit `success()` — then the reader runs only after the
 * producer succeeded.
 */
function isGuarded(reader: StepHandle, producer: StepWithId): boolean {
  if (reader.guardedBy.includes(producer) || reader.tolerates.includes(producer)) return true;
  const producerAlwaysRuns = producer.step.if === undefined && producer.step["continue-on-error"] === undefined;
  const readerKeepsSuccess = !(reader.condition?.refs ?? []).some((r) => r.kind === "status");
  return producerAlwaysRuns && readerKeepsSuccess;
}

function needsProblems(jobId: string, needs: readonly JobHandle[], reads: readonly Reference[], source: () => string | undefined): Problem[] {
  return reads
    .filter((ref): ref is Extract<Reference, { kind: "job" }> => ref.kind === "job" && !needs.includes(ref.owner as JobHandle))
    .map((ref) => ({ path: `jobs.${jobId}`, message: `reads needs.${ref.jobId} but does not need "${ref.jobId}"; add it to needs`, source: source() }));
}

/** Job outputs and the environment URL are evaluated after the steps: they may read only this job's steps. */
function stepReadProblems(jobId: string, steps: readonly StepHandle[], fields: { outputs: unknown; environment: unknown }, source: () => string | undefined): Problem[] {
  const problems: Problem[] = [];
  for (const [field, value] of Object.entries(fields)) {
    for (const ref of referencesIn(value)) {
      if (ref.kind === "step" && !steps.includes(ref.owner as StepHandle)) {
        problems.push({ path: `jobs.${jobId}.${field}`, message: `${field} reads steps.${ref.stepId}, which is not a step of job "${jobId}"; add the step to the job`, source: source() });
      }
    }
  }
  return problems;
}

/** `matrix.<axis>` must be of the job's own matrix, `job.services.<id>` of its own services. */
function ownerProblems(jobId: string, reads: readonly Reference[], strategy: Strategy | undefined, services: readonly Service[], source: () => string | undefined): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const ref of reads) {
    let message: string | undefined;
    if (ref.kind === "matrix" && ref.owner !== strategy?.matrix) message = `reads matrix.${ref.name} of a matrix that is not its strategy's; put that matrix in its strategy or read its own`;
    if (ref.kind === "service" && !services.includes(ref.owner as Service)) message = `reads job.services of a service it does not run; add the service to its services`;
    if (message && !seen.has(message)) {
      seen.add(message);
      problems.push({ path: `jobs.${jobId}`, message, source: source() });
    }
  }
  return problems;
}
