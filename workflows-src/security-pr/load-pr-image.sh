echo "📦 Loading Docker image..."

if [[ ! -r "${IMAGE_ARCHIVE}" ]]; then
  echo "❌ ERROR: Artifact image tar is missing or unreadable"
  exit 1
fi

MANIFEST_TAGS=""
if tar -tf "${IMAGE_ARCHIVE}" | grep -qx "manifest.json"; then
  MANIFEST_TAGS=$(tar -xOf "${IMAGE_ARCHIVE}" manifest.json 2>/dev/null | jq -r '.[]?.RepoTags[]?' 2>/dev/null | sed '/^$/d' || true)
else
  echo "⚠️ manifest.json not found in artifact tar; will try docker-load-image-id fallback"
fi

LOAD_OUTPUT=$(docker load < "${IMAGE_ARCHIVE}" 2>&1)
echo "${LOAD_OUTPUT}"

SOURCE_IMAGE_REF=""
SOURCE_RESOLUTION_MODE=""

while IFS= read -r tag; do
  [[ -z "${tag}" ]] && continue
  if docker image inspect "${tag}" >/dev/null 2>&1; then
    SOURCE_IMAGE_REF="${tag}"
    SOURCE_RESOLUTION_MODE="manifest_tag"
    break
  fi
done <<< "${MANIFEST_TAGS}"

if [[ -z "${SOURCE_IMAGE_REF}" ]]; then
  LOAD_IMAGE_ID=$(printf '%s\n' "${LOAD_OUTPUT}" | sed -nE 's/^Loaded image ID: (sha256:[0-9a-f]+)$/\1/p' | head -n1)
  if [[ -n "${LOAD_IMAGE_ID}" ]] && docker image inspect "${LOAD_IMAGE_ID}" >/dev/null 2>&1; then
    SOURCE_IMAGE_REF="${LOAD_IMAGE_ID}"
    SOURCE_RESOLUTION_MODE="load_image_id"
  fi
fi

if [[ -z "${SOURCE_IMAGE_REF}" ]]; then
  echo "❌ ERROR: Could not resolve a valid image reference from manifest tags or docker load image ID"
  exit 1
fi

docker tag "${SOURCE_IMAGE_REF}" "charon:artifact"

{
  echo "source_image_ref=${SOURCE_IMAGE_REF}"
  echo "source_resolution_mode=${SOURCE_RESOLUTION_MODE}"
  echo "image_ref=charon:artifact"
} >> "$GITHUB_OUTPUT"

echo "✅ Docker image resolved via ${SOURCE_RESOLUTION_MODE} and tagged as charon:artifact"
docker images | grep charon
