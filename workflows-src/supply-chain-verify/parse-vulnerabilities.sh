echo "Parsing detailed vulnerability information..."

# Generate detailed vulnerability tables grouped by severity, one file per severity
# (critical-vulns.txt, …). Limit to first 20 per severity to keep PR comment readable
for severity in Critical High Medium Low; do
  jq -r --arg severity "${severity}" '
    [.matches[] | select(.vulnerability.severity == $severity)] |
    sort_by(.vulnerability.id) |
    limit(20; .[]) |
    "| \(.vulnerability.id) | \(.artifact.name) | \(.artifact.version) | \(.vulnerability.fix.versions[0] // "No fix available") | \(.vulnerability.description[0:80] // "N/A") |"
  ' vuln-scan.json > "${severity,,}-vulns.txt"
done

echo "✅ Vulnerability details parsed and saved"
