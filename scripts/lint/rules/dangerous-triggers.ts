/**
 * dangerous-triggers: `pull_request_target` and `workflow_run` run with the base
 * repository's secrets and a write token on events that code from forks controls;
 * combined with a checkout of that code they hand it the secrets. This pipeline needs
 * neither. Anchors: zizmor dangerous-triggers, Scorecard Dangerous-Workflow.
 */
import type { Rule } from "../rule.ts";
import { isYamlMap } from "../walk.ts";

const DANGEROUS = ["pull_request_target", "workflow_run"] as const;

export const dangerousTriggers: Rule = {
  id: "dangerous-triggers",
  severity: "warning",
  what: "a workflow triggered by `pull_request_target` or `workflow_run`",
  why: "both run with secrets and a write token on behalf of code or artifacts from forks; one checkout of that code gives it the secrets",
  examples: {
    failing: `on: pull_request_target
permissions: {}
jobs:
  test:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - run: npm test
`,
    passing: `on: pull_request
permissions: {}
jobs:
  test:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - run: npm test
`,
  },
  check(document, report) {
    const on = document.workflow["on"];
    const events = typeof on === "string" ? [on] : Array.isArray(on) ? on : isYamlMap(on) ? Object.keys(on) : [];
    for (const event of DANGEROUS) {
      if (!events.includes(event)) continue;
      const path = isYamlMap(on) ? `on.${event}` : "on";
      report(path, `the workflow runs on "${event}", which gives fork-controlled input the repository's secrets and a write token; use "pull_request" (or "push"), and keep privileged follow-ups in workflows that never run the contributed code`);
    }
  },
};
