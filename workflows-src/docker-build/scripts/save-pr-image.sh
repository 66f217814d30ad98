# Saves the PR image the build loaded into the local daemon, under the tag the
# metadata step gave it (IMAGE_TAG), to the artifact file (ARCHIVE).
set -euo pipefail

if [[ -z "$IMAGE_TAG" ]]; then
  echo "::error::no image tag from the metadata step; the build did not name an image"
  exit 1
fi
if ! docker image inspect "$IMAGE_TAG" > /dev/null 2>&1; then
  echo "::error::image $IMAGE_TAG is not in the local daemon"
  echo "Images in the daemon:"
  docker image ls
  exit 1
fi
echo "Saving $IMAGE_TAG to $ARCHIVE"
docker save "$IMAGE_TAG" -o "$ARCHIVE"
ls -lh "$ARCHIVE"
