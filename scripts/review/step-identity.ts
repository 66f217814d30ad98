/**
 * Which step of one version of a job is which step of the other. A step is known by
 * its id, else its name, else what it runs; a step whose key changed too (a renamed
 * step without an id) is still paired when it runs the same action or script. Paths
 * such as `jobs.a.steps[3].if` are compared across versions through these keys, so a
 * step that moved is the same step, not one removed and one added.
 */
import { pathSegments } from "../files/yaml-path.ts";

/** The fields of a step (emitted, or as simulated) that say which step it is. */
export interface StepLike {
  readonly id?: unknown;
  readonly name?: unknown;
  readonly uses?: unknown;
  readonly run?: unknown;
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** The key of each step: `id:…`, `name:…`, `uses:…` or `run:…`, with `#n` on the n-th repeat of a key. */
export function stepKeys(steps: readonly StepLike[]): string[] {
  const seen = new Map<string, number>();
  return steps.map((step) => {
    const id = text(step.id);
    const name = text(step.name);
    const uses = text(step.uses);
    const base = id ? `id:${id}` : name ? `name:${name}` : uses ? `uses:${uses}` : `run:${text(step.run) ?? ""}`;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}#${count}`;
  });
}

/** Index pairs [before, after] of the steps that are the same step, in the order of the later version. */
export function pairSteps(before: readonly StepLike[], after: readonly StepLike[]): [number, number][] {
  const beforeKeys = stepKeys(before);
  const afterKeys = stepKeys(after);
  const beforeIndex = new Map(beforeKeys.map((key, i) => [key, i]));
  const paired = new Map<number, number>();
  const taken = new Set<number>();
  afterKeys.forEach((key, a) => {
    const b = beforeIndex.get(key);
    if (b !== undefined) {
      paired.set(a, b);
      taken.add(b);
    }
  });
  // A step whose id or name changed is still the step that runs the same action or script.
  const work = (step: StepLike): string | undefined => text(step.uses) ?? text(step.run);
  after.forEach((step, a) => {
    if (paired.has(a) || work(step) === undefined) return;
    const b = before.findIndex((other, i) => !taken.has(i) && work(other) === work(step));
    if (b >= 0) {
      paired.set(a, b);
      taken.add(b);
    }
  });
  return [...paired].sort(([a1], [a2]) => a1 - a2).map(([a, b]) => [b, a]);
}

/**
 * The pairs that moved: those outside a longest run of pairs that keep their order.
 * Moving one step shifts the indices of others without moving them.
 */
export function movedPairs(pairs: readonly [number, number][]): Set<number> {
  // Longest increasing subsequence of the earlier indices, in the order of the later version.
  const length = pairs.map(() => 1);
  const previous = pairs.map(() => -1);
  for (let i = 0; i < pairs.length; i++) {
    for (let j = 0; j < i; j++) {
      if (pairs[j]![0] < pairs[i]![0] && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        previous[i] = j;
      }
    }
  }
  const kept = new Set<number>();
  let end = length.indexOf(Math.max(0, ...length));
  while (end >= 0) {
    kept.add(end);
    end = previous[end]!;
  }
  return new Set(pairs.map((_, i) => i).filter((i) => !kept.has(i)));
}

/**
 * A path with every `steps[N]` of a job replaced by that step's key, so the same step
 * has the same path in both versions (for matching findings and waivers, never shown).
 */
export function stablePath(workflow: Readonly<Record<string, unknown>>, path: string): string {
  const segments = pathSegments(path);
  const jobs = workflow["jobs"] as Record<string, { steps?: StepLike[] } | undefined> | undefined;
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const steps = segments[0] === "jobs" && i === 3 && segments[2] === "steps" ? jobs?.[String(segments[1])]?.steps : undefined;
    out.push(steps && typeof segment === "number" ? `{${stepKeys(steps)[segment] ?? segment}}` : String(segment));
  }
  return out.join("\u0000");
}
