{
  echo "## 🔍 Debug Information"
  echo ""

  echo "### Container Status"
  echo '```'
  docker ps -a --filter "name=charon" --filter "name=crowdsec" 2>&1 || true
  echo '```'
  echo ""

  # Check which test container exists and dump its logs
  if docker ps -a --filter "name=charon-crowdsec-startup-test" --format "{{.Names}}" | grep -q "charon-crowdsec-startup-test"; then
    echo "### Charon Startup Test Container Logs (last 100 lines)"
    echo '```'
    docker logs charon-crowdsec-startup-test 2>&1 | tail -100 || echo "No container logs available"
    echo '```'
  elif docker ps -a --filter "name=charon-debug" --format "{{.Names}}" | grep -q "charon-debug"; then
    echo "### Charon Container Logs (last 100 lines)"
    echo '```'
    docker logs charon-debug 2>&1 | tail -100 || echo "No container logs available"
    echo '```'
  fi
  echo ""

  # Check for CrowdSec specific logs if LAPI test ran
  if [ -f "lapi-test-output.txt" ]; then
    echo "### CrowdSec LAPI Test Failures"
    echo '```'
    grep -E "✗ FAIL|✗ CRITICAL|CROWDSEC.*BROKEN" lapi-test-output.txt 2>&1 || echo "No critical failures found in LAPI test"
    echo '```'
  fi
} >> "$GITHUB_STEP_SUMMARY"
