echo "Signing ${REGISTRY_LABEL} nightly image with keyless signing..."
for attempt in 1 2 3; do
  if cosign sign --yes "${IMAGE_REF}"; then
    echo "✅ ${REGISTRY_LABEL} nightly image signed successfully"
    break
  fi
  if [ "$attempt" -eq 3 ]; then
    echo "❌ ${REGISTRY_LABEL} signing failed after 3 attempts"
    exit 1
  fi
  echo "⚠️  Attempt $attempt failed — retrying in 15s..."
  sleep 15
done
