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
    // Depth-first with an explicit stack (the path from the root), so a chain of many jobs cannot overflow the call stack.
    for (const root of graph.keys()) {
      if (state.has(root)) continue;
      const path: { id: string; next: number }[] = [{ id: root, next: 0 }];
      state.set(root, "open");
      while (path.length) {
        const top = path[path.length - 1]!;
        const needs = graph.get(top.id) ?? [];
        if (top.next >= needs.length) {
          state.set(top.id, "done");
          path.pop();
          continue;
        }
        const next = needs[top.next++]!;
        if (!graph.has(next) || state.get(next) === "done") continue;
        if (state.get(next) === "open") {
          const ids = path.map((p) => p.id);
          const cycle = [...ids.slice(ids.indexOf(next)), next];
          const key = [...new Set(cycle)].sort().join(",");
          if (!reported.has(key)) {
            reported.add(key);
            report(`jobs.${next}.needs`, `jobs ${cycle.map((c) => `"${c}"`).join(" → ")} need each other in a cycle; remove one of these needs`);
          }
          continue;
        }
        state.set(next, "open");
        path.push({ id: next, next: 0 });
      }
    }
  },
};
