# CREATED and ERRORS (env): the processing step's JSON lists; DRY_RUN: the manual run's input.

{
  echo "## Docs to Issues Summary"
  echo ""

  if [ "$DRY_RUN" = "true" ]; then
    echo "🔍 **Dry Run Mode** - No issues were actually created"
    echo ""
  fi

  echo "### Created Issues"
  if [ -n "$CREATED" ] && [ "$CREATED" != "[]" ] && [ "$CREATED" != "null" ]; then
    echo "$CREATED" | jq -r '.[] | "- \(.title) (#\(.issueNumber // "dry-run"))"' || echo "_Parse error_"
  else
    echo "_No issues created_"
  fi

  echo ""
  echo "### Errors"
  if [ -n "$ERRORS" ] && [ "$ERRORS" != "[]" ] && [ "$ERRORS" != "null" ]; then
    echo "$ERRORS" | jq -r '.[] | "- ❌ \(.file): \(.error)"' || echo "_Parse error_"
  else
    echo "_No errors_"
  fi
} >> "$GITHUB_STEP_SUMMARY"
