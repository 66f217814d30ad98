/**
 * `on:` — the events that trigger a workflow, typed from GitHub's workflow schema
 * (`generated/workflow-events.ts`): each event takes its own activity types and
 * pattern filters, and a filter excludes its `-ignore` twin. `workflow_dispatch`
 * inputs are declared with `workflowDispatch()`, whose handle gives `inputs.<name>`
 * with the declared type; `workflow_call` is declared with `reusableWorkflow()`.
 */
import type { WorkflowEvents } from "../../generated/workflow-events.ts";
import { Expr } from "./expr.ts";
import type { WorkflowCallTrigger } from "./reusable.ts";

/** Every event that can trigger a workflow. */
export type EventName = keyof WorkflowEvents;

/** One value or a list, as GitHub accepts for types and filters. */
export type OneOrMore<T> = T | readonly T[];

type Activity<E extends EventName> = WorkflowEvents[E]["activities"];
type Filter<E extends EventName> = WorkflowEvents[E]["filters"];

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** A filter and its `-ignore` twin exclude each other (GitHub rejects both on one event). */
type PatternFilter<F extends string, B extends string> = `${B}-ignore` extends F
  ? ({ readonly [K in B]?: OneOrMore<string> } & { readonly [K in `${B}-ignore`]?: never }) | ({ readonly [K in B]?: never } & { readonly [K in `${B}-ignore`]?: OneOrMore<string> })
  : { readonly [K in B]?: OneOrMore<string> };

// Each filter's type is itself a union (the filter or its twin): boxed, so that intersecting them keeps each union whole.
type Filters<F extends string> = [F] extends [never]
  ? unknown
  : UnionToIntersection<Exclude<F, `${string}-ignore`> extends infer B ? (B extends string ? { readonly box: PatternFilter<F, B> } : never) : never> extends { readonly box: infer All }
    ? All
    : never;

type ActivityTypes<E extends EventName> = [Activity<E>] extends [never] ? unknown : { readonly types?: OneOrMore<Activity<E>> };

/** One `schedule` entry: a POSIX cron line (UTC unless a time zone is given). */
export interface Schedule {
  readonly cron: string;
  readonly timezone?: string;
}

/** The configuration one event takes (`null` writes the bare `event:`). */
export type TriggerConfig<E extends EventName> = E extends "schedule"
  ? readonly Schedule[]
  : E extends "workflow_dispatch"
    ? null | WorkflowDispatch<DispatchInputSpecs> | { readonly inputs?: never }
    : E extends "workflow_call"
      ? null | WorkflowCallTrigger
      : WorkflowEvents[E]["configurable"] extends true
        ? null | (ActivityTypes<E> & Filters<Filter<E>>)
        : null;

/** `on:` as a mapping of events to their configuration. */
export type TriggerMap = { readonly [E in EventName]?: TriggerConfig<E> };

/** `on:` — one event, a list of events, or a mapping of events to their configuration. */
export type Triggers = EventName | readonly EventName[] | TriggerMap;

/** Fields every dispatch input takes. */
interface DispatchInputCommon {
  readonly description?: string;
  readonly required?: boolean;
  readonly deprecationMessage?: string;
}

/** One `workflow_dispatch` input: its type decides the type of `inputs.<name>`. */
export type DispatchInputSpec =
  | (DispatchInputCommon & { readonly type?: "string" | "environment"; readonly default?: string })
  | (DispatchInputCommon & { readonly type: "boolean"; readonly default?: boolean | "true" | "false" })
  | (DispatchInputCommon & { readonly type: "number"; readonly default?: number | `${number}` })
  | (DispatchInputCommon & { readonly type: "choice"; readonly options: readonly [string, ...string[]]; readonly default?: string });

/** Dispatch inputs by name. */
export type DispatchInputSpecs = Readonly<Record<string, DispatchInputSpec>>;

/** The type `inputs.<name>` has for an input declared as `S`. */
export type InputValue<S> = S extends { readonly type: "boolean" }
  ? boolean
  : S extends { readonly type: "number" }
    ? number
    : S extends { readonly type: "choice"; readonly options: readonly (infer O)[] }
      ? O
      : string;

/** `inputs.<name>` of each declared input, typed by its declaration. */
export type InputAccessors<S> = { readonly [K in keyof S & string]: Expr<InputValue<S[K]>> };

/** A declared `workflow_dispatch` trigger: put it under `on.workflow_dispatch`; read its inputs from `.inputs`. */
export interface WorkflowDispatch<S extends DispatchInputSpecs> {
  readonly kind: "workflow-dispatch";
  readonly inputs: InputAccessors<S>;
  /** The declarations as the YAML writes them. */
  readonly specs: S;
}

/**
 * Declares a manually triggered workflow's inputs; `.inputs.<name>` is `inputs.<name>`
 * typed by the declaration (a boolean input is an `Expr<boolean>`, a choice the union
 * of its options). A workflow may read only the inputs of the triggers it has.
 * @example const dispatch = workflowDispatch({ inputs: { dryRun: { type: "boolean", default: false } } });
 */
export function workflowDispatch<const S extends DispatchInputSpecs>(spec: { readonly inputs: S }): WorkflowDispatch<S> {
  const declaration = { kind: "workflow-dispatch", specs: spec.inputs } as { kind: "workflow-dispatch"; specs: S; inputs: InputAccessors<S> };
  declaration.inputs = inputAccessors(declaration, Object.keys(spec.inputs)) as InputAccessors<S>;
  return declaration;
}

/**
 * `inputs.<name>` for each name, each reading the declaration that owns it.
 * @internal shared with reusable workflows.
 */
export function inputAccessors(owner: object, names: readonly string[]): Record<string, Expr> {
  return Object.fromEntries(names.map((name) => [name, new Expr(`inputs.${name}`, [{ kind: "input", owner, name }])]));
}
