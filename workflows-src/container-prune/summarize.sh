set -euo pipefail
# LOG_FILE (the prune step's log) and SUMMARY_FILE (the totals the prune script writes) come from env.

human() {
  local bytes=${1:-0}
  if [ -z "$bytes" ] || [ "$bytes" -eq 0 ]; then
    echo "0 B"
    return
  fi
  awk -v b="$bytes" 'function human(x){ split("B KiB MiB GiB TiB",u," "); i=0; while(x>1024){x/=1024;i++} printf "%0.2f %s", x, u[i+1]} END{human(b)}'
}

if [ -f "$SUMMARY_FILE" ]; then
  TOTAL_CANDIDATES=$(grep -E '^TOTAL_CANDIDATES=' "$SUMMARY_FILE" | cut -d= -f2 || echo 0)
  TOTAL_CANDIDATES_BYTES=$(grep -E '^TOTAL_CANDIDATES_BYTES=' "$SUMMARY_FILE" | cut -d= -f2 || echo 0)
  TOTAL_DELETED=$(grep -E '^TOTAL_DELETED=' "$SUMMARY_FILE" | cut -d= -f2 || echo 0)
  TOTAL_DELETED_BYTES=$(grep -E '^TOTAL_DELETED_BYTES=' "$SUMMARY_FILE" | cut -d= -f2 || echo 0)

  {
    echo "## Container prune summary"
    echo "- candidates: ${TOTAL_CANDIDATES} (≈ $(human "${TOTAL_CANDIDATES_BYTES}"))"
    echo "- deleted: ${TOTAL_DELETED} (≈ $(human "${TOTAL_DELETED_BYTES}"))"
  } >> "$GITHUB_STEP_SUMMARY"

  printf 'PRUNE_SUMMARY: candidates=%s candidates_bytes=%s deleted=%s deleted_bytes=%s\n' \
    "${TOTAL_CANDIDATES}" "${TOTAL_CANDIDATES_BYTES}" "${TOTAL_DELETED}" "${TOTAL_DELETED_BYTES}"
  echo "Deleted approximately: $(human "${TOTAL_DELETED_BYTES}")"
else
  deleted_bytes=$(grep -oE '\( *approx +[0-9]+ bytes\)' "$LOG_FILE" | sed -E 's/.*approx +([0-9]+) bytes.*/\1/' | awk '{s+=$1} END {print s+0}' || true)
  deleted_count=$(grep -cE 'deleting |DRY RUN: would delete' "$LOG_FILE" || true)

  {
    echo "## Container prune summary"
    echo "- deleted (approx): ${deleted_count} (≈ $(human "${deleted_bytes}"))"
  } >> "$GITHUB_STEP_SUMMARY"

  printf 'PRUNE_SUMMARY: deleted_approx=%s deleted_bytes=%s\n' "${deleted_count}" "${deleted_bytes}"
  echo "Deleted approximately: $(human "${deleted_bytes}")"
fi
