set -euo pipefail
test -s "$SBOM"
jq -e . "$SBOM" >/dev/null
jq -e '
  (.spdxVersion | type == "string" and length > 0)
  and has("SPDXID")
  and (.packages | type == "array")
' "$SBOM" >/dev/null
