{
  echo "## 🛡️ CrowdSec Integration Test Results"

# CrowdSec Preset Integration Tests
if [ "${CROWDSEC_TEST_OUTCOME}" == "success" ]; then
  echo "✅ **CrowdSec Hub Presets: Passed**"
  echo ""
  echo "### Preset Test Results:"
  echo '```'
  grep -E "^✓|^===|^Pull|^Apply" crowdsec-test-output.txt || echo "See logs for details"
  echo '```'
else
  echo "❌ **CrowdSec Hub Presets: Failed**"
  echo ""
  echo "### Preset Failure Details:"
  echo '```'
  grep -E "^✗|Unexpected|Error|failed|FAIL" crowdsec-test-output.txt | head -20 || echo "See logs for details"
  echo '```'
fi

  echo ""

# CrowdSec Startup and LAPI Tests
if [ "${LAPI_TEST_OUTCOME}" == "success" ]; then
  echo "✅ **CrowdSec Startup & LAPI: Passed**"
  echo ""
  echo "### LAPI Test Results:"
  echo '```'
  grep -E "^\[TEST\]|✓ PASS|Check [0-9]|CrowdSec LAPI" lapi-test-output.txt || echo "See logs for details"
  echo '```'
else
  echo "❌ **CrowdSec Startup & LAPI: Failed**"
  echo ""
  echo "### LAPI Failure Details:"
  echo '```'
  grep -E "✗ FAIL|✗ CRITICAL|Error|failed" lapi-test-output.txt | head -20 || echo "See logs for details"
  echo '```'
fi
} >> "$GITHUB_STEP_SUMMARY"
