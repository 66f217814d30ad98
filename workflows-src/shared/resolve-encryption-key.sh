set -euo pipefail

is_same_repo_pr=false
if [[ "$EVENT_NAME" == "pull_request" && -n "${PR_HEAD_REPO:-}" && "$PR_HEAD_REPO" == "$REPO" ]]; then
  is_same_repo_pr=true
fi

is_workflow_dispatch=false
if [[ "$EVENT_NAME" == "workflow_dispatch" ]]; then
  is_workflow_dispatch=true
fi

is_push_event=false
if [[ "$EVENT_NAME" == "push" ]]; then
  is_push_event=true
fi

is_dependabot_pr=false
if [[ "$EVENT_NAME" == "pull_request" && "$ACTOR" == "dependabot[bot]" ]]; then
  is_dependabot_pr=true
fi

is_fork_pr=false
if [[ "$EVENT_NAME" == "pull_request" && "${PR_HEAD_FORK:-false}" == "true" ]]; then
  is_fork_pr=true
fi

is_untrusted=false
if [[ "$is_fork_pr" == "true" || "$is_dependabot_pr" == "true" ]]; then
  is_untrusted=true
fi

is_trusted=false
if [[ "$is_untrusted" == "false" && ( "$is_same_repo_pr" == "true" || "$is_workflow_dispatch" == "true" || "$is_push_event" == "true" ) ]]; then
  is_trusted=true
fi

resolved_key=""
if [[ "$is_trusted" == "true" ]]; then
  if [[ -z "${WORKFLOW_SECRET_KEY:-}" ]]; then
    echo "::error title=Missing required secret::Trusted backend CI context requires CHARON_ENCRYPTION_KEY_TEST. Add repository secret CHARON_ENCRYPTION_KEY_TEST."
    exit 1
  fi
  resolved_key="$WORKFLOW_SECRET_KEY"
elif [[ "$is_untrusted" == "true" ]]; then
  resolved_key="$(openssl rand -base64 32)"
else
  echo "::error title=Unsupported event context::Unable to classify trust for backend key resolution (event=${EVENT_NAME})."
  exit 1
fi

if [[ -z "$resolved_key" ]]; then
  echo "::error title=Key resolution failure::Resolved encryption key is empty."
  exit 1
fi

echo "::add-mask::$resolved_key"
{
  echo "CHARON_ENCRYPTION_KEY<<__CHARON_EOF__"
  echo "$resolved_key"
  echo "__CHARON_EOF__"
} >> "$GITHUB_ENV"
