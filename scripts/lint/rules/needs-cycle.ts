/**
 * needs-cycle: jobs whose `needs` form a cycle. GitHub rejects such a workflow
 * when it is queued, not when it is pushed, so the mistake surfaces only on the
 * next run; the finding names the whole cycle.
 */
import type { Rule } from "../rule.ts";
import { jobsOf, needsOf } from "../walk.ts";

export const needsCycle: Rule = {
  id: "needs-cycle",
  severity: "error",
  what: "jobs whose needs form a cycle",
  why: "GitHub refuses to start a workflow whose jobs wait on each other",
  examples: {
    failing: `on: push
permissions: {}
jobs:
  a:
    needs: b
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: echo a
  b:
    needs: a
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: echo b
`,
    passing: `on: push
permissions: {}
jobs:
  a:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: echo a
  b:
    needs: a
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: echo b
`,
  },
  check(document, report) {
    const graph = new Map(jobsOf(document.workflow).map((j) => [j.id, needsOf(j.job)]));
    const state = new Map<string, "open" | "done">();
    const reported = new Set<string>();
    const visit = (id: string, stack: string[]): void => {
      if (state.get(id) === "done" || !graph.has(id)) return;
      if (state.get(id) === "open") {
        const cycle = [...stack.slice(stack.indexOf(id)), id];
        const key = [...new Set(cycle)].sort().join(",");
        if (!reported.has(key)) {
          reported.add(key);
          report(`jobs.${id}.needs`, `jobs ${cycle.map((c) => `"${c}"`).join(" → ")} need each other in a cycle; remove one of these needs`);
        }
        return;
      }
      state.set(id, "open");
      for (const next of graph.get(id) ?? []) visit(next, [...stack, id]);
      state.set(id, "done");
    };
    for (const id of graph.keys()) visit(id, []);
  },
};
