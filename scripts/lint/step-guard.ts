/**
 * Whether a step can run although an earlier step of its job did not run or did
 * not succeed. The steps whose results the two conditions read are replayed in
 * order for every assignment of the other atoms (see `conditions.ts`): before each
 * step the job status may get worse (an unmodelled step may fail or the run be
 * cancelled), a step whose `if:` is false is skipped with empty outputs, a step
 * that runs may succeed or fail. Any replay where the consumer runs and the
 * producer's outcome is not success is a counterexample. Over-approximating the
 * status keeps the answer sound: a "guarded" verdict holds for every real run.
 */
import type { Expr as ExpressionAst } from "@actions/expressions";
import { assignmentCount, assignments, atomsOf, OTHER_VALUE, runs, type Atom, type JobStatus } from "./conditions.ts";
import { conditionOf, contextPathsOf } from "./expressions.ts";
import type { StepEntry } from "./walk.ts";

/** A run in which the consumer runs while the producer did not succeed. */
export interface Counterexample {
  /** `skipped` or `failure`/`cancelled`: what happened to the producer. */
  readonly producerOutcome: string;
  /** Values of the atoms of the two conditions in that run (`github.event_name` → `pull_request`). */
  readonly values: ReadonlyMap<string, string>;
}

/** The verdict: guarded, a counterexample, or too many cases to decide. */
export type GuardVerdict = { kind: "guarded" } | { kind: "unguarded"; example: Counterexample } | { kind: "undecided"; cases: number };

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
  const modelled = modelledSteps(steps, producer, consumer);
  const asts = modelled.map((s) => conditionOf(s.step["if"])).filter((a): a is ExpressionAst => a !== undefined);
  const modelledIds = new Set(modelled.flatMap((s) => (s.id ? [s.id] : [])));
  const free: Atom[] = atomsOf(asts).filter((atom) => !isResultOf(atom.path, modelledIds));
  const cases = assignmentCount(free);
  if (cases > limit) return { kind: "undecided", cases };

  const replay = replayer(modelled, producer, consumer);
  const results = [...modelledIds].flatMap((id) => [`steps.${id}.outcome`, `steps.${id}.conclusion`]);
  for (const values of assignments(free)) {
    // Every key is present from the start so that a state's key lists values in one order.
    const initial = new Map([...values, ...results.map((key): [string, string] => [key, ""])]);
    const example = replay(initial);
    if (example) return { kind: "unguarded", example: { producerOutcome: example, values: shown(values, conditionOf(consumer.step["if"]), conditionOf(producer.step["if"])) } };
  }
  return { kind: "guarded" };
}

/**
 * The replay of the modelled steps from a first assignment; returns the producer's
 * outcome in a counterexample, if any. Conditions are evaluated once per distinct
 * input and states already explored are not explored again, which keeps the
 * branching (three statuses, two outcomes per step) cheap.
 */
function replayer(steps: readonly StepEntry[], producer: StepEntry, consumer: StepEntry): (values: Map<string, string>) => string | undefined {
  const reads = new Map(steps.map((s) => [s, (conditionOf(s.step["if"]) ? contextPathsOf(conditionOf(s.step["if"]) as ExpressionAst) : []).map((p) => p.text)]));
  const verdicts = new Map<string, boolean>();
  const explored = new Set<string>();
  // What the steps from a position on still read: only those values tell two states apart.
  const readFrom = steps.map((_, i) => [...new Set(steps.slice(i).flatMap((s) => reads.get(s) ?? []))]);
  const keysFor = new Map<readonly string[], string[]>();
  const relevantTo = (paths: readonly string[], values: ReadonlyMap<string, string>): string => {
    let keys = keysFor.get(paths);
    if (!keys) keysFor.set(paths, (keys = [...values.keys()].filter((key) => paths.some((p) => key === p || key.startsWith(`${p}.`) || p.startsWith(`${key}.`)))));
    return keys.map((k) => values.get(k)).join("\u0002");
  };

  const runsCached = (step: StepEntry, values: ReadonlyMap<string, string>, status: JobStatus): boolean => {
    const key = `${step.index}|${status}|${relevantTo(reads.get(step) as string[], values)}`;
    let verdict = verdicts.get(key);
    if (verdict === undefined) verdicts.set(key, (verdict = runs(step.step["if"], values, status)));
    return verdict;
  };

  const replay = (values: Map<string, string>, status: JobStatus, from: number, producerOutcome: string): string | undefined => {
    const step = steps[from];
    if (!step) return undefined;
    const state = `${from}|${status}|${producerOutcome}|${relevantTo(readFrom[from] ?? [], values)}`;
    if (explored.has(state)) return undefined;
    explored.add(state);
    for (const current of DEGRADE[status]) {
      if (step === consumer) {
        if (producerOutcome !== "success" && runsCached(step, values, current)) return producerOutcome;
        continue;
      }
      const outcomes = runsCached(step, values, current) ? (["success", "failure"] as const) : (["skipped"] as const);
      for (const outcome of outcomes) {
        const next = new Map(values);
        const ignoresFailure = step.step["continue-on-error"] === true;
        if (step.id) {
          next.set(`steps.${step.id}.outcome`, outcome);
          next.set(`steps.${step.id}.conclusion`, outcome === "failure" && ignoresFailure ? "success" : outcome);
          if (outcome === "skipped") for (const key of next.keys()) if (key.startsWith(`steps.${step.id}.outputs.`)) next.set(key, "");
        }
        const after: JobStatus = outcome === "failure" && !ignoresFailure && current === "success" ? "failure" : current;
        const found = replay(next, after, from + 1, step === producer ? outcome : producerOutcome);
        if (found) return found;
      }
    }
    return undefined;
  };
  return (values) => replay(values, "success", 0, "skipped");
}

/** The producer, the consumer and every earlier step whose result or outputs their conditions read (transitively). */
function modelledSteps(steps: readonly StepEntry[], producer: StepEntry, consumer: StepEntry): StepEntry[] {
  const chosen = new Set<StepEntry>([producer, consumer]);
  const queue = [producer, consumer];
  for (let step = queue.pop(); step; step = queue.pop()) {
    const condition = conditionOf(step.step["if"]);
    if (!condition) continue;
    for (const path of contextPathsOf(condition)) {
      const [root, id] = path.segments;
      if (root !== "steps") continue;
      const read = steps.find((s) => s.id === id && s.index < step.index);
      if (read && !chosen.has(read)) {
        chosen.add(read);
        queue.push(read);
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
