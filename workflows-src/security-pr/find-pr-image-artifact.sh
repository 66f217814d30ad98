PR_NUMBER="${RESOLVED_PR_NUMBER}"
if [[ ! "${PR_NUMBER}" =~ ^[0-9]+$ ]]; then
  echo "❌ reason_category=invalid_input"
  echo "reason=Resolved PR number must be digits-only"
  exit 1
fi

# ARTIFACT_NAME comes from env: docker-build's name for this pull request's image.
RUN_ID="${UPSTREAM_RUN_ID}"

echo "🔍 Checking for artifact: ${ARTIFACT_NAME}"

if [[ "${EVENT_NAME}" == "workflow_dispatch" ]]; then
  # Manual replay path: find latest successful docker-build pull_request run for this PR.
  RUNS_JSON=$(gh api \
    -H "Accept: application/vnd.github+json" \
    -H "X-GitHub-Api-Version: 2022-11-28" \
    "/repos/${REPOSITORY}/actions/workflows/docker-build.yml/runs?event=pull_request&status=success&per_page=100" 2>&1)
  RUNS_STATUS=$?

  if [[ ${RUNS_STATUS} -ne 0 ]]; then
    echo "❌ reason_category=api_error"
    echo "reason=Failed to query workflow runs for PR lookup"
    echo "upstream_run_id=unknown"
    echo "artifact_name=${ARTIFACT_NAME}"
    echo "api_output=${RUNS_JSON}"
    exit 1
  fi

  RUN_ID=$(printf '%s' "${RUNS_JSON}" | jq -r --argjson pr "${PR_NUMBER}" '.workflow_runs[] | select((.pull_requests // []) | any(.number == $pr)) | .id' | head -n 1)

  if [[ -z "${RUN_ID}" ]]; then
    echo "❌ reason_category=not_found"
    echo "reason=No successful docker-build pull_request run found for PR #${PR_NUMBER}"
    echo "upstream_run_id=unknown"
    echo "artifact_name=${ARTIFACT_NAME}"
    exit 1
  fi
fi

echo "run_id=${RUN_ID}" >> "$GITHUB_OUTPUT"

# Check if the artifact exists in the workflow run
ARTIFACTS_JSON=$(gh api \
  -H "Accept: application/vnd.github+json" \
  -H "X-GitHub-Api-Version: 2022-11-28" \
  "/repos/${REPOSITORY}/actions/runs/${RUN_ID}/artifacts" 2>&1)
ARTIFACTS_STATUS=$?

if [[ ${ARTIFACTS_STATUS} -ne 0 ]]; then
  echo "❌ reason_category=api_error"
  echo "reason=Failed to query artifacts for upstream run"
  echo "upstream_run_id=${RUN_ID}"
  echo "artifact_name=${ARTIFACT_NAME}"
  echo "api_output=${ARTIFACTS_JSON}"
  exit 1
fi

ARTIFACT_ID=$(printf '%s' "${ARTIFACTS_JSON}" | jq -r --arg name "${ARTIFACT_NAME}" '.artifacts[] | select(.name == $name) | .id' | head -n 1)

if [[ -z "${ARTIFACT_ID}" ]]; then
  echo "⚠️ reason_category=not_found"
  echo "reason=Artifact not found — build was likely skipped (e.g., renovate/chore PR)"
  echo "upstream_run_id=${RUN_ID}"
  echo "artifact_name=${ARTIFACT_NAME}"
  echo "artifact_exists=false" >> "$GITHUB_OUTPUT"
  exit 0
fi

{
  echo "artifact_exists=true"
  echo "artifact_id=${ARTIFACT_ID}"
} >> "$GITHUB_OUTPUT"
echo "✅ Found artifact: ${ARTIFACT_NAME} (ID: ${ARTIFACT_ID})"
