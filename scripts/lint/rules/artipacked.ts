/**
 * artipacked: actions/checkout writes the job's token into `.git/config` unless
 * `persist-credentials: false`, and anything that later uploads or reads the workspace
 * can leak it. A job that later talks to the remote with git (push, fetch, pull,
 * ls-remote, submodule) or through an action that pushes with the checkout's
 * credentials needs them and passes. A warning: a script the job runs may need the
 * credentials in ways the workflow does not show. Anchor: zizmor artipacked.
 */
import { commandsOf, everyScript } from "../../shell/shell-script.ts";
import type { WorkflowObject } from "../document.ts";
import type { Rule } from "../rule.ts";
import { runScriptOf } from "../run-script.ts";
import { actionOf, isYamlMap, jobsOf, stepLabel, stepsOf, type StepEntry } from "../walk.ts";

export const artipacked: Rule = {
  id: "artipacked",
  severity: "warning",
  documents: ["workflow", "action"],
  what: "an `actions/checkout` step without `persist-credentials: false` in a job that does not use the remote with git or push through an action later",
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
        if (steps.slice(position + 1).some((later) => usesCredentials(document.workflow, later))) return;
        const problem = `step "${stepLabel(entry)}" leaves the token in ".git/config"`;
        report(`${entry.path}.with.persist-credentials`, `${problem}; set "persist-credentials: false" under "with:"`, `${problem}; use the shared checkout() (workflows-src/shared/checkout.ts), which sets "persist-credentials": false`);
      });
    }
  },
};

/** git subcommands that talk to the remote, with the persisted credentials when it is private or written to. */
const REMOTE_GIT = new Set(["push", "fetch", "pull", "ls-remote", "submodule", "clone"]);
/** A script that names none of them after `git` cannot use the remote: it is not parsed. */
const MENTIONS_REMOTE_GIT = [/\bgit\b/, new RegExp(`\\b(?:${[...REMOTE_GIT].join("|")})\\b`)];
/** Actions that push or open pull requests with the credentials checkout left in `.git/config`. */
const PUSHING_ACTIONS = new Set(["stefanzweifel/git-auto-commit-action", "EndBug/add-and-commit", "ad-m/github-push-action", "peter-evans/create-pull-request", "changesets/action"]);

function usesCredentials(workflow: WorkflowObject, entry: StepEntry): boolean {
  if (PUSHING_ACTIONS.has(actionOf(entry.step) ?? "")) return true;
  const script = runScriptOf(workflow, entry, MENTIONS_REMOTE_GIT);
  return script !== undefined && everyScript(script).flatMap(commandsOf).some((command) => command.name === "git" && command.words.slice(1).some((w) => REMOTE_GIT.has(w.value)));
}
