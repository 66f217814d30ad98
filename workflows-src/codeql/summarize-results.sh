echo "## 🔒 CodeQL Security Analysis Results" >> $GITHUB_STEP_SUMMARY
echo "" >> $GITHUB_STEP_SUMMARY
echo "**Language:** ${LANGUAGE}" >> $GITHUB_STEP_SUMMARY
echo "**Query Suite:** security-and-quality" >> $GITHUB_STEP_SUMMARY
echo "" >> $GITHUB_STEP_SUMMARY

# Find SARIF file (CodeQL action creates it in various locations)
SARIF_FILE=$(find "$RUNNER_TEMP" -name "*${LANGUAGE}*.sarif" -type f 2>/dev/null | head -1)

if [ -f "$SARIF_FILE" ]; then
  echo "Found SARIF file: $SARIF_FILE"
  # A file jq cannot read is reported as such, never counted as zero findings.
  if ! RESULT_COUNT=$(jq '.runs[].results | length' "$SARIF_FILE") \
    || ! ERROR_COUNT=$(jq '[.runs[].results[] | select(.level == "error")] | length' "$SARIF_FILE") \
    || ! WARNING_COUNT=$(jq '[.runs[].results[] | select(.level == "warning")] | length' "$SARIF_FILE") \
    || ! NOTE_COUNT=$(jq '[.runs[].results[] | select(.level == "note")] | length' "$SARIF_FILE"); then
    echo "❌ **SARIF file unreadable:** $SARIF_FILE - check analysis logs" >> $GITHUB_STEP_SUMMARY
    exit 1
  fi

  echo "**Findings:**" >> $GITHUB_STEP_SUMMARY
  echo "- 🔴 Errors: $ERROR_COUNT" >> $GITHUB_STEP_SUMMARY
  echo "- 🟡 Warnings: $WARNING_COUNT" >> $GITHUB_STEP_SUMMARY
  echo "- 🔵 Notes: $NOTE_COUNT" >> $GITHUB_STEP_SUMMARY
  echo "" >> $GITHUB_STEP_SUMMARY

  if [ "$ERROR_COUNT" -gt 0 ]; then
    echo "❌ **CRITICAL:** High-severity security issues found!" >> $GITHUB_STEP_SUMMARY
    echo "" >> $GITHUB_STEP_SUMMARY
    echo "### Top Issues:" >> $GITHUB_STEP_SUMMARY
    echo '```' >> $GITHUB_STEP_SUMMARY
    jq -r '.runs[].results[] | select(.level == "error") | "\(.ruleId): \(.message.text)"' "$SARIF_FILE" 2>/dev/null | head -5 >> $GITHUB_STEP_SUMMARY
    echo '```' >> $GITHUB_STEP_SUMMARY
  else
    echo "✅ No high-severity issues found" >> $GITHUB_STEP_SUMMARY
  fi
else
  echo "⚠️ SARIF file not found - check analysis logs" >> $GITHUB_STEP_SUMMARY
fi

echo "" >> $GITHUB_STEP_SUMMARY
echo "View full results in the [Security tab](https://github.com/${GITHUB_REPOSITORY}/security/code-scanning)" >> $GITHUB_STEP_SUMMARY
