/**
 * `.github/workflows/badge-ghcr-downloads.yml`: every hour (and on demand) counts the
 * downloads of the `charon` package on GHCR and commits the badge file to `main` when
 * the count changed.
 */
import { actionsCheckout, actionsSetupNode, github, job, scriptFile, scriptStep, secret, unnamed, workflow, type BuiltWorkflow } from "./kit/index.ts";

const update = job("update", {}, () => ({
  name: unnamed,
  "runs-on": "ubuntu-latest",
  // Pushes the badge commit to main; reads the package's download count.
  permissions: { contents: "write", packages: "read" },
  steps: [
    // The credentials stay for the push of the last step; the job runs only the default branch's code.
    actionsCheckout({ name: "Checkout (main)", with: { ref: "main", "persist-credentials": true } }),
    actionsSetupNode({ name: "Set up Node", with: { "node-version": "24.13.1" } }),
    scriptStep({
      name: "Update GHCR downloads badge",
      env: {
        GITHUB_TOKEN: secret("GITHUB_TOKEN"),
        GHCR_OWNER: github.repositoryOwner,
        GHCR_PACKAGE: "charon",
        BADGE_OUTPUT: ".github/badges/ghcr-downloads.json",
      },
      run: "node scripts/update-ghcr-downloads-badge.mjs",
    }),
    scriptStep({ name: "Commit and push (if changed)", shell: "bash", run: scriptFile(import.meta.url, "./badge-ghcr-downloads/commit-badge.sh") }),
  ],
}));

/** Builds the badge workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Badge: GHCR downloads",
    on: {
      // Hourly; GitHub may delay scheduled runs.
      schedule: [{ cron: "17 * * * *" }],
      workflow_dispatch: {},
    },
    permissions: {},
    concurrency: { group: "ghcr-downloads-badge", "cancel-in-progress": false },
    jobs: [update],
  });
}
