echo "Checking if image exists: ${IMAGE}"

# Authenticate with GHCR using GitHub token
echo "${GH_TOKEN}" | docker login ghcr.io -u ${ACTOR} --password-stdin

if docker manifest inspect ${IMAGE} >/dev/null 2>&1; then
  echo "✅ Image exists and is accessible"
  echo "exists=true" >> $GITHUB_OUTPUT
else
  echo "⚠️ Image not found - likely not built yet"
  echo "This is normal for PR workflows before docker-build completes"
  echo "exists=false" >> $GITHUB_OUTPUT
fi
