# Writes the grype findings for the SBOM in REPORT_DIR as SARIF for code scanning.
set -euo pipefail

"$GRYPE" "sbom:$REPORT_DIR/sbom.cyclonedx.json" -o sarif --file "$REPORT_DIR/grype-results.sarif"
