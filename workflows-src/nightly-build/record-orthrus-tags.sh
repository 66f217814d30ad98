{
  echo "## 🐕 Orthrus Nightly Image Tags"
  echo '```'
  echo "${META_TAGS}"
  echo '```'
} >> "$GITHUB_STEP_SUMMARY"
