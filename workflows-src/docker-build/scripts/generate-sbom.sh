# Generates a CycloneDX SBOM of IMAGE_REF with the installed syft (SYFT) into
# REPORT_DIR, and fails when it lists no components. Output: components.
set -euo pipefail

mkdir -p "$REPORT_DIR"
sbom="$REPORT_DIR/sbom.cyclonedx.json"
"$SYFT" scan "docker:$IMAGE_REF" -o "cyclonedx-json=$sbom"
components="$(jq -e '.components | length' "$sbom")" || {
  echo "::error::the SBOM has no components list"
  exit 1
}
if [[ ! "$components" =~ ^[0-9]+$ || "$components" -eq 0 ]]; then
  echo "::error::the SBOM lists no components"
  exit 1
fi
echo "SBOM components: $components"
echo "components=$components" >> "$GITHUB_OUTPUT"
