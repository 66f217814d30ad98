PR2_GATE_STATUS="$(printf '%s' "$REPO_VARS_JSON" | jq -r '.CHARON_PR2_GATES_PASSED // "false"')"
if [[ "$PR2_GATE_STATUS" != "true" ]]; then
  echo "::error::Releasable tag promotion is blocked until PR-2 security/retirement gates pass."
  echo "::error::Set repository variable CHARON_PR2_GATES_PASSED=true only after PR-2 approval."
  exit 1
fi
