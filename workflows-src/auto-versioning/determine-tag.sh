# Normalize the version: remove any leading 'v' so we don't end up with 'vvX.Y.Z'
RAW="${SEMVER_VERSION}"
VERSION_NO_V="${RAW#v}"
TAG="v${VERSION_NO_V}"
echo "Determined tag: $TAG"
echo "tag=$TAG" >> $GITHUB_OUTPUT
