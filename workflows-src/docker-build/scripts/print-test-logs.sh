# Prints the logs of the containers the test started, whatever the outcome.
set -uo pipefail

for container in charon whoami; do
  echo "::group::logs of $container"
  docker logs "$container" 2>&1 || echo "no container $container"
  echo "::endgroup::"
done
