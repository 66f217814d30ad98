# Decides whether this run builds the image, from values passed through env:
# EVENT_NAME, ACTOR, REF, HEAD_REF, PR_TITLE, COMMIT_MESSAGE.
# Dependency and chore changes skip the build; feature branches never do.
set -euo pipefail

skip=false
reason="build needed"
subject=""
case "$EVENT_NAME" in
  pull_request) subject="$PR_TITLE" ;;
  push) subject="${COMMIT_MESSAGE%%$'\n'*}" ;;
esac

if [[ "$EVENT_NAME" == "push" && "$REF" == "refs/heads/feature/beta-release" ]]; then
  reason="pushes to feature/beta-release always build"
elif [[ "$EVENT_NAME" == "pull_request" && "$HEAD_REF" == feature/* ]]; then
  reason="pull requests from feature/ branches always build"
elif [[ "$ACTOR" == "renovate[bot]" ]]; then
  skip=true
  reason="opened by renovate[bot]"
elif [[ "$subject" == "chore:"* || "$subject" == "chore(deps"* ]]; then
  skip=true
  reason="title or commit message starts with a chore prefix"
fi

echo "Skip build: $skip ($reason)"
{
  echo "skip_build=$skip"
  echo "skip_reason=$reason"
} >> "$GITHUB_OUTPUT"
