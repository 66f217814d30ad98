if [ -n "${WORKFLOW_TOKEN}" ]; then
  echo "Using GITHUB_TOKEN" >&2
  echo "GITHUB_TOKEN=${WORKFLOW_TOKEN}" >> "$GITHUB_ENV"
else
  echo "Using CHARON_TOKEN fallback" >&2
  echo "GITHUB_TOKEN=${CHARON_TOKEN}" >> "$GITHUB_ENV"
fi
