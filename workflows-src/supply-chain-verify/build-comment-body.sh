TIMESTAMP=$(date -u +"%Y-%m-%d %H:%M:%S UTC")
CRITICAL="${CRITICAL_VULNS:-0}"
HIGH="${HIGH_VULNS:-0}"
MEDIUM="${MEDIUM_VULNS:-0}"
LOW="${LOW_VULNS:-0}"
TOTAL=$((CRITICAL + HIGH + MEDIUM + LOW))

# One collapsible table of a severity's findings: its marker, its title, its count and
# the file of its rows (the first 20); nothing when the count is 0.
severity_details() {
  local marker="$1" title="$2" count="$3" rows="$4"
  if [[ ${count} -gt 0 ]]; then
    COMMENT_BODY+="<details>
<summary>${marker} <b>${title} (${count})</b></summary>

| CVE | Package | Current Version | Fixed Version | Description |
|-----|---------|----------------|---------------|-------------|
"

    if [[ -f ${rows} && -s ${rows} ]]; then
      COMMENT_BODY+="$(cat "${rows}")"

      if [[ ${count} -gt 20 ]]; then
        COMMENT_BODY+="

_...and $((count - 20)) more. View the [full scan results](${SERVER_URL}/${REPOSITORY}/actions/runs/${RUN_ID}) for complete details._
"
      fi
    else
      COMMENT_BODY+="| N/A | N/A | N/A | N/A | Details unavailable |
"
    fi

    COMMENT_BODY+="
</details>

"
  fi
}

# Build comment body
COMMENT_BODY="## 🔒 Supply Chain Security Scan

**Last Updated**: ${TIMESTAMP}
**Workflow Run**: [#${RUN_NUMBER}](${SERVER_URL}/${REPOSITORY}/actions/runs/${RUN_ID})

---

"

if [[ "${IMAGE_EXISTS}" != "true" ]]; then
  COMMENT_BODY+="### ⏳ Status: Waiting for Image

The Docker image has not been built yet. This scan will run automatically once the docker-build workflow completes.

_This is normal for PR workflows._
"
# SBOM_VALID is empty when the validation did not run or wrote no result
elif [[ "${SBOM_VALID:-not validated}" != "true" ]]; then
  COMMENT_BODY+="### ⚠️ Status: SBOM Validation Failed

The Software Bill of Materials (SBOM) could not be validated. Please check the [workflow logs](${SERVER_URL}/${REPOSITORY}/actions/runs/${RUN_ID}) for details.

**Action Required**: Review and resolve SBOM generation issues.
"
else
  # Scan completed successfully
  if [[ ${TOTAL} -eq 0 ]]; then
    COMMENT_BODY+="### ✅ Status: No Vulnerabilities Detected

🎉 Great news! No security vulnerabilities were found in this image.

| Severity | Count |
|----------|-------|
| 🔴 Critical | 0 |
| 🟠 High | 0 |
| 🟡 Medium | 0 |
| 🔵 Low | 0 |
"
  else
    # Vulnerabilities found
    if [[ ${CRITICAL} -gt 0 ]]; then
      COMMENT_BODY+="### 🚨 Status: Critical Vulnerabilities Detected

⚠️ **Action Required**: ${CRITICAL} critical vulnerabilities require immediate attention!
"
    elif [[ ${HIGH} -gt 0 ]]; then
      COMMENT_BODY+="### ⚠️ Status: High-Severity Vulnerabilities Detected

${HIGH} high-severity vulnerabilities found. Please review and address.
"
    else
      COMMENT_BODY+="### 📊 Status: Vulnerabilities Detected

Security scan found ${TOTAL} vulnerabilities.
"
    fi

    COMMENT_BODY+="
| Severity | Count |
|----------|-------|
| 🔴 Critical | ${CRITICAL} |
| 🟠 High | ${HIGH} |
| 🟡 Medium | ${MEDIUM} |
| 🔵 Low | ${LOW} |
| **Total** | **${TOTAL}** |

## 🔍 Detailed Findings

"

    # Add detailed vulnerability tables by severity
    severity_details "🔴" "Critical Vulnerabilities" "${CRITICAL}" critical-vulns.txt
    severity_details "🟠" "High Severity Vulnerabilities" "${HIGH}" high-vulns.txt
    severity_details "🟡" "Medium Severity Vulnerabilities" "${MEDIUM}" medium-vulns.txt
    severity_details "🔵" "Low Severity Vulnerabilities" "${LOW}" low-vulns.txt

    COMMENT_BODY+="
📋 [View detailed vulnerability report](${SERVER_URL}/${REPOSITORY}/actions/runs/${RUN_ID})
"
  fi
fi

COMMENT_BODY+="
---

<sub><!-- supply-chain-security-comment --></sub>
"

# Save to file for the next step (handles multi-line)
echo "$COMMENT_BODY" > /tmp/comment-body.txt

# Also output for debugging
echo "Generated comment body:"
cat /tmp/comment-body.txt
