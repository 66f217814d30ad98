# Determine artifact name based on event type
if [[ "${IS_PUSH}" == "true" ]]; then
  ARTIFACT_NAME="push-image"
else
  ARTIFACT_NAME="${PR_IMAGE_ARTIFACT}"
fi

echo "🔍 Looking for artifact: ${ARTIFACT_NAME}"

if [[ -n "${RUN_ID}" ]]; then
  # Search in the triggering workflow run
  ARTIFACT_ID=$(gh api \
    -H "Accept: application/vnd.github+json" \
    -H "X-GitHub-Api-Version: 2022-11-28" \
    "/repos/${REPO_NAME}/actions/runs/${RUN_ID}/artifacts" \
    --jq ".artifacts[] | select(.name == \"${ARTIFACT_NAME}\") | .id" 2>/dev/null || echo "")
else
  # If RUN_ID is empty (push/pr trigger), try to find a recent successful run for this SHA
  echo "🔍 Searching for workflow run for SHA: ${HEAD_SHA}"
  # Retry a few times as the run might be just starting or finishing
  for i in {1..3}; do
     RUN_ID=$(gh api \
        -H "Accept: application/vnd.github+json" \
        -H "X-GitHub-Api-Version: 2022-11-28" \
        "/repos/${REPO_NAME}/actions/workflows/docker-build.yml/runs?head_sha=${HEAD_SHA}&status=success&per_page=1" \
        --jq '.workflow_runs[0].id // empty' 2>/dev/null || echo "")
     if [[ -n "${RUN_ID}" ]]; then
        echo "✅ Found Run ID: ${RUN_ID}"
        break
     fi
     echo "⏳ Waiting for workflow run to appear/complete... ($i/3)"
     sleep 5
  done

  if [[ -n "${RUN_ID}" ]]; then
     ARTIFACT_ID=$(gh api \
       -H "Accept: application/vnd.github+json" \
       -H "X-GitHub-Api-Version: 2022-11-28" \
       "/repos/${REPO_NAME}/actions/runs/${RUN_ID}/artifacts" \
       --jq ".artifacts[] | select(.name == \"${ARTIFACT_NAME}\") | .id" 2>/dev/null || echo "")
  fi
fi

if [[ -z "${ARTIFACT_ID}" ]]; then
  # Fallback for manual or missing info: search recent artifacts by name
  echo "🔍 Falling back to search by artifact name..."
  ARTIFACT_ID=$(gh api \
    -H "Accept: application/vnd.github+json" \
    -H "X-GitHub-Api-Version: 2022-11-28" \
    "/repos/${REPO_NAME}/actions/artifacts?name=${ARTIFACT_NAME}" \
    --jq '.artifacts[0].id // empty' 2>/dev/null || echo "")
fi

if [[ -z "${ARTIFACT_ID}" ]]; then
  echo "⚠️ No artifact found: ${ARTIFACT_NAME}"
  echo "artifact_found=false" >> "$GITHUB_OUTPUT"
  exit 0
fi

echo "artifact_found=true" >> "$GITHUB_OUTPUT"
echo "artifact_id=${ARTIFACT_ID}" >> "$GITHUB_OUTPUT"
echo "artifact_name=${ARTIFACT_NAME}" >> "$GITHUB_OUTPUT"
echo "✅ Found artifact: ${ARTIFACT_NAME} (ID: ${ARTIFACT_ID})"
