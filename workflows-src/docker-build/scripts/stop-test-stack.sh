# Removes the containers and the network the test started.
set -uo pipefail

docker rm -f charon whoami > /dev/null 2>&1 || true
docker network rm charon-test-net > /dev/null 2>&1 || true
