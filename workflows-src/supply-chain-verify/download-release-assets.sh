TAG=${RELEASE_TAG_NAME}
mkdir -p ./release-assets
gh release download ${TAG} --dir ./release-assets || {
  echo "⚠️ No release assets found or download failed"
  exit 0
}
