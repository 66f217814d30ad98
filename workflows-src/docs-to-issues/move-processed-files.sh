mkdir -p docs/issues/created
# CREATED_ISSUES (env): the JSON list the processing step made.
echo "$CREATED_ISSUES" | jq -r '.[].file' | while IFS= read -r file; do
  if [ -f "$file" ] && [ -n "$file" ]; then
    filename=$(basename "$file")
    timestamp=$(date +%Y%m%d)
    mv "$file" "docs/issues/created/${timestamp}-${filename}"
    echo "Moved: $file -> docs/issues/created/${timestamp}-${filename}"
  fi
done
