/**
 * unknown-key: a key the workflow syntax does not have, on the workflow, a job or
 * a step (`nme:` for `name:`). The lib's types let such keys through, and the
 * runner ignores or rejects them only once the workflow is queued. The keys allowed
 * are those of GitHub's own workflow schema (workflow-schema.ts), so syntax GitHub
 * adds is known as soon as the parser package has it; the finding suggests the
 * nearest valid key.
 */
import type { Rule } from "../rule.ts";
import { COMPOSITE_JOB_ID, isYamlMap, jobsOf, stepLabel, stepsOf } from "../walk.ts";
import { keysAllowedAt } from "../workflow-schema.ts";

export const unknownKey: Rule = {
  id: "unknown-key",
  severity: "error",
  what: "a key that the workflow syntax does not define on the workflow, a job or a step",
  why: "a misspelled key (nme:, need:) is dropped or rejected only when the workflow runs, so the intended setting never applies",
  examples: {
    failing: `on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - nme: Test
        run: make test
`,
    passing: `on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - name: Test
        run: make test
`,
  },
  check(document, report) {
    const validate = (value: unknown, keys: readonly string[] | undefined, path: string, owner: string): void => {
      if (!keys || !isYamlMap(value)) return;
      for (const key of Object.keys(value)) {
        if (keys.includes(key)) continue;
        const near = nearest(key, keys);
        report(path ? `${path}.${key}` : key, `${owner} has unknown key "${key}"; ${near ? `did you mean "${near}"?` : `remove it (valid keys: ${keys.join(", ")})`}`);
      }
    };
    validate(document.workflow, keysAllowedAt([]), "", "the workflow");
    for (const job of jobsOf(document.workflow)) {
      // A composite action's steps have a schema of their own, which this rule does not read.
      if (job.path === COMPOSITE_JOB_ID) continue;
      validate(job.job, keysAllowedAt(["jobs", job.id]), job.path, `job "${job.id}"`);
      // Every item of a sequence has the same type: the keys of one step are those of all.
      const stepKeys = keysAllowedAt(["jobs", job.id, "steps", 0]);
      for (const step of stepsOf(job)) validate(step.step, stepKeys, step.path, `step "${stepLabel(step)}"`);
    }
  },
};

/** The valid key closest to a misspelled one (edit distance at most 2), if any. */
function nearest(key: string, keys: readonly string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const candidate of keys) {
    const distance = editDistance(key.toLowerCase(), candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
