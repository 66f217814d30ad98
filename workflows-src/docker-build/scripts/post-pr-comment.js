// Posts a comment on the pull request of this run. A pull request from a fork gets
// a read-only token: the refusal is reported as a warning, not as a failed job.
async function postComment(body) {
  try {
    await github.rest.issues.createComment({
      owner: context.repo.owner,
      repo: context.repo.repo,
      issue_number: context.issue.number,
      body,
    });
  } catch (error) {
    const fromFork = context.payload.pull_request?.head?.repo?.full_name !== `${context.repo.owner}/${context.repo.repo}`;
    if (fromFork && (error.status === 403 || error.status === 404)) {
      core.warning(`could not comment on the pull request (read-only token of a fork): ${error.message}`);
      return;
    }
    throw error;
  }
}
