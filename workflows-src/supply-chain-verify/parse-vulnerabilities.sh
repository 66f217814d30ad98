echo "Parsing detailed vulnerability information..."

# Generate detailed vulnerability tables grouped by severity
# Limit to first 20 per severity to keep PR comment readable

# Critical vulnerabilities
jq -r '
  [.matches[] | select(.vulnerability.severity == "Critical")] |
  sort_by(.vulnerability.id) |
  limit(20; .[]) |
  "| \(.vulnerability.id) | \(.artifact.name) | \(.artifact.version) | \(.vulnerability.fix.versions[0] // "No fix available") | \(.vulnerability.description[0:80] // "N/A") |"
' vuln-scan.json > critical-vulns.txt

# High severity vulnerabilities
jq -r '
  [.matches[] | select(.vulnerability.severity == "High")] |
  sort_by(.vulnerability.id) |
  limit(20; .[]) |
  "| \(.vulnerability.id) | \(.artifact.name) | \(.artifact.version) | \(.vulnerability.fix.versions[0] // "No fix available") | \(.vulnerability.description[0:80] // "N/A") |"
' vuln-scan.json > high-vulns.txt

# Medium severity vulnerabilities
jq -r '
  [.matches[] | select(.vulnerability.severity == "Medium")] |
  sort_by(.vulnerability.id) |
  limit(20; .[]) |
  "| \(.vulnerability.id) | \(.artifact.name) | \(.artifact.version) | \(.vulnerability.fix.versions[0] // "No fix available") | \(.vulnerability.description[0:80] // "N/A") |"
' vuln-scan.json > medium-vulns.txt

# Low severity vulnerabilities
jq -r '
  [.matches[] | select(.vulnerability.severity == "Low")] |
  sort_by(.vulnerability.id) |
  limit(20; .[]) |
  "| \(.vulnerability.id) | \(.artifact.name) | \(.artifact.version) | \(.vulnerability.fix.versions[0] // "No fix available") | \(.vulnerability.description[0:80] // "N/A") |"
' vuln-scan.json > low-vulns.txt

echo "✅ Vulnerability details parsed and saved"
