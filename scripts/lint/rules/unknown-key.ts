/**
 * unknown-key: a key the workflow syntax does not have, on the workflow, a job or
 * a step (`nme:` for `name:`). The lib's types let such keys through, and the
 * runner ignores or rejects them only once the workflow is queued; here each key
 * set is a strict zod schema, and the finding suggests the nearest valid key.
 */
import { z } from "zod";
import type { Rule } from "../rule.ts";
import { jobsOf, stepLabel, stepsOf } from "../walk.ts";

const anyValue = z.unknown();
const strictKeys = (keys: readonly string[]) => z.object(Object.fromEntries(keys.map((k) => [k, anyValue.optional()]))).strict();

const WORKFLOW_KEYS = ["name", "run-name", "on", "permissions", "env", "defaults", "concurrency", "jobs"] as const;
const JOB_KEYS = [
  "name", "needs", "runs-on", "permissions", "environment", "concurrency", "outputs", "env", "defaults", "if", "steps",
  "timeout-minutes", "strategy", "continue-on-error", "container", "services", "uses", "with", "secrets", "snapshot",
] as const;
const STEP_KEYS = ["id", "if", "name", "uses", "run", "working-directory", "shell", "with", "env", "continue-on-error", "timeout-minutes"] as const;

const schemas = {
  workflow: { schema: strictKeys(WORKFLOW_KEYS), keys: WORKFLOW_KEYS },
  job: { schema: strictKeys(JOB_KEYS), keys: JOB_KEYS },
  step: { schema: strictKeys(STEP_KEYS), keys: STEP_KEYS },
};

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
    const validate = (kind: keyof typeof schemas, value: unknown, path: string, owner: string): void => {
      const { schema, keys } = schemas[kind];
      const result = schema.safeParse(value);
      if (result.success) return;
      for (const issue of result.error.issues) {
        if (issue.code !== "unrecognized_keys") continue;
        for (const key of issue.keys) {
          const near = nearest(key, keys);
          report(path ? `${path}.${key}` : key, `${owner} has unknown key "${key}"; ${near ? `did you mean "${near}"?` : `remove it (valid keys: ${keys.join(", ")})`}`);
        }
      }
    };
    validate("workflow", document.workflow, "", "the workflow");
    for (const job of jobsOf(document.workflow)) {
      validate("job", job.job, job.path, `job "${job.id}"`);
      for (const step of stepsOf(job)) validate("step", step.step, step.path, `step "${stepLabel(step)}"`);
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
