if [[ "${EVENT_NAME}" == "release" ]]; then
  TAG="${RELEASE_TAG}"
elif [[ "${EVENT_NAME}" == "workflow_run" ]]; then
  BRANCH="${UPSTREAM_HEAD_BRANCH}"
  # Extract tag from the workflow that triggered us
  if [[ "${BRANCH}" == "main" ]]; then
    TAG="latest"
  elif [[ "${BRANCH}" == "development" ]]; then
    TAG="dev"
  elif [[ "${BRANCH}" == "nightly" ]]; then
    TAG="nightly"
  elif [[ "${UPSTREAM_EVENT}" == "pull_request" ]]; then
    # Extract PR number from workflow_run context with null handling
    PR_NUMBER=$(jq -r '.pull_requests[0].number // empty' <<< "${UPSTREAM_PULL_REQUESTS}")
    if [[ -n "${PR_NUMBER}" ]]; then
      TAG="pr-${PR_NUMBER}"
    else
      # Fallback to SHA-based tag if PR number not available
      TAG="sha-$(echo "${UPSTREAM_HEAD_SHA}" | cut -c1-7)"
    fi
  else
    # For feature branches and other pushes, sanitize branch name for Docker tag
    # Replace / with - to avoid invalid reference format errors
    TAG=$(echo "${BRANCH}" | tr '/' '-')
  fi
else
  TAG="latest"
fi
echo "tag=${TAG}" >> $GITHUB_OUTPUT
echo "Determined image tag: ${TAG}"
