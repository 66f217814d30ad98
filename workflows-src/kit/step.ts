/**
 * Step handles. A step is built once and placed in one job; its handle carries the
 * references it reads and the guards it was given. Outputs exist only on a handle
 * whose step has an id and declares them, so reading an undeclared output or the
 * output of an anonymous step does not compile.
 */
import type { GeneratedWorkflowTypes } from "@github-actions-workflow-ts/lib";
import { and, eq, Expr, Template, type Condition, type Reference, type StepStatus, type Value } from "./expr.ts";
import { referencesIn, toModel, type RawFields } from "./model.ts";
import { unnamed, type Name } from "./omissions.ts";
import { usesOf, type Pin } from "./pins.ts";
import { callerLocation } from "./source-location.ts";
import { readWaivers, type Waiver, type Waivers } from "./waiver.ts";

/** An `if:` value: a condition (written bare), `${{ condition }}` as a template, or a constant. */
export type IfValue = Condition | Template | boolean;

/** Options every step accepts. */
export interface StepOptions {
  /** Display name; required so that logs and findings can name every step (`unnamed` leaves it out). */
  name: Name;
  /** Extra condition; the guards from `after` are added to it. */
  if?: IfValue;
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
  /** Let the job go on when this step fails (a condition decides per run). */
  "continue-on-error"?: boolean | Expr<boolean>;
  "timeout-minutes"?: number | Expr<number>;
  /** Lint rules waived on this step, each with the reason a reviewer reads. */
  waive?: Waivers;
  /** Keys the kit does not type, written as given (the escape hatch for steps). */
  raw?: RawFields;
}

/** A step that uses a pinned action. */
export interface ActionStepSpec extends StepOptions {
  uses: Pin;
  with?: Readonly<Record<string, Value>>;
}

/** What a step handle knows about the step it describes. */
export interface StepHandle {
  readonly kind: "step";
  /** The name, or undefined for an unnamed step. */
  readonly name: string | undefined;
  /** How messages name the step: its name, else its id, uses or first line of script. */
  readonly label: string;
  readonly id: string | undefined;
  /** The step as the workflow model holds it. */
  readonly step: GeneratedWorkflowTypes.Step;
  /** Everything the step's expressions read. */
  readonly reads: readonly Reference[];
  /** The `if:` condition, including guards, as a typed expression (undefined for none or a constant). */
  readonly condition: Condition | undefined;
  readonly guardedBy: readonly StepWithId[];
  readonly tolerates: readonly StepWithId[];
  /** Lint rules waived on the step. */
  readonly waivers: readonly Waiver[];
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
  return makeStep(spec, { uses: usesOf(spec.uses), ...(spec.with ? { with: spec.with } : {}) }, []);
}

/** The body of a step besides the options every step takes: what it runs. */
export interface StepBody {
  uses?: string | undefined;
  run?: string | undefined;
  shell?: string | undefined;
  "working-directory"?: Value | undefined;
  with?: Readonly<Record<string, Value>> | undefined;
}

/**
 * Shared constructor for every kind of step: computes the guarded condition,
 * records what the step reads, its waivers and any problems, and returns the handle.
 * @internal used by the kit's step helpers only.
 */
export function makeStep(spec: StepOptions & { id?: string; outputs?: readonly string[] }, body: StepBody, problems: string[]): StepHandle {
  const after = spec.after ?? [];
  const tolerates = spec.tolerates ?? [];
  const { condition, value: ifValue } = guardedCondition(spec.if, after, problems);
  const { waivers, problems: waiverProblems } = readWaivers(spec.waive);
  problems.push(...waiverProblems);
  if (spec.outputs && !spec.id) problems.push(`declares outputs but has no id; give it an id`);

  const step = toModel({
    ...(spec.name !== unnamed ? { name: spec.name } : {}),
    id: spec.id,
    if: ifValue,
    ...body,
    env: spec.env,
    "continue-on-error": spec["continue-on-error"],
    "timeout-minutes": spec["timeout-minutes"],
    ...spec.raw?.fields,
  }) as GeneratedWorkflowTypes.Step;

  const reads = [...(condition?.refs ?? referencesIn(spec.if)), ...referencesIn([spec.name, body.with, body["working-directory"], spec.env, spec["continue-on-error"], spec["timeout-minutes"], spec.raw])];
  const where = callerLocation();
  const name = spec.name === unnamed ? undefined : String(toModel(spec.name));
  const handle: StepHandle = {
    kind: "step",
    name,
    label: name ?? spec.id ?? body.uses ?? body.run?.split("\n")[0] ?? "step",
    id: spec.id,
    step,
    reads,
    condition,
    guardedBy: after,
    tolerates,
    waivers,
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
    withId.outputs = Object.fromEntries(spec.outputs.map((name) => [name, new Expr<string>(`steps.${id}.outputs.${name}`, read("output", name))]));
  }
  return Object.assign(handle, withId);
}

/**
 * The `if:` of a step or job with the `after` guards added: a condition when there is
 * one, and the value to write (a condition's text, a template's text, a constant).
 * @internal shared by steps and jobs.
 */
export function guardedCondition(given: IfValue | undefined, after: readonly StepWithId[], problems: string[]): { condition: Condition | undefined; value: string | boolean | undefined } {
  const guards = after.map((producer) => producer.succeeded);
  if (given instanceof Template || typeof given === "boolean") {
    if (guards.length) problems.push(`has after: guards and an if: that is not a condition; write the if: as a condition so the guards can be added`);
    return { condition: undefined, value: given instanceof Template ? given.toString() : given };
  }
  const condition = given || guards.length ? and(...(given ? [given] : []), ...guards) : undefined;
  return { condition, value: condition?.text };
}
