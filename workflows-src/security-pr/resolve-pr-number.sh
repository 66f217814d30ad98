if [[ "${EVENT_NAME}" == "push" ]]; then
  echo "pr_number=" >> "$GITHUB_OUTPUT"
  echo "is_push=true" >> "$GITHUB_OUTPUT"
  echo "✅ Push event detected; using local image path"
  exit 0
fi

if [[ "${EVENT_NAME}" == "pull_request" ]]; then
  echo "pr_number=${PR_NUMBER_OF_EVENT}" >> "$GITHUB_OUTPUT"
  echo "is_push=false" >> "$GITHUB_OUTPUT"
  echo "✅ Pull request event detected: PR #${PR_NUMBER_OF_EVENT}"
  exit 0
fi

if [[ "${EVENT_NAME}" == "workflow_dispatch" ]]; then
  INPUT_PR_NUMBER="${DISPATCH_PR_NUMBER}"
  if [[ -z "${INPUT_PR_NUMBER}" ]]; then
    echo "❌ workflow_dispatch requires inputs.pr_number"
    exit 1
  fi

  if [[ ! "${INPUT_PR_NUMBER}" =~ ^[0-9]+$ ]]; then
    echo "❌ reason_category=invalid_input"
    echo "reason=workflow_dispatch pr_number must be digits-only"
    exit 1
  fi

  PR_NUMBER="${INPUT_PR_NUMBER}"
  echo "pr_number=${PR_NUMBER}" >> "$GITHUB_OUTPUT"
  echo "is_push=false" >> "$GITHUB_OUTPUT"
  echo "✅ Using manually provided PR number: ${PR_NUMBER}"
  exit 0
fi

if [[ "${EVENT_NAME}" == "workflow_run" ]]; then
  if [[ "${UPSTREAM_EVENT}" != "pull_request" ]]; then
    # Explicit contract validation happens in the dedicated guard step.
    echo "pr_number=" >> "$GITHUB_OUTPUT"
    echo "is_push=false" >> "$GITHUB_OUTPUT"
    exit 0
  fi

  if [[ -n "${UPSTREAM_PR_NUMBER}" ]]; then
    echo "pr_number=${UPSTREAM_PR_NUMBER}" >> "$GITHUB_OUTPUT"
    echo "is_push=false" >> "$GITHUB_OUTPUT"
    echo "✅ Found PR number from workflow_run payload: ${UPSTREAM_PR_NUMBER}"
    exit 0
  fi
fi

# Extract PR number from context
HEAD_SHA="${EVENT_HEAD_SHA}"
echo "🔍 Looking for PR with head SHA: ${HEAD_SHA}"

# Query GitHub API for PR associated with this commit
PR_NUMBER=$(gh api \
  -H "Accept: application/vnd.github+json" \
  -H "X-GitHub-Api-Version: 2022-11-28" \
  "/repos/${REPOSITORY}/commits/${HEAD_SHA}/pulls" \
  --jq '.[0].number // empty' 2>/dev/null || echo "")

if [[ -n "${PR_NUMBER}" ]]; then
  echo "pr_number=${PR_NUMBER}" >> "$GITHUB_OUTPUT"
  echo "is_push=false" >> "$GITHUB_OUTPUT"
  echo "✅ Found PR number: ${PR_NUMBER}"
else
  echo "❌ Could not determine PR number for workflow_run SHA: ${HEAD_SHA}"
  exit 1
fi
