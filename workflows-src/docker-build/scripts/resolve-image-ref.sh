# Names the built image for the steps after the build: on pull requests the tag
# the build loaded (IMAGE_TAG, from the metadata step), on pushes the pushed
# digest of the same repository (DIGEST, empty on pull requests). Outputs: ref,
# name, digest.
set -euo pipefail

if [[ -z "$IMAGE_TAG" ]]; then
  echo "::error::the metadata step gave no tag; nothing was built under a known name"
  exit 1
fi
name="${IMAGE_TAG%:*}"
if [[ -n "$DIGEST" ]]; then
  ref="$name@$DIGEST"
else
  ref="$IMAGE_TAG"
fi
echo "Image: $ref"
{
  echo "name=$name"
  echo "ref=$ref"
  echo "digest=$DIGEST"
} >> "$GITHUB_OUTPUT"
