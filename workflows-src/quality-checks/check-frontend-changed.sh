if [ "${GITHUB_EVENT_NAME}" = "push" ]; then
  echo "frontend_changed=true" >> $GITHUB_OUTPUT
  exit 0
fi
git fetch origin ${GITHUB_BASE_REF} --depth=1 || true
CHANGED=$(git diff --name-only origin/${GITHUB_BASE_REF}...HEAD || true)
echo "Changed files:\n$CHANGED"
if echo "$CHANGED" | grep -q '^frontend/'; then
  echo "frontend_changed=true" >> $GITHUB_OUTPUT
else
  echo "frontend_changed=false" >> $GITHUB_OUTPUT
fi
