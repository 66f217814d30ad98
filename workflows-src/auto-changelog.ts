/**
 * `.github/workflows/auto-changelog.yml`: Release Drafter keeps the draft of the next
 * release current on every push to main and when a release is published.
 */
import { github, job, releaseDrafterReleaseDrafter, secret, tpl, unnamed, workflow, type BuiltWorkflow } from "./kit/index.ts";
import { checkout } from "./shared/checkout.ts";

const updateDraft = job("update-draft", {}, () => ({
  name: unnamed,
  "runs-on": "ubuntu-latest",
  // Release Drafter writes the draft release and reads the merged pull requests it lists.
  permissions: { contents: "write", "pull-requests": "read" },
  steps: [checkout({ name: unnamed }), releaseDrafterReleaseDrafter({ name: "Draft Release", env: { GITHUB_TOKEN: secret("GITHUB_TOKEN") } })],
}));

/** Builds the workflow that keeps the release draft current. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Auto Changelog (Release Drafter)",
    on: { push: { branches: ["main"] }, release: { types: ["published"] } },
    permissions: {},
    concurrency: { group: tpl`${github.workflow}-${github.ref}`, "cancel-in-progress": true },
    jobs: [updateDraft],
  });
}
