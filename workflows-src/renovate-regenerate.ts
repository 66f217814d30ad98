/**
 * `.github/workflows/renovate-regenerate.yml`: Renovate updates an action's pin in the
 * manifest (see `renovate.json`) and leaves generated files alone; this workflow brings
 * the regenerated files into the same branch, so the pull request lands green.
 *
 * Two jobs, because the branch's code is not trusted with a write token: Renovate also
 * updates npm packages, which `npm ci` and `npm run gen` run. The first job regenerates
 * with a read-only token and hands over a patch; the second, which runs none of the
 * branch's code, checks that the patch touches only generated files and the manifest,
 * pushes it, and starts the check of the new commit (a push made with the workflow token
 * starts no workflow by itself).
 */
import { actionsCheckout, and, artifactContract, eq, github, job, scriptFile, scriptStep, secret, tpl, workflow, type BuiltWorkflow } from "./kit/index.ts";
import { checkout } from "./shared/checkout.ts";
import { nodeProject } from "./shared/node-project.ts";

const script = (file: string): string => scriptFile(import.meta.url, `./renovate-regenerate/${file}`);

/** The regenerated files, as a patch from the first job to the second. */
const regenerated = artifactContract({ name: tpl`regenerated-${github.runId}`, file: "regenerated.patch", retentionDays: 1 });

const regenerate = job("regenerate", {}, () => {
  const patch = scriptStep({
    name: "Refresh the action facts and regenerate",
    id: "patch",
    outputs: ["changed"],
    env: { PATCH: regenerated.path, GITHUB_TOKEN: secret("GITHUB_TOKEN") },
    run: script("make-patch.sh"),
  });
  return {
    name: "Regenerate with a read-only token",
    "runs-on": "ubuntu-latest",
    "timeout-minutes": 15,
    permissions: { contents: "read" },
    outputs: { changed: patch.outputs.changed },
    steps: [
      checkout(),
      ...nodeProject(),
      patch,
      regenerated.upload({ name: "Hand the patch over", if: eq(patch.outputs.changed, "true"), after: [patch] }),
    ],
  };
});

const push = job("push", { needs: [regenerate] }, (needs) => {
  const fromRegenerate = needs(regenerate);
  return {
    name: "Push the regenerated files",
    if: and(fromRegenerate.succeeded, eq(fromRegenerate.outputs.changed, "true")),
    "runs-on": "ubuntu-latest",
    "timeout-minutes": 5,
    permissions: { contents: "write", actions: "write" },
    steps: [
      // The credentials stay for the push below; no step of this job runs the branch's code.
      actionsCheckout({ name: "Checkout", with: { "persist-credentials": true } }),
      regenerated.download({ name: "Take the patch" }),
      scriptStep({ name: "Commit and push the regenerated files", env: { PATCH: regenerated.path, BRANCH: github.refName }, run: script("push-patch.sh") }),
      scriptStep({ name: "Check the new commit", env: { BRANCH: github.refName, GH_TOKEN: secret("GITHUB_TOKEN") }, run: script("run-check.sh") }),
    ],
  };
});

/** Builds the workflow that regenerates Renovate's branches. */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: "Regenerate Renovate updates",
    on: { push: { branches: ["renovate/**"] } },
    permissions: {},
    concurrency: { group: tpl`renovate-regenerate-${github.ref}`, "cancel-in-progress": true },
    jobs: [regenerate, push],
  });
}
