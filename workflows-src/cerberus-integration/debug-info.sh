{
  echo "## 🔍 Debug Information"
  echo ""

  echo "### Container Status"
  echo '```'
  docker ps -a --filter "name=charon" --filter "name=cerberus" --filter "name=backend" 2>&1 || true
  echo '```'
  echo ""

  echo "### Security Status API"
  echo '```json'
  curl -s http://localhost:8480/api/v1/security/status 2>/dev/null | head -100 || echo "Could not retrieve security status"
  echo '```'
  echo ""

  echo "### Caddy Admin Config"
  echo '```json'
  curl -s http://localhost:2319/config 2>/dev/null | head -200 || echo "Could not retrieve Caddy config"
  echo '```'
  echo ""

  echo "### Charon Container Logs (last 100 lines)"
  echo '```'
  docker logs charon-cerberus-test 2>&1 | tail -100 || echo "No container logs available"
  echo '```'
} >> "$GITHUB_STEP_SUMMARY"
