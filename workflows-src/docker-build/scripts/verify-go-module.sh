# Fails unless the Go binary BINARY inside IMAGE links MODULE at MIN_VERSION or
# later. A binary that does not link the module passes; a binary whose build
# information cannot be read fails (a security check fails closed).
set -euo pipefail

workdir="$(mktemp -d)"
container="$(docker create "$IMAGE")"
trap 'docker rm -f "$container" > /dev/null; rm -rf "$workdir"' EXIT
docker cp "$container:$BINARY" "$workdir/binary"

if ! buildinfo="$(go version -m "$workdir/binary")"; then
  echo "::error::cannot read Go build information from $BINARY in $IMAGE"
  exit 1
fi
found="$(awk -v module="$MODULE" '($1 == "dep" || $1 == "=>") && $2 == module { print $3 }' <<< "$buildinfo" | tail -n 1)"
if [[ -z "$found" ]]; then
  echo "$BINARY does not link $MODULE"
  exit 0
fi
lowest="$(printf '%s\n%s\n' "$MIN_VERSION" "$found" | sort -V | head -n 1)"
if [[ "$lowest" != "$MIN_VERSION" ]]; then
  echo "::error::$BINARY links $MODULE $found; $MIN_VERSION or later is required"
  exit 1
fi
echo "$BINARY links $MODULE $found (>= $MIN_VERSION)"
