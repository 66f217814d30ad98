#!/usr/bin/env bash
# Stand-in for grype in simulated run steps: "grype sbom:FILE -o json|sarif --file OUT"
# writes a result with no vulnerability matches when the SBOM exists, and fails like
# grype when it does not. Anything else is not modelled.
set -u
sbom="${1:-}"; format=""; out=""
shift || true
while [ $# -gt 0 ]; do
  case "$1" in
    -o) format="$2"; shift 2 ;;
    --file) out="$2"; shift 2 ;;
    *) echo "grype (simulated): option \"$1\" is not modelled" >&2; exit 3 ;;
  esac
done
[ -f "${sbom#sbom:}" ] || { echo "failed to catalog: unable to read sbom: ${sbom#sbom:}" >&2; exit 1; }
case "$format" in
  json) printf '{"matches":[]}\n' > "$out" ;;
  sarif) printf '{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"grype"}},"results":[]}]}\n' > "$out" ;;
  *) echo "grype (simulated): output format \"$format\" is not modelled" >&2; exit 3 ;;
esac
