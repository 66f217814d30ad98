ALPINE_IMAGE_REF=$(grep -m1 'ARG ALPINE_IMAGE=' Dockerfile | cut -d'=' -f2-)
if [[ -z "$ALPINE_IMAGE_REF" ]]; then
  echo "::error::Failed to parse ALPINE_IMAGE from Dockerfile"
  exit 1
fi
echo "Resolved Alpine image: ${ALPINE_IMAGE_REF}"
echo "image=${ALPINE_IMAGE_REF}" >> "$GITHUB_OUTPUT"
