echo "## ⚛️ Frontend Test Results" >> $GITHUB_STEP_SUMMARY
if [ "${TESTS_OUTCOME}" == "success" ]; then
  echo "✅ **All tests passed**" >> $GITHUB_STEP_SUMMARY
  # Extract test counts from vitest output
  if grep -q "Tests:" test-output.txt; then
    grep "Tests:" test-output.txt | tail -1 >> $GITHUB_STEP_SUMMARY
  fi
else
  echo "❌ **Tests failed**" >> $GITHUB_STEP_SUMMARY
  echo "" >> $GITHUB_STEP_SUMMARY
  echo "### Failed Tests:" >> $GITHUB_STEP_SUMMARY
  echo '```' >> $GITHUB_STEP_SUMMARY
  # Extract failed test info from vitest output
  grep -E "FAIL|✕|×|AssertionError|Error:" test-output.txt | head -30 >> $GITHUB_STEP_SUMMARY || echo "See logs for details" >> $GITHUB_STEP_SUMMARY
  echo '```' >> $GITHUB_STEP_SUMMARY
fi
