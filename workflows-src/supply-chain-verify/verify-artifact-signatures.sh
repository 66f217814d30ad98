if [[ ! -d ./release-assets ]] || [[ -z "$(ls -A ./release-assets 2>/dev/null)" ]]; then
  echo "⚠️ No release assets to verify"
  exit 0
fi

echo "Verifying Cosign signatures for release artifacts..."

VERIFIED_COUNT=0
FAILED_COUNT=0

for artifact in ./release-assets/*; do
  # Skip signature and certificate files
  if [[ "$artifact" == *.sig || "$artifact" == *.pem || "$artifact" == *provenance* || "$artifact" == *.txt || "$artifact" == *.md ]]; then
    continue
  fi

  if [[ -f "$artifact" ]]; then
    echo "Verifying: $(basename $artifact)"

    # Check if signature files exist
    if [[ ! -f "${artifact}.sig" ]] || [[ ! -f "${artifact}.pem" ]]; then
      echo "⚠️ No signature files found for $(basename $artifact)"
      FAILED_COUNT=$((FAILED_COUNT + 1))
      continue
    fi

    # Try with Rekor
    if cosign verify-blob "$artifact" \
      --signature "${artifact}.sig" \
      --certificate "${artifact}.pem" \
      --certificate-identity-regexp="https://github.com/${REPOSITORY}" \
      --certificate-oidc-issuer="https://token.actions.githubusercontent.com" 2>&1; then
      echo "✅ Verified with Rekor"
      VERIFIED_COUNT=$((VERIFIED_COUNT + 1))
    else
      echo "⚠️ Rekor unavailable, trying offline..."
      if cosign verify-blob "$artifact" \
        --signature "${artifact}.sig" \
        --certificate "${artifact}.pem" \
        --certificate-identity-regexp="https://github.com/${REPOSITORY}" \
        --certificate-oidc-issuer="https://token.actions.githubusercontent.com" \
        --insecure-ignore-tlog 2>&1; then
        echo "✅ Verified offline"
        VERIFIED_COUNT=$((VERIFIED_COUNT + 1))
      else
        echo "❌ Verification failed"
        FAILED_COUNT=$((FAILED_COUNT + 1))
      fi
    fi
  fi
done

echo ""
echo "Verification summary: ${VERIFIED_COUNT} verified, ${FAILED_COUNT} failed"

if [[ ${FAILED_COUNT} -gt 0 ]]; then
  echo "⚠️ Some artifacts failed verification"
else
  echo "✅ All artifacts verified successfully"
fi
