/**
 * artipacked: actions/checkout writes the job's token into `.git/config` unless
 * `persist-credentials: false`, and anything that later uploads or reads the workspace
 * can leak it. The one exception is a job that pushes with git in a later `run:` step.
 * Anchor: zizmor artipacked.
 */
import { commandsOf, everyScript } from "../../shell/read-shell.ts";
import type { WorkflowObject } from "../document.ts";
import type { Rule } from "../rule.ts";
import { runScriptOf } from "../run-script.ts";
import { actionOf, isYamlMap, jobsOf, stepLabel, stepsOf, type StepEntry } from "../walk.ts";

export const artipacked: Rule = {
  id: "artipacked",
  severity: "error",
  what: "an `actions/checkout` step without `persist-credentials: false` in a job that does not push with git later",
  why: "checkout leaves the token in `.git/config`, where later steps, caches and uploaded artifacts can pick it up",
  examples: {
    failing: `on: push
permissions: {}
jobs:
  test:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@8e8c483db84b4bee98b60c0593521ed34d9990e8 # v6.0.1
      - run: npm test
`,
    passing: `on: push
permissions: {}
jobs:
  test:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@8e8c483db84b4bee98b60c0593521ed34d9990e8 # v6.0.1
        with:
          persist-credentials: false
      - run: npm test
`,
  },
  check(document, report) {
    for (const job of jobsOf(document.workflow)) {
      const steps = stepsOf(job);
      steps.forEach((entry, position) => {
        if (actionOf(entry.step) !== "actions/checkout") return;
        const inputs = entry.step["with"];
        const persist = isYamlMap(inputs) ? inputs["persist-credentials"] : undefined;
        if (persist === false || persist === "false") return;
        if (steps.slice(position + 1).some((later) => pushesWithGit(document.workflow, later))) return;
        report(`${entry.path}.with.persist-credentials`, `step "${stepLabel(entry)}" leaves the token in ".git/config"; set "persist-credentials: false" under "with:"`);
      });
    }
  },
};

function pushesWithGit(workflow: WorkflowObject, entry: StepEntry): boolean {
  const script = runScriptOf(workflow, entry);
  return script !== undefined && everyScript(script).flatMap(commandsOf).some((command) => command.name === "git" && command.words.slice(1).some((w) => w.value === "push"));
}
