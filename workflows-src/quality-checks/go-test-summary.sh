echo "## 🔧 Backend Test Results" >> $GITHUB_STEP_SUMMARY
if [ "${TESTS_OUTCOME}" == "success" ]; then
  echo "✅ **All tests passed**" >> $GITHUB_STEP_SUMMARY
  PASS_COUNT=$(grep -c "^--- PASS" test-output.txt || echo "0")
  echo "- Tests passed: $PASS_COUNT" >> $GITHUB_STEP_SUMMARY
else
  echo "❌ **Tests failed**" >> $GITHUB_STEP_SUMMARY
  echo "" >> $GITHUB_STEP_SUMMARY
  echo "### Failed Tests:" >> $GITHUB_STEP_SUMMARY
  echo '```' >> $GITHUB_STEP_SUMMARY
  grep -E "^--- FAIL|FAIL\s+github" test-output.txt || echo "See logs for details"
  grep -E "^--- FAIL|FAIL\s+github" test-output.txt >> $GITHUB_STEP_SUMMARY || echo "See logs for details" >> $GITHUB_STEP_SUMMARY
  echo '```' >> $GITHUB_STEP_SUMMARY
fi
