/**
 * Reusable workflows, both sides. A callee declares its `workflow_call` interface
 * with `reusableWorkflow()` — typed inputs, secrets and output names — and puts its
 * `trigger()` under `on.workflow_call`; a caller's job is `callWorkflow()` with that
 * handle, so its `with:` and `secrets:` are checked against the callee's declaration
 * and `needs(call).outputs` has exactly the callee's outputs. A callee that is not
 * built by the registry, or whose triggers lack the declaration, is reported by
 * `gen` (`unresolvedCalls`). Callees of other repositories come from the pin table
 * through their generated bindings.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Expr, type Template, type Value } from "./expr.ts";
import { pinOf, usesOf, type Pin } from "./pins.ts";
import { inputAccessors, type InputAccessors, type InputValue } from "./triggers.ts";

/** One `workflow_call` input: its type decides the type of `inputs.<name>` and of the caller's value. */
export type CallInputSpec = { readonly description?: string; readonly required?: boolean } & (
  | { readonly type: "string"; readonly default?: string }
  | { readonly type: "boolean"; readonly default?: boolean }
  | { readonly type: "number"; readonly default?: number }
);

/** `workflow_call` inputs by name. */
export type CallInputSpecs = Readonly<Record<string, CallInputSpec>>;

/** `workflow_call` secrets by name (`null` for a bare declaration). */
export type CallSecretSpecs = Readonly<Record<string, null | { readonly description?: string; readonly required?: boolean }>>;

/** What a caller needs to know of a reusable workflow: where it is and its interface. */
export interface CallableWorkflow<I extends CallInputSpecs = CallInputSpecs, S extends CallSecretSpecs = CallSecretSpecs, O extends string = string> {
  readonly kind: "callable-workflow";
  /** The caller's `uses:` value: `./.github/workflows/<file>` or `owner/repo/.github/workflows/<file>@<commit>`. */
  readonly uses: string;
  /** The pin of a workflow of another repository (its tag is written after `uses:`). */
  readonly pin: Pin | undefined;
  /**
   * How the interface is known: a kit module of this project, a pin's metadata, or
   * only declared by the caller (a local file not built by the kit, or — the escape
   * hatch — a workflow of another repository at a ref that is not a pin).
   */
  readonly origin: "module" | "pin" | "declared" | "unpinned";
  readonly inputSpecs: I;
  readonly secretSpecs: S;
  readonly outputNames: readonly O[];
}

/** The callee's side: its inputs and secrets to read, and the trigger to put under `on.workflow_call`. */
export interface ReusableWorkflow<I extends CallInputSpecs, S extends CallSecretSpecs, O extends string> extends CallableWorkflow<I, S, O> {
  /** The emitted file this declaration belongs to, e.g. `build-image.yml`. */
  readonly file: string;
  /** The interface as declared: only the keys given are written under `workflow_call`. */
  readonly declaration: { readonly inputs?: I; readonly secrets?: S };
  /** `inputs.<name>`, typed by the declaration. */
  readonly inputs: InputAccessors<I>;
  /** `secrets.<name>` of each declared secret. */
  readonly secrets: { readonly [K in keyof S & string]: Expr<string> };
  /** The `workflow_call` trigger, with each declared output's value (`jobOutputs(job).<name>`). */
  trigger(...outputs: [O] extends [never] ? [] : [outputs: { readonly [K in O]: OutputSpec }]): WorkflowCallTrigger;
}

/** A `workflow_call` output: its value reads a job of the workflow through `jobOutputs`. */
export interface OutputSpec {
  readonly value: Value;
  readonly description?: string;
}

/** The `workflow_call` trigger of a reusable workflow, as `reusableWorkflow(…).trigger()` makes it. */
export interface WorkflowCallTrigger {
  readonly kind: "workflow-call";
  readonly workflow: ReusableWorkflow<CallInputSpecs, CallSecretSpecs, string>;
  readonly outputs: Readonly<Record<string, OutputSpec>> | undefined;
}

/**
 * Declares the `workflow_call` interface of the workflow built by the module at
 * `moduleUrl` (its `import.meta.url`). Callers import the handle; the module puts
 * `handle.trigger(…)` under `on.workflow_call`.
 * @example export const buildImage = reusableWorkflow(import.meta.url, { inputs: { push: { type: "boolean" } }, outputs: ["digest"] });
 */
export function reusableWorkflow<const I extends CallInputSpecs = {}, const S extends CallSecretSpecs = {}, const O extends string = never>(
  moduleUrl: string,
  spec: { readonly inputs?: I; readonly secrets?: S; readonly outputs?: readonly O[] },
): ReusableWorkflow<I, S, O> {
  const file = `${path.basename(fileURLToPath(moduleUrl)).replace(/\.ts$/, "")}.yml`;
  const inputSpecs = spec.inputs ?? ({} as I);
  const secretSpecs = spec.secrets ?? ({} as S);
  const handle: ReusableWorkflow<I, S, O> = {
    kind: "callable-workflow",
    uses: `./.github/workflows/${file}`,
    pin: undefined,
    origin: "module",
    file,
    declaration: { ...(spec.inputs ? { inputs: spec.inputs } : {}), ...(spec.secrets ? { secrets: spec.secrets } : {}) },
    inputSpecs,
    secretSpecs,
    outputNames: spec.outputs ?? [],
    get inputs() {
      return inputs;
    },
    get secrets() {
      return secrets;
    },
    trigger: (...outputs) => ({ kind: "workflow-call", workflow: handle, outputs: outputs[0] }),
  };
  const inputs = inputAccessors(handle, Object.keys(inputSpecs)) as InputAccessors<I>;
  const secrets = Object.fromEntries(Object.keys(secretSpecs).map((name) => [name, new Expr<string>(`secrets.${name}`, [{ kind: "secret", owner: handle, name }])])) as {
    readonly [K in keyof S & string]: Expr<string>;
  };
  return handle;
}

/**
 * The callee's `workflow_call` trigger as the workflow file writes it: only the keys
 * the declaration gave, and a bare `workflow_call:` when it gave none.
 * @internal used by `workflow()`.
 */
export function callTriggerModel(trigger: WorkflowCallTrigger): Record<string, unknown> | null {
  const model = { ...trigger.workflow.declaration, ...(trigger.outputs ? { outputs: trigger.outputs } : {}) };
  return Object.keys(model).length ? model : null;
}

/**
 * A workflow file of this repository that is not built from a kit module, called with
 * the interface the caller declares (`origin: "declared"`): `gen` checks that the file
 * exists, not what it declares. Prefer writing the callee with `reusableWorkflow()`.
 */
export function localWorkflowFile<const I extends CallInputSpecs = {}, const S extends CallSecretSpecs = {}, const O extends string = never>(
  uses: `./.github/workflows/${string}`,
  spec: { readonly inputs?: I; readonly secrets?: S; readonly outputs?: readonly O[] },
): CallableWorkflow<I, S, O> {
  return { kind: "callable-workflow", uses, pin: undefined, origin: "declared", inputSpecs: spec.inputs ?? ({} as I), secretSpecs: spec.secrets ?? ({} as S), outputNames: spec.outputs ?? [] };
}

/**
 * The escape hatch for a workflow of another repository called at a ref that is not a
 * pin (`owner/repo/.github/workflows/x.yml@v1`), with the interface the caller
 * declares. The `unpinned-uses` rule reports it unless the job waives the rule; pin it
 * in the manifest and use its binding instead.
 */
export function unpinnedWorkflow<const I extends CallInputSpecs = {}, const S extends CallSecretSpecs = {}, const O extends string = never>(
  uses: `${string}/${string}/.github/workflows/${string}@${string}`,
  spec: { readonly inputs?: I; readonly secrets?: S; readonly outputs?: readonly O[] },
): CallableWorkflow<I, S, O> {
  return { kind: "callable-workflow", uses, pin: undefined, origin: "unpinned", inputSpecs: spec.inputs ?? ({} as I), secretSpecs: spec.secrets ?? ({} as S), outputNames: spec.outputs ?? [] };
}

/**
 * The callable workflow of a pinned `owner/repo/.github/workflows/<file>`, named by its
 * manifest entry; the pin is read when a call is built, like an action binding's.
 * @internal called by the generated bindings only.
 */
export function pinnedWorkflow<I extends CallInputSpecs, S extends CallSecretSpecs, O extends string>(
  manifestKey: string,
  spec: { readonly inputs: I; readonly secrets: S; readonly outputs: readonly O[] },
): CallableWorkflow<I, S, O> {
  return {
    kind: "callable-workflow",
    get uses() {
      return usesOf(pinOf(manifestKey));
    },
    get pin() {
      return pinOf(manifestKey);
    },
    origin: "pin",
    inputSpecs: spec.inputs,
    secretSpecs: spec.secrets,
    outputNames: spec.outputs,
  };
}

/** The value a caller passes for an input declared as `S`. */
export type ArgumentValue<S> = InputValue<S> extends string ? string | Expr<string> | Template : InputValue<S> | Expr<InputValue<S>>;

type RequiredInput<I> = { [K in keyof I]: I[K] extends { readonly required: true } ? (I[K] extends { readonly default: unknown } ? never : K) : never }[keyof I];
type RequiredSecret<S> = { [K in keyof S]: S[K] extends { readonly required: true } ? K : never }[keyof S];

/** The caller's `with:`: every required input without a default, any other declared one. */
export type CallArguments<I> = { readonly [K in RequiredInput<I> & string]: ArgumentValue<I[K]> } & { readonly [K in Exclude<keyof I, RequiredInput<I>> & string]?: ArgumentValue<I[K]> };

/** The caller's `secrets:`: `"inherit"`, or every required secret and any other declared one. */
export type CallSecrets<S> = "inherit" | ({ readonly [K in RequiredSecret<S> & string]: Value } & { readonly [K in Exclude<keyof S, RequiredSecret<S>> & string]?: Value });

/**
 * `jobs.<id>.outputs.<name>` of a job of this workflow: the value of a `workflow_call`
 * output. The job must be one of the workflow's jobs.
 */
export function jobOutputs<O extends string>(job: { readonly id: string; readonly outputNames: readonly O[] }): { readonly [K in O]: Expr<string> } {
  return Object.fromEntries(job.outputNames.map((name) => [name, new Expr<string>(`jobs.${job.id}.outputs.${name}`, [{ kind: "workflow-job", jobId: job.id, owner: job, name }])])) as {
    readonly [K in O]: Expr<string>;
  };
}

/** What `unresolvedCalls` reads of each built workflow. */
interface BuiltCalls {
  readonly file: string;
  readonly sourceModule: string;
  readonly calls: readonly CallableWorkflow[];
  readonly callTrigger: WorkflowCallTrigger | undefined;
}

/**
 * The calls of local reusable workflows that do not resolve: a kit callee must be
 * built by the registry with its declaration under `on.workflow_call`; a declared
 * file must exist (emitted, or on disk in `.github/workflows/`).
 * @param fileExists whether `.github/workflows/<file>` exists on disk
 */
export function unresolvedCalls(workflows: readonly BuiltCalls[], fileExists: (file: string) => boolean): { file: string; message: string }[] {
  const problems: { file: string; message: string }[] = [];
  for (const caller of workflows) {
    for (const callee of caller.calls) {
      if (callee.origin === "pin" || callee.origin === "unpinned") continue;
      const file = callee.uses.replace(/^\.\/\.github\/workflows\//, "");
      if (callee.origin === "module") {
        const built = workflows.find((w) => w.callTrigger?.workflow === callee);
        if (!built) problems.push({ file: caller.sourceModule, message: `calls "${callee.uses}", but no registered workflow has that workflow_call under on.workflow_call; register its module in workflows-src/index.ts and pass trigger() to on.workflow_call` });
      } else if (!workflows.some((w) => w.file === file) && !fileExists(file)) {
        problems.push({ file: caller.sourceModule, message: `calls "${callee.uses}", which does not exist; fix the path or add the workflow` });
      }
    }
  }
  return problems;
}
