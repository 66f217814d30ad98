# Writes the build's job summary from IMAGE_REF, TAGS and DIGEST.
set -euo pipefail

{
  echo "## Docker image"
  echo ""
  echo "- Image: \`$IMAGE_REF\`"
  echo "- Digest: \`${DIGEST:-not pushed}\`"
  echo ""
  echo "### Tags"
  while IFS= read -r tag; do
    [[ -n "$tag" ]] && echo "- \`$tag\`"
  done <<< "$TAGS"
} >> "$GITHUB_STEP_SUMMARY"
