/**
 * duplicate-id: two steps of a job with the same `id:`, or a key written twice in
 * one mapping (two jobs with one id, two `if:` on a step). The runner keeps one of
 * them, so a reference or a condition silently points at the other one.
 */
import { isMap, isScalar, isSeq } from "yaml";
import type { Rule } from "../rule.ts";
import { jobsOf, stepLabel, stepsOf } from "../walk.ts";

export const duplicateId: Rule = {
  id: "duplicate-id",
  severity: "error",
  documents: ["workflow", "action"],
  what: "a step id used twice in a job, or a key written twice in one mapping (such as two jobs with one id)",
  why: "only one of the two survives, so references and conditions silently point at the other",
  examples: {
    failing: `on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - id: build
        run: make
      - id: build
        run: make test
`,
    passing: `on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - id: build
        run: make
      - id: test
        run: make test
`,
  },
  check(document, report) {
    for (const job of jobsOf(document.workflow)) {
      const first = new Map<string, number>();
      for (const step of stepsOf(job)) {
        if (step.id === undefined) continue;
        const earlier = first.get(step.id);
        if (earlier === undefined) first.set(step.id, step.index);
        else report(`${step.path}.id`, `step "${stepLabel(step)}" reuses id "${step.id}" of ${job.path}.steps[${earlier}]; give each step its own id`);
      }
    }
    // Aliased nodes are checked where their anchor is: a walk that follows aliases could repeat a subtree many times.
    const walk = (node: unknown, path: string): void => {
      if (isMap(node)) {
        const seen = new Set<string>();
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
          if (key === undefined) continue;
          const at = path ? `${path}.${key}` : key;
          if (seen.has(key)) report(at, `key "${key}" is written twice in the same mapping; the last one silently wins, so keep one (rename a job or step to give it its own id)`);
          seen.add(key);
          walk(pair.value, at);
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => walk(item, `${path}[${i}]`));
      }
    };
    walk(document.yaml.contents, "");
  },
};
