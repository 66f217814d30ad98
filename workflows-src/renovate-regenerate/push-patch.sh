# Applies the regenerated files to the Renovate branch and pushes them. Runs no code of
# the branch: it only checks that the patch touches generated files and the action
# manifest, commits and pushes. Inputs (env): PATCH, BRANCH.
set -euo pipefail

allowed='^(\.github/workflows/[^/]+\.ya?ml|generated/.+|workflows-src/kit/actions\.manifest\.json)$'
while IFS=$'\t' read -r _added _deleted file; do
  if [[ ! "$file" =~ $allowed ]]; then
    echo "::error::the regenerated patch touches \"$file\", which gen does not write"
    exit 1
  fi
done < <(git apply --numstat "$PATCH")

git apply --index "$PATCH"
git config user.name "github-actions[bot]"
git config user.email "41898282+github-actions[bot]@users.noreply.github.com"
git commit --message "Regenerate the workflows for the updated action pins"
git push origin "HEAD:refs/heads/$BRANCH"
