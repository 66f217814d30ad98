set -euo pipefail
make build-offline \
  DOCKER_BUILD="docker buildx build" \
  BUILD_OFFLINE_ARGS="--platform linux/amd64 --load --pull --cache-from type=gha,scope=build-offline --cache-to type=gha,mode=max,scope=build-offline"
