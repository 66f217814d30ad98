# Keeps one review comment on the pull request: the bot's comment that starts with the
# marker is edited, or created when there is none, so each push updates it in place.
set -euo pipefail
marker='<!-- charon-workflows-review -->'
body="$marker
$REVIEW"
comments="repos/$GITHUB_REPOSITORY/issues/$PR_NUMBER/comments"
ids=$(gh api --paginate "$comments" --jq ".[] | select(.user.login == \"github-actions[bot]\" and (.body | startswith(\"$marker\"))) | .id")
id="${ids%%$'\n'*}"
if [ -n "$id" ]; then
  gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id" -f body="$body" > /dev/null
else
  gh api --method POST "$comments" -f body="$body" > /dev/null
fi
