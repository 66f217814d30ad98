set -euo pipefail
DIGEST="${BUILD_DIGEST}"

if [[ -z "$DIGEST" ]]; then
  echo "Build action digest empty; querying GHCR registry API..."
  GHCR_TOKEN=$(curl -sf \
    -u "${ACTOR}:${GITHUB_TOKEN}" \
    "https://${GHCR_REGISTRY}/token?scope=repository:${IMAGE_NAME}:pull&service=${GHCR_REGISTRY}" \
    | jq -r '.token')
  DIGEST=$(curl -sfI \
    -H "Authorization: Bearer ${GHCR_TOKEN}" \
    -H "Accept: application/vnd.oci.image.index.v1+json,application/vnd.docker.distribution.manifest.list.v2+json,application/vnd.oci.image.manifest.v1+json" \
    "https://${GHCR_REGISTRY}/v2/${IMAGE_NAME}/manifests/nightly" \
    | grep -i '^docker-content-digest:' | awk '{print $2}' | tr -d '\r' || true)
  [[ -n "$DIGEST" ]] && echo "Resolved from GHCR API: ${DIGEST}"
fi

if [[ -z "$DIGEST" ]]; then
  echo "::error::Could not determine image digest from step output or GHCR registry API"
  exit 1
fi

echo "RESOLVED_DIGEST=${DIGEST}" >> "$GITHUB_ENV"
echo "digest=${DIGEST}" >> "$GITHUB_OUTPUT"
echo "Exported digest: ${DIGEST}"
