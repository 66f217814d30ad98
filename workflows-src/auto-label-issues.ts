/**
 * `.github/workflows/auto-label-issues.yml`: when an issue is opened or edited, labels
 * for its priority, milestone and area are guessed from keywords in its title and body
 * (`auto-label-issues/label-issue.js`) and added to it.
 */
import { actionsGithubScriptV8, event, github, githubScriptStep, job, scriptFile, tpl, unnamed, workflow, type BuiltWorkflow } from "./kit/index.ts";

const autoLabel = job("auto-label", {}, () => ({
  name: unnamed,
  "runs-on": "ubuntu-latest",
  permissions: { issues: "write" },
  steps: [
    githubScriptStep({
      name: "Auto-label based on title and body",
      version: actionsGithubScriptV8,
      script: scriptFile(import.meta.url, "./auto-label-issues/label-issue.js"),
    }),
  ],
}));

/** Builds the workflow that labels issues from their text. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Auto-label Issues",
    on: { issues: { types: ["opened", "edited"] } },
    permissions: {},
    concurrency: { group: tpl`${github.workflow}-${event("issues").get("issue").get("number")}`, "cancel-in-progress": true },
    jobs: [autoLabel],
  });
}
