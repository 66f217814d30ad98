/**
 * `.github/workflows/docker-lint.yml`: Hadolint checks the Dockerfile (with the rules
 * of `.hadolint.yaml`) whenever a push or pull request changes it; only error-level
 * findings fail the run.
 */
import { github, hadolintHadolintAction, job, orElse, tpl, unnamed, workflow, type BuiltWorkflow } from "./kit/index.ts";
import { checkout } from "./shared/checkout.ts";

const hadolint = job("hadolint", {}, () => ({
  name: unnamed,
  "runs-on": "ubuntu-latest",
  permissions: { contents: "read" },
  steps: [
    checkout({ name: unnamed }),
    hadolintHadolintAction({ name: "Run Hadolint", with: { dockerfile: "Dockerfile", config: ".hadolint.yaml", "failure-threshold": "error" } }),
  ],
}));

const dockerfileChanges = { branches: ["main", "development", "feature/**", "hotfix/**"], paths: ["Dockerfile"] };

/** Builds the Dockerfile lint workflow. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Docker Lint",
    on: { push: dockerfileChanges, pull_request: dockerfileChanges },
    permissions: {},
    // One run per event and branch (a pull request's head branch), the newest wins.
    concurrency: { group: tpl`${github.workflow}-${github.eventName}-${orElse(github.headRef, github.refName)}`, "cancel-in-progress": true },
    jobs: [hadolint],
  });
}
