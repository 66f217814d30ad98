echo "📦 Downloading artifact: ${ARTIFACT_NAME}"

gh api \
  -H "Accept: application/vnd.github+json" \
  -H "X-GitHub-Api-Version: 2022-11-28" \
  "/repos/${REPO_NAME}/actions/artifacts/${ARTIFACT_ID}/zip" \
  > artifact.zip

unzip -o artifact.zip
echo "✅ Artifact downloaded and extracted"
