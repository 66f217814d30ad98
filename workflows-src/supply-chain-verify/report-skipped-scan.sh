echo "## ⚠️ Vulnerability Scan Skipped" >> $GITHUB_STEP_SUMMARY
echo "" >> $GITHUB_STEP_SUMMARY

if [[ "${IMAGE_EXISTS}" != "true" ]]; then
  echo "**Reason**: Docker image not available yet" >> $GITHUB_STEP_SUMMARY
  echo "" >> $GITHUB_STEP_SUMMARY
  echo "This is expected for PR workflows. The image will be scanned" >> $GITHUB_STEP_SUMMARY
  echo "after it's built by the docker-build workflow." >> $GITHUB_STEP_SUMMARY
# SBOM_VALID is empty when the validation did not run or wrote no result
elif [[ "${SBOM_VALID:-not validated}" != "true" ]]; then
  echo "**Reason**: SBOM validation failed" >> $GITHUB_STEP_SUMMARY
  echo "" >> $GITHUB_STEP_SUMMARY
  echo "Check the 'Validate SBOM File' step for details." >> $GITHUB_STEP_SUMMARY
fi

echo "" >> $GITHUB_STEP_SUMMARY
echo "✅ Workflow completed successfully (scan skipped)" >> $GITHUB_STEP_SUMMARY
