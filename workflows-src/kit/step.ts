/**
 * Step handles. A step is built once and placed in one job; its handle carries the
 * references it reads and the guards it was given. Outputs exist only on a handle
 * whose step has an id and declares them, so reading an undeclared output or the
 * output of an anonymous step does not compile.
 */
import type { GeneratedWorkflowTypes } from "@github-actions-workflow-ts/lib";
import { Step as LibStep } from "@github-actions-workflow-ts/lib";
import { and, eq, Expr, referencesOf, toScalar, type Condition, type Reference, type StepStatus, type Value } from "./expr.ts";
import { usesOf, type Pin } from "./pins.ts";
import { callerLocation } from "./source-location.ts";

/** Options every step accepts. */
export interface StepOptions {
  /** Display name; required so that logs and findings can name every step. */
  name: string;
  /** Extra condition; the guards from `after` are added to it. */
  if?: Condition;
  /**
   * Steps whose product or outputs this step uses: it runs only when each of them
   * ran and succeeded (`steps.<id>.outcome == 'success'` is added to its `if:`).
   */
  after?: readonly StepWithId[];
  /**
   * Steps whose outputs this step reads knowing they may be empty (a summary that
   * runs `always()` and prints defaults). A visible opt-out from the `after` guard.
   */
  tolerates?: readonly StepWithId[];
  /** Environment of the step: the only way values reach a script. */
  env?: Readonly<Record<string, Value>>;
  "continue-on-error"?: boolean;
  "timeout-minutes"?: number;
}

/** A step that uses a pinned action. */
export interface ActionStepSpec extends StepOptions {
  uses: Pin;
  with?: Readonly<Record<string, Value>>;
}

/** What a step handle knows about the step it describes. */
export interface StepHandle {
  readonly kind: "step";
  readonly name: string;
  readonly id: string | undefined;
  /** The step as the workflow model holds it. */
  readonly step: GeneratedWorkflowTypes.Step;
  /** Everything the step's expressions read. */
  readonly reads: readonly Reference[];
  /** The `if:` condition, including guards, as a typed expression. */
  readonly condition: Condition | undefined;
  readonly guardedBy: readonly StepWithId[];
  readonly tolerates: readonly StepWithId[];
  /** Problems found while building the step (reported by its job). */
  readonly problems: readonly string[];
  readonly source: string | undefined;
}

/** A step with an id: its status can be read. */
export interface StepWithId extends StepHandle {
  readonly id: string;
  /** `steps.<id>.outcome`: the result before `continue-on-error` is applied. */
  readonly outcome: Expr<StepStatus>;
  /** `steps.<id>.conclusion`: the result after `continue-on-error` is applied. */
  readonly conclusion: Expr<StepStatus>;
  /** `steps.<id>.outcome == 'success'`. */
  readonly succeeded: Condition;
}

/** A step with an id that declares outputs `O`. */
export interface StepWithOutputs<O extends string> extends StepWithId {
  readonly outputs: { readonly [K in O]: Expr<string> };
}

type WithId = { id: string };
type WithOutputs<O extends string> = { id: string; outputs: readonly O[] };

/** Builds a step that uses a pinned action. Give it an `id` to read its status, `outputs` to read its outputs. */
export function actionStep<const O extends string>(spec: ActionStepSpec & WithOutputs<O>): StepWithOutputs<O>;
export function actionStep(spec: ActionStepSpec & WithId): StepWithId;
export function actionStep(spec: ActionStepSpec): StepHandle;
export function actionStep(spec: ActionStepSpec & Partial<WithOutputs<string>>): StepHandle {
  const withValues = spec.with ? mapValues(spec.with) : undefined;
  return makeStep(spec, { uses: usesOf(spec.uses), ...(withValues ? { with: withValues } : {}) }, Object.values(spec.with ?? {}), []);
}

/**
 * Shared constructor for action and script steps: computes the guarded condition,
 * records what the step reads and any problems, and returns the handle.
 * @internal used by the kit's step helpers only.
 */
export function makeStep(
  spec: StepOptions & { id?: string; outputs?: readonly string[] },
  body: Pick<GeneratedWorkflowTypes.Step, "uses" | "run" | "with" | "shell">,
  bodyValues: readonly Value[],
  problems: string[],
): StepHandle {
  const after = spec.after ?? [];
  const tolerates = spec.tolerates ?? [];
  const guards = after.map((producer) => producer.succeeded);
  const condition = spec.if || guards.length ? and(...(spec.if ? [spec.if] : []), ...guards) : undefined;
  const env = spec.env ? mapValues(spec.env) : undefined;
  if (spec.outputs && !spec.id) problems.push(`declares outputs but has no id; give it an id`);

  const step: GeneratedWorkflowTypes.Step = new LibStep({
    name: spec.name,
    ...(spec.id ? { id: spec.id } : {}),
    ...(condition ? { if: condition.text } : {}),
    ...body,
    ...(env ? { env } : {}),
    ...(spec["continue-on-error"] !== undefined ? { "continue-on-error": spec["continue-on-error"] } : {}),
    ...(spec["timeout-minutes"] !== undefined ? { "timeout-minutes": spec["timeout-minutes"] } : {}),
  }).step;

  const reads = [...(condition?.refs ?? []), ...referencesOf([...bodyValues, ...Object.values(spec.env ?? {})])];
  const where = callerLocation();
  const handle: StepHandle = {
    kind: "step",
    name: spec.name,
    id: spec.id,
    step,
    reads,
    condition,
    guardedBy: after,
    tolerates,
    problems,
    get source() {
      return where();
    },
  };
  if (!spec.id) return handle;
  const id = spec.id;
  // References point at the handle object itself, so jobs can check them by identity.
  const read = (what: "output" | "status", name: string): Reference[] => [{ kind: "step", stepId: id, owner: handle, what, name }];
  const outcome = new Expr<StepStatus>(`steps.${id}.outcome`, read("status", "outcome"));
  const withId: Pick<StepWithId, "id" | "outcome" | "conclusion" | "succeeded"> & { outputs?: Record<string, Expr<string>> } = {
    id,
    outcome,
    conclusion: new Expr<StepStatus>(`steps.${id}.conclusion`, read("status", "conclusion")),
    succeeded: eq(outcome, "success"),
  };
  if (spec.outputs) {
    withId.outputs = Object.fromEntries(
      spec.outputs.map((name) => [name, new Expr<string>(`steps.${id}.outputs.${name}`, read("output", name))]),
    );
  }
  return Object.assign(handle, withId);
}

function mapValues(values: Readonly<Record<string, Value>>): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, toScalar(v)]));
}
