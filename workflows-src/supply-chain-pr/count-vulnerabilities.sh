set -euo pipefail
# Verify scan actually produced output
if [[ ! -f "grype-results.json" ]]; then
   echo "❌ Error: grype-results.json not found!"
   echo "Available files:"
   ls -la
   exit 1
fi

# Debug content (head)
echo "📄 Grype JSON Preview:"
head -n 20 grype-results.json

# Count vulnerabilities by severity: a report jq cannot read fails the step (the gate below reads these counts)
CRITICAL_COUNT=$(jq '[.matches[] | select(.vulnerability.severity == "Critical")] | length' grype-results.json)
HIGH_COUNT=$(jq '[.matches[] | select(.vulnerability.severity == "High")] | length' grype-results.json)
MEDIUM_COUNT=$(jq '[.matches[] | select(.vulnerability.severity == "Medium")] | length' grype-results.json)
LOW_COUNT=$(jq '[.matches[] | select(.vulnerability.severity == "Low")] | length' grype-results.json)
TOTAL_COUNT=$(jq '.matches | length' grype-results.json)

echo "critical_count=${CRITICAL_COUNT}" >> "$GITHUB_OUTPUT"
echo "high_count=${HIGH_COUNT}" >> "$GITHUB_OUTPUT"
echo "medium_count=${MEDIUM_COUNT}" >> "$GITHUB_OUTPUT"
echo "low_count=${LOW_COUNT}" >> "$GITHUB_OUTPUT"
echo "total_count=${TOTAL_COUNT}" >> "$GITHUB_OUTPUT"

echo "📊 Vulnerability Summary:"
echo "  Critical: ${CRITICAL_COUNT}"
echo "  High: ${HIGH_COUNT}"
echo "  Medium: ${MEDIUM_COUNT}"
echo "  Low: ${LOW_COUNT}"
echo "  Total: ${TOTAL_COUNT}"
