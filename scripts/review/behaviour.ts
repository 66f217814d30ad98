/**
 * What a change does when the workflow runs: both versions simulated for every
 * scenario of the workflow, and for each scenario the jobs and steps whose result
 * changed (`skipped` → `success`, a success that became uncertain, …), and the image
 * tags applied, references saved and loaded, artifacts and comments that changed.
 * Steps are compared only in jobs that ran in both versions: when a job starts or
 * stops running, that is the change, not each of its steps. Loads the simulation:
 * import it only when a workflow changed.
 */
import type { EventDescription } from "../sim/event-description.ts";
import { planScenarios, type ScenarioPlan } from "../sim/plan-report.ts";
import type { Scenario } from "../sim/scenario.ts";
import type { Plan } from "../sim/simulate.ts";
import { jobOutcome as jobOutcomeIn, stepOutcome } from "../sim/uncertain-results.ts";
import type { WorkflowShape } from "../sim/workflow-shape.ts";
import { pairSteps } from "./step-identity.ts";

/** What changed in one scenario: a job's or step's result, or what the run produced. */
export interface BehaviourChange {
  readonly scenario: string;
  /** The job, or `*` for what the run as a whole produced (image references). */
  readonly job: string;
  readonly step?: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly what: "result" | "tags" | "saved" | "loaded" | "artifacts" | "comments";
}

/** One version simulated: the workflow's jobs and one plan per scenario, or why it could not be simulated. */
type Simulated = { workflow: WorkflowShape; plans: ScenarioPlan[] } | { problem: string };

/** The behaviour changes between two versions of a workflow's YAML (either may be absent), and notes on what could not be simulated. */
export async function behaviourChanges(file: string, before: string | undefined, after: string | undefined, scenarios: readonly Scenario[]): Promise<{ behaviour: BehaviourChange[]; notes: string[] }> {
  const simulateVersion = async (text: string | undefined): Promise<Simulated | undefined> => {
    if (text === undefined) return undefined;
    try {
      return await planScenarios(file, text, scenarios);
    } catch (error) {
      return { problem: (error as Error).message };
    }
  };
  const [was, is] = await Promise.all([simulateVersion(before), simulateVersion(after)]);
  const notes = ([["the base version", was], ["the working tree's version", is]] as const).flatMap(([version, simulated]) =>
    simulated && "problem" in simulated ? [`${version} was not simulated: ${simulated.problem}`] : [],
  );
  if (notes.length) return { behaviour: [], notes };
  const side = (simulated: Simulated | undefined, i: number): Side => (simulated && !("problem" in simulated) ? { workflow: simulated.workflow, run: simulated.plans[i]! } : undefined);
  return { behaviour: scenarios.flatMap((scenario, i) => scenarioChanges(scenario.label, side(was, i), side(is, i))), notes };
}

type Side = { workflow: WorkflowShape; run: ScenarioPlan } | undefined;

function scenarioChanges(scenario: string, was: Side, is: Side): BehaviourChange[] {
  const changes: BehaviourChange[] = [];
  const jobs = [...new Set([...Object.keys(was?.workflow.jobs ?? {}), ...Object.keys(is?.workflow.jobs ?? {})])];
  const event = (is ?? was)!.run.event;
  for (const job of jobs) {
    const [b, a] = [jobOutcome(was, job), jobOutcome(is, job)];
    // A job added or removed that does not run in this scenario changes nothing here.
    const idle = (one: string, other: string) => one === "absent" && !RAN.has(other);
    if (idle(b, a) || idle(a, b)) continue;
    if (b !== a) changes.push({ scenario, job, before: b, after: a, what: "result" });
    else if (RAN.has(a)) changes.push(...stepChanges(scenario, job, was!.run.plan, is!.run.plan, event));
  }
  for (const what of ["tags", "saved", "loaded"] as const) {
    const refs = (side: Side) => [...(side ? side.run.plan.images[what === "tags" ? "applied" : what] : [])].sort();
    const [b, a] = [refs(was), refs(is)];
    if (b.join("\n") !== a.join("\n")) changes.push({ scenario, job: "*", before: b, after: a, what });
  }
  changes.push(...artifactChanges(scenario, was?.run.plan, is?.run.plan), ...commentChanges(scenario, was?.run.plan, is?.run.plan));
  return changes;
}

const RAN = new Set(["success", "failure", "success (uncertain)"]);

function jobOutcome(side: Side, job: string): string {
  if (!side || !Object.hasOwn(side.workflow.jobs, job)) return "absent";
  return jobOutcomeIn(side.run.plan, job, side.run.event);
}

function stepChanges(scenario: string, job: string, was: Plan, is: Plan, event: EventDescription): BehaviourChange[] {
  const before = was.jobs[job]?.steps ?? [];
  const after = is.jobs[job]?.steps ?? [];
  const pairs = pairSteps(before, after);
  const changes: BehaviourChange[] = [];
  const pairedBefore = new Set(pairs.map(([b]) => b));
  before.forEach((step, b) => {
    if (!pairedBefore.has(b) && step.result !== "skipped") changes.push({ scenario, job, step: step.name, before: stepOutcome(step, event), after: "absent", what: "result" });
  });
  const byAfter = new Map(pairs.map(([b, a]) => [a, b]));
  after.forEach((step, a) => {
    const b = byAfter.get(a);
    const earlier = b === undefined ? "absent" : stepOutcome(before[b]!, event);
    const now = stepOutcome(step, event);
    if (earlier !== now && !(b === undefined && now === "skipped")) changes.push({ scenario, job, step: step.name, before: earlier, after: now, what: "result" });
  });
  return changes;
}

function artifactChanges(scenario: string, was: Plan | undefined, is: Plan | undefined): BehaviourChange[] {
  const describe = (plan: Plan | undefined) => new Map((plan?.artifacts ?? []).map((a) => [a.name, { job: a.uploadedBy.split("/")[0]!, text: `${a.name} (${a.files.join(", ")})` }]));
  const [b, a] = [describe(was), describe(is)];
  const names = [...new Set([...b.keys(), ...a.keys()])];
  return names
    .filter((name) => b.get(name)?.text !== a.get(name)?.text)
    .map((name) => ({ scenario, job: (a.get(name) ?? b.get(name))!.job, before: b.get(name)?.text ?? null, after: a.get(name)?.text ?? null, what: "artifacts" }));
}

function commentChanges(scenario: string, was: Plan | undefined, is: Plan | undefined): BehaviourChange[] {
  const byJob = (plan: Plan | undefined) => {
    const map = new Map<string, string[]>();
    for (const c of plan?.comments ?? []) {
      const job = c.postedBy.split("/")[0]!;
      map.set(job, [...(map.get(job) ?? []), c.body]);
    }
    return map;
  };
  const [b, a] = [byJob(was), byJob(is)];
  return [...new Set([...b.keys(), ...a.keys()])]
    .filter((job) => (b.get(job) ?? []).join("\u0000") !== (a.get(job) ?? []).join("\u0000"))
    .map((job) => ({ scenario, job, before: b.get(job) ?? [], after: a.get(job) ?? [], what: "comments" }));
}
