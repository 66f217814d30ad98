#!/usr/bin/env bash
# Stand-in for syft in simulated run steps: "syft scan docker:REF -o cyclonedx-json=FILE"
# writes a CycloneDX SBOM with one component when REF is in the job's simulated
# daemon, and fails like syft when it is not. Anything else is not modelled.
set -u
[ "${1:-}" = scan ] || { echo "syft (simulated): \"$*\" is not modelled" >&2; exit 3; }
source_ref="${2:-}"; out=""
shift 2 || true
while [ $# -gt 0 ]; do
  case "$1" in
    -o) out="${2#cyclonedx-json=}"; shift 2 ;;
    *) echo "syft (simulated): option \"$1\" is not modelled" >&2; exit 3 ;;
  esac
done
ref="${source_ref#docker:}"
found=no
while IFS= read -r line || [ -n "$line" ]; do [ "$line" = "$ref" ] && found=yes; done < "$SIM_DAEMON/refs"
[ "$found" = yes ] || { echo "could not determine source: image \"$ref\" not found in the docker daemon" >&2; exit 1; }
printf '{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"application","name":"simulated-component","version":"0.0.0"}]}\n' > "$out"
