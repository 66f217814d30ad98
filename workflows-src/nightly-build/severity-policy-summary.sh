{
  echo "## 🔐 Nightly Supply Chain Severity Policy"
  echo ""
  echo "- Blocking: Critical, High"
  echo "- Medium: non-blocking by default (report + triage SLA)"
  echo "- Policy file: .github/security-severity-policy.yml"
} >> "$GITHUB_STEP_SUMMARY"
