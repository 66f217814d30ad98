# Scans the SBOM in REPORT_DIR with the installed grype (GRYPE) and outputs the
# number of matches per severity. A missing or unreadable result fails the step:
# it is never counted as zero. Outputs: critical, high, medium, low.
set -euo pipefail

results="$REPORT_DIR/grype-results.json"
"$GRYPE" "sbom:$REPORT_DIR/sbom.cyclonedx.json" -o json --file "$results"
if ! jq -e '.matches | type == "array"' "$results" > /dev/null; then
  echo "::error::grype wrote no readable results to $results"
  exit 1
fi
for severity in Critical High Medium Low; do
  count="$(jq -e --arg s "$severity" '[.matches[] | select(.vulnerability.severity == $s)] | length' "$results")"
  if [[ ! "$count" =~ ^[0-9]+$ ]]; then
    echo "::error::could not count $severity matches"
    exit 1
  fi
  echo "$severity: $count"
  echo "${severity,,}=$count" >> "$GITHUB_OUTPUT"
done
