/**
 * The review of a change to the workflows: every emitted workflow as built from a base
 * commit compared with the same workflow as built from the working tree, per file:
 * its changes, its behaviour in every scenario, its security and its lint findings.
 * A workflow whose text did not change is unchanged, and nothing is simulated or
 * linted for it.
 */
import { parseWorkflowDocument, type WorkflowDocument } from "../lint/document.ts";
import type { GeneratedFile } from "../files/generated-file.ts";
import type { BehaviourChange } from "./behaviour.ts";
import { workflowChanges, type Change } from "./changes.ts";
import type { LintEntry } from "./lint-delta.ts";
import { securityChanges, type SecurityChange } from "./security.ts";

/** The review of one workflow file. */
export interface WorkflowReview {
  readonly file: string;
  readonly status: "added" | "removed" | "changed" | "unchanged";
  readonly changes: Change[];
  readonly behaviour: BehaviourChange[];
  readonly security: SecurityChange[];
  readonly lint: { new: LintEntry[]; fixed: LintEntry[] };
  /** What could not be reviewed, and why (a workflow the simulation cannot run). */
  readonly notes: string[];
}

/** The review of every workflow: the base commit and one entry per workflow file. */
export interface Review {
  readonly base: string;
  readonly workflows: WorkflowReview[];
}

/** Compares the workflows built at `base` (`before`) with those built from the working tree (`after`). */
export async function reviewWorkflows(base: string, before: readonly GeneratedFile[], after: readonly GeneratedFile[]): Promise<Review> {
  const files = [...new Set([...before, ...after].map((f) => f.path))].sort();
  const workflows = await Promise.all(files.map((file) => reviewFile(file, before.find((f) => f.path === file), after.find((f) => f.path === file))));
  return { base, workflows };
}

async function reviewFile(file: string, before: GeneratedFile | undefined, after: GeneratedFile | undefined): Promise<WorkflowReview> {
  const status = before === undefined ? "added" : after === undefined ? "removed" : before.content === after.content ? "unchanged" : "changed";
  const empty: WorkflowReview = { file, status, changes: [], behaviour: [], security: [], lint: { new: [], fixed: [] }, notes: [] };
  if (status === "unchanged") return empty;
  const was = before && version(before);
  const is = after && version(after);
  const changes = workflowChanges(was?.workflow, is?.workflow);
  const security = securityChanges(was, is);
  // Text that differs only in comments (a pin's tag, the generator's own marks) changes no value:
  // it cannot change behaviour or findings, and without a security change it is no change at all.
  if (changes.length === 0) return security.length ? { ...empty, security } : { ...empty, status: "unchanged" };
  const [{ lintDelta }, { behaviourChanges }, { scenariosFor }, { parseWorkflowShape }] = await Promise.all([
    import("./lint-delta.ts"),
    import("./behaviour.ts"),
    import("../sim/scenarios.ts"),
    import("../sim/workflow-shape.ts"),
  ]);
  const lint = await lintDelta(before && was && { file: before, value: was.workflow }, after && is && { file: after, value: is.workflow });
  let scenarios;
  try {
    scenarios = scenariosFor(file, parseWorkflowShape(file, (is ?? was)!.workflow));
  } catch (error) {
    return { ...empty, changes, security, lint, notes: [`behaviour not simulated: ${(error as Error).message}`] };
  }
  const { behaviour, notes } = await behaviourChanges(file, before?.content, after?.content, scenarios);
  return { file, status, changes, behaviour, security, lint, notes: scenarios.length ? notes : ["behaviour not simulated: the workflow has no trigger the simulation knows (push, pull_request, workflow_dispatch) and declares no scenarios"] };
}

function version(file: GeneratedFile): WorkflowDocument {
  return parseWorkflowDocument(file.path, file.content);
}
