/**
 * `.github/workflows/renovate_prune.yml`: daily at 03:00 UTC and on demand, deletes
 * the `renovate/` branches that have no open pull request left
 * (`renovate_prune/prune-branches.js`).
 */
import { actionsGithubScriptV9, envVar, githubScriptStep, job, scriptFile, scriptStep, secret, unnamed, workflow, type BuiltWorkflow } from "./kit/index.ts";

const script = (file: string): string => scriptFile(import.meta.url, `./renovate_prune/${file}`);

const prune = job("prune", {}, () => ({
  name: unnamed,
  "runs-on": "ubuntu-latest",
  // Deleting a branch deletes its ref; pull requests are only listed.
  permissions: { contents: "write", "pull-requests": "read" },
  concurrency: { group: "prune-renovate-branches", "cancel-in-progress": true },
  env: { BRANCH_PREFIX: "renovate/" },
  steps: [
    // The token the next step uses, put in the job's environment as GITHUB_TOKEN (CHARON_TOKEN if the workflow token were missing).
    scriptStep({ name: "Choose GitHub Token", env: { WORKFLOW_TOKEN: secret("GITHUB_TOKEN"), CHARON_TOKEN: secret("CHARON_TOKEN") }, run: script("choose-token.sh") }),
    githubScriptStep({
      name: "Prune renovate branches",
      version: actionsGithubScriptV9,
      with: { "github-token": envVar("GITHUB_TOKEN") },
      script: script("prune-branches.js"),
    }),
    scriptStep({ name: "Done", run: 'echo "Prune run completed."' }),
  ],
}));

/** Builds the Renovate branch pruning workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Prune Renovate Branches",
    on: { workflow_dispatch: null, schedule: [{ cron: "0 3 * * *" }] },
    permissions: {},
    jobs: [prune],
  });
}
