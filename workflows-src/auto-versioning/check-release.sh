TAG=${RELEASE_TAG}
echo "Checking for release for tag: ${TAG}"
STATUS=$(curl -s -o /dev/null -w "%{http_code}" \
  -H "Authorization: token ${GITHUB_TOKEN}" \
  -H "Accept: application/vnd.github+json" \
  "https://api.github.com/repos/${GITHUB_REPOSITORY}/releases/tags/${TAG}") || true
if [ "${STATUS}" = "200" ]; then
  echo "exists=true" >> $GITHUB_OUTPUT
  echo "ℹ️  Release already exists for tag: ${TAG}"
else
  echo "exists=false" >> $GITHUB_OUTPUT
  echo "✅ No existing release found for tag: ${TAG}"
fi
