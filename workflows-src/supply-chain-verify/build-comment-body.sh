TIMESTAMP=$(date -u +"%Y-%m-%d %H:%M:%S UTC")
CRITICAL="${CRITICAL_VULNS:-0}"
HIGH="${HIGH_VULNS:-0}"
MEDIUM="${MEDIUM_VULNS:-0}"
LOW="${LOW_VULNS:-0}"
TOTAL=$((CRITICAL + HIGH + MEDIUM + LOW))

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
    # Critical Vulnerabilities
    if [[ ${CRITICAL} -gt 0 ]]; then
      COMMENT_BODY+="<details>
<summary>🔴 <b>Critical Vulnerabilities (${CRITICAL})</b></summary>

| CVE | Package | Current Version | Fixed Version | Description |
|-----|---------|----------------|---------------|-------------|
"

      if [[ -f critical-vulns.txt && -s critical-vulns.txt ]]; then
        # Count lines in the file
        CRIT_COUNT=$(wc -l < critical-vulns.txt)
        COMMENT_BODY+="$(cat critical-vulns.txt)"

        # If more than 20, add truncation message
        if [[ ${CRITICAL} -gt 20 ]]; then
          REMAINING=$((CRITICAL - 20))
          COMMENT_BODY+="

_...and ${REMAINING} more. View the [full scan results](${SERVER_URL}/${REPOSITORY}/actions/runs/${RUN_ID}) for complete details._
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

    # High Severity Vulnerabilities
    if [[ ${HIGH} -gt 0 ]]; then
      COMMENT_BODY+="<details>
<summary>🟠 <b>High Severity Vulnerabilities (${HIGH})</b></summary>

| CVE | Package | Current Version | Fixed Version | Description |
|-----|---------|----------------|---------------|-------------|
"

      if [[ -f high-vulns.txt && -s high-vulns.txt ]]; then
        COMMENT_BODY+="$(cat high-vulns.txt)"

        if [[ ${HIGH} -gt 20 ]]; then
          REMAINING=$((HIGH - 20))
          COMMENT_BODY+="

_...and ${REMAINING} more. View the [full scan results](${SERVER_URL}/${REPOSITORY}/actions/runs/${RUN_ID}) for complete details._
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

    # Medium Severity Vulnerabilities
    if [[ ${MEDIUM} -gt 0 ]]; then
      COMMENT_BODY+="<details>
<summary>🟡 <b>Medium Severity Vulnerabilities (${MEDIUM})</b></summary>

| CVE | Package | Current Version | Fixed Version | Description |
|-----|---------|----------------|---------------|-------------|
"

      if [[ -f medium-vulns.txt && -s medium-vulns.txt ]]; then
        COMMENT_BODY+="$(cat medium-vulns.txt)"

        if [[ ${MEDIUM} -gt 20 ]]; then
          REMAINING=$((MEDIUM - 20))
          COMMENT_BODY+="

_...and ${REMAINING} more. View the [full scan results](${SERVER_URL}/${REPOSITORY}/actions/runs/${RUN_ID}) for complete details._
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

    # Low Severity Vulnerabilities
    if [[ ${LOW} -gt 0 ]]; then
      COMMENT_BODY+="<details>
<summary>🔵 <b>Low Severity Vulnerabilities (${LOW})</b></summary>

| CVE | Package | Current Version | Fixed Version | Description |
|-----|---------|----------------|---------------|-------------|
"

      if [[ -f low-vulns.txt && -s low-vulns.txt ]]; then
        COMMENT_BODY+="$(cat low-vulns.txt)"

        if [[ ${LOW} -gt 20 ]]; then
          REMAINING=$((LOW - 20))
          COMMENT_BODY+="

_...and ${REMAINING} more. View the [full scan results](${SERVER_URL}/${REPOSITORY}/actions/runs/${RUN_ID}) for complete details._
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
