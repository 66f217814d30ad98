set -euo pipefail

if [[ "${SBOM_PRIMARY_OUTCOME}" == "success" ]] && [[ -s "$SBOM" ]] && jq -e . "$SBOM" >/dev/null 2>&1; then
  echo "Primary SBOM generation succeeded with valid JSON; skipping fallback"
  exit 0
fi

echo "Primary SBOM generation failed or produced missing/invalid output; using deterministic Syft fallback"

SYFT_VERSION="v1.52.0"
OS="$(uname -s | tr '[:upper:]' '[:lower:]')"
ARCH="$(uname -m)"
case "$ARCH" in
  x86_64) ARCH="amd64" ;;
  aarch64|arm64) ARCH="arm64" ;;
  *) echo "Unsupported architecture: $ARCH"; exit 1 ;;
esac

TARBALL="syft_${SYFT_VERSION#v}_${OS}_${ARCH}.tar.gz"
BASE_URL="https://github.com/anchore/syft/releases/download/${SYFT_VERSION}"

curl -fsSLo "$TARBALL" "${BASE_URL}/${TARBALL}"
curl -fsSLo checksums.txt "${BASE_URL}/syft_${SYFT_VERSION#v}_checksums.txt"

grep "  ${TARBALL}$" checksums.txt > checksum_line.txt
sha256sum -c checksum_line.txt

tar -xzf "$TARBALL" syft
chmod +x syft

DIGEST="${IMAGE_DIGEST}"
if [[ -z "$DIGEST" ]]; then
  echo "::error::Digest from resolve_digest step is empty; the digest-resolution step did not complete successfully"
  exit 1
fi
./syft "${GHCR_REGISTRY}/${IMAGE_NAME}@${DIGEST}" -o "spdx-json=${SBOM}"
