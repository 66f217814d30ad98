set -euo pipefail
echo "Scanning for vulnerabilities with Grype..."
echo "SBOM format: CycloneDX JSON"
echo "SBOM size: $(wc -c < sbom-generated.json) bytes"
echo ""

# Update Grype vulnerability database
echo "Updating Grype vulnerability database..."
"$GRYPE" db update
echo ""

# Run Grype with explicit path and better error handling
if ! "$GRYPE" sbom:./sbom-generated.json --output json --file vuln-scan.json; then
  echo ""
  echo "❌ Grype scan failed"
  echo ""
  echo "Debug information:"
  echo "Grype version:"
  "$GRYPE" version
  echo ""
  echo "SBOM preview (first 1000 characters):"
  head -c 1000 sbom-generated.json
  echo ""
  exit 1  # Fail the step to surface the issue
fi

echo "✅ Grype scan completed successfully"
echo ""

# Display human-readable results
echo "Vulnerability summary:"
"$GRYPE" sbom:./sbom-generated.json --output table || true

# Parse and categorize results
CRITICAL=$(jq '[.matches[] | select(.vulnerability.severity == "Critical")] | length' vuln-scan.json)
HIGH=$(jq '[.matches[] | select(.vulnerability.severity == "High")] | length' vuln-scan.json)
MEDIUM=$(jq '[.matches[] | select(.vulnerability.severity == "Medium")] | length' vuln-scan.json)
LOW=$(jq '[.matches[] | select(.vulnerability.severity == "Low")] | length' vuln-scan.json)

echo ""
echo "Vulnerability counts:"
echo "  Critical: ${CRITICAL}"
echo "  High: ${HIGH}"
echo "  Medium: ${MEDIUM}"
echo "  Low: ${LOW}"

# Set warnings for critical vulnerabilities
if [[ ${CRITICAL} -gt 0 ]]; then
  echo "::warning::${CRITICAL} critical vulnerabilities found"
fi

# Store for PR comment
echo "CRITICAL_VULNS=${CRITICAL}" >> $GITHUB_ENV
echo "HIGH_VULNS=${HIGH}" >> $GITHUB_ENV
echo "MEDIUM_VULNS=${MEDIUM}" >> $GITHUB_ENV
echo "LOW_VULNS=${LOW}" >> $GITHUB_ENV
