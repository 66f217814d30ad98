# Pulls the image build-and-push published, by the reference in its outputs (IMAGE_REF).
set -euo pipefail

if [[ -z "$IMAGE_REF" ]]; then
  echo "::error::build-and-push gave no image reference"
  exit 1
fi
docker pull "$IMAGE_REF"
