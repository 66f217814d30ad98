/**
 * `.github/workflows/create-labels.yml`, run by hand: creates the project's labels
 * (priority, milestone, area, type), updating those that already exist
 * (`create-labels/create-labels.js`).
 */
import { actionsGithubScriptV9, github, githubScriptStep, job, scriptFile, unnamed, workflow, type BuiltWorkflow } from "./kit/index.ts";

const createLabels = job("create-labels", {}, () => ({
  name: unnamed,
  "runs-on": "ubuntu-latest",
  permissions: { issues: "write" },
  steps: [
    githubScriptStep({
      name: "Create all project labels",
      version: actionsGithubScriptV9,
      script: scriptFile(import.meta.url, "./create-labels/create-labels.js"),
    }),
  ],
}));

/** Builds the label set-up workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Create Project Labels",
    on: { workflow_dispatch: null },
    permissions: {},
    concurrency: { group: github.workflow, "cancel-in-progress": false },
    jobs: [createLabels],
  });
}
