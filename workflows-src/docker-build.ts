/**
 * The Charon container pipeline, `.github/workflows/docker-build.yml`: builds,
 * tests, scans and publishes the image; on pull requests it verifies the supply
 * chain of the image it built, or says why the build was skipped.
 */
import { github, tpl, workflow, type BuiltWorkflow } from "./kit/index.ts";
import { buildAndPush } from "./docker-build/build-and-push.ts";
import { BRANCHES, WORKFLOW_NAME, workflowEnv } from "./docker-build/settings.ts";
import { testImage } from "./docker-build/test-image.ts";
import { trivyPrAppOnly } from "./docker-build/trivy-pr-app-only.ts";
import { verifySupplyChainPr } from "./docker-build/verify-supply-chain-pr.ts";
import { verifySupplyChainPrSkipped } from "./docker-build/verify-supply-chain-pr-skipped.ts";

/** Builds the docker-build workflow (throws `BuildError` listing every problem). */
export function build(): BuiltWorkflow {
  return workflow(import.meta.url, {
    name: WORKFLOW_NAME,
    on: {
      push: { branches: BRANCHES },
      pull_request: { branches: BRANCHES },
      workflow_dispatch: {},
    },
    permissions: {},
    env: workflowEnv,
    concurrency: {
      // Event and ref keep a PR run from cancelling a push run of the same branch.
      group: tpl`docker-build-${github.eventName}-${github.ref}`,
      "cancel-in-progress": true,
    },
    jobs: [buildAndPush, testImage, trivyPrAppOnly, verifySupplyChainPr, verifySupplyChainPrSkipped],
  });
}
