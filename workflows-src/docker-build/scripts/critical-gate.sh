# Fails the job when the scan found critical vulnerabilities. CRITICAL must be a
# number: an empty or malformed count fails instead of passing.
set -euo pipefail

if [[ ! "$CRITICAL" =~ ^[0-9]+$ ]]; then
  echo "::error::no valid critical count (got \"$CRITICAL\"); the scan result is missing"
  exit 1
fi
if (( CRITICAL > 0 )); then
  echo "::error::$CRITICAL critical vulnerabilities in $IMAGE_REF"
  exit 1
fi
echo "No critical vulnerabilities"
