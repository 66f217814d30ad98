if [[ "${UPSTREAM_WORKFLOW}" != "${EXPECTED_WORKFLOW}" ]]; then
  echo "❌ reason_category=unexpected_upstream_workflow"
  echo "workflow_name=${UPSTREAM_WORKFLOW}"
  exit 1
fi

if [[ "${UPSTREAM_EVENT}" != "pull_request" ]]; then
  echo "❌ reason_category=unsupported_upstream_event"
  echo "upstream_event=${UPSTREAM_EVENT}"
  echo "run_id=${UPSTREAM_RUN_ID}"
  exit 1
fi

if [[ "${UPSTREAM_HEAD_REPOSITORY}" != "${REPOSITORY}" ]]; then
  echo "❌ reason_category=untrusted_upstream_repository"
  echo "upstream_head_repository=${UPSTREAM_HEAD_REPOSITORY}"
  echo "expected_repository=${REPOSITORY}"
  exit 1
fi

echo "✅ workflow_run trust boundary and event contract validated"
