/**
 * Whether a step (or a job downstream) can run although an earlier step of its job
 * (or of the job it needs) did not run or did not succeed. The steps whose results the two conditions read are replayed in
 * order for every assignment of the other atoms (see `conditions.ts`): before each
 * step the job status may get worse (an unmodelled step may fail or the run be
 * cancelled), a step whose `if:` is false is skipped with empty outputs, a step
 * that runs may succeed or fail. Any replay where the consumer runs and the
 * producer's outcome is not success is a counterexample. Over-approximating the
 * status keeps the answer sound: a "guarded" verdict holds for every real run.
 */
import type { Expr as ExpressionAst } from "@actions/expressions";
import { callsStatusFunction, evaluateExpression } from "../expressions/evaluate.ts";
import { splitTemplate } from "../../workflows-src/kit/expression-syntax.ts";
import { assignmentCount, assignments, atomsOf, contextsOf, OTHER_VALUE, runs, type Atom, type JobStatus } from "./conditions.ts";
import { conditionOf, contextPathsOf, expressionsOf } from "./expressions.ts";
import type { StepEntry } from "./walk.ts";

/** A run in which the consumer runs while the producer did not succeed. */
export interface Counterexample {
  /** `skipped` or `failure`/`cancelled`: what happened to the producer. */
  readonly producerOutcome: string;
  /** Values of the atoms of the two conditions in that run (`github.event_name` → `pull_request`). */
  readonly values: ReadonlyMap<string, string>;
}

/** The verdict: guarded, a counterexample, or too many cases to decide. */
/** The producer outcome of a counterexample in which it was skipped because an earlier step had failed. */
export const SKIPPED_AFTER_FAILURE = "skipped after an earlier step failed";

export type GuardVerdict = { kind: "guarded" } | { kind: "unguarded"; example: Counterexample } | { kind: "undecided"; cases: number };

/** Verdicts of conditions already evaluated (condition, status and the values it reads), shared by every replay. */
const verdicts = new Map<string, boolean>();

const DEGRADE: Readonly<Record<JobStatus, readonly JobStatus[]>> = {
  success: ["success", "failure", "cancelled"],
  failure: ["failure", "cancelled"],
  cancelled: ["cancelled"],
};

/**
 * Decides whether `consumer` runs only when `producer` (an earlier step of the same
 * job) ran and succeeded. `steps` are all steps of the job, for the results the
 * conditions read.
 */
export function guardVerdict(steps: readonly StepEntry[], producer: StepEntry, consumer: StepEntry, limit = 100_000): GuardVerdict {
  const condition = conditionOf(consumer.step["if"]);
  // A producer without a condition that stops the job when it fails is skipped only after a failure, when the
  // consumer runs only by a status function, and then by choice: no need to replay the steps.
  if (runsWhileHealthy(producer)) return { kind: "guarded" };
  return decide(steps, producer, {
    index: consumer.index,
    conditions: condition ? [condition] : [],
    runs: (values, status, cached) => cached(consumer.step["if"], values, status),
    shown: [condition],
    // A step whose if: calls always(), failure() or cancelled() was written to run after a failure and handle what is missing then.
    handlesFailure: condition !== undefined && callsStatusFunction(condition),
  }, limit);
}

/** True for a step with no condition that stops the job when it fails: it ran and succeeded whenever the job is still healthy after it. */
function runsWhileHealthy(step: StepEntry): boolean {
  const soft = step.step["continue-on-error"];
  return step.step["if"] === undefined && soft !== true && soft !== "true";
}

/** A job that downloads what a step of a job it needs produced. */
export interface DownstreamJob {
  /** The id of the job that holds the producer (read as `needs.<id>` by the downstream job). */
  readonly neededId: string;
  /** The `outputs:` of that job, through which the downstream job reads its steps. */
  readonly outputs: Readonly<Record<string, unknown>>;
  /** The downstream job's `if:` and the consuming step's own `if:` (undefined when absent). */
  readonly conditions: readonly unknown[];
}

/**
 * Decides whether a downstream job (and its consuming step) runs only when
 * `producer`, a step of a job it needs, ran and succeeded. The producer's job is
 * replayed to its end; the downstream conditions then see `needs.<id>.result` from
 * the job's final status and `needs.<id>.outputs.*` evaluated from the job's outputs.
 */
export function jobGuardVerdict(steps: readonly StepEntry[], producer: StepEntry, downstream: DownstreamJob, limit = 100_000): GuardVerdict {
  const conditions = downstream.conditions.map(conditionOf).filter((a): a is ExpressionAst => a !== undefined);
  // The downstream job runs only when the needed job succeeded, and then an unconditional producer ran and succeeded.
  if (runsWhileHealthy(producer) && !conditions.some(callsStatusFunction)) return { kind: "guarded" };
  const prefix = `needs.${downstream.neededId}.`;
  const read = new Set(conditions.flatMap((c) => contextPathsOf(c)).flatMap((p) => (p.text.startsWith(`${prefix}outputs.`) ? [p.segments[3] ?? ""] : [])));
  const outputs = Object.entries(downstream.outputs).filter(([name, value]) => read.has(name) && typeof value === "string") as [string, string][];
  const outputExpressions = outputs.flatMap(([, value]) => expressionsOf({ value, isCondition: false }).map((e) => e.ast));
  const outputReads = outputs.map(([, value]) => expressionsOf({ value, isCondition: false }).flatMap((e) => contextPathsOf(e.ast).map((p) => p.text)));
  // The replays reach the same states again and again: each output is evaluated once per value of what it reads.
  const evaluated = new Map<string, string>();
  const outputValue = (index: number, values: ReadonlyMap<string, string>): string => {
    const key = `${index}\u0000${[...values].filter(([path]) => readsPath(outputReads[index] ?? [], path)).map(([path, value]) => `${path}=${value}`).join("\u0002")}`;
    let value = evaluated.get(key);
    if (value === undefined) evaluated.set(key, (value = evaluateTemplate(outputs[index]?.[1] ?? "", values)));
    return value;
  };
  return decide(steps, producer, {
    index: steps.length,
    conditions: [...conditions, ...outputExpressions],
    // The downstream job reads the outputs, not the steps behind them: literals it compares them with count for those steps' outputs too.
    aliases: new Map(outputs.map(([name], i) => [`${prefix}outputs.${name}`, outputReads[i] ?? []])),
    hidden: (path) => path.startsWith(prefix),
    runs: (values, status, cached) => {
      const seen = new Map(values);
      seen.set(`${prefix}result`, status);
      outputs.forEach(([name], i) => seen.set(`${prefix}outputs.${name}`, outputValue(i, values)));
      return downstream.conditions.every((condition) => cached(condition, seen, status));
    },
    shown: conditions,
  }, limit);
}

/** The consumer side of a decision: where it stands, what it reads, and whether it runs. */
interface ConsumerSpec {
  /** Position in the job: steps before it are replayed (the job's length for a downstream job). */
  readonly index: number;
  readonly conditions: readonly ExpressionAst[];
  /** Paths the consumer reads that stand for other paths (a job output for the step outputs behind it). */
  readonly aliases?: ReadonlyMap<string, readonly string[]>;
  /** Paths computed when the consumer is evaluated, so not enumerated. */
  readonly hidden?: (path: string) => boolean;
  runs(values: ReadonlyMap<string, string>, status: JobStatus, cached: (condition: unknown, values: ReadonlyMap<string, string>, status: JobStatus) => boolean): boolean;
  /** Conditions whose atoms the message shows. */
  readonly shown: readonly (ExpressionAst | undefined)[];
  /** True when running after the producer failed is the consumer's stated intent: only a skipped producer counts then. */
  readonly handlesFailure?: boolean;
}

function decide(steps: readonly StepEntry[], producer: StepEntry, consumer: ConsumerSpec, limit: number): GuardVerdict {
  const modelled = modelledSteps(steps, producer, consumer);
  const asts = [...modelled.map((s) => conditionOf(s.step["if"])), ...consumer.conditions].filter((a): a is ExpressionAst => a !== undefined);
  const modelledIds = new Set(modelled.flatMap((s) => (s.id ? [s.id] : [])));
  const atoms = atomsOf(asts);
  const free: Atom[] = atoms
    .filter((atom) => !isResultOf(atom.path, modelledIds) && !consumer.hidden?.(atom.path))
    .map((atom) => {
      const extra = atoms.filter((a) => consumer.aliases?.get(a.path)?.includes(atom.path)).flatMap((a) => a.domain);
      return extra.length ? { path: atom.path, domain: [...new Set([...atom.domain, ...extra])] } : atom;
    });
  const cases = assignmentCount(free);
  if (cases > limit) return { kind: "undecided", cases };

  const replay = replayer(modelled, producer, consumer);
  const results = [...modelledIds].flatMap((id) => [`steps.${id}.outcome`, `steps.${id}.conclusion`]);
  for (const values of assignments(free)) {
    // Every key is present from the start so that a state's key lists values in one order.
    const initial = new Map([...values, ...results.map((key): [string, string] => [key, ""])]);
    const example = replay(initial);
    if (example) return { kind: "unguarded", example: { producerOutcome: example, values: shown(values, ...consumer.shown, conditionOf(producer.step["if"])) } };
  }
  return { kind: "guarded" };
}

/** True when an expression that reads `paths` sees the value at `key`: one of the paths, below one, or above one. */
function readsPath(paths: readonly string[], key: string): boolean {
  return paths.some((p) => key === p || key.startsWith(`${p}.`) || p.startsWith(`${key}.`));
}

/** A value's template evaluated under an assignment (an expression that fails reads as empty). */
function evaluateTemplate(value: string, values: ReadonlyMap<string, string>): string {
  try {
    return splitTemplate(value)
      .map((part) => (part.kind === "text" ? part.text : evaluateExpression(part.text, contextsOf(values)).coerceString()))
      .join("");
  } catch {
    return "";
  }
}

/**
 * The replay of the modelled steps from a first assignment; returns the producer's
 * outcome in a counterexample, if any. Conditions are evaluated once per distinct
 * input and states already explored are not explored again, which keeps the
 * branching (three statuses, two outcomes per step) cheap.
 */
function replayer(steps: readonly StepEntry[], producer: StepEntry, consumer: ConsumerSpec): (values: Map<string, string>) => string | undefined {
  const paths = new Map<unknown, string[]>();
  const pathsOf = (condition: unknown): string[] => {
    let found = paths.get(condition);
    if (!found) {
      const ast = conditionOf(condition);
      paths.set(condition, (found = ast ? contextPathsOf(ast).map((p) => p.text) : []));
    }
    return found;
  };
  const consumerReads = [...consumer.conditions.flatMap((c) => contextPathsOf(c).map((p) => p.text)), ...[...(consumer.aliases?.values() ?? [])].flat()];
  const explored = new Set<string>();
  // What the steps from a position on (and the consumer) still read: only those values tell two states apart.
  const readFrom = steps.map((_, i) => [...new Set([...steps.slice(i).flatMap((s) => pathsOf(s.step["if"])), ...consumerReads])]);
  // Keyed by array identity: the path lists above are built once each.
  const keysFor = new Map<readonly string[], string[]>();
  const relevantTo = (paths: readonly string[], values: ReadonlyMap<string, string>, named = false): string => {
    let keys = keysFor.get(paths);
    if (!keys) keysFor.set(paths, (keys = [...values.keys()].filter((key) => readsPath(paths, key))));
    return keys.map((k) => (named ? `${k}=${values.get(k)}` : values.get(k))).join("\u0002");
  };
  const cached = (condition: unknown, values: ReadonlyMap<string, string>, status: JobStatus): boolean => {
    const key = `${String(condition)}|${status}|${relevantTo(pathsOf(condition), values, true)}`;
    let verdict = verdicts.get(key);
    if (verdict === undefined) verdicts.set(key, (verdict = runs(condition, values, status)));
    return verdict;
  };

  const replay = (values: Map<string, string>, status: JobStatus, from: number, producerOutcome: string): string | undefined => {
    const step = steps[from];
    const state = `${from}|${status}|${producerOutcome}|${relevantTo(readFrom[from] ?? consumerReads, values)}`;
    if (explored.has(state)) return undefined;
    explored.add(state);
    for (const current of DEGRADE[status]) {
      if (!step || step.index >= consumer.index) {
        if (producerOutcome !== "success" && !(consumer.handlesFailure && producerOutcome !== "skipped") && consumer.runs(values, current, cached)) return producerOutcome;
        continue;
      }
      const outcomes = cached(step.step["if"], values, current) ? (["success", "failure"] as const) : (["skipped"] as const);
      for (const outcome of outcomes) {
        const next = new Map(values);
        const ignoresFailure = step.step["continue-on-error"] === true;
        if (step.id) {
          next.set(`steps.${step.id}.outcome`, outcome);
          next.set(`steps.${step.id}.conclusion`, outcome === "failure" && ignoresFailure ? "success" : outcome);
          if (outcome === "skipped") for (const key of next.keys()) if (key.startsWith(`steps.${step.id}.outputs.`)) next.set(key, "");
        }
        const after: JobStatus = outcome === "failure" && !ignoresFailure && current === "success" ? "failure" : current;
        // A producer skipped because an earlier step had failed is, to the consumer, part of that failure.
        const producerResult = outcome === "skipped" && current !== "success" ? SKIPPED_AFTER_FAILURE : outcome;
        const found = replay(next, after, from + 1, step === producer ? producerResult : producerOutcome);
        if (found) return found;
      }
    }
    return undefined;
  };
  return (values) => replay(values, "success", 0, "skipped");
}

/** The producer and every earlier step whose result or outputs the consumer's or a modelled step's conditions read (transitively). */
function modelledSteps(steps: readonly StepEntry[], producer: StepEntry, consumer: ConsumerSpec): StepEntry[] {
  const chosen = new Set<StepEntry>([producer]);
  const queue: { index: number; conditions: readonly ExpressionAst[] }[] = [
    { index: consumer.index, conditions: consumer.conditions },
    { index: producer.index, conditions: [conditionOf(producer.step["if"])].filter((a): a is ExpressionAst => a !== undefined) },
  ];
  for (let item = queue.pop(); item; item = queue.pop()) {
    const { index } = item;
    for (const path of item.conditions.flatMap((c) => contextPathsOf(c))) {
      const [root, id] = path.segments;
      if (root !== "steps") continue;
      const read = steps.find((s) => s.id === id && s.index < index);
      if (read && !chosen.has(read)) {
        chosen.add(read);
        const condition = conditionOf(read.step["if"]);
        queue.push({ index: read.index, conditions: condition ? [condition] : [] });
      }
    }
  }
  return [...chosen].sort((a, b) => a.index - b.index);
}

function isResultOf(path: string, ids: ReadonlySet<string>): boolean {
  const [root, id, property] = path.split(".");
  return root === "steps" && id !== undefined && ids.has(id) && (property === "outcome" || property === "conclusion");
}

/** The values of the atoms the consumer's and producer's own conditions read, for the message. */
function shown(values: ReadonlyMap<string, string>, ...conditions: (ExpressionAst | undefined)[]): Map<string, string> {
  const paths = new Set(conditions.flatMap((c) => (c ? contextPathsOf(c).map((p) => p.text) : [])));
  return new Map([...values].filter(([path]) => paths.has(path)));
}

/** `github.event_name = "pull_request", steps.skip.outputs.skip_build = "true"` for a message. */
export function describeValues(values: ReadonlyMap<string, string>): string {
  return [...values].map(([path, value]) => `${path} = ${value === OTHER_VALUE ? "another value" : `"${value}"`}`).join(", ");
}
