/**
 * concurrency-group: a concurrency group whose only context is `github.workflow` puts
 * every run of the workflow (push and pull request alike) in one group, and in a
 * workflow that can be called (`workflow_call`) `github.workflow` names the caller, so
 * caller and callee wait on each other. Anchor: github/gh-aw#42846 (deadlock).
 */
import { contextPathsOfValue } from "../expressions.ts";
import type { Report, Rule } from "../rule.ts";
import { isYamlMap, jobsOf } from "../walk.ts";

export const concurrencyGroup: Rule = {
  id: "concurrency-group",
  severity: "error",
  what: "a concurrency group built from `github.workflow` alone, or using `github.workflow` in a workflow that can be called with `workflow_call`",
  why: "unrelated runs share one group and cancel or block each other; a called workflow sees its caller's name and can deadlock against it",
  examples: {
    failing: `on: push
permissions: {}
concurrency:
  group: \${{ github.workflow }}
  cancel-in-progress: true
jobs:
  test:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: echo "test"
`,
    passing: `on: push
permissions: {}
concurrency:
  group: test-\${{ github.event_name }}-\${{ github.ref }}
  cancel-in-progress: true
jobs:
  test:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: echo "test"
`,
  },
  check(document, report) {
    const on = document.workflow["on"];
    const callable = on === "workflow_call" || (Array.isArray(on) && on.includes("workflow_call")) || (isYamlMap(on) && "workflow_call" in on);
    checkGroup("concurrency", document.workflow["concurrency"], callable, report);
    for (const job of jobsOf(document.workflow)) checkGroup(`${job.path}.concurrency`, job.job["concurrency"], callable, report);
  },
};

function checkGroup(path: string, concurrency: unknown, callable: boolean, report: Report): void {
  const groupPath = isYamlMap(concurrency) ? `${path}.group` : path;
  const group = isYamlMap(concurrency) ? concurrency["group"] : concurrency;
  if (typeof group !== "string") return;
  const read = new Set(contextPathsOfValue({ value: group, isCondition: false }).map((p) => p.text));
  if (!read.has("github.workflow")) return;
  const fix = `build it from a literal prefix, "github.event_name" and "github.ref" (e.g. "name-\${{ github.event_name }}-\${{ github.ref }}")`;
  if (read.size === 1) {
    report(groupPath, `concurrency group "${group}" is built from "github.workflow" alone, so every run of the workflow shares it; ${fix}`);
  } else if (callable) {
    report(groupPath, `concurrency group "${group}" uses "github.workflow" in a workflow that runs on "workflow_call", where it names the caller and can deadlock against it; ${fix}`);
  }
}
