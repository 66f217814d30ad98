/**
 * The review of a pull request's workflow changes (`npm run review`): job `review`
 * compares the workflows built from the pull request's merge commit with those built
 * from the commit it is merged onto, and writes the markdown to the job summary; job
 * `review-comment` keeps one comment on the pull request current with it. Only the
 * comment job gets a write scope, and only for a branch of this repository: a fork's
 * token cannot comment, and the review stays in the job summary.
 */
import { and, eq, github, job, scriptFile, scriptStep } from "../kit/index.ts";
import { checkout } from "../shared/checkout.ts";
import { nodeProject } from "../shared/node-project.ts";

const isPullRequest = eq(github.eventName, "pull_request");
const fromThisRepository = eq(github.event.pullRequest.headRepoFullName, github.repository);
const script = (file: string): string => scriptFile(import.meta.url, `./scripts/${file}`);

export const review = job("review", {}, () => {
  const run = scriptStep({ name: "Review the workflow changes", id: "review", outputs: ["markdown"], run: script("review.sh") });
  return {
    name: "Review of the workflow changes",
    if: isPullRequest,
    "runs-on": "ubuntu-latest",
    "timeout-minutes": 10,
    permissions: { contents: "read" },
    outputs: { markdown: run.outputs.markdown },
    // Two commits: the merge commit of the pull request and its first parent, the base it is merged onto.
    steps: [checkout({ history: 2 }), ...nodeProject(), run],
  };
});

export const reviewComment = job("review-comment", { needs: [review] }, (needs) => ({
  name: "Keep the review comment current",
  if: and(isPullRequest, fromThisRepository, needs(review).succeeded),
  "runs-on": "ubuntu-latest",
  "timeout-minutes": 5,
  permissions: { "pull-requests": "write" },
  steps: [
    scriptStep({
      name: "Update the review comment",
      env: { GH_TOKEN: github.token, PR_NUMBER: github.event.pullRequest.number, REVIEW: needs(review).outputs.markdown },
      run: script("update-review-comment.sh"),
    }),
  ],
}));
