for attempt in 1 2 3; do
  go install "$GO_PACKAGE" && break
  if [ "$attempt" -lt 3 ]; then
    echo "Attempt ${attempt}/3 failed; retrying in $((attempt * 15))s..." >&2
    sleep $((attempt * 15))
  else
    echo "ERROR: go install ${TOOL} failed after 3 attempts" >&2
    exit 1
  fi
done
