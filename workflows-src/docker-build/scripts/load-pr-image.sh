# Loads the PR image archive (ARCHIVE) and checks that the reference build-and-push
# published (IMAGE_REF) is in the daemon afterwards.
set -euo pipefail

if [[ -z "$IMAGE_REF" ]]; then
  echo "::error::build-and-push gave no image reference"
  exit 1
fi
docker load -i "$ARCHIVE"
if ! docker image inspect "$IMAGE_REF" > /dev/null 2>&1; then
  echo "::error::the archive did not contain $IMAGE_REF"
  docker image ls
  exit 1
fi
echo "Loaded $IMAGE_REF"
