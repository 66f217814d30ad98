/**
 * concurrency-group: a concurrency group whose only context is `github.workflow` puts
 * every run of the workflow (push and pull request alike) in one group, so a pull
 * request cancels or holds back a push to main; and in a workflow that can be called
 * (`workflow_call`) `github.workflow` names the caller, so caller and callee wait on
 * each other. A workflow that runs only on a schedule, by hand or on a release has one
 * stream of runs, and one group for all of them is how it serialises them: it passes.
 * Anchor: github/gh-aw#42846 (deadlock).
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
    const events = eventsOf(document.workflow["on"]);
    const trigger = { callable: events.includes("workflow_call"), refs: events.some((e) => REF_EVENTS.has(e)) };
    checkGroup("concurrency", document.workflow["concurrency"], trigger, report);
    for (const job of jobsOf(document.workflow)) checkGroup(`${job.path}.concurrency`, job.job["concurrency"], trigger, report);
  },
};

/** Events whose runs come from different branches or pull requests at once. */
const REF_EVENTS = new Set(["push", "pull_request", "pull_request_target", "merge_group"]);

/** The event names of an `on:` value (a string, a list or a mapping). */
export function eventsOf(on: unknown): string[] {
  if (typeof on === "string") return [on];
  if (Array.isArray(on)) return on.filter((e): e is string => typeof e === "string");
  return isYamlMap(on) ? Object.keys(on) : [];
}

function checkGroup(path: string, concurrency: unknown, trigger: { callable: boolean; refs: boolean }, report: Report): void {
  const groupPath = isYamlMap(concurrency) ? `${path}.group` : path;
  const group = isYamlMap(concurrency) ? concurrency["group"] : concurrency;
  if (typeof group !== "string") return;
  const read = new Set(contextPathsOfValue({ value: group, isCondition: false }).map((p) => p.text));
  if (!read.has("github.workflow")) return;
  const fix = `build it from a literal prefix, "github.event_name" and "github.ref" (e.g. "name-\${{ github.event_name }}-\${{ github.ref }}")`;
  if (read.size === 1 && trigger.refs) {
    report(groupPath, `concurrency group "${group}" is built from "github.workflow" alone, so runs of every branch and pull request share it and cancel or hold back each other; ${fix}`);
  } else if (trigger.callable) {
    report(groupPath, `concurrency group "${group}" uses "github.workflow" in a workflow that runs on "workflow_call", where it names the caller and can deadlock against it; ${fix}`);
  }
}
