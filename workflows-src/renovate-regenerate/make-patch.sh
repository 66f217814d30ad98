# Refreshes the action facts for the pins Renovate moved and regenerates every file,
# then keeps what changed as a patch for the job that may push. Inputs (env):
# PATCH (where to write the patch). Outputs: changed=true|false.
set -euo pipefail

npm run sync-actions -- --github
npm run gen

git add --all
if git diff --cached --quiet; then
  echo "changed=false" >> "$GITHUB_OUTPUT"
  echo "The generated files are current."
  exit 0
fi
git diff --cached --binary > "$PATCH"
git diff --cached --stat
echo "changed=true" >> "$GITHUB_OUTPUT"
