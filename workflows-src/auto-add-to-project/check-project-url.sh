if [ -n "${PROJECT_URL}" ]; then
  echo "has_project=true" >> "$GITHUB_OUTPUT"
else
  echo "has_project=false" >> "$GITHUB_OUTPUT"
fi
