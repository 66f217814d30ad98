SARIF_FILE=$(find "$RUNNER_TEMP" -name "*${LANGUAGE}*.sarif" -type f 2>/dev/null | head -1)

if [ -f "$SARIF_FILE" ]; then
  # Fail closed: a results file jq cannot read fails the gate instead of passing as zero errors.
  if ! ERROR_COUNT=$(jq '[.runs[].results[] | select(.level == "error")] | length' "$SARIF_FILE"); then
    echo "::error::Cannot read the CodeQL results in $SARIF_FILE."
    exit 1
  fi

  if [ "$ERROR_COUNT" -gt 0 ]; then
    echo "::error::CodeQL found $ERROR_COUNT high-severity security issues. Fix before merging."
    exit 1
  fi
fi
