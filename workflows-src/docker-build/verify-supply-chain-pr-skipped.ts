/**
 * Job `verify-supply-chain-pr-skipped`: on pull requests whose build was skipped,
 * says so on the pull request, so a skipped build still reports.
 */
import { and, github, githubScriptStep, job } from "../kit/index.ts";
import { buildAndPush } from "./build-and-push.ts";
import { buildSkipped } from "./build-skipped.ts";
import { prCommentScript } from "./pr-comment.ts";
import { isPullRequest, RUNNER } from "./settings.ts";

export const verifySupplyChainPrSkipped = job("verify-supply-chain-pr-skipped", { needs: [buildAndPush] }, (needs) => {
  const build = needs(buildAndPush);
  return {
    name: "Supply chain verification (skipped)",
    if: and(isPullRequest, buildSkipped(build)),
    "runs-on": RUNNER,
    "timeout-minutes": 5,
    permissions: { "pull-requests": "write" },
    steps: [
      githubScriptStep({
        name: "Comment on the pull request",
        env: { COMMIT_SHA: github.event.pullRequest.headSha, SKIP_REASON: build.outputs.skip_reason },
        script: prCommentScript("skipped-comment.js"),
      }),
    ],
  };
});
