# Starts the image under test (IMAGE_REF) on a private network next to a small
# upstream service it can proxy to.
set -euo pipefail

docker network create charon-test-net
docker run -d --name whoami --network charon-test-net traefik/whoami
docker run -d --name charon --network charon-test-net -p 8080:8080 "$IMAGE_REF"
