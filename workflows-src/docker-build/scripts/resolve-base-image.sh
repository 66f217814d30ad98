# Pins the Debian base image of the Caddy stage by digest, so the build uses the
# image this run resolved even if the tag moves. Input: BASE_IMAGE (a tag).
set -euo pipefail

digest="$(docker buildx imagetools inspect "$BASE_IMAGE" --format '{{json .Manifest}}' | jq -r '.digest')"
if [[ ! "$digest" =~ ^sha256:[0-9a-f]{64}$ ]]; then
  echo "::error::could not resolve a digest for $BASE_IMAGE (got \"$digest\")"
  exit 1
fi
echo "image=${BASE_IMAGE%%:*}@$digest" >> "$GITHUB_OUTPUT"
echo "Base image: ${BASE_IMAGE%%:*}@$digest"
