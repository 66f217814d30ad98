# Waits, at most 120 seconds, for the health endpoint of the started image.
set -euo pipefail

for attempt in $(seq 1 60); do
  if curl -fsS http://localhost:8080/api/v1/health > /dev/null; then
    echo "healthy after $attempt attempts"
    exit 0
  fi
  sleep 2
done
echo "::error::/api/v1/health did not answer within 120 seconds"
exit 1
