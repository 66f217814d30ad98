# Writes the verification's job summary; counts that are missing (a failed step)
# are shown as "n/a".
set -euo pipefail

{
  echo "## Supply chain verification"
  echo ""
  echo "- Image: \`${IMAGE_REF:-n/a}\`"
  echo "- SBOM components: ${COMPONENTS:-n/a}"
  echo ""
  echo "| Severity | Count |"
  echo "| --- | --- |"
  echo "| Critical | ${CRITICAL:-n/a} |"
  echo "| High | ${HIGH:-n/a} |"
  echo "| Medium | ${MEDIUM:-n/a} |"
  echo "| Low | ${LOW:-n/a} |"
} >> "$GITHUB_STEP_SUMMARY"
