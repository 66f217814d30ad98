# Signs the pushed image by digest with a keyless (OIDC) signature.
# Input: IMAGE_REF, a name@sha256 reference.
set -euo pipefail

if [[ "$IMAGE_REF" != *@sha256:* ]]; then
  echo "::error::refusing to sign $IMAGE_REF: not a digest reference"
  exit 1
fi
cosign sign --yes "$IMAGE_REF"
