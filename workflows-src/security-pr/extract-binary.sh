# Use local image for Push/PR events
if [[ "${EVENT_NAME}" == "push" || "${EVENT_NAME}" == "pull_request" ]]; then
  echo "Using local image: charon:local"
  CONTAINER_ID=$(docker create "charon:local")
  echo "container_id=${CONTAINER_ID}" >> "$GITHUB_OUTPUT"

  # Extract the charon binary
  mkdir -p ./scan-target
  docker cp "${CONTAINER_ID}:/app/charon" ./scan-target/charon
  docker rm "${CONTAINER_ID}"

  if [[ -f "./scan-target/charon" ]]; then
    echo "✅ Binary extracted successfully"
    ls -lh ./scan-target/charon
    echo "binary_path=./scan-target" >> "$GITHUB_OUTPUT"
  else
    echo "❌ Failed to extract binary"
    exit 1
  fi
  exit 0
fi

# For workflow_run artifact path, always use locally tagged image from loaded artifact.
IMAGE_REF="${LOADED_IMAGE_REF}"
if [[ -z "${IMAGE_REF}" ]]; then
  echo "❌ ERROR: Loaded artifact image reference is empty"
  exit 1
fi

echo "🔍 Extracting binary from: ${IMAGE_REF}"

# Create container without starting it
CONTAINER_ID=$(docker create "${IMAGE_REF}")
echo "container_id=${CONTAINER_ID}" >> "$GITHUB_OUTPUT"

# Extract the charon binary
mkdir -p ./scan-target
docker cp "${CONTAINER_ID}:/app/charon" ./scan-target/charon

# Cleanup container
docker rm "${CONTAINER_ID}"

# Verify extraction
if [[ -f "./scan-target/charon" ]]; then
  echo "✅ Binary extracted successfully"
  ls -lh ./scan-target/charon
  echo "binary_path=./scan-target" >> "$GITHUB_OUTPUT"
else
  echo "❌ Failed to extract binary"
  exit 1
fi
