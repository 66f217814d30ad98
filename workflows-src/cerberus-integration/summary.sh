{
  echo "## 🔱 Cerberus Integration Test Results"
  if [ "${CERBERUS_TEST_OUTCOME}" == "success" ]; then
    echo "✅ **All Cerberus tests passed**"
    echo ""
    echo "### Test Results:"
    echo '```'
    grep -E "✓|PASS|TC-[0-9]|=== ALL" cerberus-test-output.txt || echo "See logs for details"
    echo '```'
    echo ""
    echo "### Features Tested:"
    echo "- WAF (Coraza) payload inspection"
    echo "- Rate limiting enforcement"
    echo "- Security handler ordering"
    echo "- Legitimate traffic flow"
  else
    echo "❌ **Cerberus tests failed**"
    echo ""
    echo "### Failure Details:"
    echo '```'
    grep -E "✗|FAIL|Error|failed" cerberus-test-output.txt | head -30 || echo "See logs for details"
    echo '```'
  fi
} >> "$GITHUB_STEP_SUMMARY"
