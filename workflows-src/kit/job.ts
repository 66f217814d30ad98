/**
 * Job handles. `needs` takes job objects, and a job reads another job's outputs or
 * result only through the `needs` accessor its body receives, which accepts only
 * the jobs it needs: reading an unrelated job's outputs does not compile.
 */
import type { GeneratedWorkflowTypes } from "@github-actions-workflow-ts/lib";
import { NormalJob, Step as LibStep } from "@github-actions-workflow-ts/lib";
import { eq, Expr, referencesOf, toScalar, type Condition, type JobResult, type Reference, type Value } from "./expr.ts";
import type { Problem } from "./build-error.ts";
import type { StepHandle, StepWithId } from "./step.ts";
import { once } from "./once.ts";
import { callerLocation } from "./source-location.ts";

/** A built job: its id, declared outputs `O`, the model object and what it found wrong. */
export interface JobHandle<Id extends string = string, O extends string = string> {
  readonly kind: "job";
  readonly id: Id;
  /** Declared output names (read them through `needs(job).outputs`). */
  readonly outputNames: readonly O[];
  readonly needs: readonly JobHandle[];
  /** The job as the workflow model holds it. */
  readonly job: GeneratedWorkflowTypes.NormalJob;
  readonly steps: readonly StepHandle[];
  readonly problems: readonly Problem[];
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

type LibJobFields = Omit<GeneratedWorkflowTypes.NormalJob, "steps" | "needs" | "if" | "outputs" | "env" | "permissions" | "name">;

/** The body of a job, as the author writes it. */
export interface JobBody<O extends string> extends LibJobFields {
  name: string;
  if?: Condition;
  /** Required on every job: the least the job needs (`{}` for none). */
  permissions: GeneratedWorkflowTypes.PermissionsEvent;
  env?: Readonly<Record<string, Value>>;
  steps: readonly StepHandle[];
  outputs?: { readonly [K in O]: Value };
}

/**
 * Builds a job. The body is a function of the `needs` accessor, so outputs of other
 * jobs can only come from jobs this one needs.
 * @example job("test-image", { needs: [build] }, (needs) => ({ name: "Test", … needs(build).outputs.image_ref … }))
 */
export function job<const Id extends string, const N extends JobHandle = never, const O extends string = never>(
  id: Id,
  deps: { needs?: readonly N[] },
  body: (needs: NeedsAccessor<N>) => JobBody<O>,
): JobHandle<Id, O> {
  const where = callerLocation();
  const needs = deps.needs ?? [];
  const problems: Problem[] = [];
  const accessor = ((target: JobHandle) => {
    if (!needs.includes(target as N)) {
      problems.push({ path: `jobs.${id}`, message: `reads job "${target.id}" which it does not need; add it to needs`, source: where() });
    }
    return neededJob(target);
  }) as NeedsAccessor<N>;
  const spec = body(accessor);
  const { name, if: condition, permissions, env, steps, outputs, ...rest } = spec;

  const sourcesOf = once(() => {
    const sources = new Map<string, string>();
    const source = where();
    if (source) sources.set(`jobs.${id}`, source);
    steps.forEach((step, index) => {
      if (step.source) sources.set(`jobs.${id}.steps[${index}]`, step.source);
    });
    return sources;
  });

  problems.push(...stepProblems(id, steps));
  const jobReads = [...(condition?.refs ?? []), ...referencesOf(Object.values(env ?? {})), ...steps.flatMap((s) => s.reads)];
  problems.push(...needsProblems(id, needs, jobReads, where));
  problems.push(...outputProblems(id, steps, outputs ?? {}, where));

  const libJob = new NormalJob(id, {
    name,
    ...(condition ? { if: condition.text } : {}),
    ...rest,
    permissions,
    ...(outputs ? { outputs: mapValues(outputs) } : {}),
    ...(env ? { env: mapValues(env) } : {}),
  });
  if (needs.length) libJob.needs(needs.map((n) => new NormalJob(n.id, n.job)));
  libJob.addSteps(steps.map((s) => new LibStep(s.step)));

  return {
    kind: "job",
    id,
    outputNames: Object.keys(outputs ?? {}) as O[],
    needs,
    job: libJob.job,
    steps,
    problems,
    get sources() {
      return sourcesOf();
    },
  };
}

function neededJob(target: JobHandle): NeededJob<string> {
  const read = (what: "output" | "result", name: string): Reference[] => [{ kind: "job", jobId: target.id, owner: target, what, name }];
  const result = new Expr<JobResult>(`needs.${target.id}.result`, read("result", "result"));
  return {
    outputs: Object.fromEntries(
      target.outputNames.map((name) => [name, new Expr<string>(`needs.${target.id}.outputs.${name}`, read("output", name))]),
    ),
    result,
    succeeded: eq(result, "success"),
  };
}

function stepProblems(jobId: string, steps: readonly StepHandle[]): Problem[] {
  const problems: Problem[] = [];
  const seenIds = new Map<string, number>();
  steps.forEach((step, index) => {
    const path = `jobs.${jobId}.steps[${index}]`;
    const at = (message: string): Problem => ({ path, message: `step "${step.name}" ${message}`, source: step.source });
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

function outputProblems(jobId: string, steps: readonly StepHandle[], outputs: Readonly<Record<string, Value>>, source: () => string | undefined): Problem[] {
  const problems: Problem[] = [];
  for (const [name, value] of Object.entries(outputs)) {
    for (const ref of referencesOf([value])) {
      if (ref.kind === "step" && !steps.includes(ref.owner as StepHandle)) {
        problems.push({ path: `jobs.${jobId}.outputs.${name}`, message: `output "${name}" reads steps.${ref.stepId}, which is not a step of job "${jobId}"; add the step to the job`, source: source() });
      }
    }
  }
  return problems;
}

function mapValues(values: Readonly<Record<string, Value>>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(toScalar(v))]));
}
