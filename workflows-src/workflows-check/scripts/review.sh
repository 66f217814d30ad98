# Reviews the pull request's workflow changes against the commit it is merged onto (the
# first parent of the merge commit actions/checkout checks out), writes the markdown to
# the job summary and hands it to the comment job as the step output "markdown".
set -euo pipefail
review="$RUNNER_TEMP/review.md"
npm run --silent review -- --base HEAD^1 --format markdown > "$review"
cat "$review" >> "$GITHUB_STEP_SUMMARY"
# A delimiter the markdown cannot contain, so no line of it ends the output early.
delimiter="review-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
{
  echo "markdown<<$delimiter"
  cat "$review"
  echo "$delimiter"
} >> "$GITHUB_OUTPUT"
