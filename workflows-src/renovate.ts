/**
 * `.github/workflows/renovate.yml`: Renovate, daily at 05:00 UTC and on demand, with
 * the configuration in `.github/renovate.json`. It authenticates with the
 * `RENOVATE_TOKEN` secret; the workflow token only checks the repository out.
 */
import { github, job, renovatebotGithubAction, secret, unnamed, workflow, type BuiltWorkflow } from "./kit/index.ts";
import { checkout } from "./shared/checkout.ts";

const renovate = job("renovate", {}, () => ({
  name: unnamed,
  "runs-on": "ubuntu-latest",
  "timeout-minutes": 60,
  permissions: { contents: "read" },
  steps: [
    checkout({ name: "Checkout repository", history: 1, release: "v7" }),
    renovatebotGithubAction({
      name: "Run Renovate",
      env: { RENOVATE_REPOSITORIES: github.repository },
      with: { configurationFile: ".github/renovate.json", token: secret("RENOVATE_TOKEN") },
    }),
  ],
}));

/** Builds the Renovate workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Renovate",
    on: { schedule: [{ cron: "0 5 * * *" }], workflow_dispatch: null },
    permissions: {},
    concurrency: { group: github.workflow, "cancel-in-progress": false },
    env: { GO_VERSION: "1.27.0" },
    jobs: [renovate],
  });
}
