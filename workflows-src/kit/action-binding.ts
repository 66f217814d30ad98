/**
 * What the generated action bindings (`generated/actions/`) are made of: the input
 * value types and the function that turns typed inputs into an action step. A
 * binding is an `actionStep` with the action's pin, its typed `with:` and, when the
 * step has an id, every output the action declares — JSON outputs typed by shape.
 */
import { actionStep, type StepHandle, type StepOptions, type StepWithId, type StepWithOutputs } from "./step.ts";
import { Expr, JsonText, lines, type Template, type Value } from "./expr.ts";
import { UntypedValue } from "./model.ts";
import { pinOf, type Pin } from "./pins.ts";

/** A string input: text (a number is written as its digits), an expression or a template. */
export type StringInput = string | number | Expr<string | number> | Template;
/** A boolean input (`true`/`false` in the YAML), or a condition. */
export type BooleanInput = boolean | Expr<boolean>;
/** A number input, or a number expression. */
export type NumberInput = number | Expr<number>;
/** An input that takes one of a fixed set of words. */
export type EnumInput<E extends string> = E | Expr<E>;
/** One line of a list input. */
export type ListItem = string | Expr<string> | Template;
/**
 * A newline-separated list input: its lines, or one expression that yields the whole
 * list (another step's list output, such as docker/metadata-action's `tags`).
 */
export type ListInput = readonly ListItem[] | Expr<string>;

/** What a binding takes: the step options, an optional id, and the action's typed inputs. */
export type BindingSpec<I> = StepOptions & { id?: string } & ({} extends I ? { with?: I } : { with: I });

/** The handle of a bound step with an id: its status and the action's typed outputs. */
export type BoundStep<O> = StepWithId & { readonly outputs: O };

/** A typed binding of one action: with an `id` the handle exposes the outputs. */
export interface ActionBinding<I, O> {
  (spec: BindingSpec<I> & { id: string }): BoundStep<O>;
  (spec: BindingSpec<I>): StepHandle;
  /** The pin the binding writes as `uses:` (read from the manifest when asked). */
  readonly pin: Pin;
}

/** The outputs of an action as the binding declares them; `json` lists the JSON outputs. */
export interface BindingOutputs {
  readonly names: readonly string[];
  readonly json: readonly string[];
}

/**
 * Makes the binding of one action of the manifest; its pin is looked up when a step is
 * built, so the binding does not go stale when the pin moves.
 * @internal called by the generated files only; workflows call the bindings.
 */
export function actionBinding<I, O>(action: string, outputs: BindingOutputs): ActionBinding<I, O> {
  const bind = (spec: BindingSpec<I>): StepHandle => {
    const { with: inputs, id, ...options } = spec as StepOptions & { id?: string; with?: Readonly<Record<string, Value | ListInput>> };
    const withValues = inputs ? Object.fromEntries(Object.entries(inputs).map(([name, value]) => [name, inputValue(value)])) : undefined;
    const step = actionStep({
      ...options,
      ...(id !== undefined ? { id, outputs: outputs.names } : {}),
      uses: pinOf(action),
      ...(withValues ? { with: withValues } : {}),
    });
    if ("outputs" in step) {
      const typed = step.outputs as Record<string, Expr<string>>;
      for (const name of outputs.json) {
        const plain = typed[name];
        if (plain) typed[name] = new JsonText(plain.text, plain.refs);
      }
    }
    return step;
  };
  return Object.defineProperty(bind, "pin", { get: () => pinOf(action), enumerable: true }) as ActionBinding<I, O>;
}

function inputValue(value: Value | ListInput): Value {
  return Array.isArray(value) ? lines(...(value as readonly ListItem[])) : (value as Value);
}

/**
 * The escape hatch for one input value that does not have the input's type (a
 * boolean input written `"true"`, a number written `"0"`): it is written exactly as
 * given. Visible in review like `raw()`; give the value the input's type instead.
 */
export function untyped(value: string | number | boolean): never {
  return new UntypedValue(value) as never;
}

/**
 * The escape hatch for a pinned action whose `with:` does not fit its binding (an input
 * its metadata does not declare, a required input left out): the binding's pin with
 * inputs written as given. Outputs are declared like a script's.
 */
export function untypedAction<const O extends string>(binding: { readonly pin: Pin }, spec: StepOptions & { with?: Readonly<Record<string, Value>> } & { id: string; outputs: readonly O[] }): StepWithOutputs<O>;
export function untypedAction(binding: { readonly pin: Pin }, spec: StepOptions & { with?: Readonly<Record<string, Value>> } & { id: string }): StepWithId;
export function untypedAction(binding: { readonly pin: Pin }, spec: StepOptions & { with?: Readonly<Record<string, Value>> }): StepHandle;
export function untypedAction(binding: { readonly pin: Pin }, spec: StepOptions & { with?: Readonly<Record<string, Value>>; id?: string; outputs?: readonly string[] }): StepHandle {
  return actionStep({ ...spec, uses: binding.pin } as Parameters<typeof actionStep>[0]);
}
