if [[ -n "${INPUT_PR_NUMBER}" ]]; then
  echo "pr_number=${INPUT_PR_NUMBER}" >> "$GITHUB_OUTPUT"
  echo "📋 Using manually provided PR number: ${INPUT_PR_NUMBER}"
  exit 0
fi

if [[ "${EVENT_NAME}" != "workflow_run" && "${EVENT_NAME}" != "push" && "${EVENT_NAME}" != "pull_request" ]]; then
  echo "❌ No PR number provided and not triggered by workflow_run/push/pr"
  echo "pr_number=" >> "$GITHUB_OUTPUT"
  exit 0
fi

echo "🔍 Looking for PR with head SHA: ${HEAD_SHA}"
echo "🔍 Head branch: ${HEAD_BRANCH}"

# Search for PR by head SHA
PR_NUMBER=$(gh api \
  -H "Accept: application/vnd.github+json" \
  -H "X-GitHub-Api-Version: 2022-11-28" \
  "/repos/${REPO_NAME}/pulls?state=open&head=${REPO_OWNER}:${HEAD_BRANCH}" \
  --jq '.[0].number // empty' 2>/dev/null || echo "")

if [[ -z "${PR_NUMBER}" ]]; then
  # Fallback: search by commit SHA
  PR_NUMBER=$(gh api \
    -H "Accept: application/vnd.github+json" \
    -H "X-GitHub-Api-Version: 2022-11-28" \
    "/repos/${REPO_NAME}/commits/${HEAD_SHA}/pulls" \
    --jq '.[0].number // empty' 2>/dev/null || echo "")
fi

if [[ -z "${PR_NUMBER}" ]]; then
  echo "⚠️ Could not find PR number for this workflow run"
  echo "pr_number=" >> "$GITHUB_OUTPUT"
else
  echo "pr_number=${PR_NUMBER}" >> "$GITHUB_OUTPUT"
  echo "✅ Found PR number: ${PR_NUMBER}"
fi

# Check if this is a push event (not a PR)
if [[ "${WORKFLOW_RUN_EVENT}" == "push" || "${EVENT_NAME}" == "push" ]]; then
  echo "is_push=true" >> "$GITHUB_OUTPUT"
  echo "✅ Detected push build from branch: ${HEAD_BRANCH}"
else
  echo "is_push=false" >> "$GITHUB_OUTPUT"
fi
