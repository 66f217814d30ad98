echo "Validating SBOM file..."
echo ""

# Check jq availability
if ! command -v jq &> /dev/null; then
  echo "❌ jq is not available"
  echo "valid=false" >> $GITHUB_OUTPUT
  exit 1
fi

# Check file exists
if [[ ! -f sbom-generated.json ]]; then
  echo "❌ SBOM file does not exist"
  echo "valid=false" >> $GITHUB_OUTPUT
  exit 0
fi

# Check file is non-empty
if [[ ! -s sbom-generated.json ]]; then
  echo "❌ SBOM file is empty"
  echo "valid=false" >> $GITHUB_OUTPUT
  exit 0
fi

# Validate JSON structure
if ! jq empty sbom-generated.json 2>/dev/null; then
  echo "❌ SBOM file contains invalid JSON"
  echo "SBOM content:"
  cat sbom-generated.json
  echo "valid=false" >> $GITHUB_OUTPUT
  exit 0
fi

# Validate CycloneDX structure
BOMFORMAT=$(jq -r '.bomFormat // "missing"' sbom-generated.json)
SPECVERSION=$(jq -r '.specVersion // "missing"' sbom-generated.json)
COMPONENTS=$(jq '.components // [] | length' sbom-generated.json)

echo "SBOM Format: ${BOMFORMAT}"
echo "Spec Version: ${SPECVERSION}"
echo "Components: ${COMPONENTS}"
echo ""

if [[ "${BOMFORMAT}" != "CycloneDX" ]]; then
  echo "❌ Invalid bomFormat: expected 'CycloneDX', got '${BOMFORMAT}'"
  echo "valid=false" >> $GITHUB_OUTPUT
  exit 0
fi

if [[ "${COMPONENTS}" == "0" ]]; then
  echo "⚠️ SBOM has no components - may indicate incomplete scan"
  echo "valid=partial" >> $GITHUB_OUTPUT
else
  echo "✅ SBOM is valid with ${COMPONENTS} components"
  echo "valid=true" >> $GITHUB_OUTPUT
fi
