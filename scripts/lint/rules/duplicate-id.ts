/**
 * duplicate-id: two steps of a job with the same `id:`, or a key written twice in
 * one mapping (two jobs with one id, two `if:` on a step). The runner keeps one of
 * them, so a reference or a condition silently points at the other one.
 */
import { isMap, isScalar, visit, type Pair } from "yaml";
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
    visit(document.yaml, {
      Map(_, map, path) {
        const seen = new Set<string>();
        for (const pair of map.items) {
          const key = keyText(pair);
          if (key === undefined) continue;
          if (seen.has(key)) report(yamlPath([...path, map], key), `key "${key}" is written twice in the same mapping; the last one silently wins, so keep one (rename a job or step to give it its own id)`);
          seen.add(key);
        }
      },
    });
  },
};

function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** The YAML path of a key from the visitor's ancestor list (documents, pairs, maps and sequences). */
function yamlPath(ancestors: readonly unknown[], key: string): string {
  let path = "";
  ancestors.forEach((node, i) => {
    const child = ancestors[i + 1];
    if (isMap(node) || !child) return;
    if (isPairNode(node)) {
      const name = isScalar(node.key) ? String(node.key.value) : "?";
      path = path ? `${path}.${name}` : name;
    } else if (Array.isArray((node as { items?: unknown[] }).items)) {
      path += `[${(node as { items: unknown[] }).items.indexOf(child)}]`;
    }
  });
  return path ? `${path}.${key}` : key;
}

function isPairNode(node: unknown): node is Pair {
  return typeof node === "object" && node !== null && "key" in node && "value" in node;
}
