set -euo pipefail
echo "Verifying SBOM for ${IMAGE}..."
echo ""

# Log Syft version for debugging
echo "Syft version:"
"$SYFT" version
echo ""

# Generate fresh SBOM in CycloneDX format (aligned with docker-build.yml)
echo "Generating SBOM in CycloneDX JSON format..."
if ! "$SYFT" ${IMAGE} -o cyclonedx-json > sbom-generated.json; then
  echo "❌ Failed to generate SBOM"
  echo ""
  echo "Debug information:"
  echo "Image: ${IMAGE}"
  echo "Syft exit code: $?"
  exit 1  # Fail on real errors, not silent exit
fi

# Check SBOM content
GENERATED_COUNT=$(jq '.components | length' sbom-generated.json)

echo "Generated SBOM components: ${GENERATED_COUNT}"

if [[ ${GENERATED_COUNT} -eq 0 ]]; then
  echo "⚠️ SBOM contains no components - may indicate an issue"
else
  echo "✅ SBOM contains ${GENERATED_COUNT} components"
fi
