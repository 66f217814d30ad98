{
  if [[ "${IS_PUSH}" == "true" ]]; then
    echo "## 🔒 Security Scan Results - Branch: ${BRANCH}"
  else
    echo "## 🔒 Security Scan Results - PR #${PR_NUMBER}"
  fi
  echo ""
  echo "**Scan Type**: Trivy Filesystem Scan"
  echo "**Target**: \`/app/charon\` binary"
  echo "**Severity Filter**: CRITICAL, HIGH"
  echo ""
  if [[ "${JOB_STATUS}" == "success" ]]; then
    echo "✅ **PASSED**: No CRITICAL or HIGH vulnerabilities found"
  else
    echo "❌ **FAILED**: CRITICAL or HIGH vulnerabilities detected"
    echo ""
    echo "Please review the Trivy scan output and address the vulnerabilities."
  fi
} >> "$GITHUB_STEP_SUMMARY"
