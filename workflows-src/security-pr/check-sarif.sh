if [[ -f trivy-binary-results.sarif ]]; then
  echo "exists=true" >> "$GITHUB_OUTPUT"
else
  echo "exists=false" >> "$GITHUB_OUTPUT"
  echo "ℹ️ No Trivy SARIF output found; skipping SARIF/artifact upload steps"
fi
