# Writes the integration test's job summary from IMAGE_REF and JOB_STATUS.
set -euo pipefail

{
  echo "## Integration test"
  echo ""
  echo "- Image: \`${IMAGE_REF:-unknown}\`"
  echo "- Result: $JOB_STATUS"
} >> "$GITHUB_STEP_SUMMARY"
