if [[ "${CRITICAL_COUNT}" -gt 0 ]]; then
  echo "🚨 Found ${CRITICAL_COUNT} CRITICAL vulnerabilities!"
  echo "Please review the vulnerability report and address critical issues before merging."
  exit 1
fi

echo "✅ No critical vulnerabilities found"
