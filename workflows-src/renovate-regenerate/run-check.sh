# A push made with the workflow token starts no workflow, so the check of the new
# commit is started by hand on the branch. Inputs (env): BRANCH, GH_TOKEN.
set -euo pipefail

gh workflow run workflows-check.yml --ref "$BRANCH"
echo "Started workflows-check.yml on $BRANCH."
