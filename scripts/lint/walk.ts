/**
 * Walking a parsed workflow: its jobs, its steps and every scalar value, each with
 * the YAML path a finding reports (`jobs.build.steps[3].with.path`). Rules share
 * these so that every rule names places the same way.
 */
import type { WorkflowObject } from "./document.ts";

/** A plain YAML mapping. */
export type YamlMap = Record<string, unknown>;

/** One job of a workflow and its YAML path. */
export interface JobEntry {
  readonly id: string;
  readonly path: string;
  readonly job: YamlMap;
}

/** One step of a job, its position and its YAML path. */
export interface StepEntry {
  readonly job: JobEntry;
  readonly index: number;
  readonly path: string;
  readonly step: YamlMap;
  /** The step's `id:` when it is a string. */
  readonly id: string | undefined;
}

/** A scalar value somewhere under a node, with its YAML path. */
export interface ScalarEntry {
  readonly path: string;
  /** The key (or index) that holds the value. */
  readonly key: string | number;
  readonly value: string | number | boolean;
  /** True for the value of an `if:` key: an expression even without `${{ }}`. */
  readonly isCondition: boolean;
}

/** True for a plain mapping (not an array, not null). */
export function isYamlMap(value: unknown): value is YamlMap {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The id a composite action's steps are listed under, as if they were one job. */
export const COMPOSITE_JOB_ID = "runs";

/**
 * The jobs of a workflow in file order; entries that are not mappings are skipped.
 * A composite action (`runs.using: composite`) has one: its `runs`, whose `steps`
 * are checked as a job's steps are (their paths are `runs.steps[i]`).
 */
export function jobsOf(workflow: WorkflowObject): readonly JobEntry[] {
  return remembered(jobLists, workflow, () => {
    const jobs = workflow["jobs"];
    if (!isYamlMap(jobs)) {
      const runs = workflow["runs"];
      return isYamlMap(runs) && runs["using"] === "composite" && Array.isArray(runs["steps"]) ? [{ id: COMPOSITE_JOB_ID, path: COMPOSITE_JOB_ID, job: runs }] : [];
    }
    return Object.entries(jobs).flatMap(([id, job]) => (isYamlMap(job) ? [{ id, path: `jobs.${id}`, job }] : []));
  });
}

/** The steps of a job in order; entries that are not mappings are skipped. */
export function stepsOf(job: JobEntry): readonly StepEntry[] {
  return remembered(stepLists, job, () => {
    const steps = job.job["steps"];
    if (!Array.isArray(steps)) return [];
    return steps.flatMap((step: unknown, index) =>
      isYamlMap(step) ? [{ job, index, path: `${job.path}.steps[${index}]`, step, id: typeof step["id"] === "string" ? step["id"] : undefined }] : [],
    );
  });
}

/** Every step of every job. */
export function allSteps(workflow: WorkflowObject): readonly StepEntry[] {
  return jobsOf(workflow).flatMap(stepsOf);
}

// Every rule walks the same jobs and steps: each list is made once per parsed object (which the rules never change).
const jobLists = new WeakMap<object, readonly JobEntry[]>();
const stepLists = new WeakMap<object, readonly StepEntry[]>();
const scalarLists = new WeakMap<object, { readonly path: string; readonly scalars: readonly ScalarEntry[] }>();

function remembered<T>(cache: WeakMap<object, T>, key: object, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

/** The job ids a job lists in `needs:` (a string or a list). */
export function needsOf(job: YamlMap): string[] {
  const needs = job["needs"];
  if (typeof needs === "string") return [needs];
  return Array.isArray(needs) ? needs.filter((n): n is string => typeof n === "string") : [];
}

/** The `uses:` of a step without its `@ref`, e.g. `actions/upload-artifact`; undefined for run steps. */
export function actionOf(step: YamlMap): string | undefined {
  const uses = step["uses"];
  return typeof uses === "string" ? uses.split("@")[0] : undefined;
}

/** Every scalar under a node, depth first in file order, with its YAML path. */
export function scalarsOf(node: unknown, path: string): readonly ScalarEntry[] {
  if (typeof node !== "object" || node === null) return scalarsUnder(node, path);
  const known = scalarLists.get(node);
  if (known?.path === path) return known.scalars;
  const scalars = scalarsUnder(node, path);
  scalarLists.set(node, { path, scalars });
  return scalars;
}

function scalarsUnder(node: unknown, path: string): ScalarEntry[] {
  const found: ScalarEntry[] = [];
  const visit = (value: unknown, at: string, key: string | number): void => {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      found.push({ path: at, key, value, isCondition: key === "if" });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${at}[${i}]`, i));
    } else if (isYamlMap(value)) {
      for (const [k, v] of Object.entries(value)) visit(v, at ? `${at}.${k}` : k, k);
    }
  };
  const last = path.split(".").pop() ?? "";
  visit(node, path, last);
  return found;
}

/** How messages name a step: its name, else its id, else its position. */
export function stepLabel(entry: StepEntry): string {
  const name = entry.step["name"];
  return typeof name === "string" ? name : (entry.id ?? `steps[${entry.index}]`);
}
