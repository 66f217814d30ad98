# Sanitize branch name for use in artifact names
# Replace / with - to avoid invalid reference format errors
SANITIZED=$(echo "$BRANCH_NAME" | tr '/' '-')
echo "branch=${SANITIZED}" >> "$GITHUB_OUTPUT"
echo "📋 Sanitized branch name: ${BRANCH_NAME} -> ${SANITIZED}"
