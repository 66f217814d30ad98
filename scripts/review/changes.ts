/**
 * The semantic difference of two versions of a workflow: every field added, removed or
 * changed, by YAML path (`jobs.test.steps[2].if`), with its value before and after.
 * Maps are compared key by key, steps as steps (a step that moved is reported as a
 * move, and its fields are compared with its earlier self), other lists as values.
 * Whole workflows and jobs that appear or disappear are listed job by job.
 */
import { isDeepStrictEqual } from "node:util";
import { movedPairs, pairSteps, type StepLike } from "./step-identity.ts";

/** One difference. `before` is null for an addition, `after` for a removal; a move gives the step's two paths. */
export interface Change {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly kind: "added" | "removed" | "changed" | "moved";
}

type YamlMap = Record<string, unknown>;
const isMap = (value: unknown): value is YamlMap => typeof value === "object" && value !== null && !Array.isArray(value);
const join = (path: string, key: string): string => (path === "" ? key : `${path}.${key}`);
// Paths whose entries are reported one by one even when the whole map appears or disappears.
const LISTED_ONE_BY_ONE = new Set(["", "jobs"]);
const STEPS = /^jobs\.[^.]+\.steps$/;

/** The changes from `before` to `after` (either may be absent: a workflow added or removed). */
export function workflowChanges(before: YamlMap | undefined, after: YamlMap | undefined): Change[] {
  const changes: Change[] = [];
  compare(before, after, "", changes);
  return changes;
}

function compare(before: unknown, after: unknown, path: string, out: Change[]): void {
  if (isDeepStrictEqual(before, after)) return;
  const bothMaps = isMap(before) && isMap(after);
  const oneSidedListing = LISTED_ONE_BY_ONE.has(path) && (isMap(before) || before === undefined) && (isMap(after) || after === undefined);
  if (bothMaps || oneSidedListing) {
    const b = (before ?? {}) as YamlMap;
    const a = (after ?? {}) as YamlMap;
    for (const key of Object.keys(b)) if (!Object.hasOwn(a, key)) compare(b[key], undefined, join(path, key), out);
    for (const key of Object.keys(a)) compare(Object.hasOwn(b, key) ? b[key] : undefined, a[key], join(path, key), out);
    return;
  }
  if (STEPS.test(path) && Array.isArray(before) && Array.isArray(after)) return compareSteps(before as StepLike[], after as StepLike[], path, out);
  const kind = before === undefined ? "added" : after === undefined ? "removed" : "changed";
  out.push({ path, before: before ?? null, after: after ?? null, kind });
}

function compareSteps(before: readonly StepLike[], after: readonly StepLike[], path: string, out: Change[]): void {
  const pairs = pairSteps(before, after);
  const moved = movedPairs(pairs);
  const pairedBefore = new Set(pairs.map(([b]) => b));
  before.forEach((step, b) => {
    if (!pairedBefore.has(b)) out.push({ path: `${path}[${b}]`, before: step, after: null, kind: "removed" });
  });
  const byAfter = new Map(pairs.map(([b, a], i) => [a, { b, moved: moved.has(i) }]));
  after.forEach((step, a) => {
    const at = `${path}[${a}]`;
    const pair = byAfter.get(a);
    if (pair === undefined) {
      out.push({ path: at, before: null, after: step, kind: "added" });
      return;
    }
    if (pair.moved) out.push({ path: at, before: `${path}[${pair.b}]`, after: at, kind: "moved" });
    compare(before[pair.b], step, at, out);
  });
}
