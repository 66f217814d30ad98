# Builds the image locally (never pushed) and copies the application binary
# (APP_BINARY) out of it into OUTPUT_DIR, so only that binary is scanned.
set -euo pipefail

iidfile="$(mktemp)"
docker build --iidfile "$iidfile" .
container="$(docker create "$(cat "$iidfile")")"
trap 'docker rm -f "$container" > /dev/null' EXIT
mkdir -p "$OUTPUT_DIR"
docker cp "$container:$APP_BINARY" "$OUTPUT_DIR/"
ls -l "$OUTPUT_DIR"
