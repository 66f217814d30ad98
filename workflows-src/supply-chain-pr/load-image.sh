if [[ ! -f "${IMAGE_ARCHIVE}" ]]; then
  echo "❌ ${IMAGE_ARCHIVE} not found in artifact"
  ls -la
  exit 1
fi

echo "🐳 Loading Docker image..."
LOAD_OUTPUT=$(docker load -i "${IMAGE_ARCHIVE}")
echo "${LOAD_OUTPUT}"

# Extract image name from load output
IMAGE_NAME=$(echo "${LOAD_OUTPUT}" | grep -oP 'Loaded image: \K.*' || echo "")

if [[ -z "${IMAGE_NAME}" ]]; then
  # Try alternative format
  IMAGE_NAME=$(echo "${LOAD_OUTPUT}" | grep -oP 'Loaded image ID: \K.*' || echo "")
fi

if [[ -z "${IMAGE_NAME}" ]]; then
  # Fallback: list recent images
  IMAGE_NAME=$(docker images --format "{{.Repository}}:{{.Tag}}" | head -1)
fi

echo "image_name=${IMAGE_NAME}" >> "$GITHUB_OUTPUT"
echo "✅ Loaded image: ${IMAGE_NAME}"
